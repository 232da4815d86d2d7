#pragma once

#include "consoleanswer.h"
#include "consolehistory.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace partlab {

class PartitionStrip;
class SpaceProxy;
class SpaceScriptRunner;
class SpaceSession;

/**
 * The query console: type an operation on the space the space view uses (write, read, take,
 * count, clear, an SQL query; see ConsoleCommand for the syntax), see the partitions it touched
 * on a partition strip (one for a routed operation, all for a broadcast), the result, and errors
 * in plain words. Up/Down walk the history; example commands are one click away.
 *
 * Operations run on a pool thread (a blocking take may wait, and a partition may be busy with the
 * workload's clients), so the UI thread never waits for the space.
 */
class QueryConsole : public QWidget
{
    Q_OBJECT

public:
    explicit QueryConsole(SpaceSession *session, QWidget *parent = nullptr);
    ~QueryConsole() override;

    /** Runs @p command as if typed and entered. */
    void execute(const QString &command);
    bool isBusy() const;

    QLineEdit *input() const { return m_input; }
    PartitionStrip *strip() const { return m_strip; }
    QTextBrowser *output() const { return m_output; }
    QLabel *routingLabel() const { return m_routing; }
    const QList<QPushButton *> &exampleButtons() const { return m_examples; }
    const ConsoleAnswer &lastAnswer() const { return m_last; }
    const ConsoleHistory &history() const { return m_history; }

signals:
    /** An answer (or a parse error) is shown. */
    void answered(const partlab::ConsoleAnswer &answer);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Runner;

    void bindSpace();
    void show(const QString &command, const ConsoleAnswer &answer);
    void setBusy(bool busy);

    SpaceSession *m_session;
    std::shared_ptr<Runner> m_runner;
    bool m_spaceChanged = false;
    bool m_usedSinceBind = false;
    QTextBrowser *m_output;
    PartitionStrip *m_strip;
    QLabel *m_routing;
    QLineEdit *m_input;
    QPushButton *m_run;
    QList<QPushButton *> m_examples;
    ConsoleHistory m_history;
    ConsoleAnswer m_last;
    QFutureWatcher<QByteArray> m_watcher;
    QString m_pendingCommand;
    QByteArray m_pendingLine;
    qint64 m_line = 0;
};

} // namespace partlab
