#pragma once
// The training wizard's pages. Each shows some keys of the configuration (load) and writes them back
// (apply); each checks its own inputs and says what is wrong on the page, so Next only goes on from a
// page that is right.

#include <QJsonObject>
#include <QWizardPage>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTreeWidget;
class TrainingWizard;

/// A page that owns some keys of the configuration.
class TrainingPage : public QWizardPage {
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;
    virtual void load(const QJsonObject& config) = 0;
    virtual void apply(QJsonObject& config) const = 0;
    /// What is wrong on this page (empty when nothing); shown on it and blocking Next.
    virtual QString problem() const = 0;
    bool isComplete() const override { return problem().isEmpty(); }
    void initializePage() override { recheck(); }
    /// Next (or Launch) goes on only from a page without a problem, even when called directly.
    bool validatePage() override;

protected:
    TrainingWizard* owner() const;
    /// The line under a page's inputs that says what is wrong.
    static QLabel* newMessageLine(QWidget* parent);
    /// Shows problem() in the page's message line and updates Next.
    void recheck();
    QLabel* m_message = nullptr;

private:
    std::optional<bool> m_complete; // as the wizard's buttons last learnt it
};

class TrainingDataPage : public TrainingPage {
    Q_OBJECT
public:
    explicit TrainingDataPage(TrainingWizard* wizard);
    void load(const QJsonObject& config) override;
    void apply(QJsonObject& config) const override;
    QString problem() const override;

    void addPaths(const QStringList& paths);
    QStringList files() const;
    QStringList validationFiles() const;
    void showFileInfo();

private:
    void addFile(const QString& file, bool validation);
    void removeSelected();
    void spreadValidation();
    QTreeWidget* m_list;
    QDoubleSpinBox* m_pixelSize;
    QString m_expandError;
    bool m_validationChosen = false; // the user ticked files: keep their choice
    bool m_pixelSizeTyped = false;
};

class TrainingTaskPage : public TrainingPage {
    Q_OBJECT
public:
    explicit TrainingTaskPage(TrainingWizard* wizard);
    void load(const QJsonObject& config) override;
    void apply(QJsonObject& config) const override;
    QString problem() const override;
    void showModels();
    void setSimulatedPairs();
    bool fineTuning() const;
    int scale() const;

private:
    void updateEnabled();
    QRadioButton* m_newModel;
    QRadioButton* m_fineTune;
    QComboBox* m_model;
    QLabel* m_modelNote;
    QButtonGroup* m_scale;
    QButtonGroup* m_downsampling;
    QButtonGroup* m_pairs;
};

class TrainingModelPage : public TrainingPage {
    Q_OBJECT
public:
    explicit TrainingModelPage(TrainingWizard* wizard);
    void initializePage() override;
    void load(const QJsonObject& config) override;
    void apply(QJsonObject& config) const override;
    QString problem() const override;
    void showPresets();
    /// The chosen preset's index, -1 for an architecture that is no preset.
    int preset() const;

private:
    QTreeWidget* m_presets;
    QLabel* m_note;
    QJsonObject m_chosen; // the architecture chosen (a preset's, or a loaded configuration's)
};

class TrainingSchedulePage : public TrainingPage {
    Q_OBJECT
public:
    explicit TrainingSchedulePage(TrainingWizard* wizard);
    void initializePage() override;
    bool validatePage() override;
    void load(const QJsonObject& config) override;
    void apply(QJsonObject& config) const override;
    QString problem() const override;
    void showGpus();
    void showEstimate();
    int batch() const;
    int patch() const;
    QString device() const;

private:
    QSpinBox* m_steps;
    QSpinBox* m_batch;
    QSpinBox* m_patch;
    QDoubleSpinBox* m_learningRate;
    QDoubleSpinBox* m_ema;
    QSpinBox* m_checkpointEvery;
    QSpinBox* m_validateEvery;
    QComboBox* m_device;
    QComboBox* m_precision;
    QLabel* m_estimate;
    QString m_engineProblem; // the engine's verdict when Next was pressed
};

class TrainingOutputPage : public TrainingPage {
    Q_OBJECT
public:
    TrainingOutputPage();
    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;
    void load(const QJsonObject& config) override;
    void apply(QJsonObject& config) const override;
    QString problem() const override;
    void setFolder(const QString& folder);
    /// The summary as edited, applied to the other pages (false when it is not a JSON object).
    bool takeEdits();

private:
    void showSummary();
    QLineEdit* m_folder;
    QLineEdit* m_name;
    QPlainTextEdit* m_summary;
    QString m_engineProblem;
    bool m_showing = false;
    bool m_edited = false;
};
