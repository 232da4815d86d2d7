#include "keyencoding.h"

#include <charconv>

namespace partlab {

std::string_view encodeKey(const RoutingKey &key, IntegerEncoding encoding, KeyScratch &scratch)
{
    switch (key.kind) {
    case RoutingKey::Kind::Text:
    case RoutingKey::Kind::Bytes:
        return key.bytes;
    case RoutingKey::Kind::Null:
        return {};
    case RoutingKey::Kind::Int32:
    case RoutingKey::Kind::Int64:
    case RoutingKey::Kind::UInt64:
        break;
    }
    if (encoding == IntegerEncoding::DecimalText) {
        char *end = scratch.data() + scratch.size();
        const auto result = key.kind == RoutingKey::Kind::UInt64
                                ? std::to_chars(scratch.data(), end, key.unsignedInteger)
                                : std::to_chars(scratch.data(), end, key.integer);
        return std::string_view(scratch.data(), std::size_t(result.ptr - scratch.data()));
    }
    const int width = key.kind == RoutingKey::Kind::Int32 ? 4 : 8;
    const quint64 bits = key.kind == RoutingKey::Kind::UInt64 ? key.unsignedInteger : quint64(key.integer);
    for (int i = 0; i < width; ++i)
        scratch[std::size_t(i)] = static_cast<char>(bits >> (8 * (width - 1 - i)));
    return std::string_view(scratch.data(), std::size_t(width));
}

quint64 keyHash64(const RoutingKey &key)
{
    switch (key.kind) {
    case RoutingKey::Kind::Text:
    case RoutingKey::Kind::Bytes:
        return fnv1a64(key.bytes);
    case RoutingKey::Kind::Int32:
    case RoutingKey::Kind::Int64:
        return quint64(key.integer);
    case RoutingKey::Kind::UInt64:
        return key.unsignedInteger;
    case RoutingKey::Kind::Null:
        break;
    }
    return 0;
}

} // namespace partlab
