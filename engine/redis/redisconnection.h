#pragma once

#include "redisaddress.h"

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct redisContext; // hiredis; only redisconnection.cpp sees its definition

namespace partlab {

/** One reply of a Redis server, copied out of hiredis so it outlives the read buffer. */
struct RedisReply
{
    enum class Type { None, String, Status, Error, Integer, Nil, Array };
    Type type = Type::None; ///< None: no reply was read (the connection failed)
    std::string text;       ///< String, Status and Error
    long long integer = 0;
    std::vector<RedisReply> elements;

    bool isError() const { return type == Type::Error; }
    bool isOk() const { return type == Type::Status && text == "OK"; }
    /** The text of a String, Status or Error reply as UTF-8 (for messages). */
    QString qtext() const { return QString::fromUtf8(text.data(), qsizetype(text.size())); }
};

/**
 * A blocking connection to one Redis node (hiredis), owned and used by one thread at a time.
 *
 * Every wait is bounded: connect() takes a connect timeout, and reads and writes time out after
 * the command timeout, so a node that stops answering turns into an error, never a hang. Once a
 * read or write failed, the connection is broken (isBroken()) and must be replaced.
 */
class RedisConnection
{
public:
    static constexpr int kDefaultConnectTimeoutMs = 2000;
    static constexpr int kDefaultCommandTimeoutMs = 5000;

    /** Connects; nullptr with a one-line @p error naming the address on failure. */
    static std::unique_ptr<RedisConnection> connect(const RedisAddress &address, QString *error,
                                                    int connectTimeoutMs = kDefaultConnectTimeoutMs,
                                                    int commandTimeoutMs = kDefaultCommandTimeoutMs);
    ~RedisConnection();
    RedisConnection(const RedisConnection &) = delete;
    RedisConnection &operator=(const RedisConnection &) = delete;

    /** Sends one command and waits for its reply (Type::None when the connection failed). */
    RedisReply command(const std::vector<std::string_view> &arguments);
    RedisReply command(std::initializer_list<std::string_view> arguments);

    /** Pipelining: queue a command in the output buffer (nothing is sent yet). */
    void append(const std::vector<std::string_view> &arguments);
    void append(std::initializer_list<std::string_view> arguments);
    /** Sends what is queued (if anything) and reads the next reply; false when the connection failed. */
    bool readReply(RedisReply &reply);

    const RedisAddress &address() const { return m_address; }
    bool isBroken() const { return m_broken; }
    /** Why the connection failed: "127.0.0.1:7001: Connection refused" (one line). */
    QString errorString() const;

private:
    RedisConnection(const RedisAddress &address, redisContext *context);
    void appendArgv(int argc, const char **argv, const std::size_t *lengths);

    RedisAddress m_address;
    redisContext *m_context = nullptr;
    bool m_broken = false;
    std::vector<const char *> m_argv;
    std::vector<std::size_t> m_lengths;
};

} // namespace partlab
