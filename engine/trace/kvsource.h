#pragma once

#include "tracesource.h"

namespace partlab {

/**
 * Streams key<TAB>value lines, the shape `kcat -f '%k\t%s\n'` prints from a Kafka topic. Columns
 * are positional: key, then optionally value (a number; a line with only a key counts 1), volume
 * and time (epoch ms/us or ISO 8601). Bytes are taken as they are: no quoting, no escapes.
 */
class KvSource final : public TraceSource
{
protected:
    Read read(SourceMessage &out) override;

private:
    friend class TraceSource;
    KvSource(const QString &path, const TraceOptions &options);
};

} // namespace partlab
