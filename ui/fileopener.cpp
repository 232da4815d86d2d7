#include "fileopener.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

namespace partlab {

namespace {
/** One row per kind: its settings key, dialog title and filters (translated where they are used). */
struct KindInfo
{
    FileOpener::Kind kind;
    const char *key;
    const char *title;
    const char *filter;
};

const KindInfo &info(FileOpener::Kind kind)
{
    static const KindInfo kinds[] = {
        {FileOpener::Kind::Scenario, "scenario", QT_TRANSLATE_NOOP("FileOpener", "Open Scenario"),
         QT_TRANSLATE_NOOP("FileOpener", "Scenario files (*.json);;All files (*)")},
        {FileOpener::Kind::CsvTrace, "csvTrace", QT_TRANSLATE_NOOP("FileOpener", "Open CSV Trace"),
         QT_TRANSLATE_NOOP("FileOpener", "CSV files (*.csv);;All files (*)")},
        {FileOpener::Kind::Trace, "trace", QT_TRANSLATE_NOOP("FileOpener", "Open Trace"),
         QT_TRANSLATE_NOOP("FileOpener", "Traces (*.csv *.jsonl *.ndjson *.json *.kv *.tsv *.txt *.text *.words *.md *.gz);;All files (*)")},
    };
    for (const KindInfo &k : kinds)
        if (k.kind == kind)
            return k;
    return kinds[0];
}

QString settingsKey(FileOpener::Kind kind)
{
    return QStringLiteral("files/lastDirectory/") + QLatin1String(info(kind).key);
}
} // namespace

QString FileOpener::title(Kind kind)
{
    return tr(info(kind).title);
}

QString FileOpener::filter(Kind kind)
{
    return tr(info(kind).filter);
}

QString FileOpener::lastDirectory(Kind kind)
{
    return QSettings().value(settingsKey(kind)).toString();
}

void FileOpener::rememberDirectory(Kind kind, const QString &path)
{
    QSettings().setValue(settingsKey(kind), QFileInfo(path).absolutePath());
}

FileOpener::Kind FileOpener::kindOf(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? Kind::Scenario : Kind::CsvTrace;
}

QString FileOpener::choose(QWidget *parent, Kind kind, const QString &directory)
{
    const QString start = directory.isEmpty() ? lastDirectory(kind) : directory;
    const QString path = QFileDialog::getOpenFileName(parent, title(kind), start, filter(kind));
    if (!path.isEmpty())
        rememberDirectory(kind, path);
    return path;
}

void FileOpener::reportError(QWidget *parent, Kind kind, const QString &why)
{
    const QString text = kind == Kind::Scenario ? tr("The scenario cannot be loaded:\n%1").arg(why)
                                                : tr("The trace cannot be opened:\n%1").arg(why);
    QMessageBox::warning(parent, title(kind), text);
}

} // namespace partlab
