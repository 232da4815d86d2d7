// Fuzz target: the csv trace reader (see tracefuzz.h for the invariants checked).
#include "tracefuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return partlab::fuzz::fuzzTrace(partlab::TraceFormat::Csv, "csv", partlab::FieldMapping{QStringLiteral("symbol"), QStringLiteral("price"), QStringLiteral("volume"), QStringLiteral("time")}, data, size);
}
