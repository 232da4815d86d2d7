#pragma once

#include <QtGlobal>

#include <map>
#include <string>
#include <string_view>

namespace partlab {

/** Reading the text of INFO replies ("field:value" lines, "# Section" headers, CRLF). */
namespace RedisInfo {

/** Every "field:value" line of an INFO reply. */
std::map<std::string, std::string> parse(std::string_view text);

/**
 * Calls per command from INFO commandstats ("cmdstat_evalsha:calls=12,usec=..." lines), keyed
 * by lowercase command name ("evalsha", "cluster|slots").
 */
std::map<std::string, quint64> commandCalls(std::string_view text);

} // namespace RedisInfo

} // namespace partlab
