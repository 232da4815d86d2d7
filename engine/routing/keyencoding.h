#pragma once

#include "routingkey.h"

#include <array>
#include <string_view>

namespace partlab {

/**
 * How a routing key reaches a system that hashes bytes (Kafka, Redis, Cassandra, Wallaroo).
 *
 * Text and raw bytes are hashed as they are. Integers have no bytes of their own, so each
 * system's usual client encoding is used: Kafka's IntegerSerializer / LongSerializer and
 * Cassandra's `int` / `bigint` write big-endian two's complement (4 or 8 bytes; a u64 key is
 * written as the bigint with the same 64 bits); Redis and Wallaroo see keys as strings, so an
 * integer is its decimal text ("42", "-7", "18446744073709551615").
 */
enum class IntegerEncoding { BigEndian, DecimalText };

/** Scratch space for the encoded bytes of an integer key (20 digits and a sign fit). */
using KeyScratch = std::array<char, 24>;

/**
 * The bytes a system hashes for @p key. For text and bytes this is key.bytes itself; for
 * integers the bytes are written into @p scratch and a view of them is returned.
 */
std::string_view encodeKey(const RoutingKey &key, IntegerEncoding encoding, KeyScratch &scratch);

/** FNV-1a, 64-bit (offset basis 0xcbf29ce484222325, prime 0x100000001b3). */
constexpr quint64 fnv1a64(std::string_view bytes)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

/**
 * The 64-bit key the jump, rendezvous and ring partitioners start from: a u64 key as is, an
 * i32/i64 key as its two's complement bits (sign-extended: -1 is 0xFFFFFFFFFFFFFFFF), text and
 * bytes hashed with FNV-1a 64.
 */
quint64 keyHash64(const RoutingKey &key);

} // namespace partlab
