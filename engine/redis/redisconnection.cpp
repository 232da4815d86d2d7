#include "redisconnection.h"

#include <hiredis/hiredis.h>

#include <sys/time.h>

namespace partlab {

namespace {

timeval toTimeval(int ms)
{
    timeval tv;
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

void copyReply(const redisReply *from, RedisReply &to)
{
    to.elements.clear();
    to.text.clear();
    to.integer = 0;
    switch (from->type) {
    case REDIS_REPLY_STRING: to.type = RedisReply::Type::String; break;
    case REDIS_REPLY_STATUS: to.type = RedisReply::Type::Status; break;
    case REDIS_REPLY_ERROR: to.type = RedisReply::Type::Error; break;
    case REDIS_REPLY_INTEGER: to.type = RedisReply::Type::Integer; break;
    case REDIS_REPLY_ARRAY: to.type = RedisReply::Type::Array; break;
    default: to.type = RedisReply::Type::Nil; break;
    }
    if (from->type == REDIS_REPLY_STRING || from->type == REDIS_REPLY_STATUS || from->type == REDIS_REPLY_ERROR)
        to.text.assign(from->str, from->len);
    to.integer = from->integer;
    if (from->type == REDIS_REPLY_ARRAY) {
        to.elements.resize(from->elements);
        for (std::size_t i = 0; i < from->elements; ++i)
            copyReply(from->element[i], to.elements[i]);
    }
}

} // namespace

std::unique_ptr<RedisConnection> RedisConnection::connect(const RedisAddress &address, QString *error,
                                                          int connectTimeoutMs, int commandTimeoutMs)
{
    redisContext *c = redisConnectWithTimeout(address.host.c_str(), address.port, toTimeval(connectTimeoutMs));
    if (!c || c->err) {
        if (error) {
            *error = QStringLiteral("%1: cannot connect: %2")
                         .arg(address.toString(), c ? QString::fromLocal8Bit(c->errstr) : QStringLiteral("out of memory"));
        }
        if (c)
            redisFree(c);
        return nullptr;
    }
    if (redisSetTimeout(c, toTimeval(commandTimeoutMs)) != REDIS_OK) {
        if (error)
            *error = QStringLiteral("%1: cannot set the socket timeout").arg(address.toString());
        redisFree(c);
        return nullptr;
    }
    return std::unique_ptr<RedisConnection>(new RedisConnection(address, c));
}

RedisConnection::RedisConnection(const RedisAddress &address, redisContext *context)
    : m_address(address), m_context(context)
{
}

RedisConnection::~RedisConnection()
{
    redisFree(m_context);
}

void RedisConnection::appendArgv(int argc, const char **argv, const std::size_t *lengths)
{
    if (m_broken)
        return;
    if (redisAppendCommandArgv(m_context, argc, argv, lengths) != REDIS_OK)
        m_broken = true;
}

void RedisConnection::append(const std::vector<std::string_view> &arguments)
{
    m_argv.clear();
    m_lengths.clear();
    for (std::string_view a : arguments) {
        m_argv.push_back(a.data());
        m_lengths.push_back(a.size());
    }
    appendArgv(int(m_argv.size()), m_argv.data(), m_lengths.data());
}

void RedisConnection::append(std::initializer_list<std::string_view> arguments)
{
    m_argv.clear();
    m_lengths.clear();
    for (std::string_view a : arguments) {
        m_argv.push_back(a.data());
        m_lengths.push_back(a.size());
    }
    appendArgv(int(m_argv.size()), m_argv.data(), m_lengths.data());
}

bool RedisConnection::readReply(RedisReply &reply)
{
    reply.type = RedisReply::Type::None;
    if (m_broken)
        return false;
    void *raw = nullptr;
    if (redisGetReply(m_context, &raw) != REDIS_OK || !raw) {
        m_broken = true;
        return false;
    }
    copyReply(static_cast<redisReply *>(raw), reply);
    freeReplyObject(raw);
    return true;
}

RedisReply RedisConnection::command(const std::vector<std::string_view> &arguments)
{
    append(arguments);
    RedisReply reply;
    readReply(reply);
    return reply;
}

RedisReply RedisConnection::command(std::initializer_list<std::string_view> arguments)
{
    append(arguments);
    RedisReply reply;
    readReply(reply);
    return reply;
}

QString RedisConnection::errorString() const
{
    QString reason;
    if (m_context->err == REDIS_ERR_EOF)
        reason = QStringLiteral("the server closed the connection");
    else if (m_context->err == REDIS_ERR_IO && (QByteArray(m_context->errstr).contains("temporarily unavailable")))
        reason = QStringLiteral("no answer within the timeout");
    else if (m_context->err)
        reason = QString::fromLocal8Bit(m_context->errstr);
    else
        reason = QStringLiteral("connection lost");
    return QStringLiteral("%1: %2").arg(m_address.toString(), reason);
}

} // namespace partlab
