#pragma once

#include "tracesource.h"

#include <string>

namespace partlab {

/**
 * Plain text as a trace: every word is a message keyed by the word, lowercased, with value 1,
 * so `--computation count` is the classic word count. A word is a maximal run of Unicode
 * letters and digits (QChar::isLetterOrNumber); anything else separates words. A line that is
 * not valid UTF-8 is a bad line.
 */
class WordSource final : public TraceSource
{
public:
    /** Only where no word of the current line is left: positions are line starts. */
    bool canResumeHere() const override;

protected:
    Read read(SourceMessage &out) override;
    void resetAfterSeek() override
    {
        m_line = {};
        m_linePos = 0;
    }

private:
    friend class TraceSource;
    WordSource(const QString &path, const TraceOptions &options);

    /** The next word of m_line from m_linePos into m_word; false at the end of the line. */
    bool nextWord();

    std::string_view m_line; ///< current line, valid until the next nextLine()
    std::size_t m_linePos = 0;
    std::string m_word;
};

} // namespace partlab
