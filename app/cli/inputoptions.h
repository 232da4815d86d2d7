#pragma once

#include "model/messagesource.h"

#include <QCommandLineParser>

#include <memory>
#include <optional>

namespace partlab::cli {

/** Adds --scenario, --input, --key, --value, --volume, --seed, --messages. */
void addInputOptions(QCommandLineParser &parser);

/** The message source the options ask for, and a title naming it. */
struct InputChoice
{
    std::unique_ptr<MessageSource> source;
    QString title;
};

/**
 * Opens the input named by the options (or by @p positional, a file or builtin:NAME, when not
 * empty). Returns the exit code to leave with on error (after printing it), else nullopt.
 */
std::optional<int> openInput(const QCommandLineParser &parser, const QString &command, InputChoice &choice,
                             const QString &positional = {});

} // namespace partlab::cli
