#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace partlab {

/**
 * Checks that one line is a single valid JSON object and picks a few fields out of it by dotted
 * path ("symbol", "payload.price"), in one pass without building a document: QJsonDocument per
 * line allocates a tree and costs several times more than the whole rest of a replay. Nesting
 * is bounded (kMaxDepth), so a nesting bomb is an error, not a stack overflow. The caller
 * checks UTF-8 validity of the line; strings are checked for control characters and escapes.
 */
class JsonFieldScanner
{
public:
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxPaths = 16;

    enum class Kind { Missing, String, Number, True, False, Null, Object, Array };

    /** A picked field: for String the decoded text, for Number the literal as written. */
    struct Field
    {
        Kind kind = Kind::Missing;
        std::string_view text;
    };

    /** The paths to pick, at most kMaxPaths; a dot separates the keys of nested objects. */
    void setPaths(const QStringList &paths);

    /** Scans @p line; false with @p reason ("bad JSON at column 12: ...") when it is not one object. */
    bool scan(std::string_view line, QString *reason);

    /** The value of path @p index in the last scanned line (the last one if a key repeats). */
    const Field &field(int index) const { return m_fields[std::size_t(index)]; }

    static QString kindName(Kind kind);

private:
    using Mask = quint32;

    bool fail(const char *at, const char *what);
    void skipSpace();
    bool parseValue(int depth, Mask descend, Mask capture);
    bool parseObject(int depth, Mask active);
    bool parseArray(int depth);
    /** Parses a string at m_p; when @p decoded is set, stores its text (escapes resolved). */
    bool parseString(std::string_view *decoded, std::string *storage);
    bool parseNumber();
    bool parseLiteral(const char *word, std::size_t length);
    void captureInto(Mask capture, Kind kind, std::string_view text, bool needsCopy);

    std::vector<std::vector<std::string>> m_paths; ///< segments of each path
    std::vector<Field> m_fields;
    std::vector<std::string> m_storage; ///< decoded strings of captured fields
    std::string m_keyScratch;
    std::string m_valueScratch;
    const char *m_begin = nullptr;
    const char *m_p = nullptr;
    const char *m_end = nullptr;
    QString m_reason;
};

} // namespace partlab
