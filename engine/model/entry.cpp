#include "entry.h"

namespace partlab {

void Entry::setValue(const QString &property, const Value &value)
{
    if (value.isNull())
        m_values.remove(property);
    else
        m_values.insert(property, value);
}

} // namespace partlab
