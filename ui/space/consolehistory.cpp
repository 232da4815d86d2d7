#include "consolehistory.h"

namespace partlab {

void ConsoleHistory::add(const QString &command)
{
    const QString trimmed = command.trimmed();
    if (!trimmed.isEmpty() && (m_items.isEmpty() || m_items.last() != trimmed))
        m_items << trimmed;
    while (m_items.size() > kMaxItems)
        m_items.removeFirst();
    m_position = m_items.size();
    m_draft.clear();
}

QString ConsoleHistory::previous(const QString &typing)
{
    if (m_items.isEmpty())
        return typing;
    if (m_position == m_items.size())
        m_draft = typing;
    if (m_position > 0)
        --m_position;
    return m_items[m_position];
}

QString ConsoleHistory::next()
{
    if (m_position >= m_items.size() - 1) {
        m_position = m_items.size();
        return m_draft;
    }
    return m_items[++m_position];
}

} // namespace partlab
