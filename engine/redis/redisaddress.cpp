#include "redisaddress.h"

namespace partlab {

QString RedisAddress::toString() const
{
    return QStringLiteral("%1:%2").arg(QString::fromStdString(host)).arg(port);
}

std::string RedisAddress::toStdString() const
{
    return host + ':' + std::to_string(port);
}

std::optional<RedisAddress> RedisAddress::parse(const QString &text, QString *error)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&ok) : 0;
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (!ok || port < 1 || port > 65535 || host.isEmpty()) {
        if (error)
            *error = QStringLiteral("'%1' is not HOST:PORT (e.g. 127.0.0.1:7000)").arg(text);
        return std::nullopt;
    }
    RedisAddress a;
    a.host = host.toStdString();
    a.port = port;
    return a;
}

} // namespace partlab
