#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace partlab {

/** The hottest key of a load and its shares: what the remedy advice is decided on. */
struct HottestKey
{
    std::string key;
    int partition = 0;
    double partitionShare = 0.0; ///< its messages / messages of its partition
    double totalShare = 0.0;     ///< its messages / all messages
};

/**
 * Remedies in words for the hottest key of @p partitions partitions, shared by
 * `partlab-cli hotkeys` and the GUI's hot-key view so both say the same thing:
 * a key heavier than an average partition cannot be helped by more partitions (salt it, or
 * route by another property); a key dominating its partition is helped by another layout;
 * otherwise the unevenness comes from how keys fall (try a sweep).
 * Texts go through QCoreApplication::translate("HotKeyAdvice", ...): English in the CLI, the
 * user's language in the GUI.
 */
QStringList hotKeyAdvice(const HottestKey &hottest, int partitions);

} // namespace partlab
