#include "autoid.h"

namespace partlab {

QString makeAutoId(int partition, quint64 counter)
{
    return QStringLiteral("A%1^%2").arg(partition).arg(counter);
}

std::optional<int> autoIdPartition(const QString &id, int partitions)
{
    if (!id.startsWith(QLatin1Char('A')))
        return std::nullopt;
    const qsizetype caret = id.indexOf(QLatin1Char('^'));
    if (caret < 2 || caret + 1 >= id.size())
        return std::nullopt;
    bool ok = false;
    const int partition = QStringView(id).mid(1, caret - 1).toInt(&ok);
    bool counterOk = false;
    (void)QStringView(id).mid(caret + 1).toULongLong(&counterOk);
    if (!ok || !counterOk || partition < 0 || partition >= partitions)
        return std::nullopt;
    return partition;
}

} // namespace partlab
