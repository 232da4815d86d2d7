#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace partlab {

/**
 * Loads Partlab's translation (partlab_LANG.qm) and Qt's own (qtbase_LANG.qm, for standard
 * dialogs) into the application. The language is, in order: an explicit choice (--lang or the
 * Language menu, kept in QSettings), else the system locale.
 */
class Localization
{
public:
    /** Languages with a translation, as ISO codes ("en" is the source language). */
    static QStringList availableLanguages();
    /** Folders searched for partlab_*.qm: next to the binary (build tree) and the installed share dir. */
    static QStringList searchPaths();
    /** "de" for a German system, etc.; "en" when no translation matches. */
    static QString systemLanguage();
    /** The saved menu choice ("" = follow the system). */
    static QString savedLanguage();
    static void saveLanguage(const QString &language);
    /**
     * Installs the translators for @p language ("" = saved choice or system). Returns the
     * language actually used ("en" if nothing was found).
     */
    static QString install(const QString &language = {});
};

} // namespace partlab
