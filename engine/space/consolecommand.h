#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace partlab {

class SpaceProxy;

/**
 * The query console's one-line syntax, translated into a line of the space script format (the
 * JSON Lines `partlab-cli space` runs), so the console and scripts share one executor
 * (SpaceScriptRunner):
 *
 *     write Order orderId=o1 customerId=c1 amount=12.5 status=new   -> {"op":"write","type":"Order","entry":{...}}
 *     read Order customerId=c1                                      -> template query
 *     take Order customerId=c1 timeout=100                          -> blocking take, 100 ms
 *     readMultiple Order max=5 where amount > 100 ORDER BY amount   -> SQL-like query
 *     readById Order o1 routing=c1                                  -> by id (routing value optional)
 *     count Order where status = 'new'     clear Customer name='Customer 7'
 *     select * from Order where amount > 500 limit 5                -> readMultiple
 *     select count(*) from Order where customerId = 'c1'            -> count
 *     stats     clean     {"op":...}                                -> a JSON line is passed through
 *
 * Operation names and SQL keywords are case-insensitive; values are typed by the type's
 * properties (quote a value with spaces: name='Customer 7'). Errors are plain sentences.
 */
class ConsoleCommand
{
    Q_DECLARE_TR_FUNCTIONS(partlab::ConsoleCommand)

public:
    /** The script line for @p text, or nullopt with @p error. */
    static std::optional<QByteArray> toScriptLine(const QString &text, const SpaceProxy &space, QString *error);
};

} // namespace partlab
