#pragma once

#include "model/messagesource.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace partlab {

/** A key and how many messages carry it: the load a partitioner has to spread. */
struct KeyWeight
{
    std::string key;
    quint64 weight = 0;
};

/**
 * Counts messages per key over a whole source (streamed), sorted by key. Fails with the
 * source's error, or when more than @p maxKeys distinct keys appear.
 */
std::optional<std::vector<KeyWeight>> countKeys(MessageSource &source, quint64 maxKeys, QString *error);

} // namespace partlab
