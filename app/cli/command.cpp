#include "command.h"

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

} // namespace partlab::cli
