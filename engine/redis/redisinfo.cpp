#include "redisinfo.h"

#include <charconv>

namespace partlab::RedisInfo {

namespace {

template<typename F>
void forEachLine(std::string_view text, F &&f)
{
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty() && line.front() != '#')
            f(line);
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
}

} // namespace

std::map<std::string, std::string> parse(std::string_view text)
{
    std::map<std::string, std::string> fields;
    forEachLine(text, [&](std::string_view line) {
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos)
            fields.emplace(std::string(line.substr(0, colon)), std::string(line.substr(colon + 1)));
    });
    return fields;
}

std::map<std::string, quint64> commandCalls(std::string_view text)
{
    std::map<std::string, quint64> calls;
    constexpr std::string_view kPrefix = "cmdstat_";
    forEachLine(text, [&](std::string_view line) {
        if (line.substr(0, kPrefix.size()) != kPrefix)
            return;
        const std::size_t colon = line.find(':');
        const std::size_t at = line.find("calls=");
        if (colon == std::string_view::npos || at == std::string_view::npos)
            return;
        quint64 n = 0;
        const char *first = line.data() + at + 6;
        std::from_chars(first, line.data() + line.size(), n);
        calls[std::string(line.substr(kPrefix.size(), colon - kPrefix.size()))] = n;
    });
    return calls;
}

} // namespace partlab::RedisInfo
