#pragma once

#include <QString>

#include <optional>

namespace partlab {

/**
 * Auto-generated ids that carry their partition, as XAP's do: "A<partition>^<counter>".
 *
 * The proxy picks the partition of a new entry round-robin and writes it into the id, so a later
 * readById / update / take by that id is routed to the right partition without a routing value.
 * The counter makes ids unique across the whole space.
 */
QString makeAutoId(int partition, quint64 counter);

/** The partition embedded in @p id, if it is an auto-generated id for a space of @p partitions. */
std::optional<int> autoIdPartition(const QString &id, int partitions);

} // namespace partlab
