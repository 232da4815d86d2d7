#pragma once

#include <QString>
#include <QStringList>

namespace partlab {

/**
 * The console's command history, walked like a shell's: Up goes to older commands, Down back
 * to newer ones and finally to what was being typed before Up was first pressed. Repeating the
 * last command does not add it twice; the oldest commands drop out after kMaxItems.
 */
class ConsoleHistory
{
public:
    static constexpr int kMaxItems = 200;

    void add(const QString &command);
    /** The command before the current one; @p typing is kept as the draft when leaving it. */
    QString previous(const QString &typing);
    /** The command after the current one, or the draft at the end. */
    QString next();
    const QStringList &items() const { return m_items; }

private:
    QStringList m_items;
    qsizetype m_position = 0; ///< == m_items.size() while on the draft
    QString m_draft;
};

} // namespace partlab
