#include "command.h"

#include <cmath>
#include <cstdio>

namespace partlab::cli {

std::vector<Command> &commands()
{
    static std::vector<Command> list;
    return list;
}

bool registerCommand(const Command &command)
{
    commands().push_back(command);
    return true;
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString &command, const QString &message)
{
    // One line, whatever the user passed: a value with a newline or a tab must not break it.
    QString line = message;
    for (QChar &c : line) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char('?');
    }
    printErr(QStringLiteral("partlab-cli %1: %2 (see partlab-cli %1 --help)\n").arg(command, line));
    return ExitUsage;
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QString &command, const QString &description,
                                  const QStringList &arguments, bool allowPositional)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList full = arguments;
    full.prepend(QStringLiteral("partlab-cli %1").arg(command));
    if (!parser.parse(full))
        return usageError(command, parser.errorText());
    if (parser.isSet(help)) {
        // The first line names the program as argv[0] gives it; name the command instead.
        QString text = parser.helpText();
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        const QString usage = text.left(eol);
        const qsizetype options = usage.indexOf(QStringLiteral(" [options]"));
        text.replace(0, options < 0 ? eol : options, QStringLiteral("Usage: partlab-cli %1").arg(command));
        printOut(text);
        return ExitOk;
    }
    if (!allowPositional && !parser.positionalArguments().isEmpty())
        return usageError(command, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    return std::nullopt;
}

std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                                    QString *error)
{
    const QString text = parser.value(name);
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = QStringLiteral("--%1 must be a whole number between %2 and %3 (got '%4')").arg(name).arg(min).arg(max).arg(text);
        return std::nullopt;
    }
    return v;
}

std::optional<double> numberOption(const QCommandLineParser &parser, const QString &name, double min, double max,
                                   QString *error)
{
    const QString text = parser.value(name);
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max) {
        *error = QStringLiteral("--%1 must be a number between %2 and %3 (got '%4')").arg(name).arg(min).arg(max).arg(text);
        return std::nullopt;
    }
    return v;
}

} // namespace partlab::cli
