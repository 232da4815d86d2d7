#pragma once

#include "spaceevent.h"
#include "spaceproxy.h"

#include <QByteArray>
#include <QIODevice>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace partlab {

/**
 * Runs a space script: JSON Lines, one operation per line (`{"op":"write","type":"Order",...}`),
 * against a SpaceProxy, and answers every operation with one JSON line:
 *
 *     {"line":L,"op":"...","ok":true|false,"partitions":[...],"result":...,"error":null|"..."}
 *
 * plus "notifications" when subscriptions of the script fired during the operation. A failed
 * operation does not stop the script. Abuse gets an answer, never a crash: a line longer than
 * kMaxLineBytes, JSON nested deeper than kMaxJsonDepth and invalid JSON are ok:false lines.
 * Blank lines are skipped. The operations are listed in the README ("The partitioned space").
 */
class SpaceScriptRunner
{
public:
    static constexpr qsizetype kMaxLineBytes = 1 << 20;
    static constexpr int kMaxJsonDepth = 16;
    static constexpr qint64 kMaxTimeoutMs = 600'000;

    /** @p baseDirectory resolves relative `load` file names (the script's folder). */
    SpaceScriptRunner(SpaceProxy &proxy, const QString &baseDirectory);
    ~SpaceScriptRunner();

    /** Runs every line of @p input; @p output gets each answer (one JSON line, no newline). */
    void run(QIODevice &input, const std::function<void(const QByteArray &)> &output);

    /** Runs one line and returns its answer; empty for a blank line. */
    QByteArray runLine(qint64 lineNumber, const QByteArray &line);

    qint64 operations() const { return m_operations; }
    qint64 failures() const { return m_failures; }

private:
    /** One operation's answer before it is serialised. */
    struct Answer
    {
        QString op;
        bool ok = false;
        QList<int> partitions;
        QJsonValue result = QJsonValue(QJsonValue::Null);
        QString error;
    };
    /** Collects events of the script's subscriptions; listeners may run on pool threads. */
    struct Inbox
    {
        std::mutex mutex;
        std::vector<SpaceEvent> events;
    };

    Answer execute(const QJsonObject &command);
    QByteArray serialise(qint64 line, const Answer &answer, const std::vector<SpaceEvent> &events) const;

    Answer defineType(const QJsonObject &command);
    Answer write(const QJsonObject &command, const QString &op);
    Answer writeMultiple(const QJsonObject &command);
    Answer read(const QJsonObject &command, const QString &op);
    Answer byId(const QJsonObject &command, const QString &op);
    Answer countOrClear(const QJsonObject &command, const QString &op);
    Answer subscribe(const QJsonObject &command);
    Answer load(const QJsonObject &command);

    /** The query of a command: "template", "sql" or "snapshot" (none = every entry of "type"). */
    std::optional<SpaceQuery> queryOf(const QJsonObject &command, QString *error) const;
    std::shared_ptr<const TypeDescriptor> typeOf(const QJsonObject &command, QString *error) const;

    SpaceProxy &m_proxy;
    QString m_baseDirectory;
    std::shared_ptr<Inbox> m_inbox = std::make_shared<Inbox>();
    std::vector<quint64> m_subscriptions;
    qint64 m_operations = 0;
    qint64 m_failures = 0;
};

} // namespace partlab
