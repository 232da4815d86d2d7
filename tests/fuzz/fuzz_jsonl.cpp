// Fuzz target: the jsonl trace reader (see tracefuzz.h for the invariants checked).
#include "tracefuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return partlab::fuzz::fuzzTrace(partlab::TraceFormat::Jsonl, "jsonl", partlab::FieldMapping{QStringLiteral("payload.symbol"), QStringLiteral("payload.price"), QString(), QStringLiteral("ts")}, data, size);
}
