#include "localization.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace partlab {

QStringList Localization::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QStringList Localization::searchPaths()
{
    const QString bin = QCoreApplication::applicationDirPath();
    return {bin + QStringLiteral("/../translations"), bin + QStringLiteral("/../share/partlab/translations"),
            QStringLiteral(":/i18n")};
}

QString Localization::systemLanguage()
{
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (availableLanguages().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString Localization::savedLanguage()
{
    return QSettings().value(QStringLiteral("language")).toString();
}

void Localization::saveLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("language"), language);
}

QString Localization::install(const QString &requested)
{
    QString language = requested.isEmpty() ? savedLanguage() : requested;
    if (language.isEmpty())
        language = systemLanguage();
    if (language == QLatin1String("en")) {
        // English text with English numbers, whatever the system's locale (no "2,37" beside "msg/s").
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return language;
    }
    auto *app = QCoreApplication::instance();
    auto *own = new QTranslator(app);
    bool loaded = false;
    for (const QString &dir : searchPaths()) {
        if (own->load(QStringLiteral("partlab_%1").arg(language), QDir::cleanPath(dir))) {
            loaded = true;
            break;
        }
    }
    if (!loaded) {
        delete own;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(language));
    return language;
}

} // namespace partlab
