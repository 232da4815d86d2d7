#pragma once

#include "runtime/computation.h"

#include <string>
#include <string_view>

namespace partlab {

/**
 * The Lua function that applies one message to one key's state inside Redis (EVALSHA), the
 * same computation as applyComputation() with the same double operations in the same order, so
 * the state read back equals the in-process state bit for bit.
 *
 * State: a hash with fields `a` and `b` (doubles written with %.17g, which round-trips exactly),
 * `n` (messages applied) and `q` (the sequence number of the last message applied).
 * Arguments: KEYS[1] = the state key (StateKeyName), ARGV = computation name, sequence number,
 * value, volume (the numbers as %.17g text). The script applies a message only if its sequence
 * number is above `q`, so a message sent twice (a retry after a lost connection, a resumed run)
 * is applied once; it returns 1 when applied and 0 when skipped as already applied.
 *
 * Why not INCRBYFLOAT: it adds in long double and prints 17 significant digits of the long
 * double, so a sum of doubles would drift from the in-process sum; it cannot do last, min,
 * max, mean or vwap in one atomic step either, and a retry would add twice.
 */
namespace StateScript {

/** The script source. */
const std::string &source();
/** Its SHA-1 in lowercase hex, as SCRIPT LOAD returns it (the EVALSHA handle). */
const std::string &sha1();

/** %.17g text of a double (std::to_chars, locale-free); "nan" / "inf" / "-inf" for the rest. */
std::string_view formatDouble(double value, char *buffer, std::size_t size);

} // namespace StateScript

} // namespace partlab
