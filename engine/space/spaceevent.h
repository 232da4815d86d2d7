#pragma once

#include "spacequery.h"

#include "model/entry.h"

#include <functional>

namespace partlab {

/** What happened to an entry that a subscription's template matched (XAP's NotifyActionType subset). */
enum class SpaceEventKind { Write, Update, Take };

/** "write", "update", "take". */
QString spaceEventKindName(SpaceEventKind kind);

/** One notification: which subscription, what happened, on which partition, to which entry. */
struct SpaceEvent
{
    quint64 subscription = 0;
    SpaceEventKind kind = SpaceEventKind::Write;
    int partition = -1;
    Entry entry;
};

/**
 * Receives notifications. Called on the thread that performed the operation, after the
 * partition's lock is released (so a listener may call the proxy), possibly from several
 * threads at once for a broadcast subscription: it must be thread-safe.
 */
using SpaceListener = std::function<void(const SpaceEvent &)>;

/** A registered subscription, shared (immutable) by the partitions it is registered on. */
struct Subscription
{
    quint64 id = 0;
    SpaceQuery query;
    SpaceListener listener;
};

} // namespace partlab
