#include "jsonfields.h"

#include "model/hexdigit.h"

#include <cstring>

namespace partlab {

void JsonFieldScanner::setPaths(const QStringList &paths)
{
    m_paths.clear();
    for (const QString &path : paths.mid(0, kMaxPaths)) {
        std::vector<std::string> segments; // an empty path never matches
        for (const QString &s : path.isEmpty() ? QStringList() : path.split(QLatin1Char('.')))
            segments.push_back(s.toStdString());
        m_paths.push_back(std::move(segments));
    }
    m_fields.assign(m_paths.size(), Field{});
    m_storage.assign(m_paths.size(), std::string());
}

QString JsonFieldScanner::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Missing: return QStringLiteral("missing");
    case Kind::String: return QStringLiteral("a string");
    case Kind::Number: return QStringLiteral("a number");
    case Kind::True:
    case Kind::False: return QStringLiteral("a boolean");
    case Kind::Null: return QStringLiteral("null");
    case Kind::Object: return QStringLiteral("an object");
    case Kind::Array: break;
    }
    return QStringLiteral("an array");
}

bool JsonFieldScanner::fail(const char *at, const char *what)
{
    m_reason = QStringLiteral("bad JSON at column %1: %2").arg(qint64(at - m_begin) + 1).arg(QLatin1String(what));
    return false;
}

void JsonFieldScanner::skipSpace()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r' || *m_p == '\n'))
        ++m_p;
}

bool JsonFieldScanner::scan(std::string_view line, QString *reason)
{
    for (Field &f : m_fields)
        f = Field{};
    m_begin = m_p = line.data();
    m_end = line.data() + line.size();
    skipSpace();
    bool ok = false;
    if (m_p >= m_end)
        ok = fail(m_p, "empty line, expected a JSON object");
    else if (*m_p != '{')
        ok = fail(m_p, "expected a JSON object ('{')");
    else {
        const Mask all = m_paths.size() >= 32 ? ~Mask(0) : (Mask(1) << m_paths.size()) - 1;
        ok = parseObject(1, all);
        if (ok) {
            skipSpace();
            if (m_p != m_end)
                ok = fail(m_p, "text after the object (one object per line)");
        }
    }
    if (!ok && reason)
        *reason = m_reason;
    return ok;
}

void JsonFieldScanner::captureInto(Mask capture, Kind kind, std::string_view text, bool needsCopy)
{
    for (std::size_t i = 0; i < m_paths.size(); ++i) {
        if (!(capture & (Mask(1) << i)))
            continue;
        Field &f = m_fields[i];
        f.kind = kind;
        if (needsCopy) { // decoded text lives in a scratch buffer that the next string reuses
            m_storage[i].assign(text.data(), text.size());
            f.text = m_storage[i];
        } else {
            f.text = text;
        }
    }
}

bool JsonFieldScanner::parseValue(int depth, Mask descend, Mask capture)
{
    skipSpace();
    if (m_p >= m_end)
        return fail(m_p, "unexpected end of line, expected a value");
    const char *start = m_p;
    switch (*m_p) {
    case '{':
        if (capture)
            captureInto(capture, Kind::Object, {}, false);
        return parseObject(depth + 1, descend);
    case '[':
        if (capture)
            captureInto(capture, Kind::Array, {}, false);
        return parseArray(depth + 1);
    case '"': {
        if (!capture)
            return parseString(nullptr, nullptr);
        std::string_view text;
        m_valueScratch.clear();
        if (!parseString(&text, &m_valueScratch))
            return false;
        captureInto(capture, Kind::String, text, text.data() == m_valueScratch.data());
        return true;
    }
    case 't':
        if (!parseLiteral("true", 4))
            return false;
        captureInto(capture, Kind::True, {}, false);
        return true;
    case 'f':
        if (!parseLiteral("false", 5))
            return false;
        captureInto(capture, Kind::False, {}, false);
        return true;
    case 'n':
        if (!parseLiteral("null", 4))
            return false;
        captureInto(capture, Kind::Null, {}, false);
        return true;
    default:
        if (!parseNumber())
            return false;
        captureInto(capture, Kind::Number, std::string_view(start, std::size_t(m_p - start)), false);
        return true;
    }
}

bool JsonFieldScanner::parseObject(int depth, Mask active)
{
    if (depth > kMaxDepth)
        return fail(m_p, "nested deeper than 64 levels");
    ++m_p; // '{'
    skipSpace();
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
        return true;
    }
    const std::size_t level = std::size_t(depth - 1); // segment index of this object's keys
    for (;;) {
        skipSpace();
        if (m_p >= m_end || *m_p != '"')
            return fail(m_p, "expected a quoted member name");
        std::string_view key;
        if (active) {
            m_keyScratch.clear();
            if (!parseString(&key, &m_keyScratch))
                return false;
        } else if (!parseString(nullptr, nullptr)) {
            return false;
        }
        Mask descend = 0, capture = 0;
        for (std::size_t i = 0; active && i < m_paths.size(); ++i) {
            const Mask bit = Mask(1) << i;
            const std::vector<std::string> &segments = m_paths[i];
            if (!(active & bit) || segments.size() <= level || segments[level] != key)
                continue;
            (segments.size() == level + 1 ? capture : descend) |= bit;
        }
        skipSpace();
        if (m_p >= m_end || *m_p != ':')
            return fail(m_p, "expected ':' after a member name");
        ++m_p;
        if (!parseValue(depth, descend, capture))
            return false;
        skipSpace();
        if (m_p >= m_end)
            return fail(m_p, "unexpected end of line inside an object (missing '}')");
        if (*m_p == ',') {
            ++m_p;
            continue;
        }
        if (*m_p == '}') {
            ++m_p;
            return true;
        }
        return fail(m_p, "expected ',' or '}'");
    }
}

bool JsonFieldScanner::parseArray(int depth)
{
    if (depth > kMaxDepth)
        return fail(m_p, "nested deeper than 64 levels");
    ++m_p; // '['
    skipSpace();
    if (m_p < m_end && *m_p == ']') {
        ++m_p;
        return true;
    }
    for (;;) {
        if (!parseValue(depth, 0, 0)) // array elements have no path
            return false;
        skipSpace();
        if (m_p >= m_end)
            return fail(m_p, "unexpected end of line inside an array (missing ']')");
        if (*m_p == ',') {
            ++m_p;
            continue;
        }
        if (*m_p == ']') {
            ++m_p;
            return true;
        }
        return fail(m_p, "expected ',' or ']'");
    }
}

namespace {

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

} // namespace

bool JsonFieldScanner::parseString(std::string_view *decoded, std::string *storage)
{
    const char *start = ++m_p; // after the opening quote
    // Fast path: no escapes, the text is a view into the line.
    while (m_p < m_end && *m_p != '"' && *m_p != '\\') {
        if (quint8(*m_p) < 0x20)
            return fail(m_p, "control character inside a string (escape it)");
        ++m_p;
    }
    if (m_p >= m_end)
        return fail(start - 1, "unterminated string");
    if (*m_p == '"') {
        if (decoded)
            *decoded = std::string_view(start, std::size_t(m_p - start));
        ++m_p;
        return true;
    }
    if (storage)
        storage->assign(start, std::size_t(m_p - start));
    auto readHex4 = [&](const char *at, char32_t &v) {
        if (m_end - at < 4)
            return false;
        v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexDigitValue(at[i]);
            if (h < 0)
                return false;
            v = v * 16 + char32_t(h);
        }
        return true;
    };
    while (m_p < m_end && *m_p != '"') {
        const char c = *m_p;
        if (quint8(c) < 0x20)
            return fail(m_p, "control character inside a string (escape it)");
        if (c != '\\') {
            if (storage)
                *storage += c;
            ++m_p;
            continue;
        }
        if (m_p + 1 >= m_end)
            return fail(m_p, "unterminated escape");
        const char e = m_p[1];
        char plain = 0;
        switch (e) {
        case '"': plain = '"'; break;
        case '\\': plain = '\\'; break;
        case '/': plain = '/'; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': {
            char32_t cp = 0;
            if (!readHex4(m_p + 2, cp))
                return fail(m_p, "bad \\u escape (four hex digits expected)");
            m_p += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) { // high surrogate: a low one must follow
                char32_t low = 0;
                if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u' || !readHex4(m_p + 2, low) || low < 0xDC00
                    || low > 0xDFFF)
                    return fail(m_p, "lone UTF-16 surrogate in a \\u escape");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                m_p += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return fail(m_p - 6, "lone UTF-16 surrogate in a \\u escape");
            }
            if (storage)
                appendUtf8(*storage, cp);
            continue;
        }
        default:
            return fail(m_p, "unknown escape in a string");
        }
        if (storage)
            *storage += plain;
        m_p += 2;
    }
    if (m_p >= m_end)
        return fail(start - 1, "unterminated string");
    ++m_p;
    if (decoded)
        *decoded = storage ? std::string_view(*storage) : std::string_view();
    return true;
}

bool JsonFieldScanner::parseNumber()
{
    // JSON grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const char *start = m_p;
    auto digits = [&] {
        const char *from = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p > from;
    };
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (m_p < m_end && *m_p == '0') {
        ++m_p;
    } else if (!digits()) {
        return fail(start, "expected a value (string, number, object, array, true, false or null)");
    }
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (!digits())
            return fail(m_p, "digits expected after the decimal point");
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (!digits())
            return fail(m_p, "digits expected in the exponent");
    }
    return true;
}

bool JsonFieldScanner::parseLiteral(const char *word, std::size_t length)
{
    if (std::size_t(m_end - m_p) < length || std::memcmp(m_p, word, length) != 0)
        return fail(m_p, "expected a value (string, number, object, array, true, false or null)");
    m_p += length;
    return true;
}

} // namespace partlab
