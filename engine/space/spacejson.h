#pragma once

#include "model/entry.h"
#include "model/typedescriptor.h"
#include "model/value.h"

#include <QJsonObject>
#include <QJsonValue>

namespace partlab {

/**
 * JSON <-> space values, as scripts and the GUI console write them.
 *
 * Typing is strict so that routing is predictable: a string property takes a JSON string, int a
 * whole number in 32-bit range, long any whole number (exact to 64 bits), double any number, bool
 * true/false; JSON null leaves the property unset.
 */
class SpaceJson
{
public:
    static QJsonValue valueToJson(const Value &value);
    static QJsonObject entryToJson(const Entry &entry);

    /** @p json as a value of @p type; false with @p error naming @p property otherwise. */
    static bool valueFromJson(const QString &property, ValueType type, const QJsonValue &json, Value &out, QString *error);

    /** An entry (or template) of @p type from a JSON object of property values. */
    static bool entryFromJson(const TypeDescriptor &type, const QJsonObject &json, Entry &out, QString *error);

    /** Depth of nested arrays/objects in raw JSON text (strings skipped), to refuse nesting bombs before parsing. */
    static int nestingDepth(const QByteArray &json);
};

} // namespace partlab
