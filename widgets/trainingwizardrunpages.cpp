// The wizard's last two pages: how long and how the run trains (schedule), and where it goes with the
// configuration it will start (output).

#include "trainingwizard.h"
#include "trainingwizardpages.h"
#include "spinboxes.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

namespace {

QString durationText(double seconds)
{
    if (seconds < 90)
        return QObject::tr("%1 s").arg(std::lround(seconds));
    if (seconds < 5400)
        return QObject::tr("%1 min").arg(std::lround(seconds / 60));
    return QObject::tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
}

} // namespace

// ---- Schedule ----

TrainingSchedulePage::TrainingSchedulePage(TrainingWizard* wizard)
{
    setTitle(tr("Schedule"));
    setSubTitle(tr("How long and how the network trains. A checkpoint is where Pause stops and Resume continues."));
    auto* form = new QFormLayout(this);
    m_steps = integerSpinBox("stepsSpinBox", 1, 100'000'000, 1);
    m_batch = integerSpinBox("batchSpinBox", 1, 1024, 1);
    m_patch = integerSpinBox("patchSpinBox", 16, 4096, 16);
    m_patch->setSingleStep(16);
    m_patch->setSuffix(tr(" px"));
    m_learningRate = realSpinBox("learningRateSpinBox", 1e-7, 1.0, 1e-7, 7, 1e-5);
    m_ema = realSpinBox("emaSpinBox", 0.0, 0.999999, 0.0, 6, 0.0001);
    m_checkpointEvery = integerSpinBox("checkpointEverySpinBox", 1, 100'000'000, 1);
    m_validateEvery = integerSpinBox("validateEverySpinBox", 1, 100'000'000, 1);
    m_device = new QComboBox(this);
    m_device->setObjectName("deviceCombo");
    m_precision = new QComboBox(this);
    m_precision->setObjectName("precisionCombo");
    m_precision->addItem(tr("fp32"), "fp32");
    m_precision->addItem(tr("bf16 mixed precision (GPU)"), "bf16");
    m_estimate = new QLabel(this);
    m_estimate->setObjectName("durationLabel");
    form->addRow(tr("Steps:"), m_steps);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Patch (crop side):"), m_patch);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("EMA decay:"), m_ema);
    form->addRow(tr("Checkpoint every:"), m_checkpointEvery);
    form->addRow(tr("Validate every:"), m_validateEvery);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Precision:"), m_precision);
    form->addRow(tr("Expected duration:"), m_estimate);
    m_message = newMessageLine(this);
    form->addRow(m_message);
    showGpus();
    for (QSpinBox* box : {m_steps, m_batch, m_patch, m_checkpointEvery, m_validateEvery})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            m_engineProblem.clear();
            showEstimate();
            recheck();
        });
    connect(m_device, &QComboBox::currentIndexChanged, this, [this] {
        showGpus();
        showEstimate();
        recheck();
    });
    connect(m_precision, &QComboBox::currentIndexChanged, this, [this] { recheck(); });
    connect(wizard, &TrainingWizard::speedsChanged, this, &TrainingSchedulePage::showEstimate);
}

void TrainingSchedulePage::initializePage()
{
    showEstimate();
    recheck();
    // The model page measured its speeds with this page's batch and patch; ask again if they changed.
    const int preset = static_cast<const TrainingModelPage*>(owner()->page(TrainingWizard::ModelPage))->preset();
    if (preset >= 0 && preset < owner()->presets().size() && owner()->presetSpeed(preset, batch(), patch(), device()) == 0)
        Q_EMIT owner()->speedRequested(preset, batch(), patch(), device());
}

void TrainingSchedulePage::showGpus()
{
    const QString current = m_device->currentData().toString();
    const QSignalBlocker block(m_device);
    m_device->clear();
    m_device->addItem(tr("Automatic (GPU when present)"), "auto");
    m_device->addItem(tr("CPU"), "cpu");
    const QStringList gpus = owner() ? owner()->gpus() : QStringList();
    m_device->addItem(gpus.isEmpty() ? tr("CUDA (no GPU found)") : tr("CUDA: %1").arg(gpus.join(", ")), "cuda");
    if (const int i = m_device->findData(current.isEmpty() ? "auto" : current); i >= 0)
        m_device->setCurrentIndex(i);
}

int TrainingSchedulePage::batch() const
{
    return m_batch->value();
}

int TrainingSchedulePage::patch() const
{
    return m_patch->value();
}

QString TrainingSchedulePage::device() const
{
    return m_device->currentData().toString();
}

void TrainingSchedulePage::showEstimate()
{
    const int preset = static_cast<const TrainingModelPage*>(owner()->page(TrainingWizard::ModelPage))->preset();
    const double speed = owner()->presetSpeed(preset, batch(), patch(), device());
    m_estimate->setText(speed > 0 ? tr("about %1 (%2 steps/s measured here; validation adds to it)")
                                        .arg(durationText(m_steps->value() / speed))
                                        .arg(speed, 0, 'g', 3)
                            : speed < 0 ? tr("unknown: the network cannot run on this device")
                                        : tr("measuring the speed…"));
}

QString TrainingSchedulePage::problem() const
{
    if (!owner())
        return {};
    const QString chosenDevice = device();
    if (chosenDevice == "cuda" && owner()->gpus().isEmpty())
        return tr("No CUDA GPU was found on this machine: choose Automatic or CPU (or run on a cluster).");
    if (m_precision->currentData() == "bf16" && (chosenDevice == "cpu" || owner()->gpus().isEmpty()))
        return tr("bf16 mixed precision needs a GPU; choose fp32.");
    QSize size;
    for (const TrainingFileInfo& info : owner()->fileInfo())
        if (info.error.isEmpty())
            size = size.isValid() ? size.boundedTo(info.size) : info.size;
    if (size.isValid() && (patch() > size.width() || patch() > size.height()))
        return tr("The patch (%1 px) is larger than the images (%2 × %3).").arg(patch()).arg(size.width()).arg(size.height());
    return m_engineProblem;
}

bool TrainingSchedulePage::validatePage()
{
    m_engineProblem.clear();
    if (!TrainingPage::validatePage())
        return false;
    // The engine's rules (a patch the network and scale can take, warm-up within the steps, …); the
    // output folder is the next page's business.
    QJsonObject config = owner()->configuration();
    if (config.value("out").toString().isEmpty())
        config["out"] = QStringLiteral("output-chosen-on-the-next-page");
    m_engineProblem = owner()->services().check(config);
    recheck();
    return m_engineProblem.isEmpty();
}

void TrainingSchedulePage::load(const QJsonObject& c)
{
    m_steps->setValue(c.value("steps").toInt(20000));
    m_batch->setValue(c.value("batch").toInt(8));
    m_patch->setValue(c.value("patch").toInt(64));
    m_learningRate->setValue(c.value("lr").toDouble(2e-4));
    m_ema->setValue(c.value("ema_decay").toDouble(0.999));
    m_checkpointEvery->setValue(c.value("checkpoint_every").toInt(1000));
    m_validateEvery->setValue(c.value("validate_every").toInt(1000));
    if (const int i = m_device->findData(c.value("device").toString("auto")); i >= 0)
        m_device->setCurrentIndex(i);
    if (const int i = m_precision->findData(c.value("precision").toString("fp32")); i >= 0)
        m_precision->setCurrentIndex(i);
    m_engineProblem.clear();
}

void TrainingSchedulePage::apply(QJsonObject& config) const
{
    config["steps"] = m_steps->value();
    config["batch"] = m_batch->value();
    config["patch"] = m_patch->value();
    config["lr"] = m_learningRate->value();
    config["ema_decay"] = m_ema->value();
    config["checkpoint_every"] = m_checkpointEvery->value();
    config["validate_every"] = m_validateEvery->value();
    config["device"] = device();
    config["precision"] = m_precision->currentData().toString();
    // A short run warms up over its first tenth rather than failing on the default warm-up.
    const int warmup = config.value("warmup_steps").toInt(500);
    if (warmup >= m_steps->value())
        config["warmup_steps"] = m_steps->value() / 10;
}

// ---- Output ----

TrainingOutputPage::TrainingOutputPage()
{
    setTitle(tr("Output"));
    setSubTitle(
        tr("Where the run keeps its model, checkpoints and log, and the configuration it starts with "
           "(editable; the schema of `cryosr-cli train --config`)."));
    setFinalPage(true);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto* folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(this);
    m_folder->setObjectName("folderEdit");
    auto* browse = new QPushButton(tr("Browse…"), this);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_name = new QLineEdit(this);
    m_name->setObjectName("nameEdit");
    m_name->setPlaceholderText(tr("e.g. apoferritin-k3-2x"));
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("Name:"), m_name);
    layout->addLayout(form);
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName("summaryEdit");
    m_summary->setFont(QFont("monospace"));
    layout->addWidget(m_summary, 1);
    auto* buttons = new QHBoxLayout;
    auto* load = new QPushButton(tr("Load Configuration…"), this);
    load->setObjectName("loadConfigButton");
    auto* save = new QPushButton(tr("Save Configuration…"), this);
    save->setObjectName("saveConfigButton");
    buttons->addWidget(load);
    buttons->addWidget(save);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_message = newMessageLine(this);
    layout->addWidget(m_message);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for Training Runs"), m_folder->text());
        if (!folder.isEmpty())
            m_folder->setText(folder);
    });
    for (QLineEdit* edit : {m_folder, m_name})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_engineProblem.clear();
            showSummary();
        });
    connect(m_summary, &QPlainTextEdit::textChanged, this, [this] {
        if (m_showing)
            return;
        m_edited = true;
        m_engineProblem.clear();
        recheck();
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Load a Training Configuration"), m_folder->text(), tr("JSON (*.json)"));
        QString error;
        if (!file.isEmpty() && !owner()->loadConfiguration(file, &error))
            m_message->setText(error);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the Training Configuration"),
                                                          m_folder->text() + "/config.json", tr("JSON (*.json)"));
        QString error;
        if (!file.isEmpty() && !owner()->saveConfiguration(file, &error))
            m_message->setText(error);
    });
}

void TrainingOutputPage::setFolder(const QString& folder)
{
    if (m_folder->text().isEmpty())
        m_folder->setText(folder);
}

void TrainingOutputPage::initializePage()
{
    m_engineProblem.clear();
    showSummary();
}

void TrainingOutputPage::cleanupPage()
{
    takeEdits(); // Back keeps what was typed into the summary
}

bool TrainingOutputPage::takeEdits()
{
    if (!m_edited)
        return true;
    const QJsonDocument document = QJsonDocument::fromJson(m_summary->toPlainText().toUtf8());
    if (!document.isObject())
        return false;
    m_edited = false;
    owner()->setConfiguration(document.object());
    return true;
}

void TrainingOutputPage::showSummary()
{
    m_showing = true;
    m_edited = false;
    m_summary->setPlainText(QString::fromUtf8(QJsonDocument(owner()->configuration()).toJson(QJsonDocument::Indented)));
    m_showing = false;
    recheck();
}

QString TrainingOutputPage::problem() const
{
    if (!owner())
        return {};
    if (m_edited && !QJsonDocument::fromJson(m_summary->toPlainText().toUtf8()).isObject())
        return tr("The configuration is not a valid JSON object.");
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Name the run: it becomes the folder's and the model's name.");
    if (name.contains('/') || name.contains('\\') || name.startsWith('.'))
        return tr("The name must not contain slashes or start with a dot.");
    const QFileInfo folder(m_folder->text());
    if (m_folder->text().isEmpty() || !folder.isDir())
        return tr("Choose an existing folder for the run.");
    if (!folder.isWritable())
        return tr("%1 cannot be written: choose another folder.").arg(folder.filePath());
    const QDir out(QDir(m_folder->text()).filePath(name));
    for (const char* file : {"checkpoint.pt", "model.pt", "log.jsonl"})
        if (out.exists(file))
            return tr("%1 already holds a training run: choose another name.").arg(out.path());
    return m_engineProblem;
}

bool TrainingOutputPage::validatePage()
{
    if (!takeEdits())
        return false;
    m_engineProblem.clear();
    if (!TrainingPage::validatePage())
        return false;
    m_engineProblem = owner()->services().check(owner()->configuration());
    recheck();
    return m_engineProblem.isEmpty();
}

void TrainingOutputPage::load(const QJsonObject& config)
{
    const QString out = config.value("out").toString();
    if (!out.isEmpty()) {
        const QFileInfo info(out);
        m_folder->setText(info.path());
        m_name->setText(info.fileName());
    }
}

void TrainingOutputPage::apply(QJsonObject& config) const
{
    const QString name = m_name->text().trimmed();
    config["out"] = name.isEmpty() ? QString() : QDir::cleanPath(QDir(m_folder->text()).filePath(name));
}
