#pragma once

#include <QtGlobal>

#include <cstddef>

/**
 * The engine's limits and defaults in one place: every check, error message and option help
 * that names one of these numbers takes it from here.
 */
namespace partlab::limits {

/** Partitions of a runtime, a scenario, a sweep and every partitioner. */
constexpr int kMaxPartitions = 65536;

/** Partitions of the partitioned space (partlab-cli space / space-load, the Space tab). */
constexpr int kMaxSpacePartitions = 4096;

/** Distinct keys a run may meet before it stops with an error (`--max-keys`). */
constexpr quint32 kDefaultMaxKeys = 50'000'000;

/**
 * `sweep --max-keys`: lower, because a sweep first counts every distinct key with its weight in
 * memory and then routes that table once per partition count.
 */
constexpr quint64 kDefaultSweepMaxKeys = 10'000'000;

/** Messages each partition's FIFO ring (ApplyOrderLog) remembers by default (the GUI's FIFO view). */
constexpr int kDefaultFifoCapacity = 256;

/** The cache line the runtime pads its shared counters and ring indexes to. */
constexpr std::size_t kCacheLine = 64;

} // namespace partlab::limits
