#pragma once
// File > Preferences: the interface language. The app lists the languages it has translations for and
// stores the choice; this dialog only shows them and reports what the user picked.

#include <QDialog>
#include <QList>

class QComboBox;

/// A language the app can show, e.g. {"de", "Deutsch"}; an empty code means "follow the system".
struct LanguageChoice {
    QString code;
    QString name;
};

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    /// `languages`: what is translated (codes as QLocale names them); `current`: the stored choice,
    /// empty for the system's language, which is then named as `systemName`.
    PreferencesDialog(const QList<LanguageChoice>& languages, const QString& current, const QString& systemName,
                      QWidget* parent = nullptr);

    /// The chosen code; empty for the system's language.
    QString language() const;

private:
    QComboBox* m_language = nullptr;
};
