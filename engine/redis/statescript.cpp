#include "statescript.h"

#include <QCryptographicHash>

#include <charconv>

namespace partlab::StateScript {

// Every branch mirrors applyComputation<C>() in runtime/computation.h; keep them in step.
// fmin/fmax: with no NaN, fmin(a, v) is v when v < a, else a (and fmax likewise).
static const char kSource[] = R"LUA(-- partlab: apply one message to one key's state
local st = redis.call('HMGET', KEYS[1], 'q', 'n', 'a', 'b')
local seq = tonumber(ARGV[2])
if st[1] and tonumber(st[1]) >= seq then return 0 end
local n = tonumber(st[2]) or 0
local a = tonumber(st[3]) or 0
local b = tonumber(st[4]) or 0
local c = ARGV[1]
local v = tonumber(ARGV[3])
if c == 'last' then a = v
elseif c == 'sum' or c == 'mean' then a = a + v
elseif c == 'min' then if n == 0 or v < a then a = v end
elseif c == 'max' then if n == 0 or v > a then a = v end
elseif c == 'vwap' then
  local vol = tonumber(ARGV[4])
  a = a + v * vol
  b = b + vol
end
redis.call('HSET', KEYS[1], 'q', ARGV[2], 'n', string.format('%d', n + 1),
           'a', string.format('%.17g', a), 'b', string.format('%.17g', b))
return 1
)LUA";

const std::string &source()
{
    static const std::string s(kSource);
    return s;
}

const std::string &sha1()
{
    static const std::string hex = QCryptographicHash::hash(QByteArray::fromStdString(source()), QCryptographicHash::Sha1)
                                       .toHex()
                                       .toStdString();
    return hex;
}

std::string_view formatDouble(double value, char *buffer, std::size_t size)
{
    const auto r = std::to_chars(buffer, buffer + size, value, std::chars_format::general, 17);
    return std::string_view(buffer, std::size_t(r.ptr - buffer));
}

} // namespace partlab::StateScript
