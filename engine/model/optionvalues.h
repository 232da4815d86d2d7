#pragma once

#include <QString>

#include <optional>

class QCommandLineParser;

namespace partlab {

/**
 * A whole-number command-line option in [min, max]; on failure sets @p error to "--NAME must be a
 * whole number between MIN and MAX (got 'TEXT')" (translated where a translator is installed: the
 * GUI). partlab-cli's commands and the GUI's command line read their numbers with these, so an
 * option means and says the same everywhere.
 */
std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                                    QString *error);
/** A decimal option in [min, max] (finite). */
std::optional<double> numberOption(const QCommandLineParser &parser, const QString &name, double min, double max,
                                   QString *error);

} // namespace partlab
