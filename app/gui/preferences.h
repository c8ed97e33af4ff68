#pragma once
// The interface language: which translations CryoSR carries (compiled in as :/i18n/cryosr_<code>.qm),
// the user's choice (QSettings), installing the translators; the microscope the CTF fit assumes; and
// File > Preferences.

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
/// The microscope chosen in Preferences (300 kV, 2.7 mm, 0.07 until then).
Microscope storedMicroscope();
void storeMicroscope(const Microscope& microscope);
/// File > Preferences as a modal dialog; stores what the user chooses. True when the microscope
/// changed (a spectrum shown was fitted with the old one).
bool showPreferences(QWidget* parent);
