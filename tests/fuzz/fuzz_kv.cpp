// Fuzz target: the kv trace reader (see tracefuzz.h for the invariants checked).
#include "tracefuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return partlab::fuzz::fuzzTrace(partlab::TraceFormat::Kv, "kv", partlab::FieldMapping{}, data, size);
}
