// The training wizard as a user fills it, with the app's services replaced by plain functions: every
// page catches its own invalid inputs (Next stays disabled and the page says why), the configuration
// holds exactly the keys of the defaults it was given, loading and saving round-trip, and Launch and
// "Run on a Cluster" hand over the configuration.

#include "trainingwizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QWindow>

namespace {

/// The shape of `cryosr-cli train --print-config` (a subset of its keys is enough here).
QJsonObject defaults()
{
    return QJsonObject{{"data", QJsonArray{}},
                       {"validation_data", QJsonArray{}},
                       {"out", ""},
                       {"init_model", ""},
                       {"pixel_size", 0.0},
                       {"steps", 20000},
                       {"batch", 8},
                       {"patch", 64},
                       {"scale", 2},
                       {"pairs", "self"},
                       {"downsampling", "fourier"},
                       {"condition", "fourier"},
                       {"architecture", QJsonObject{{"base_channels", 32}, {"channel_multipliers", QJsonArray{1, 2, 4}}}},
                       {"schedule", QJsonObject{{"kind", "linear"}, {"timesteps", 1000}}},
                       {"lr", 2e-4},
                       {"warmup_steps", 500},
                       {"ema_decay", 0.999},
                       {"checkpoint_every", 1000},
                       {"validate_every", 1000},
                       {"seed", 0},
                       {"device", "auto"},
                       {"precision", "fp32"}};
}

TrainingFileInfo fileInfo(const QString& file, QSize size = {512, 512}, double pixelSize = 1.5)
{
    TrainingFileInfo info;
    info.file = file;
    info.size = size;
    info.sections = 1;
    info.pixelSize = pixelSize;
    info.thumbnail = QImage(48, 48, QImage::Format_Grayscale8);
    info.thumbnail.fill(128);
    return info;
}

QStringList keys(const QJsonObject& object)
{
    QStringList k = object.keys();
    k.sort();
    return k;
}

} // namespace

class TestTrainingWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void aCompleteConfiguration();
    void dataProblemsAreCaughtOnTheDataPage_data();
    void dataProblemsAreCaughtOnTheDataPage();
    void simulatedPairsNeedCleanPartners();
    void fineTuningTakesTheModelsFields();
    void scheduleProblemsAreCaughtOnTheSchedulePage();
    void typingKeepsTheFocusWhenAProblemComesAndGoes();
    void theEnginesVerdictKeepsThePage();
    void outputProblemsAreCaughtOnTheOutputPage();
    void editedSummaryIsTheConfiguration();
    void saveAndLoadRoundTrip();
    void presetsShowMeasuredSpeeds();

private:
    /// Files a, b, c, … (as the app would list and read them).
    void addFiles(int count, QSize size = {512, 512}, double pixelSize = 1.5);
    QString problem() const;
    bool nextEnabled() const { return m_wizard->button(QWizard::NextButton)->isEnabled(); }
    bool launchEnabled() const { return m_wizard->button(QWizard::FinishButton)->isEnabled(); }
    /// Pages 1-4 filled with good values; the output page shown.
    void fillToOutput();

    std::unique_ptr<TrainingWizard> m_wizard;
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_requested;
    QString m_verdict; // what the fake engine says of every configuration
};

void TestTrainingWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_wizard = std::make_unique<TrainingWizard>();
    m_verdict.clear();
    m_requested.clear();
    m_wizard->setServices({[this](const QString& path, QString* error) {
                               if (path.endsWith("missing"))
                                   *error = path + " does not exist";
                               return path.endsWith("missing") ? QStringList() : QStringList{path};
                           },
                           [this](const QJsonObject&) { return m_verdict; }});
    connect(m_wizard.get(), &TrainingWizard::inspectionRequested, this,
            [this](const QStringList& files) { m_requested += files; });
    m_wizard->setDefaults(defaults());
    QJsonObject small{{"base_channels", 8}, {"channel_multipliers", QJsonArray{1, 2}}};
    QJsonObject large{{"base_channels", 64}, {"channel_multipliers", QJsonArray{1, 2, 4, 8}}};
    m_wizard->setPresets({{"Small", small, 12000}, {"Large", large, 9000000}});
    m_wizard->setOutputFolder(m_dir->path());
    m_wizard->resize(900, 700);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void TestTrainingWizard::cleanup()
{
    m_wizard.reset();
}

void TestTrainingWizard::addFiles(int count, QSize size, double pixelSize)
{
    QStringList files;
    for (int i = 0; i < count; ++i)
        files << m_dir->filePath(QString(QChar('a' + i)) + ".mrc");
    m_wizard->addData(files);
    for (const QString& file : files)
        m_wizard->setFileInfo(fileInfo(file, size, pixelSize));
}

QString TestTrainingWizard::problem() const
{
    return m_wizard->currentPage()->findChild<QLabel*>("problemLabel")->text();
}

void TestTrainingWizard::fillToOutput()
{
    addFiles(3);
    m_wizard->next(); // task
    m_wizard->next(); // model size
    auto* presets = m_wizard->currentPage()->findChild<QTreeWidget*>("presetList");
    QCOMPARE(presets->currentItem()->text(0), QString("From the configuration")); // the defaults' own network
    presets->setCurrentItem(presets->topLevelItem(0));
    m_wizard->next(); // schedule
    auto* steps = m_wizard->currentPage()->findChild<QSpinBox*>("stepsSpinBox");
    steps->setValue(40);
    m_wizard->currentPage()->findChild<QSpinBox*>("patchSpinBox")->setValue(32);
    m_wizard->currentPage()->findChild<QSpinBox*>("batchSpinBox")->setValue(2);
    m_wizard->next(); // output
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::OutputPage));
    QTest::keyClicks(m_wizard->currentPage()->findChild<QLineEdit*>("nameEdit"), "run1");
}

void TestTrainingWizard::aCompleteConfiguration()
{
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::DataPage));
    QVERIFY(!nextEnabled());
    fillToOutput();
    QVERIFY2(launchEnabled(), qPrintable(problem()));
    QSignalSpy launched(m_wizard.get(), &TrainingWizard::launchRequested);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(launched.size(), 1);
    const QJsonObject config = launched[0][0].toJsonObject();
    QCOMPARE(launched[0][1].toBool(), false);

    // Exactly the schema's keys, with what the pages said.
    QCOMPARE(keys(config), keys(defaults()));
    QCOMPARE(config.value("data").toArray().size() + config.value("validation_data").toArray().size(), 3);
    QCOMPARE(config.value("validation_data").toArray().size(), 1); // a tenth, at least one
    QCOMPARE(config.value("pixel_size").toDouble(), 1.5);
    QCOMPARE(config.value("steps").toInt(), 40);
    QCOMPARE(config.value("warmup_steps").toInt(), 4); // shorter than the run
    QCOMPARE(config.value("patch").toInt(), 32);
    QCOMPARE(config.value("architecture").toObject().value("base_channels").toInt(), 8);
    QCOMPARE(config.value("schedule"), defaults().value("schedule")); // keys no page shows are kept
    QCOMPARE(config.value("out").toString(), QDir(m_dir->path()).filePath("run1"));
    QCOMPARE(m_requested.size(), 3); // each file read once

    QSignalSpy cluster(m_wizard.get(), &TrainingWizard::launchRequested);
    QVERIFY(m_wizard->button(QWizard::CustomButton1)->isVisible());
    QTest::mouseClick(m_wizard->button(QWizard::CustomButton1), Qt::LeftButton);
    QCOMPARE(cluster.size(), 1);
    QCOMPARE(cluster[0][1].toBool(), true);
    QCOMPARE(cluster[0][0].toJsonObject(), config);
}

void TestTrainingWizard::dataProblemsAreCaughtOnTheDataPage_data()
{
    QTest::addColumn<QString>("problem");
    QTest::newRow("no files") << "Add micrographs";
    QTest::newRow("still reading") << "Reading 1 file";
    QTest::newRow("unreadable") << "cannot be read";
    QTest::newRow("mixed sizes") << "differ in size";
    QTest::newRow("mixed pixel sizes") << "pixel sizes differ";
    QTest::newRow("all held out") << "Every file is ticked";
    QTest::newRow("missing path") << "does not exist";
}

void TestTrainingWizard::dataProblemsAreCaughtOnTheDataPage()
{
    QFETCH(QString, problem);
    const QString tag = QTest::currentDataTag();
    if (tag == "still reading") {
        addFiles(2);
        m_wizard->addData({m_dir->filePath("late.mrc")});
    } else if (tag == "unreadable") {
        addFiles(2);
        TrainingFileInfo bad = fileInfo(m_dir->filePath("bad.mrc"));
        bad.error = "not an MRC file";
        m_wizard->addData({bad.file});
        m_wizard->setFileInfo(bad);
    } else if (tag == "mixed sizes") {
        addFiles(2);
        m_wizard->addData({m_dir->filePath("big.mrc")});
        m_wizard->setFileInfo(fileInfo(m_dir->filePath("big.mrc"), {1024, 1024}));
    } else if (tag == "mixed pixel sizes") {
        addFiles(2);
        m_wizard->addData({m_dir->filePath("other.mrc")});
        m_wizard->setFileInfo(fileInfo(m_dir->filePath("other.mrc"), {512, 512}, 0.8));
    } else if (tag == "all held out") {
        addFiles(2);
        auto* list = m_wizard->currentPage()->findChild<QTreeWidget*>("dataList");
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            list->topLevelItem(i)->setCheckState(3, Qt::Checked);
    } else if (tag == "missing path") {
        m_wizard->addData({"/nowhere/missing"});
    }
    QVERIFY(!nextEnabled());
    QVERIFY2(this->problem().contains(problem), qPrintable(this->problem()));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::DataPage));

    // Removing the offending files (or adding good ones) lets the user go on.
    auto* list = m_wizard->currentPage()->findChild<QTreeWidget*>("dataList");
    list->clearSelection();
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QString file = list->topLevelItem(i)->text(0);
        if (!QFileInfo(file).fileName().contains(QRegularExpression("^[ab]\\.mrc$")))
            list->topLevelItem(i)->setSelected(true);
        else
            list->topLevelItem(i)->setCheckState(3, Qt::Unchecked);
    }
    m_wizard->currentPage()->findChild<QPushButton*>("removeButton")->click();
    if (list->topLevelItemCount() == 0)
        addFiles(2);
    QVERIFY2(nextEnabled(), qPrintable(this->problem()));
}

void TestTrainingWizard::simulatedPairsNeedCleanPartners()
{
    addFiles(2);
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::TaskPage));
    QVERIFY(nextEnabled());
    m_wizard->currentPage()->findChild<QRadioButton*>("simulatedRadio")->click();
    QVERIFY(!nextEnabled());
    QVERIFY2(problem().contains("clean") && problem().contains("a.mrc"), qPrintable(problem()));
    for (const QString name : {"a.mrc", "b.mrc"}) {
        TrainingFileInfo info = fileInfo(m_dir->filePath(name));
        info.hasCleanPartner = true;
        m_wizard->setFileInfo(info);
    }
    QVERIFY2(nextEnabled(), qPrintable(problem()));
    QCOMPARE(m_wizard->configuration().value("pairs").toString(), QString("simulated"));
}

void TestTrainingWizard::fineTuningTakesTheModelsFields()
{
    const QJsonObject fields{{"architecture", QJsonObject{{"base_channels", 24}}},
                             {"schedule", QJsonObject{{"kind", "cosine"}, {"timesteps", 400}}},
                             {"scale", 4},
                             {"condition", "bicubic"}};
    m_wizard->setFineTuneModels({{"mine", "/models/mine.cryosr", fields}});
    addFiles(2);
    m_wizard->next();
    m_wizard->currentPage()->findChild<QRadioButton*>("fineTuneRadio")->click();
    QVERIFY(!m_wizard->currentPage()->findChild<QRadioButton*>("scale2Radio")->isEnabled());
    m_wizard->next();
    QVERIFY(!m_wizard->currentPage()->findChild<QTreeWidget*>("presetList")->isEnabled());
    const QJsonObject config = m_wizard->configuration();
    QCOMPARE(config.value("init_model").toString(), QString("/models/mine.cryosr"));
    for (auto it = fields.begin(); it != fields.end(); ++it)
        QCOMPARE(config.value(it.key()), it.value());
}

void TestTrainingWizard::scheduleProblemsAreCaughtOnTheSchedulePage()
{
    addFiles(2, {128, 128});
    m_wizard->next();
    m_wizard->next();
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::SchedulePage));
    QVERIFY(nextEnabled());
    auto* device = m_wizard->currentPage()->findChild<QComboBox*>("deviceCombo");
    device->setCurrentIndex(device->findData("cuda"));
    QVERIFY(!nextEnabled());
    QVERIFY2(problem().contains("No CUDA GPU"), qPrintable(problem()));
    device->setCurrentIndex(device->findData("cpu"));
    auto* precision = m_wizard->currentPage()->findChild<QComboBox*>("precisionCombo");
    precision->setCurrentIndex(precision->findData("bf16"));
    QVERIFY(!nextEnabled());
    QVERIFY2(problem().contains("bf16"), qPrintable(problem()));
    precision->setCurrentIndex(precision->findData("fp32"));
    m_wizard->currentPage()->findChild<QSpinBox*>("patchSpinBox")->setValue(256);
    QVERIFY(!nextEnabled());
    QVERIFY2(problem().contains("larger than the images"), qPrintable(problem()));
    m_wizard->currentPage()->findChild<QSpinBox*>("patchSpinBox")->setValue(64);
    QVERIFY(nextEnabled());
    // With a GPU, CUDA and bf16 are fine.
    m_wizard->setGpus({"NVIDIA H200"});
    device->setCurrentIndex(device->findData("cuda"));
    precision->setCurrentIndex(precision->findData("bf16"));
    QVERIFY2(nextEnabled(), qPrintable(problem()));
    QVERIFY(device->currentText().contains("H200"));
}

void TestTrainingWizard::typingKeepsTheFocusWhenAProblemComesAndGoes()
{
    // QWizard hides its pages while it updates Next, and the focus moves on to the next widget of the
    // window (in the app, the page tabs); the field being typed in must keep the keys.
    QPushButton elsewhere("Elsewhere", m_wizard.get());
    elsewhere.show();
    addFiles(2, {128, 128});
    while (m_wizard->currentId() != int(TrainingWizard::SchedulePage))
        m_wizard->next();
    m_wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
    auto* patch = m_wizard->currentPage()->findChild<QSpinBox*>("patchSpinBox");
    patch->setFocus();
    patch->selectAll();
    QWindow* window = m_wizard->windowHandle();
    const auto type = [window](const QByteArray& keys) { // the spin boxes take a value on Enter
        for (const char key : keys)
            QTest::keyClick(window, key);
        QTest::keyClick(window, Qt::Key_Return);
    };
    type("256"); // larger than the images: a problem, and Next is off
    QVERIFY(patch->hasFocus());
    QCOMPARE(patch->value(), 256);
    QVERIFY(!nextEnabled());
    patch->selectAll();
    type("64"); // the problem goes, and Enter is Next, as in any wizard
    QCOMPARE(patch->value(), 64);
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::OutputPage));
}

void TestTrainingWizard::theEnginesVerdictKeepsThePage()
{
    addFiles(2);
    m_wizard->next();
    m_wizard->next();
    m_wizard->next();
    m_verdict = "the patch size must be a multiple of 8";
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::SchedulePage));
    QVERIFY(problem().contains("multiple of 8"));
    QVERIFY(!nextEnabled());
    m_verdict.clear();
    m_wizard->currentPage()->findChild<QSpinBox*>("patchSpinBox")->setValue(48); // any change asks again
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::OutputPage));
}

void TestTrainingWizard::outputProblemsAreCaughtOnTheOutputPage()
{
    fillToOutput();
    auto* name = m_wizard->currentPage()->findChild<QLineEdit*>("nameEdit");
    auto* folder = m_wizard->currentPage()->findChild<QLineEdit*>("folderEdit");
    QVERIFY(launchEnabled());
    const QList<std::pair<std::function<void()>, QString>> cases{
        {[&] { name->clear(); }, "Name the run"},
        {[&] { name->setText("a/b"); }, "slashes"},
        {[&] {
             name->setText("run1");
             folder->setText("/nonexistent/folder");
         },
         "existing folder"},
        {[&] {
             folder->setText(m_dir->path());
             QDir(m_dir->path()).mkpath("run1");
             QFile log(QDir(m_dir->path()).filePath("run1/log.jsonl"));
             QVERIFY(log.open(QIODevice::WriteOnly));
             name->setText("run");
             name->setText("run1");
         },
         "already holds a training run"},
    };
    for (const auto& [change, message] : cases) {
        change();
        QVERIFY2(!launchEnabled(), qPrintable(message));
        QVERIFY2(problem().contains(message), qPrintable(problem()));
    }
    name->setText("run2");
    QVERIFY2(launchEnabled(), qPrintable(problem()));
    m_verdict = "the warm-up must be shorter than the training";
    QSignalSpy launched(m_wizard.get(), &TrainingWizard::launchRequested);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(launched.size(), 0);
    QVERIFY(problem().contains("warm-up"));
}

void TestTrainingWizard::editedSummaryIsTheConfiguration()
{
    fillToOutput();
    auto* summary = m_wizard->currentPage()->findChild<QPlainTextEdit*>("summaryEdit");
    QJsonObject shown = QJsonDocument::fromJson(summary->toPlainText().toUtf8()).object();
    QCOMPARE(shown, m_wizard->configuration());
    summary->setPlainText("{ not json");
    QVERIFY(!launchEnabled());
    QVERIFY(problem().contains("not a valid JSON object"));
    shown["steps"] = 77;
    shown["seed"] = 5;
    summary->setPlainText(QString::fromUtf8(QJsonDocument(shown).toJson()));
    QVERIFY(launchEnabled());
    QSignalSpy launched(m_wizard.get(), &TrainingWizard::launchRequested);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(launched.size(), 1);
    QCOMPARE(launched[0][0].toJsonObject().value("steps").toInt(), 77);
    QCOMPARE(launched[0][0].toJsonObject().value("seed").toInt(), 5);
    // Back shows the edit on the schedule page.
    m_wizard->back();
    QCOMPARE(m_wizard->currentPage()->findChild<QSpinBox*>("stepsSpinBox")->value(), 77);
}

void TestTrainingWizard::saveAndLoadRoundTrip()
{
    fillToOutput();
    const QJsonObject config = m_wizard->configuration();
    const QString file = m_dir->filePath("saved.json");
    QString error;
    QVERIFY2(m_wizard->saveConfiguration(file, &error), qPrintable(error));
    m_wizard->startOver();
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::DataPage));
    QVERIFY(m_wizard->configuration() != config);
    QVERIFY2(m_wizard->loadConfiguration(file, &error), qPrintable(error));
    for (const QJsonValue& f : config.value("data").toArray() + config.value("validation_data").toArray())
        m_wizard->setFileInfo(fileInfo(f.toString()));
    QCOMPARE(m_wizard->configuration(), config);
    QFile broken(m_dir->filePath("broken.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("[1, 2]");
    broken.close();
    QVERIFY(!m_wizard->loadConfiguration(broken.fileName(), &error));
    QVERIFY2(error.contains("not a training configuration"), qPrintable(error));
    QCOMPARE(m_wizard->configuration(), config); // a bad file changes nothing
}

void TestTrainingWizard::presetsShowMeasuredSpeeds()
{
    QSignalSpy requested(m_wizard.get(), &TrainingWizard::speedRequested);
    addFiles(2);
    m_wizard->next();
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::ModelPage));
    QCOMPARE(requested.size(), 2); // each preset at the schedule's batch and patch
    QCOMPARE(requested[0][1].toInt(), 8);
    QCOMPARE(requested[0][2].toInt(), 64);
    auto* list = m_wizard->currentPage()->findChild<QTreeWidget*>("presetList");
    QVERIFY(list->topLevelItem(0)->text(2).contains("measuring"));
    m_wizard->setPresetSpeed(0, 8, 64, "auto", 12.5);
    m_wizard->setPresetSpeed(1, 8, 64, "auto", -1);
    QVERIFY2(list->topLevelItem(0)->text(2).contains("12.5 steps/s"), qPrintable(list->topLevelItem(0)->text(2)));
    QVERIFY(list->topLevelItem(1)->text(2).contains("cannot run"));
    QVERIFY(list->topLevelItem(1)->text(1).contains("9.00 M"));
    list->setCurrentItem(list->topLevelItem(0));
    m_wizard->next();
    m_wizard->currentPage()->findChild<QSpinBox*>("stepsSpinBox")->setValue(1500);
    QVERIFY2(m_wizard->currentPage()->findChild<QLabel*>("durationLabel")->text().contains("2 min"),
             qPrintable(m_wizard->currentPage()->findChild<QLabel*>("durationLabel")->text()));
}

QTEST_MAIN(TestTrainingWizard)
#include "tst_trainingwizard.moc"
