#pragma once

#include "jsonfields.h"
#include "tracesource.h"

namespace partlab {

/**
 * Streams JSON lines: one object per line, the key, value, volume and time picked by name or
 * dotted path (payload.symbol). A key may be a string or a number (its literal is the key);
 * values are numbers or strings holding numbers; time is epoch ms/us or an ISO 8601 string.
 * Blank lines are skipped.
 */
class JsonlSource final : public TraceSource
{
protected:
    Read start() override;
    Read read(SourceMessage &out) override;

private:
    friend class TraceSource;
    JsonlSource(const QString &path, const TraceOptions &options);

    enum FieldIndex { KeyField, ValueField, VolumeField, TimeField, FieldCount };
    bool numberField(FieldIndex index, double &target);

    JsonFieldScanner m_scanner;
    QString m_names[FieldCount];
    bool m_required[FieldCount] = {};
};

} // namespace partlab
