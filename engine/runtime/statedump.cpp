#include "statedump.h"

#include <QCryptographicHash>
#include <QIODevice>

#include <charconv>
#include <cmath>

namespace partlab {

QByteArray formatStateValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("nan");
    // std::to_chars is locale-independent, unlike printf after QCoreApplication's setlocale().
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 17);
    return QByteArray(buf, int(r.ptr - buf));
}

QString stateChecksum(const std::vector<KeyResult> &state)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray line;
    for (const KeyResult &r : state) {
        line.clear();
        line.append(r.key.data(), qsizetype(r.key.size()));
        line.append('\t');
        line.append(formatStateValue(r.value));
        line.append('\n');
        hash.addData(line);
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool writeStateTsv(QIODevice &device, const std::vector<KeyResult> &state)
{
    QByteArray buffer;
    buffer.reserve(1 << 16);
    for (const KeyResult &r : state) {
        appendEscapedKey(buffer, r.key);
        buffer.append('\t');
        buffer.append(QByteArray::number(r.partition));
        buffer.append('\t');
        buffer.append(formatStateValue(r.value));
        buffer.append('\n');
        if (buffer.size() > (1 << 16) - 256) {
            if (device.write(buffer) != buffer.size())
                return false;
            buffer.clear();
        }
    }
    return device.write(buffer) == buffer.size();
}

} // namespace partlab
