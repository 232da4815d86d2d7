// partlab-cli: the headless front end. Dispatches `partlab-cli COMMAND ...` to the command
// registered under that name (one file per command in this folder).
#include "command.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace partlab::cli;

namespace {

void printUsage()
{
    QString text = QStringLiteral("Usage: partlab-cli COMMAND [options]\n\n"
                                  "Partlab: partitioned state routing, simulated and measured.\n\nCommands:\n");
    std::vector<Command> sorted = commands();
    std::sort(sorted.begin(), sorted.end(), [](const Command &a, const Command &b) { return qstrcmp(a.name, b.name) < 0; });
    for (const Command &c : sorted)
        text += QStringLiteral("  %1%2\n").arg(QString::fromLatin1(c.name).leftJustified(12), QLatin1String(c.summary));
    text += QStringLiteral("\nRun 'partlab-cli COMMAND --help' for a command's options.\n");
    printOut(text);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Output for scripts: the same digits on every machine, whatever LANG says (fmt:: follows the default locale).
    QLocale::setDefault(QLocale::c());
    QCoreApplication::setApplicationName(QStringLiteral("partlab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARTLAB_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printUsage();
        return ExitUsage;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage();
        return ExitOk;
    }
    if (name == QLatin1String("--version")) {
        printOut(QStringLiteral("partlab-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    printErr(QStringLiteral("partlab-cli: unknown command '%1' (run 'partlab-cli --help' for the list)\n").arg(name));
    return ExitUsage;
}
