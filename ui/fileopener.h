#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace partlab {

/**
 * The one place the GUI asks for a file to open: the File menu's Open Scenario and Open CSV
 * Trace, the configuration dock's Open… and Browse… buttons (the same two dialogs) and the trace
 * player's Open Trace. It knows each kind's title and filters, remembers the folder each kind was
 * last opened from (QSettings, "files/lastDirectory/KIND") and says in one message box why a file
 * cannot be opened.
 */
class FileOpener
{
    Q_DECLARE_TR_FUNCTIONS(FileOpener)

public:
    enum class Kind {
        Scenario, ///< a scenario JSON file (configuration dock)
        CsvTrace, ///< a CSV trace the configuration dock runs
        Trace,    ///< any trace format the trace player reads (csv, jsonl, kv, words; gzip)
    };

    static QString title(Kind kind);
    static QString filter(Kind kind);
    /** The folder a file of @p kind was last opened from (empty before the first). */
    static QString lastDirectory(Kind kind);
    /** Remembers the folder of @p path as the last one for @p kind. */
    static void rememberDirectory(Kind kind, const QString &path);
    /** The kind a recent file is opened as: .json is a scenario, anything else a CSV trace. */
    static Kind kindOf(const QString &path);

    /**
     * The open dialog for @p kind, in @p directory or else the folder last used for the kind.
     * Returns the chosen path (and remembers its folder), or an empty string when cancelled.
     */
    static QString choose(QWidget *parent, Kind kind, const QString &directory = QString());
    /** A warning box titled after @p kind: "The scenario cannot be loaded:" (or the trace's) and @p why. */
    static void reportError(QWidget *parent, Kind kind, const QString &why);
};

} // namespace partlab
