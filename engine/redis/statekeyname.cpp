#include "statekeyname.h"

#include "routing/crc16.h"

#include <array>
#include <charconv>

namespace partlab::StateKeyName {

namespace {

/** For each slot, the smallest decimal number that hashes to it (computed once, ~0.2 ms). */
const std::array<quint32, 16384> &slotTags()
{
    static const std::array<quint32, 16384> tags = [] {
        std::array<quint32, 16384> t;
        t.fill(0xFFFFFFFFu);
        int missing = 16384;
        char digits[16];
        for (quint32 n = 0; missing > 0; ++n) {
            const auto r = std::to_chars(digits, digits + sizeof digits, n);
            const int slot = redisKeySlot(std::string_view(digits, std::size_t(r.ptr - digits)));
            if (t[std::size_t(slot)] == 0xFFFFFFFFu) {
                t[std::size_t(slot)] = n;
                --missing;
            }
        }
        return t;
    }();
    return tags;
}

} // namespace

void encode(std::string_view key, std::string &out)
{
    out.assign(kPrefix);
    const bool hasBrace = key.find_first_of("{}") != std::string_view::npos;
    if (!key.empty() && !hasBrace) {
        out += '{';
        out += key;
        out += '}';
    } else if (redisHashTag(key).size() != key.size()) { // the key has its own hash tag
        out += "t:";
        out += key;
    } else {
        char digits[16];
        const auto r = std::to_chars(digits, digits + sizeof digits, slotTags()[std::size_t(redisKeySlot(key))]);
        out += "s:{";
        out.append(digits, std::size_t(r.ptr - digits));
        out += '}';
        out += key;
    }
}

std::string encode(std::string_view key)
{
    std::string out;
    encode(key, out);
    return out;
}

std::optional<std::string> decode(std::string_view redisKey)
{
    if (redisKey.substr(0, kPrefix.size()) != kPrefix)
        return std::nullopt;
    std::string_view rest = redisKey.substr(kPrefix.size());
    if (rest.size() >= 2 && rest.front() == '{' && rest.back() == '}')
        return std::string(rest.substr(1, rest.size() - 2));
    if (rest.substr(0, 2) == "t:")
        return std::string(rest.substr(2));
    if (rest.substr(0, 3) == "s:{") {
        const std::size_t close = rest.find('}');
        if (close != std::string_view::npos)
            return std::string(rest.substr(close + 1));
    }
    return std::nullopt;
}

} // namespace partlab::StateKeyName
