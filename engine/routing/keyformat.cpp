#include "keyformat.h"

#include "model/hexdigit.h"

#include <algorithm>
#include <charconv>

namespace partlab {

namespace {

QString quoted(std::string_view text)
{
    constexpr std::size_t kShown = 40;
    QString shown = QString::fromUtf8(text.data(), qsizetype(std::min(text.size(), kShown)));
    if (text.size() > kShown)
        shown += QStringLiteral("...");
    return QStringLiteral("'%1'").arg(shown);
}

template<typename T>
bool parseInteger(std::string_view text, bool allowSign, T &value)
{
    bool plus = false;
    if (allowSign && !text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        plus = true;
    }
    if (text.empty() || text.front() == '+' || (text.front() == '-' && (!allowSign || plus)))
        return false;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value, 10);
    return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

} // namespace

QStringList keyFormatNames()
{
    return {QStringLiteral("text"), QStringLiteral("hex"), QStringLiteral("i32"), QStringLiteral("i64"), QStringLiteral("u64")};
}

std::optional<KeyFormat> keyFormatFromName(const QString &name)
{
    static const KeyFormat formats[] = {KeyFormat::Text, KeyFormat::Hex, KeyFormat::Int32, KeyFormat::Int64, KeyFormat::UInt64};
    const QStringList names = keyFormatNames();
    const qsizetype index = names.indexOf(name);
    if (index < 0)
        return std::nullopt;
    return formats[index];
}

bool parseKey(std::string_view text, KeyFormat format, std::string &storage, RoutingKey &out, QString *error)
{
    switch (format) {
    case KeyFormat::Text:
        out = RoutingKey::text(text);
        return true;
    case KeyFormat::Hex: {
        if (text.size() % 2 != 0) {
            if (error)
                *error = QStringLiteral("bad hex key %1: an odd number of hex digits").arg(quoted(text));
            return false;
        }
        storage.resize(text.size() / 2);
        for (std::size_t i = 0; i < storage.size(); ++i) {
            const int hi = hexDigitValue(text[2 * i]);
            const int lo = hexDigitValue(text[2 * i + 1]);
            if (hi < 0 || lo < 0) {
                if (error)
                    *error = QStringLiteral("bad hex key %1: '%2' is not a hex digit")
                                 .arg(quoted(text), QString::fromUtf8(text.data() + 2 * i + (hi < 0 ? 0 : 1), 1));
                return false;
            }
            storage[i] = static_cast<char>((hi << 4) | lo);
        }
        out = RoutingKey::rawBytes(storage);
        return true;
    }
    case KeyFormat::Int32: {
        qint32 v = 0;
        if (!parseInteger(text, true, v)) {
            if (error)
                *error = QStringLiteral("bad i32 key %1: expected a whole number from -2147483648 to 2147483647").arg(quoted(text));
            return false;
        }
        out = RoutingKey::int32(v);
        return true;
    }
    case KeyFormat::Int64: {
        qint64 v = 0;
        if (!parseInteger(text, true, v)) {
            if (error)
                *error = QStringLiteral("bad i64 key %1: expected a whole number from -9223372036854775808 to 9223372036854775807").arg(quoted(text));
            return false;
        }
        out = RoutingKey::int64(v);
        return true;
    }
    case KeyFormat::UInt64: {
        quint64 v = 0;
        if (!parseInteger(text, false, v)) {
            if (error)
                *error = QStringLiteral("bad u64 key %1: expected a whole number from 0 to 18446744073709551615").arg(quoted(text));
            return false;
        }
        out = RoutingKey::uint64(v);
        return true;
    }
    }
    return false;
}

} // namespace partlab
