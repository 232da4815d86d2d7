#include "wordsource.h"

#include <QByteArrayView>
#include <QChar>
#include <QString>

namespace partlab {

namespace {

bool isAsciiWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/** Decodes the code point at @p i of valid UTF-8 @p s and its length in bytes. */
char32_t decodeAt(std::string_view s, std::size_t i, std::size_t &length)
{
    const quint8 b = quint8(s[i]);
    if (b < 0x80) {
        length = 1;
        return b;
    }
    length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    char32_t cp = b & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k)
        cp = (cp << 6) | (quint8(s[i + k]) & 0x3F);
    return cp;
}

bool isWordCodePoint(char32_t cp)
{
    return cp < 0x80 ? isAsciiWordChar(char(cp)) : QChar::isLetterOrNumber(cp);
}

} // namespace

WordSource::WordSource(const QString &path, const TraceOptions &options)
    : TraceSource(path, options)
{
}

bool WordSource::canResumeHere() const
{
    std::size_t i = m_linePos;
    std::size_t length = 1;
    while (i < m_line.size() && !isWordCodePoint(decodeAt(m_line, i, length)))
        i += length;
    return i >= m_line.size();
}

bool WordSource::nextWord()
{
    const std::string_view s = m_line;
    std::size_t i = m_linePos;
    std::size_t length = 1;
    // Skip separators.
    while (i < s.size() && !isWordCodePoint(decodeAt(s, i, length)))
        i += length;
    if (i >= s.size()) {
        m_linePos = i;
        return false;
    }
    const std::size_t start = i;
    bool ascii = true;
    while (i < s.size() && isWordCodePoint(decodeAt(s, i, length))) {
        ascii = ascii && length == 1;
        i += length;
    }
    m_linePos = i;
    const std::string_view word = s.substr(start, i - start);
    if (ascii) {
        m_word.assign(word);
        for (char &c : m_word) {
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        }
    } else {
        // Full Unicode lowercasing (QString knows the special cases); rare enough to be slow.
        const QByteArray lower = QString::fromUtf8(word.data(), qsizetype(word.size())).toLower().toUtf8();
        m_word.assign(lower.constData(), std::size_t(lower.size()));
    }
    return true;
}

TraceSource::Read WordSource::read(SourceMessage &out)
{
    while (!nextWord()) {
        // The old line's bytes may move when the buffer refills: forget it first.
        m_line = {};
        m_linePos = 0;
        std::string_view line;
        const Read r = nextLine(line);
        if (r != Read::Message)
            return r;
        if (!QByteArrayView(line.data(), qsizetype(line.size())).isValidUtf8())
            return bad(m_messageLine, QStringLiteral("not valid UTF-8"));
        m_line = line;
    }
    out.key = m_word;
    out.value = 1.0;
    out.volume = 1.0;
    out.timeUs = -1;
    return Read::Message;
}

} // namespace partlab
