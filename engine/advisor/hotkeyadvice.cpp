#include "hotkeyadvice.h"

#include "model/numberformat.h"

#include <QCoreApplication>

namespace partlab {

QStringList hotKeyAdvice(const HottestKey &hottest, int partitions)
{
    QStringList advice;
    if (partitions < 1)
        return advice;
    const double fair = 1.0 / double(partitions); // the load share of an average partition
    const QString key = QString::fromStdString(hottest.key);
    if (hottest.totalShare > fair) {
        advice << QCoreApplication::translate("HotKeyAdvice",
                      "Key '%1' alone carries %2 of all messages, more than an average partition's %3: more partitions "
                      "won't help, because one key is always applied on one partition.")
                      .arg(key, fmt::percent(hottest.totalShare), fmt::percent(fair));
        advice << QCoreApplication::translate("HotKeyAdvice",
                      "Salt the key: route '%1#0' .. '%1#k' to k partitions and merge their partial states "
                      "(works for count, sum, min, max; vwap keeps sum(price*volume) and sum(volume)).")
                      .arg(key);
        advice << QCoreApplication::translate("HotKeyAdvice",
                      "Or route by a property with more distinct values, if the computation allows it.");
    } else if (hottest.partitionShare > 0.5) {
        advice << QCoreApplication::translate("HotKeyAdvice",
                      "Key '%1' gives %2 of partition %3's load; the other keys of that partition wait behind it. "
                      "A partitioner or partition count that puts fewer keys next to it spreads the rest.")
                      .arg(key, fmt::percent(hottest.partitionShare)).arg(hottest.partition);
    } else {
        advice << QCoreApplication::translate("HotKeyAdvice",
                      "No single key dominates: the hottest, '%1', gives %2 of all messages. Uneven partitions come from "
                      "how keys fall, so another partition count or partitioner can even them out (try partlab-cli sweep).")
                      .arg(key, fmt::percent(hottest.totalShare));
    }
    return advice;
}

} // namespace partlab
