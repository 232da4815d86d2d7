#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace partlab {

/**
 * Where a key's state lives in Redis. The name is chosen so that Redis hashes it to the same slot
 * as the key itself (so Partlab's `redis` partitioner predicts the node exactly), and so that the
 * mapping is one-to-one (the state can be read back by name):
 *
 * - `partlab:{KEY}` for a non-empty key without `{` or `}` (symbols, words, ids: nearly all keys);
 *   the braces make KEY the hash tag;
 * - `partlab:t:KEY` for a key with its own hash tag (`{user1000}.following`): the prefix has no
 *   brace, so the key's tag still decides and keys sharing a tag stay together, as in Redis;
 * - `partlab:s:{N}KEY` for the rest (the empty key, a `}` without a tag): N is the smallest
 *   decimal number whose slot equals the key's slot.
 */
namespace StateKeyName {

inline constexpr std::string_view kPrefix = "partlab:";
/** The SCAN pattern that matches every state key. */
inline constexpr std::string_view kPattern = "partlab:*";

/** The Redis key holding @p key's state, written into @p out (cleared first). */
void encode(std::string_view key, std::string &out);
std::string encode(std::string_view key);

/** The Partlab key stored under @p redisKey, or nullopt if it is not a state key. */
std::optional<std::string> decode(std::string_view redisKey);

} // namespace StateKeyName

} // namespace partlab
