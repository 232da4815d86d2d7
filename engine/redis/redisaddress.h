#pragma once

#include <QString>

#include <optional>
#include <string>

namespace partlab {

/** A Redis node's address as the cluster names it: "HOST:PORT" (IPv6 hosts in brackets or not). */
struct RedisAddress
{
    std::string host;
    int port = 0;

    /** "127.0.0.1:7000"; an IPv6 host is written as redis-cli does, "[::1]:7000" is not used. */
    QString toString() const;
    std::string toStdString() const;
    bool operator==(const RedisAddress &other) const = default;
    bool operator<(const RedisAddress &other) const
    {
        return host != other.host ? host < other.host : port < other.port;
    }

    /**
     * Parses "HOST:PORT" (the port after the last colon, so "::1:7000" is IPv6 ::1). Returns
     * nullopt with a one-line @p error that quotes the text when it is not an address.
     */
    static std::optional<RedisAddress> parse(const QString &text, QString *error);
};

} // namespace partlab
