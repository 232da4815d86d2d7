#include "fileopener.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

namespace partlab {

namespace {
QString settingsKey(FileOpener::Kind kind)
{
    switch (kind) {
    case FileOpener::Kind::Scenario: return QStringLiteral("files/lastDirectory/scenario");
    case FileOpener::Kind::CsvTrace: return QStringLiteral("files/lastDirectory/csvTrace");
    case FileOpener::Kind::Trace: break;
    }
    return QStringLiteral("files/lastDirectory/trace");
}
} // namespace

QString FileOpener::title(Kind kind)
{
    switch (kind) {
    case Kind::Scenario: return tr("Open Scenario");
    case Kind::CsvTrace: return tr("Open CSV Trace");
    case Kind::Trace: break;
    }
    return tr("Open Trace");
}

QString FileOpener::filter(Kind kind)
{
    switch (kind) {
    case Kind::Scenario: return tr("Scenario files (*.json);;All files (*)");
    case Kind::CsvTrace: return tr("CSV files (*.csv);;All files (*)");
    case Kind::Trace: break;
    }
    return tr("Traces (*.csv *.jsonl *.ndjson *.json *.kv *.tsv *.txt *.text *.words *.md *.gz);;All files (*)");
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
