#pragma once

#include <QtGlobal>

#include <string_view>

namespace partlab {

/**
 * CRC-16/XMODEM (polynomial 0x1021, initial value 0, no reflection, no final XOR), the CRC
 * Redis Cluster uses for key hash slots. Check value: "123456789" -> 0x31C3.
 */
quint16 crc16Xmodem(std::string_view bytes);

/**
 * The part of a Redis key that is hashed: the content of the first `{...}` when the key has a
 * `{`, a `}` after it, and at least one byte between them; otherwise the whole key. This is how
 * `{user1000}.following` and `{user1000}.followers` land in the same slot.
 */
std::string_view redisHashTag(std::string_view key);

/** Redis Cluster's keyHashSlot: crc16(hash tag or key) & 0x3FFF, a slot in [0, 16384). */
inline int redisKeySlot(std::string_view key)
{
    return crc16Xmodem(redisHashTag(key)) & 0x3FFF;
}

} // namespace partlab
