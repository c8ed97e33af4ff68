#include "preferences.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <algorithm>

namespace {

const char* const languageKey = "interface/language";
const char* const voltageKey = "microscope/voltageKv";
const char* const csKey = "microscope/sphericalAberrationMm";
const char* const amplitudeContrastKey = "microscope/amplitudeContrast";
const QString translationsFolder = QStringLiteral(":/i18n");

/// "Deutsch", "日本語", "简体中文": the language as its speakers write it.
QString nativeName(const QString& code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty()) // the C locale: Qt shows the source strings, which are English
        return QStringLiteral("English");
    name[0] = name[0].toUpper();
    return name;
}

} // namespace

QList<LanguageChoice> translatedLanguages()
{
    QList<LanguageChoice> languages;
    const QStringList files = QDir(translationsFolder).entryList({QStringLiteral("cryosr_*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(7, file.size() - 10); // cryosr_<code>.qm
        languages.append({code, nativeName(code)});
    }
    std::stable_partition(languages.begin(), languages.end(), [](const LanguageChoice& l) { return l.code == "en"; });
    return languages;
}

QString storedLanguage()
{
    return QSettings().value(languageKey).toString();
}

void storeLanguage(const QString& code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(languageKey);
    else
        settings.setValue(languageKey, code);
}

QString installTranslations(const QString& code)
{
    // Parented to the application: translators must outlive every window that uses them.
    static QTranslator* cryosr = nullptr;
    static QTranslator* qt = nullptr;
    for (QTranslator* old : {cryosr, qt}) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    cryosr = new QTranslator(QCoreApplication::instance());
    qt = new QTranslator(QCoreApplication::instance());
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    // The first of the locale's UI languages that CryoSR has. English holds only plural forms; it is also
    // what a language without a translation falls back to.
    if (!cryosr->load(locale, QStringLiteral("cryosr"), QStringLiteral("_"), translationsFolder)
        && !cryosr->load(QStringLiteral("cryosr_en"), translationsFolder))
        qWarning("cryosr: the build lacks its English plural forms (:/i18n/cryosr_en.qm)");
    QCoreApplication::installTranslator(cryosr);
    const QString shown = cryosr->language().isEmpty() ? QStringLiteral("en") : cryosr->language();
    // Qt's own strings (standard buttons, file dialogs) in the same language, from the system's Qt
    // translations where installed: not the system's first language when CryoSR has no translation for it.
    if (qt->load(QLocale(shown), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return shown;
}

Microscope storedMicroscope()
{
    const QSettings settings;
    const Microscope defaults;
    return {settings.value(voltageKey, defaults.voltageKv).toDouble(),
            settings.value(csKey, defaults.sphericalAberrationMm).toDouble(),
            settings.value(amplitudeContrastKey, defaults.amplitudeContrast).toDouble()};
}

void storeMicroscope(const Microscope& microscope)
{
    QSettings settings;
    settings.setValue(voltageKey, microscope.voltageKv);
    settings.setValue(csKey, microscope.sphericalAberrationMm);
    settings.setValue(amplitudeContrastKey, microscope.amplitudeContrast);
}

bool showPreferences(QWidget* parent)
{
    PreferencesDialog dialog(translatedLanguages(), storedLanguage(), nativeName(QLocale::system().name()), parent);
    const Microscope before = storedMicroscope();
    dialog.setMicroscope(before);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    storeLanguage(dialog.language());
    storeMicroscope(dialog.microscope());
    return !(dialog.microscope() == before);
}
