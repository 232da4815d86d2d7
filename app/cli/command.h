#pragma once

#include "model/optionvalues.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace partlab::cli {

/** Exit codes shared by every command. */
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/** A subcommand: `partlab-cli NAME ...`. @p run gets the arguments after the name. */
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

/** Commands register themselves from their own file (see PARTLAB_CLI_COMMAND). */
std::vector<Command> &commands();
bool registerCommand(const Command &command);

#define PARTLAB_CLI_COMMAND(NAME, SUMMARY, FUNCTION) \
    static const bool partlabRegistered_##FUNCTION = ::partlab::cli::registerCommand({NAME, SUMMARY, FUNCTION})

/** Writes UTF-8 text to stdout / stderr. */
void printOut(const QString &text);
void printErr(const QString &text);

/**
 * "partlab-cli COMMAND: message" on stderr plus a hint to --help, on one line (control characters
 * of option values shown as '?'); returns ExitUsage.
 */
int usageError(const QString &command, const QString &message);

/**
 * Parses @p arguments with @p parser (adding --help). Returns an exit code to leave with
 * (usage error, or 0 after printing help) or nullopt to go on. Positional arguments are
 * rejected unless @p allowPositional.
 */
std::optional<int> parseArguments(QCommandLineParser &parser, const QString &command, const QString &description,
                                  const QStringList &arguments, bool allowPositional = false);

} // namespace partlab::cli
