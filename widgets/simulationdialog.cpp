#include "simulationdialog.h"

#include "spinboxes.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

SimulationDialog::SimulationDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Simulate Training Data from a Map"));
    setMinimumWidth(520); // the title and full paths readable (a window manager elides a long title)
    auto* form = new QFormLayout(this);
    const SimulationRequest defaults;
    const auto pathRow = [&](const QString& label, const QString& name, bool folder) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(name);
        auto* browse = new QPushButton(tr("Browse…"), this);
        connect(browse, &QPushButton::clicked, edit, [this, edit, folder] {
            const QString path = folder
                ? QFileDialog::getExistingDirectory(this, tr("Folder for the Simulated Data"))
                : QFileDialog::getOpenFileName(this, tr("A 3D Map"), {}, tr("Maps (*.mrc *.map *.ccp4);;All files (*)"));
            if (!path.isEmpty())
                edit->setText(path);
        });
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        form->addRow(label, row);
        return edit;
    };
    m_map = pathRow(tr("Map:"), "map", false);
    m_folder = pathRow(tr("Into folder:"), "folder", true);
    m_count = integerSpinBox("count", 1, 10000, defaults.count);
    form->addRow(tr("Micrographs:"), m_count);
    m_size = integerSpinBox("size", 64, 16384, defaults.size);
    form->addRow(tr("Size (px):"), m_size);
    m_particles = integerSpinBox("particles", 1, 10000, defaults.particles);
    form->addRow(tr("Particles each:"), m_particles);
    m_pixelSize = realSpinBox("pixelSize", 0, 100, defaults.pixelSize, 3, 0.1);
    m_pixelSize->setSpecialValueText(tr("the map's"));
    form->addRow(tr("Pixel size (Å):"), m_pixelSize);
    m_dose = realSpinBox("dose", 1, 1000, defaults.dose, 2, 1.0);
    form->addRow(tr("Dose (e⁻/Å²):"), m_dose);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

SimulationRequest SimulationDialog::request() const
{
    SimulationRequest request;
    request.map = m_map->text();
    request.folder = m_folder->text();
    request.count = m_count->value();
    request.size = m_size->value();
    request.particles = m_particles->value();
    request.pixelSize = m_pixelSize->value();
    request.dose = m_dose->value();
    return request;
}
