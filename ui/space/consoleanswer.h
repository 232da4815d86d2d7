#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace partlab {

/**
 * One console answer in plain words, read from the script runner's JSON line: whether it
 * worked, the partitions it touched and whether it was broadcast, what it returned (a few lines
 * of text) or the error.
 */
struct ConsoleAnswer
{
    Q_DECLARE_TR_FUNCTIONS(partlab::ConsoleAnswer)

public:
    bool ok = false;
    QString op;
    QList<int> partitions;
    bool broadcast = false;
    QString error;
    QStringList lines;
    /** What each partition's planner did ("partition 3: index customerId, 12 examined, 3 matched"). */
    QStringList plan;
    /** The script line that was run (shown small, so the console also teaches the script format). */
    QByteArray scriptLine;

    static ConsoleAnswer fromScriptAnswer(const QByteArray &answer);
    /** "routed to partition 3", "broadcast to all 8 partitions", ... */
    QString routingText(int partitionCount) const;
};

} // namespace partlab
