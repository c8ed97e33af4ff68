#include "upscalepanel.h"

#include "lazyprogressbar.h"
#include "regionsnap.h"
#include "spinboxes.h"
#include "wheelguard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <limits>

namespace {

QComboBox* comboBox(const QString& name, const QList<std::pair<QString, QString>>& items)
{
    auto* box = new QComboBox;
    box->setObjectName(name);
    // Long entries ("default — Faithful upscale: …") must not widen the dock; the popup shows them whole.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
    for (const auto& [label, value] : items)
        box->addItem(label, value);
    return box;
}

void selectData(QComboBox* box, const QString& value)
{
    const int index = box->findData(value);
    if (index >= 0)
        box->setCurrentIndex(index);
}

QString duration(double seconds)
{
    if (seconds < 90)
        return QObject::tr("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 1 : 0);
    if (seconds < 5400)
        return QObject::tr("%1 min").arg(seconds / 60, 0, 'f', 1);
    return QObject::tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
}

} // namespace

UpscaleOptions UpscaleOptions::forRun() const
{
    UpscaleOptions run = *this;
    if (fast) {
        run.sampler = "ddim";
        run.steps = kFastSteps;
        run.eta = 0.0;
    }
    return run;
}

UpscalePanel::UpscalePanel(QWidget* parent)
    : QWidget(parent)
{
    // The settings scroll when the window is short; the buttons, progress and status stay in view below.
    auto* settings = new QWidget;
    auto* layout = new QVBoxLayout(settings);
    buildRegionGroup(layout);

    auto* modelGroup = new QGroupBox(tr("Model"));
    auto* modelLayout = new QVBoxLayout(modelGroup);
    m_model = comboBox("model", {});
    m_modelCard = new QLabel;
    m_modelCard->setObjectName("modelCard");
    m_modelCard->setWordWrap(true);
    m_modelCard->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long paths must not widen the dock
    m_modelCard->setTextInteractionFlags(Qt::TextSelectableByMouse);
    modelLayout->addWidget(m_model);
    modelLayout->addWidget(m_modelCard);
    layout->addWidget(modelGroup);

    buildSamplingGroup(layout);

    m_upscale = new QPushButton(tr("Upscale"));
    m_upscale->setObjectName("upscaleButton");
    m_upscale->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName("cancelButton");
    m_cancel->setEnabled(false);
    layout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setObjectName("settingsScroll");
    scroll->setWidget(settings);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scrollPastUnfocusedInputs(scroll);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_upscale);
    buttons->addWidget(m_cancel);
    m_progress = new LazyProgressBar;
    m_progress->setObjectName("progress");
    m_status = new QLabel;
    m_status->setObjectName("upscaleStatus");
    m_status->setWordWrap(true);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    auto* footer = new QVBoxLayout;
    footer->setContentsMargins(9, 0, 9, 6);
    footer->addLayout(buttons);
    footer->addWidget(m_progress);
    footer->addWidget(m_status);
    outer->addLayout(footer);

    connect(m_upscale, &QPushButton::clicked, this, &UpscalePanel::requestUpscale);
    connect(m_cancel, &QPushButton::clicked, this, &UpscalePanel::cancelRequested);
    for (QSpinBox* box : {m_x, m_y, m_width, m_height})
        connect(box, &QSpinBox::valueChanged, this, &UpscalePanel::regionTyped);
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        showModelCard();
        save();
        Q_EMIT engineChoiceChanged();
    });
    for (QComboBox* box : {m_device, m_precision})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            updateEnabledChoices();
            save();
            Q_EMIT engineChoiceChanged();
        });
    connect(m_sampler, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabledChoices();
        save();
    });
    for (QSpinBox* box : {m_steps, m_samples})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            save();
            showEstimate();
        });
    connect(m_seed, &QSpinBox::valueChanged, this, &UpscalePanel::save);
    connect(m_eta, &QDoubleSpinBox::valueChanged, this, &UpscalePanel::save);
    connect(m_fast, &QCheckBox::toggled, this, [this] {
        updateEnabledChoices();
        save();
        showEstimate();
    });
    connect(m_randomSeed, &QCheckBox::toggled, this, [this] {
        updateEnabledChoices();
        save();
    });
    connect(m_consistency, &QComboBox::currentIndexChanged, this, &UpscalePanel::save);
    restore();
    updateEnabledChoices();
    showRegionSize();
}

void UpscalePanel::buildRegionGroup(QVBoxLayout* layout)
{
    auto* group = new QGroupBox(tr("Region"));
    group->setToolTip(tr("Shift+drag on the image to select a region, or type it here."));
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow dock puts the field under its label
    m_x = integerSpinBox("regionX", 0, 0, 0);
    m_y = integerSpinBox("regionY", 0, 0, 0);
    m_width = integerSpinBox("regionWidth", 0, 0, 0);
    m_height = integerSpinBox("regionHeight", 0, 0, 0);
    m_x->setAccessibleName(tr("The region's x"));
    m_y->setAccessibleName(tr("The region's y"));
    m_width->setAccessibleName(tr("The region's width"));
    m_height->setAccessibleName(tr("The region's height"));
    auto* corner = new QHBoxLayout;
    corner->addWidget(m_x);
    corner->addWidget(m_y);
    auto* size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel("×"));
    size->addWidget(m_height);
    form->addRow(tr("x, y"), corner);
    form->addRow(tr("Size"), size);
    m_regionSize = new QLabel;
    m_regionSize->setObjectName("regionSize");
    m_regionSize->setWordWrap(true);
    m_estimate = new QLabel;
    m_estimate->setObjectName("estimate");
    m_estimate->setWordWrap(true);
    form->addRow(m_regionSize);
    form->addRow(m_estimate);
    layout->addWidget(group);
}

void UpscalePanel::buildSamplingGroup(QVBoxLayout* layout)
{
    auto* group = new QGroupBox(tr("Sampling"));
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_sampler = comboBox("sampler", {{tr("DDPM"), "ddpm"}, {tr("DDIM"), "ddim"}, {tr("DPM-Solver++"), "dpmpp"}});
    m_sampler->setToolTip(
        tr("DDPM follows every step of the trained chain; DDIM and DPM-Solver++ skip "
           "steps and need far fewer (20-50) for the same quality."));
    m_steps = integerSpinBox("steps", 1, 1000, 50);
    m_fast = new QCheckBox(tr("Fast (%n steps)", nullptr, UpscaleOptions::kFastSteps));
    m_fast->setObjectName("fast");
    m_fast->setToolTip(
        tr("%n deterministic DDIM steps of the same network instead of the steps chosen here. On "
           "held-out simulations the denoise model's mean of 8 samples came as close to the clean image "
           "as with 50 steps, or closer (docs/models.md). Its uncertainty is calibrated for so few "
           "steps only where the model's card lists a scale for them. Untick to use the step count "
           "beside it.",
           nullptr, UpscaleOptions::kFastSteps));
    auto* stepsRow = new QHBoxLayout;
    stepsRow->addWidget(m_steps, 1);
    stepsRow->addWidget(m_fast);
    m_eta = new QDoubleSpinBox;
    m_eta->setObjectName("eta");
    m_eta->setRange(0.0, 1.0);
    m_eta->setSingleStep(0.1);
    m_eta->setToolTip(tr("DDIM's noise: 0 is deterministic, 1 behaves like DDPM."));
    m_samples = integerSpinBox("samples", 1, 64, 1);
    m_samples->setToolTip(
        tr("Several samples give their mean and a per-pixel uncertainty map. They come in pairs whose "
           "second sample starts from the first one's noise negated, which brings their mean nearer the "
           "truth: prefer an even number."));
    m_randomSeed = new QCheckBox(tr("Random"));
    m_randomSeed->setObjectName("randomSeed");
    m_randomSeed->setChecked(true);
    m_seed = integerSpinBox("seed", 0, std::numeric_limits<int>::max(), 0);
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(m_randomSeed);
    seedRow->addWidget(m_seed, 1);
    m_device = comboBox("device", {{tr("Automatic"), "auto"}, {tr("CPU"), "cpu"}, {tr("CUDA"), "cuda"}});
    m_precision =
        comboBox("precision", {{tr("Automatic"), "auto"}, {tr("fp32"), "fp32"}, {tr("bf16"), "bf16"}, {tr("fp16"), "fp16"}});
    m_precision->setToolTip(
        tr("Automatic is bf16 on a CPU with bf16 arithmetic (AVX512-BF16), where it takes 0.6-0.8× "
           "the time with the same accuracy, and fp32 elsewhere. bf16 and fp16 halve the GPU memory a "
           "run needs; their results differ from fp32's by rounding."));
    m_consistency = comboBox("consistency",
                             {{tr("Model's default"), "model"},
                              {tr("Keep exactly, noise included"), "hard"},
                              {tr("Keep by signal-to-noise"), "noise"},
                              {tr("Let the model change it"), "off"}});
    m_consistency->setToolTip(
        tr("How each step keeps the region's own frequencies. Exactly: only detail beyond its "
           "resolution is generated, and its noise stays. By signal-to-noise: each "
           "frequency is kept as far as the region itself shows signal there, so strong "
           "features stay as measured and noise is removed."));
    m_steps->setAccessibleName(tr("Steps"));
    m_eta->setAccessibleName(tr("η"));
    m_samples->setAccessibleName(tr("Samples"));
    m_seed->setAccessibleName(tr("Seed"));
    form->addRow(tr("Sampler"), m_sampler);
    form->addRow(tr("Steps"), stepsRow);
    form->addRow(tr("η"), m_eta);
    form->addRow(tr("Samples"), m_samples);
    form->addRow(tr("Seed"), seedRow);
    form->addRow(tr("Device"), m_device);
    form->addRow(tr("Precision"), m_precision);
    form->addRow(tr("Measured data"), m_consistency);
    layout->addWidget(group);
}

void UpscalePanel::setImage(const QSize& size, double pixelSize)
{
    m_imageSize = size;
    m_pixelSize = pixelSize;
    for (QSpinBox* box : {m_x, m_width}) {
        const QSignalBlocker block(box);
        box->setMaximum(size.width());
    }
    for (QSpinBox* box : {m_y, m_height}) {
        const QSignalBlocker block(box);
        box->setMaximum(size.height());
    }
    setRegion(m_region);
}

void UpscalePanel::setRegionRules(int multiple, int scale)
{
    m_multiple = std::max(1, multiple);
    m_scale = std::max(1, scale);
    for (QSpinBox* box : {m_width, m_height})
        box->setSingleStep(m_multiple);
    setRegion(m_region);
    showRegionSize();
}

void UpscalePanel::setRegion(const QRect& region)
{
    const QRect snapped = snapRegion(region, m_multiple, m_imageSize);
    const QRect previous = m_region;
    m_region = snapped;
    const std::pair<QSpinBox*, int> values[] = {
        {m_x, snapped.x()}, {m_y, snapped.y()}, {m_width, snapped.width()}, {m_height, snapped.height()}};
    for (const auto& [box, value] : values) {
        const QSignalBlocker block(box);
        box->setValue(value);
    }
    showRegionSize();
    if (snapped != previous || snapped != region) // the view shows the snapped region, not the one dragged
        Q_EMIT regionChanged(snapped);
}

void UpscalePanel::regionTyped()
{
    setRegion(QRect(m_x->value(), m_y->value(), m_width->value(), m_height->value()));
}

void UpscalePanel::showRegionSize()
{
    if (m_region.isEmpty()) {
        m_regionSize->setText(tr("No region: Shift+drag on the image or type one."));
        m_upscale->setEnabled(false);
        return;
    }
    QString text = tr("%1 × %2 px → %3 × %4 px")
                       .arg(m_region.width())
                       .arg(m_region.height())
                       .arg(m_region.width() * m_scale)
                       .arg(m_region.height() * m_scale);
    if (m_pixelSize > 0)
        text += tr(" (%1 × %2 Å, %3 Å/px out)")
                    .arg(m_region.width() * m_pixelSize, 0, 'f', 0)
                    .arg(m_region.height() * m_pixelSize, 0, 'f', 0)
                    .arg(m_pixelSize / m_scale, 0, 'g', 4);
    if (m_multiple > 1)
        text += tr("; sides in steps of %1 px for this model").arg(m_multiple);
    m_regionSize->setText(text);
    showEstimate();
    m_upscale->setEnabled(m_model->count() > 0 && m_model->currentData(Qt::UserRole + 1).toBool());
}

void UpscalePanel::setModels(const QList<ModelEntry>& models)
{
    // A newcomer (nothing chosen yet) gets the first model of the list: the app puts its recommendation first.
    const QString wanted = m_model->count() ? m_model->currentData().toString() : QSettings().value("upscale/model").toString();
    {
        const QSignalBlocker block(m_model);
        m_model->clear();
        for (const ModelEntry& model : models) {
            m_model->addItem(model.description.isEmpty() ? model.name : tr("%1 — %2").arg(model.name, model.description),
                             model.file);
            const int row = m_model->count() - 1;
            m_model->setItemData(row, model.usable, Qt::UserRole + 1);
            m_model->setItemData(row, model.summary, Qt::UserRole + 2);
            m_model->setItemData(row, model.defaultConsistency, Qt::UserRole + 3);
            m_model->setItemData(row, model.file, Qt::ToolTipRole);
        }
        selectData(m_model, wanted);
    }
    showModelCard();
    Q_EMIT engineChoiceChanged();
}

void UpscalePanel::showDefaultConsistency()
{
    // The first choice names what "the model's default" is for the model shown.
    const QString mode = m_model->count() ? m_model->currentData(Qt::UserRole + 3).toString() : QString();
    const QString name = mode == "hard" ? tr("keep exactly")
        : mode == "noise"               ? tr("by signal-to-noise")
        : mode == "off"                 ? tr("let the model change it")
                                        : QString();
    m_consistency->setItemText(m_consistency->findData("model"),
                               name.isEmpty() ? tr("Model's default") : tr("Model's default (%1)").arg(name));
}

void UpscalePanel::showModelCard()
{
    showDefaultConsistency();
    m_modelCard->setText(m_model->count() ? m_model->currentData(Qt::UserRole + 2).toString()
                                          : tr("No model found: put .cryosr files in your models folder."));
    showRegionSize();
}

void UpscalePanel::setDevices(const QStringList& names, bool cpuBFloat16)
{
    m_cpuBFloat16 = cpuBFloat16;
    m_devicesKnown = true;
    const int cuda = m_device->findData("cuda");
    m_device->setItemText(cuda, names.isEmpty() ? tr("CUDA (no GPU found)") : tr("CUDA — %1").arg(names.join(", ")));
    m_hasGpu = !names.isEmpty();
    updateEnabledChoices();
}

void UpscalePanel::updateEnabledChoices()
{
    m_seed->setEnabled(!m_randomSeed->isChecked());
    // Fast mode decides sampler, steps and η; the fields keep the full network's choices, greyed.
    m_sampler->setEnabled(!m_fast->isChecked());
    m_steps->setEnabled(!m_fast->isChecked());
    m_eta->setEnabled(!m_fast->isChecked() && m_sampler->currentData() == "ddim");
    if (!m_devicesKnown)
        return; // the saved device and precision stand until the engine has said what this machine has
    // What cannot run here is shown but not offered: CUDA without a GPU, fp16 on the CPU, and bf16 on
    // a CPU without bf16 arithmetic.
    auto enable = [](QComboBox* box, const QString& value, bool enabled) {
        box->setItemData(box->findData(value), enabled ? QVariant() : QVariant(0), Qt::UserRole - 1);
    };
    enable(m_device, "cuda", m_hasGpu);
    if (!m_hasGpu && m_device->currentData() == "cuda")
        selectData(m_device, "auto"); // before `gpu` below, which it changes
    const bool gpu = m_device->currentData() == "cuda" || (m_device->currentData() == "auto" && m_hasGpu);
    enable(m_precision, "bf16", gpu || m_cpuBFloat16);
    enable(m_precision, "fp16", gpu);
    const QVariant precision = m_precision->currentData();
    if (!gpu && (precision == "fp16" || (precision == "bf16" && !m_cpuBFloat16)))
        selectData(m_precision, "auto");
    // What "auto" becomes (the engine's automaticPrecision decides; this only names it).
    m_precision->setItemText(m_precision->findData("auto"),
                             !gpu && m_cpuBFloat16 ? tr("Automatic (bf16 on this CPU)") : tr("Automatic (fp32)"));
}

UpscaleOptions UpscalePanel::options() const
{
    UpscaleOptions o;
    o.modelFile = m_model->currentData().toString();
    o.fast = m_fast->isChecked();
    o.sampler = m_sampler->currentData().toString();
    o.steps = m_steps->value();
    o.eta = m_eta->value();
    o.samples = m_samples->value();
    o.randomSeed = m_randomSeed->isChecked();
    o.seed = quint32(m_seed->value());
    o.device = m_device->currentData().toString();
    o.precision = m_precision->currentData().toString();
    o.consistency = m_consistency->currentData().toString();
    return o;
}

void UpscalePanel::setOptions(const UpscaleOptions& o)
{
    m_restoring = true; // one save at the end, not one per field
    if (!o.modelFile.isEmpty())
        selectData(m_model, o.modelFile);
    m_fast->setChecked(o.fast);
    selectData(m_sampler, o.sampler);
    m_steps->setValue(o.steps);
    m_eta->setValue(o.eta);
    m_samples->setValue(o.samples);
    m_randomSeed->setChecked(o.randomSeed);
    m_seed->setValue(int(std::min<quint32>(o.seed, std::numeric_limits<int>::max())));
    selectData(m_device, o.device);
    selectData(m_precision, o.precision);
    selectData(m_consistency, o.consistency);
    m_restoring = false;
    updateEnabledChoices();
    save();
}

void UpscalePanel::save() const
{
    if (m_restoring)
        return;
    const UpscaleOptions o = options();
    QSettings settings;
    settings.beginGroup("upscale");
    if (!o.modelFile.isEmpty())
        settings.setValue("model", o.modelFile);
    settings.setValue("fast", o.fast);
    settings.setValue("sampler", o.sampler);
    settings.setValue("steps", o.steps);
    settings.setValue("eta", o.eta);
    settings.setValue("samples", o.samples);
    settings.setValue("randomSeed", o.randomSeed);
    settings.setValue("seed", o.seed);
    settings.setValue("device", o.device);
    settings.setValue("precision", o.precision);
    settings.setValue("precisionOffersAuto", true);
    settings.setValue("consistency", o.consistency);
}

void UpscalePanel::restore()
{
    QSettings settings;
    settings.beginGroup("upscale");
    const UpscaleOptions defaults;
    UpscaleOptions o;
    o.modelFile = settings.value("model").toString();
    o.fast = settings.value("fast", defaults.fast).toBool();
    o.sampler = settings.value("sampler", defaults.sampler).toString();
    o.steps = settings.value("steps", defaults.steps).toInt();
    o.eta = settings.value("eta", defaults.eta).toDouble();
    o.samples = settings.value("samples", defaults.samples).toInt();
    o.randomSeed = settings.value("randomSeed", defaults.randomSeed).toBool();
    o.seed = settings.value("seed", defaults.seed).toUInt();
    o.device = settings.value("device", defaults.device).toString();
    o.precision = settings.value("precision", defaults.precision).toString();
    // Until "auto" existed (the default since 2026-12), "fp32" was saved at every launch, chosen or not:
    // such settings, without the key that says they are newer, take the new default once.
    if (o.precision == "fp32" && !settings.contains("precisionOffersAuto"))
        o.precision = defaults.precision;
    // Before it was a choice of three, "consistency" was a check box: checked (the default) is now the
    // model's own default, unchecked is off.
    const QString consistency = settings.value("consistency", defaults.consistency).toString();
    o.consistency = consistency == "true" ? "model" : consistency == "false" ? "off" : consistency;
    setOptions(o);
}

void UpscalePanel::setEstimator(Estimator estimator, const QString& device)
{
    m_estimator = std::move(estimator);
    m_speedNote = device;
    showEstimate();
}

double UpscalePanel::estimatedSeconds() const
{
    return m_estimator && !m_region.isEmpty() ? m_estimator(m_region.size(), options().forRun().steps, m_samples->value()) : 0.0;
}

void UpscalePanel::showEstimate()
{
    if (estimatedSeconds() <= 0 || m_region.isEmpty())
        m_estimate->setText(m_speedNote);
    else
        m_estimate->setText(tr("About %1 on %2").arg(duration(estimatedSeconds()), m_speedNote));
}

void UpscalePanel::setRunning(bool running, int waiting)
{
    m_cancel->setEnabled(running);
    m_upscale->setText(running ? tr("Queue this region") : tr("Upscale"));
    if (!running)
        m_progress->setProgress(0, 1, {});
    if (waiting > 0)
        m_status->setText(tr("%n region(s) waiting", nullptr, waiting));
}

void UpscalePanel::showProgress(int step, int total, double stepsPerSecond, double secondsLeft)
{
    m_progress->setProgress(step, total, tr("Step %1 / %2").arg(step).arg(total));
    m_status->setText(step == 0 ? tr("Starting…")
                                : tr("%1 steps/s, %2 left").arg(stepsPerSecond, 0, 'g', 3).arg(duration(secondsLeft)));
}

void UpscalePanel::requestUpscale()
{
    if (m_upscale->isEnabled() && takeTypedValues())
        Q_EMIT upscaleRequested();
}

bool UpscalePanel::takeTypedValues()
{
    // A shortcut leaves the focus in the field being typed in, whose text has not been entered yet.
    for (QAbstractSpinBox* box : findChildren<QAbstractSpinBox*>()) {
        if (!box->isEnabled())
            continue;
        if (!box->hasAcceptableInput()) {
            showStatus(
                tr("%1 holds no valid value (“%2”): correct it before upscaling.").arg(box->accessibleName(), box->text()));
            box->setFocus(Qt::OtherFocusReason);
            box->selectAll();
            return false;
        }
        box->interpretText();
    }
    return true;
}

void UpscalePanel::requestCancel()
{
    if (m_cancel->isEnabled())
        Q_EMIT cancelRequested();
}

void UpscalePanel::showStatus(const QString& text)
{
    m_status->setText(text);
}
