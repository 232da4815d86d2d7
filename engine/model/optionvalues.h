#pragma once

#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace partlab {

/**
 * A whole-number command-line option in [min, max]; on failure sets @p error to "--NAME must be a
 * whole number between MIN and MAX (got 'TEXT')" (translated where a translator is installed: the
 * GUI). partlab-cli's commands and the GUI's command line read their numbers with these, so an
 * option means and says the same everywhere.
 */
std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                                    QString *error);
/**
 * integerOption() into @p target (converted to its type) when --@p name was given; false, with
 * @p error, for a bad value; true, @p target unchanged, when it was not given.
 */
template<typename T>
bool readIntegerOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max, T &target,
                       QString *error)
{
    if (!parser.isSet(name))
        return true;
    const std::optional<qint64> value = integerOption(parser, name, min, max, error);
    if (value)
        target = T(*value);
    return value.has_value();
}
/** A decimal option in [min, max] (finite). */
std::optional<double> numberOption(const QCommandLineParser &parser, const QString &name, double min, double max,
                                   QString *error);

} // namespace partlab
