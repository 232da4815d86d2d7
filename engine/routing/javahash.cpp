#include "javahash.h"

#include <cstring>

namespace partlab {

namespace {

// Decodes one character the way Java's UTF-8 decoder does (`new String(bytes, UTF_8)`), returning
// the bytes consumed and the code point, or U+FFFD for a malformed sequence. Java follows the
// Unicode "maximal subpart" practice, with one exception: a well-formed 3-byte encoding of a
// surrogate (ED A0..BF 80..BF) becomes a single U+FFFD for all three bytes.
int decodeOne(const unsigned char *p, const unsigned char *end, quint32 &cp)
{
    const unsigned char b0 = p[0];
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    int need = 0;
    quint32 value = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        value = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        value = b0 & 0x0F;
        if (b0 == 0xE0)
            lo = 0xA0;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        value = b0 & 0x07;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        cp = 0xFFFD;
        return 1;
    }
    int used = 1;
    for (int i = 0; i < need; ++i) {
        if (p + used >= end) {
            cp = 0xFFFD;
            return used;
        }
        const unsigned char b = p[used];
        const unsigned char l = i == 0 ? lo : 0x80;
        const unsigned char h = i == 0 ? hi : 0xBF;
        if (b < l || b > h) {
            cp = 0xFFFD;
            return used;
        }
        value = (value << 6) | (b & 0x3F);
        ++used;
    }
    cp = (value >= 0xD800 && value <= 0xDFFF) ? 0xFFFD : value; // encoded surrogate: one U+FFFD
    return used;
}

} // namespace

qint32 javaStringHashCode(std::string_view utf8)
{
    // Unsigned arithmetic wraps exactly like Java's int overflow.
    quint32 h = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    const auto *end = p + utf8.size();
    while (p < end) {
        if (end - p >= 4) {
            // Four ASCII bytes at once: h*31^4 + c0*31^3 + c1*31^2 + c2*31 + c3. The same value
            // as four single steps, but the products are independent, so the CPU overlaps them
            // instead of waiting on one multiply-add chain per character.
            quint32 word;
            std::memcpy(&word, p, sizeof word);
            if ((word & 0x80808080U) == 0) {
                h = h * 923521U + quint32(p[0]) * 29791U + quint32(p[1]) * 961U + quint32(p[2]) * 31U + quint32(p[3]);
                p += 4;
                continue;
            }
        }
        if (*p < 0x80) { // ASCII: one byte is one UTF-16 unit
            h = 31 * h + *p++;
            continue;
        }
        quint32 cp = 0;
        p += decodeOne(p, end, cp);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            h = 31 * h + (0xD800 + (cp >> 10));
            h = 31 * h + (0xDC00 + (cp & 0x3FF));
        } else {
            h = 31 * h + cp;
        }
    }
    return static_cast<qint32>(h);
}

} // namespace partlab
