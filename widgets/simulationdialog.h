#pragma once
// "Simulate Training Data from a Map": what the wizard's Simulate button asks before `cryosr-cli
// simulate` makes a folder of micrographs with their clean images.

#include <QDialog>

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

/// Simulated training data from a 3D map: `count` micrographs (and their clean images) made by
/// `cryosr-cli simulate` into `folder` as sim_001.mrc, sim_001.clean.mrc, …
struct SimulationRequest {
    QString map;
    QString folder;
    int count = 8;
    int size = 1024; ///< square micrographs, pixels
    double pixelSize = 0.0; ///< Å; 0: the map's voxel size
    int particles = 40;
    double dose = 40.0; ///< e⁻/Å²
    double defocusMin = 1.0; ///< µm underfocus
    double defocusMax = 2.5;
};

class SimulationDialog : public QDialog {
    Q_OBJECT
public:
    explicit SimulationDialog(QWidget* parent = nullptr);
    /// What the fields say (defocus keeps its default range).
    SimulationRequest request() const;

private:
    QLineEdit* m_map;
    QLineEdit* m_folder;
    QSpinBox* m_count;
    QSpinBox* m_size;
    QSpinBox* m_particles;
    QDoubleSpinBox* m_pixelSize;
    QDoubleSpinBox* m_dose;
};
