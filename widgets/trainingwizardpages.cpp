#include "trainingwizardpages.h"

#include "trainingwizard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QApplication>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

namespace {

QStringList strings(const QJsonValue& value)
{
    QStringList out;
    if (value.isString())
        out << value.toString();
    for (const QJsonValue& v : value.toArray())
        out << v.toString();
    return out;
}

QRadioButton* addChoice(QButtonGroup* group, QLayout* layout, const QString& label, const QString& name, int id)
{
    auto* button = new QRadioButton(label);
    button->setObjectName(name);
    group->addButton(button, id);
    layout->addWidget(button);
    return button;
}

QString sizeText(const QSize& size)
{
    return QStringLiteral("%1 × %2").arg(size.width()).arg(size.height());
}

} // namespace

// ---- TrainingPage ----

TrainingWizard* TrainingPage::owner() const
{
    return static_cast<TrainingWizard*>(wizard());
}

QLabel* TrainingPage::newMessageLine(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName("problemLabel");
    label->setWordWrap(true);
    label->setStyleSheet("color: #b00020");
    return label;
}

bool TrainingPage::validatePage()
{
    recheck();
    return problem().isEmpty();
}

void TrainingPage::recheck()
{
    const QString problem = this->problem();
    if (m_message)
        m_message->setText(problem);
    if (m_complete == problem.isEmpty())
        return;
    m_complete = problem.isEmpty();
    // QWizard hides its whole page area while it updates its buttons, which moves the keyboard focus
    // out of the field being typed in to the next widget of the window (the page tabs): put it back.
    const QPointer<QWidget> focus = QApplication::focusWidget();
    Q_EMIT completeChanged();
    if (focus && focus != QApplication::focusWidget() && focus->isVisible())
        focus->setFocus(Qt::OtherFocusReason);
}

// ---- Data ----

TrainingDataPage::TrainingDataPage(TrainingWizard* wizard)
{
    setTitle(tr("Data"));
    setSubTitle(
        tr("The micrographs to learn from: files, folders or a RELION micrograph STAR file. Ticked files are "
           "held out for validation (whole files, never crops of training files)."));
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    const auto button = [&](const QString& text, const QString& name, auto slot) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    button(tr("Add Files…"), "addFilesButton", [this] {
        addPaths(QFileDialog::getOpenFileNames(this, tr("Add Micrographs"), {},
                                               tr("Micrographs (*.mrc *.mrcs *.tif *.tiff);;All files (*)")));
    });
    button(tr("Add Folder…"), "addFolderButton", [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a Folder of Micrographs"));
        if (!folder.isEmpty())
            addPaths({folder});
    });
    button(tr("Add STAR File…"), "addStarButton", [this] {
        const QString star =
            QFileDialog::getOpenFileName(this, tr("Add a RELION Micrograph STAR File"), {}, tr("STAR files (*.star)"));
        if (!star.isEmpty())
            addPaths({star});
    });
    button(tr("Remove"), "removeButton", [this] { removeSelected(); });
    buttons->addStretch();
    layout->addLayout(buttons);

    m_list = new QTreeWidget(this);
    m_list->setObjectName("dataList");
    m_list->setHeaderLabels({tr("File"), tr("Size (px)"), tr("Pixel size (Å)"), tr("Validation")});
    m_list->setIconSize(QSize(48, 48));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem*, int column) {
        if (column == 3) {
            m_validationChosen = true;
            recheck();
        }
    });
    layout->addWidget(m_list, 1);

    auto* form = new QFormLayout;
    m_pixelSize = new QDoubleSpinBox(this);
    m_pixelSize->setObjectName("pixelSizeSpinBox");
    m_pixelSize->setRange(0.0, 1000.0);
    m_pixelSize->setDecimals(4);
    m_pixelSize->setSuffix(tr(" Å"));
    m_pixelSize->setSpecialValueText(tr("unknown"));
    m_pixelSize->setToolTip(tr("From the files' headers; correct it when they are wrong. It goes into the model's card."));
    connect(m_pixelSize, &QDoubleSpinBox::valueChanged, this, [this] { m_pixelSizeTyped = true; });
    form->addRow(tr("Pixel size:"), m_pixelSize);
    layout->addLayout(form);
    m_message = newMessageLine(this);
    layout->addWidget(m_message);
    connect(wizard, &TrainingWizard::fileInfoChanged, this, &TrainingDataPage::showFileInfo);
}

void TrainingDataPage::addPaths(const QStringList& paths)
{
    QStringList added;
    m_expandError.clear();
    for (const QString& path : paths) {
        QString error;
        const QStringList files = owner()->services().expand(path, &error);
        if (!error.isEmpty())
            m_expandError = error;
        for (const QString& file : files)
            if (!files.isEmpty() && m_list->findItems(file, Qt::MatchExactly, 0).isEmpty()) {
                addFile(file, false);
                added << file;
            }
    }
    if (!m_validationChosen)
        spreadValidation();
    if (!added.isEmpty())
        Q_EMIT owner()->inspectionRequested(added);
    showFileInfo();
}

void TrainingDataPage::addFile(const QString& file, bool validation)
{
    auto* item = new QTreeWidgetItem({file, tr("reading…"), {}, {}});
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(3, validation ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(0, file);
    const QSignalBlocker block(m_list);
    m_list->addTopLevelItem(item);
}

void TrainingDataPage::removeSelected()
{
    qDeleteAll(m_list->selectedItems());
    if (!m_validationChosen)
        spreadValidation();
    recheck();
}

/// About a tenth of the files, spread over the list, at least one when there are two or more.
void TrainingDataPage::spreadValidation()
{
    const QSignalBlocker block(m_list);
    const int n = m_list->topLevelItemCount();
    const int held = n < 2 ? 0 : std::max(1, int(std::lround(n * 0.1)));
    for (int i = 0; i < n; ++i)
        m_list->topLevelItem(i)->setCheckState(3, Qt::Unchecked);
    for (int k = 0; k < held; ++k)
        m_list->topLevelItem(n - 1 - k * (n / held))->setCheckState(3, Qt::Checked);
}

void TrainingDataPage::showFileInfo()
{
    const auto& infos = owner()->fileInfo();
    const QSignalBlocker block(m_list);
    QList<double> pixelSizes;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        const auto found = infos.find(item->text(0));
        if (found == infos.end())
            continue;
        const TrainingFileInfo& info = *found;
        item->setIcon(0, QIcon(QPixmap::fromImage(info.thumbnail)));
        item->setText(1, info.error.isEmpty() ? sizeText(info.size) : tr("unreadable"));
        item->setText(2, info.pixelSize > 0 ? QString::number(info.pixelSize, 'g', 5) : QString());
        item->setToolTip(1, info.error);
        if (info.error.isEmpty() && info.pixelSize > 0)
            pixelSizes << info.pixelSize;
    }
    if (!m_pixelSizeTyped && !pixelSizes.isEmpty()) {
        const QSignalBlocker blockSize(m_pixelSize);
        m_pixelSize->setValue(pixelSizes.first());
    }
    recheck();
}

QStringList TrainingDataPage::files() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        out << m_list->topLevelItem(i)->text(0);
    return out;
}

QStringList TrainingDataPage::validationFiles() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->checkState(3) == Qt::Checked)
            out << m_list->topLevelItem(i)->text(0);
    return out;
}

QString TrainingDataPage::problem() const
{
    const QStringList all = files();
    if (all.isEmpty())
        return m_expandError.isEmpty() ? tr("Add micrographs: files, a folder or a RELION micrograph STAR file.") : m_expandError;
    const auto& infos = owner()->fileInfo();
    QStringList unreadable, waiting;
    QSize size;
    double pixelSize = 0.0;
    for (const QString& file : all) {
        const auto found = infos.find(file);
        if (found == infos.end()) {
            waiting << file;
            continue;
        }
        if (!found->error.isEmpty()) {
            unreadable << QFileInfo(file).fileName() + ": " + found->error;
            continue;
        }
        if (size.isValid() && found->size != size)
            return tr("The files differ in size (%1 and %2 in %3): train on micrographs of one camera and mode at a time.")
                .arg(sizeText(size), sizeText(found->size), QFileInfo(file).fileName());
        size = found->size;
        if (found->pixelSize > 0 && pixelSize > 0 && std::abs(found->pixelSize - pixelSize) > 0.01 * pixelSize)
            return tr("The files' pixel sizes differ (%1 and %2 Å in %3): a model learns one magnification; "
                      "train on one pixel size at a time.")
                .arg(pixelSize, 0, 'g', 5)
                .arg(found->pixelSize, 0, 'g', 5)
                .arg(QFileInfo(file).fileName());
        if (found->pixelSize > 0)
            pixelSize = found->pixelSize;
    }
    if (!unreadable.isEmpty())
        return tr("%n file(s) cannot be read; remove them: %1", nullptr, int(unreadable.size()))
            .arg(unreadable.mid(0, 3).join("; "));
    if (!waiting.isEmpty())
        return tr("Reading %n file(s)…", nullptr, int(waiting.size()));
    if (validationFiles().size() == all.size())
        return tr("Every file is ticked for validation: leave some for training.");
    if (!m_expandError.isEmpty())
        return m_expandError;
    return {};
}

void TrainingDataPage::load(const QJsonObject& config)
{
    const QStringList training = strings(config.value("data")), validation = strings(config.value("validation_data"));
    if (training + validation == files() && validation == validationFiles())
        return; // unchanged: keep the list (and what it has read)
    m_list->clear();
    m_validationChosen = !validation.isEmpty();
    addPaths(training + validation);
    if (!validation.isEmpty()) {
        const QSignalBlocker block(m_list);
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = m_list->topLevelItem(i);
            item->setCheckState(3, validation.contains(item->text(0)) ? Qt::Checked : Qt::Unchecked);
        }
    }
    const double pixelSize = config.value("pixel_size").toDouble();
    m_pixelSizeTyped = pixelSize > 0;
    if (pixelSize > 0)
        m_pixelSize->setValue(pixelSize);
    recheck();
}

void TrainingDataPage::apply(QJsonObject& config) const
{
    const QStringList validation = validationFiles();
    QJsonArray training, held;
    for (const QString& file : files())
        (validation.contains(file) ? held : training).append(file);
    config["data"] = training;
    config["validation_data"] = held;
    config["pixel_size"] = m_pixelSize->value();
}

// ---- Task ----

TrainingTaskPage::TrainingTaskPage(TrainingWizard* wizard)
{
    setTitle(tr("Task"));
    setSubTitle(
        tr("What the model learns: the scale, how its low-resolution inputs are made, and which images it "
           "learns to produce."));
    auto* layout = new QVBoxLayout(this);
    auto* start = new QHBoxLayout;
    m_newModel = new QRadioButton(tr("Train a new model"), this);
    m_newModel->setObjectName("newModelRadio");
    m_newModel->setChecked(true);
    m_fineTune = new QRadioButton(tr("Fine-tune:"), this);
    m_fineTune->setObjectName("fineTuneRadio");
    m_model = new QComboBox(this);
    m_model->setObjectName("fineTuneModelCombo");
    start->addWidget(m_newModel);
    start->addWidget(m_fineTune);
    start->addWidget(m_model, 1);
    layout->addLayout(start);
    m_modelNote = new QLabel(this);
    m_modelNote->setWordWrap(true);
    layout->addWidget(m_modelNote);

    const auto group = [&](const QString& title) {
        auto* box = new QHBoxLayout;
        box->addWidget(new QLabel(title, this));
        layout->addLayout(box);
        return box;
    };
    m_scale = new QButtonGroup(this);
    auto* scaleRow = group(tr("Scale:"));
    addChoice(m_scale, scaleRow, tr("2×"), "scale2Radio", 2)->setChecked(true);
    addChoice(m_scale, scaleRow, tr("4×"), "scale4Radio", 4);
    scaleRow->addStretch();
    m_downsampling = new QButtonGroup(this);
    auto* downRow = group(tr("Low-resolution inputs by:"));
    addChoice(m_downsampling, downRow, tr("Fourier cropping"), "fourierRadio", 0)->setChecked(true);
    addChoice(m_downsampling, downRow, tr("binning (averaging pixels)"), "binningRadio", 1);
    downRow->addStretch();
    m_pairs = new QButtonGroup(this);
    auto* pairsRow = group(tr("Targets:"));
    addChoice(m_pairs, pairsRow, tr("the micrographs themselves (self-supervised)"), "selfRadio", 0)->setChecked(true);
    addChoice(m_pairs, pairsRow, tr("simulated clean images"), "simulatedRadio", 1)
        ->setToolTip(tr("Each NAME.mrc needs NAME.clean.mrc beside it, as `cryosr-cli simulate --map MAP -o NAME.mrc "
                        "--clean NAME.clean.mrc` writes: the model learns to denoise too."));
    auto* simulate = new QPushButton(tr("Simulate from a Map…"), this);
    simulate->setObjectName("simulateButton");
    simulate->setToolTip(
        tr("Make simulated micrographs with their clean images from a 3D map (an EMDB map, "
           "your own reconstruction) and train on them"));
    connect(simulate, &QPushButton::clicked, wizard, &TrainingWizard::simulationRequested);
    pairsRow->addWidget(simulate);
    pairsRow->addStretch();
    layout->addStretch();
    m_message = newMessageLine(this);
    layout->addWidget(m_message);

    for (QAbstractButton* b : {static_cast<QAbstractButton*>(m_newModel), static_cast<QAbstractButton*>(m_fineTune)})
        connect(b, &QAbstractButton::toggled, this, &TrainingTaskPage::updateEnabled);
    connect(m_model, &QComboBox::currentIndexChanged, this, &TrainingTaskPage::updateEnabled);
    connect(m_pairs, &QButtonGroup::idToggled, this, [this] { recheck(); });
    connect(wizard, &TrainingWizard::fileInfoChanged, this, [this] { recheck(); });
    updateEnabled();
}

void TrainingTaskPage::showModels()
{
    const QString current = m_model->currentData().toString();
    const QSignalBlocker block(m_model);
    m_model->clear();
    for (const FineTuneModel& m : owner()->fineTuneModels())
        m_model->addItem(m.name, m.file);
    if (const int index = m_model->findData(current); index >= 0)
        m_model->setCurrentIndex(index);
    updateEnabled();
}

void TrainingTaskPage::setSimulatedPairs()
{
    m_pairs->button(1)->setChecked(true);
}

bool TrainingTaskPage::fineTuning() const
{
    return m_fineTune->isChecked() && m_model->currentIndex() >= 0;
}

int TrainingTaskPage::scale() const
{
    if (fineTuning())
        return owner()->fineTuneModels().value(m_model->currentIndex()).fields.value("scale").toInt(2);
    return m_scale->checkedId();
}

void TrainingTaskPage::updateEnabled()
{
    m_fineTune->setEnabled(m_model->count() > 0);
    m_model->setEnabled(m_fineTune->isChecked());
    for (QAbstractButton* b : m_scale->buttons())
        b->setEnabled(!fineTuning());
    if (fineTuning()) {
        if (QAbstractButton* b = m_scale->button(scale()))
            b->setChecked(true);
        m_modelNote->setText(
            tr("The model's architecture, noise schedule, scale and condition are kept; a lower "
               "learning rate than for a new model (e.g. 5e-5) keeps what it learnt."));
    } else {
        m_modelNote->clear();
    }
    recheck();
}

QString TrainingTaskPage::problem() const
{
    if (m_pairs->checkedId() != 1 || !wizard())
        return {};
    QStringList missing;
    for (const TrainingFileInfo& info : owner()->fileInfo())
        if (info.error.isEmpty() && !info.hasCleanPartner)
            missing << QFileInfo(info.file).fileName();
    if (missing.isEmpty())
        return {};
    missing.sort();
    return tr("Simulated pairs need NAME.clean.EXT beside each file (from `cryosr-cli simulate --clean`); "
              "%n file(s) have none: %1",
              nullptr, int(missing.size()))
        .arg(missing.mid(0, 3).join(", "));
}

void TrainingTaskPage::load(const QJsonObject& config)
{
    const QString init = config.value("init_model").toString();
    const int index = m_model->findData(init);
    if (!init.isEmpty() && index < 0)
        m_model->addItem(QFileInfo(init).completeBaseName(), init); // a model the app does not list: keep it
    m_fineTune->setChecked(!init.isEmpty());
    m_newModel->setChecked(init.isEmpty());
    if (!init.isEmpty())
        m_model->setCurrentIndex(m_model->findData(init));
    if (QAbstractButton* b = m_scale->button(config.value("scale").toInt(2)))
        b->setChecked(true);
    m_downsampling->button(config.value("downsampling").toString() == "binning" ? 1 : 0)->setChecked(true);
    m_pairs->button(config.value("pairs").toString() == "simulated" ? 1 : 0)->setChecked(true);
    updateEnabled();
}

void TrainingTaskPage::apply(QJsonObject& config) const
{
    config["init_model"] = fineTuning() ? m_model->currentData().toString() : QString();
    config["scale"] = m_scale->checkedId();
    if (fineTuning()) {
        const QJsonObject fields = owner()->fineTuneModels().value(m_model->currentIndex()).fields;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            config[it.key()] = it.value();
    }
    config["downsampling"] = m_downsampling->checkedId() == 1 ? "binning" : "fourier";
    config["pairs"] = m_pairs->checkedId() == 1 ? "simulated" : "self";
}

// ---- Model size ----

TrainingModelPage::TrainingModelPage(TrainingWizard* wizard)
{
    setTitle(tr("Model Size"));
    setSubTitle(
        tr("Larger networks learn more detail and take longer per step. Speeds are measured on this "
           "machine with the schedule's batch and patch."));
    auto* layout = new QVBoxLayout(this);
    m_presets = new QTreeWidget(this);
    m_presets->setObjectName("presetList");
    m_presets->setHeaderLabels({tr("Size"), tr("Parameters"), tr("Training speed"), tr("Architecture")});
    m_presets->setRootIsDecorated(false);
    m_presets->header()->setStretchLastSection(true);
    layout->addWidget(m_presets, 1);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_message = newMessageLine(this);
    layout->addWidget(m_message);
    connect(m_presets, &QTreeWidget::currentItemChanged, this, [this] {
        if (const int index = preset(); index >= 0)
            m_chosen = owner()->presets()[index].architecture;
        recheck();
    });
    connect(wizard, &TrainingWizard::speedsChanged, this, &TrainingModelPage::showPresets);
}

void TrainingModelPage::initializePage()
{
    showPresets();
    recheck();
    const auto* schedule = static_cast<const TrainingSchedulePage*>(wizard()->page(TrainingWizard::SchedulePage));
    for (int i = 0; i < owner()->presets().size(); ++i)
        if (owner()->presetSpeed(i, schedule->batch(), schedule->patch(), schedule->device()) == 0.0)
            Q_EMIT owner()->speedRequested(i, schedule->batch(), schedule->patch(), schedule->device());
}

void TrainingModelPage::showPresets()
{
    const auto* schedule = static_cast<const TrainingSchedulePage*>(owner()->page(TrainingWizard::SchedulePage));
    const QSignalBlocker block(m_presets);
    m_presets->clear();
    const auto& presets = owner()->presets();
    for (int i = 0; i < presets.size(); ++i) {
        const ModelPreset& p = presets[i];
        const double speed = owner()->presetSpeed(i, schedule->batch(), schedule->patch(), schedule->device());
        const QJsonObject a = p.architecture;
        QStringList mults;
        for (const QJsonValue& m : a.value("channel_multipliers").toArray())
            mults << QString::number(m.toInt());
        auto* item = new QTreeWidgetItem(m_presets,
                                         {p.name, tr("%1 M").arg(p.parameters / 1e6, 0, 'f', 2),
                                          speed > 0       ? tr("%1 steps/s").arg(speed, 0, 'g', 3)
                                              : speed < 0 ? tr("cannot run on this device")
                                                          : tr("measuring…"),
                                          tr("base %1, levels %2").arg(a.value("base_channels").toInt()).arg(mults.join('-'))});
        if (a == m_chosen)
            m_presets->setCurrentItem(item);
    }
    if (!m_presets->currentItem() && !m_chosen.isEmpty())
        m_presets->setCurrentItem(new QTreeWidgetItem(m_presets, {tr("From the configuration"), {}, {}, {}}));
    const bool fineTuning = static_cast<const TrainingTaskPage*>(owner()->page(TrainingWizard::TaskPage))->fineTuning();
    m_presets->setEnabled(!fineTuning);
    m_note->setText(fineTuning ? tr("Fine-tuning keeps the architecture of the model it starts from.")
                               : tr("Speeds: batch %1, patch %2 px.").arg(schedule->batch()).arg(schedule->patch()));
    for (int c = 0; c < 3; ++c)
        m_presets->resizeColumnToContents(c);
}

int TrainingModelPage::preset() const
{
    const int index = m_presets->indexOfTopLevelItem(m_presets->currentItem());
    return index < owner()->presets().size() ? index : -1;
}

QString TrainingModelPage::problem() const
{
    return m_presets->currentItem() || !m_presets->isEnabled() ? QString() : tr("Choose a model size.");
}

void TrainingModelPage::load(const QJsonObject& config)
{
    m_chosen = config.value("architecture").toObject();
    showPresets();
}

void TrainingModelPage::apply(QJsonObject& config) const
{
    if (m_presets->isEnabled() && !m_chosen.isEmpty()) // fine-tuning: the task page wrote the model's
        config["architecture"] = m_chosen;
}
