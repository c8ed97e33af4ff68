#include "preferencesdialog.h"

#include "spinboxes.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

PreferencesDialog::PreferencesDialog(const QList<LanguageChoice>& languages, const QString& current, const QString& systemName,
                                     QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox(this);
    m_language->setObjectName("language");
    m_language->addItem(tr("System language (%1)").arg(systemName), QString());
    for (const LanguageChoice& language : languages)
        m_language->addItem(language.name, language.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(current)));

    // Every window would have to rebuild its text to switch at once; a restart is simpler and is what
    // users of other Qt applications know.
    auto* note = new QLabel(tr("CryoSR shows the new language when it next starts."), this);
    note->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);

    // Ranges: 60–1000 kV covers every TEM in use; C_s 0 for corrected instruments.
    m_voltage = realSpinBox("voltage", 60, 1000, 300, 0, 100);
    m_voltage->setSuffix(tr(" kV"));
    m_cs = realSpinBox("sphericalAberration", 0, 10, 2.7, 2, 0.1);
    m_cs->setSuffix(tr(" mm"));
    m_amplitudeContrast = realSpinBox("amplitudeContrast", 0, 0.5, 0.07, 3, 0.01);
    auto* microscope = new QGroupBox(tr("Microscope (the power spectrum's CTF fit)"), this);
    auto* optics = new QFormLayout(microscope);
    optics->addRow(tr("&Voltage:"), m_voltage);
    optics->addRow(tr("Spherical &aberration (Cs):"), m_cs);
    optics->addRow(tr("A&mplitude contrast:"), m_amplitudeContrast);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(microscope);
    layout->addStretch();
    layout->addWidget(buttons);
}

QString PreferencesDialog::language() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::setMicroscope(const Microscope& microscope)
{
    m_voltage->setValue(microscope.voltageKv);
    m_cs->setValue(microscope.sphericalAberrationMm);
    m_amplitudeContrast->setValue(microscope.amplitudeContrast);
}

Microscope PreferencesDialog::microscope() const
{
    return {m_voltage->value(), m_cs->value(), m_amplitudeContrast->value()};
}
