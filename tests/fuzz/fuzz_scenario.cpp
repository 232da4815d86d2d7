// Fuzz target: the scenario JSON parser must reject or accept any bytes without crashing, and
// whatever it accepts must validate.
#include "workload/scenario.h"

#include <QByteArray>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto spec = partlab::parseScenarioJson(json, QStringLiteral("fuzz.json"), &error);
    if (spec && !spec->validate().isEmpty())
        std::abort(); // accepted something invalid
    if (!spec && error.isEmpty())
        std::abort(); // rejected without saying why
    return 0;
}
