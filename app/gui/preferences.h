#pragma once
// The interface language: which translations CryoSR carries (compiled in as :/i18n/cryosr_<code>.qm),
// the user's choice (QSettings), installing the translators, and File > Preferences.

#include "preferencesdialog.h"

#include <QList>
#include <QString>

class QWidget;

/// The languages CryoSR is translated into, by their own names ("Deutsch", "日本語", …), English first.
QList<LanguageChoice> translatedLanguages();
/// The language chosen in Preferences; empty when CryoSR follows the system.
QString storedLanguage();
void storeLanguage(const QString& code);
/// Installs CryoSR's and Qt's own translations for `code` (empty: the system's preferred languages) into the
/// running application. Returns the code of CryoSR's translation now in use; "en" when none matched, in which
/// case English plural forms ("1 step", "2 steps") are installed.
QString installTranslations(const QString& code);
/// File > Preferences as a modal dialog; stores what the user chooses.
void showPreferences(QWidget* parent);
