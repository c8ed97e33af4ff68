#pragma once
// File > Preferences: the interface language and the microscope the power spectrum's CTF fit assumes.
// The app lists the languages it has translations for and stores the choices; this dialog only shows
// them and reports what the user picked.

#include <QDialog>
#include <QList>

class QComboBox;
class QDoubleSpinBox;

/// A language the app can show, e.g. {"de", "Deutsch"}; an empty code means "follow the system".
struct LanguageChoice {
    QString code;
    QString name;
};

/// The optics the CTF fit needs besides the image (the pixel size comes with each micrograph).
struct Microscope {
    double voltageKv = 300.0;
    double sphericalAberrationMm = 2.7;
    double amplitudeContrast = 0.07;
    bool operator==(const Microscope&) const = default;
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
    void setMicroscope(const Microscope& microscope);
    Microscope microscope() const;

private:
    QComboBox* m_language = nullptr;
    QDoubleSpinBox *m_voltage = nullptr, *m_cs = nullptr, *m_amplitudeContrast = nullptr;
};
