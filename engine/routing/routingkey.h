#pragma once

#include <QtGlobal>

#include <string_view>

namespace partlab {

/**
 * A routing value as a real system sees it: text (UTF-8), raw bytes, or a Java-style integer.
 *
 * The kind matters because real partitioners hash different types differently: XAP routes an
 * Integer by its value but a String by String.hashCode(), Kafka hashes the serialized bytes.
 * A Null key stands for a missing routing value; partitioners must not be asked to route it.
 */
struct RoutingKey
{
    enum class Kind { Null, Text, Bytes, Int32, Int64, UInt64 };

    Kind kind = Kind::Null;
    std::string_view bytes;   ///< Text (UTF-8) or Bytes
    qint64 integer = 0;       ///< Int32 / Int64
    quint64 unsignedInteger = 0; ///< UInt64

    static RoutingKey null() { return {}; }
    static RoutingKey text(std::string_view utf8) { return {Kind::Text, utf8, 0, 0}; }
    static RoutingKey rawBytes(std::string_view data) { return {Kind::Bytes, data, 0, 0}; }
    static RoutingKey int32(qint32 v) { return {Kind::Int32, {}, v, 0}; }
    static RoutingKey int64(qint64 v) { return {Kind::Int64, {}, v, 0}; }
    static RoutingKey uint64(quint64 v) { return {Kind::UInt64, {}, 0, v}; }

    bool isNull() const { return kind == Kind::Null; }
};

} // namespace partlab
