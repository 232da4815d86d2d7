// Fuzz target: the SQL-like query parser (engine/space/queryparser). Invariants beyond "no
// crash": a rejected query has an error "position N: ..." with N within the text (1 to length + 1,
// the end); an accepted query printed back (queryprint.h) parses again to the same tree.
#include "queryprint.h"

#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace partlab;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    int position = -1;
    const auto parsed = QueryParser::parse(text, &error, &position);
    if (!parsed) {
        check(position >= 1 && position <= text.size() + 1);
        check(error.startsWith(QStringLiteral("position %1: ").arg(position)));
        return 0;
    }
    const QString printed = fuzz::printQuery(*parsed);
    QString again;
    const auto reparsed = QueryParser::parse(printed, &again);
    check(reparsed.has_value());
    check(fuzz::printQuery(*reparsed) == printed);
    return 0;
}
