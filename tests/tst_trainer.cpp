// The trainer: the loss falls on a tiny run; a stopped and resumed run takes exactly the steps an
// uninterrupted one takes; bad data fails before the first step and leaves nothing behind; an old
// run is never overwritten; the JSON configuration round-trips and refuses unknown keys; crops and
// the file split behave; the log is one JSON event per line.

#include "fourier/resample.h"
#include "model/modelfile.h"
#include "training/checkpoint.h"
#include "training/trainer.h"
#include "training/trainingdata.h"

#include "io/errors.h"
#include "io/imagewriter.h"
#include "io/tensorfile.h"
#include "testsupport.h"
#include "tinymodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>
#include <numeric>
#include <random>

using namespace cryosr;
namespace fs = std::filesystem;

namespace {

/// A textured test micrograph: a few Gaussian blobs on a gradient with noise, in arbitrary units.
Image texturedImage(int size, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<float> noise(0.f, 0.3f);
    std::uniform_real_distribution<double> position(0, size);
    Image image(size, size);
    std::vector<std::pair<double, double>> blobs;
    for (int i = 0; i < size * size / 200; ++i)
        blobs.emplace_back(position(random), position(random));
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            double v = 100.0 + 0.05 * x;
            for (const auto& [bx, by] : blobs)
                v -= 3.0 * std::exp(-((x - bx) * (x - bx) + (y - by) * (y - by)) / 8.0);
            image.data()[y * size + x] = static_cast<float>(v) + noise(random);
        }
    return image;
}

void writeMrc(const fs::path& file, const Image& image)
{
    WriteSpec spec;
    spec.width = image.width();
    spec.height = image.height();
    auto writer = createImageWriter(file, FileFormat::Mrc, spec);
    writer->writeSection(image);
    writer->commit();
}

/// A network and run small enough for a test: ~10 k parameters, 32-pixel crops.
TrainingConfig tinyConfig(const fs::path& data, const fs::path& out)
{
    TrainingConfig c;
    c.data = {data};
    c.out = out;
    c.steps = 60;
    c.batch = 4;
    c.patch = 32;
    c.architecture = testsupport::tinyArchitecture();
    c.schedule.timesteps = 200;
    c.learningRate = 2e-3;
    c.warmupSteps = 5;
    c.checkpointEvery = 1000;
    c.validateEvery = 1000;
    c.validationFraction = 0;
    c.device = DeviceChoice::Cpu;
    return c;
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lossDecreases();
    void resumeTakesTheSameSteps();
    void foreignCheckpointsAreRefused();
    void badDataFailsBeforeTraining_data();
    void badDataFailsBeforeTraining();
    void neverOverwritesARun();
    void logIsOneJsonEventPerLine();
    void configRoundTripsAndRefusesUnknownKeys();
    void splitIsByFile();
    void flatCropsAreSkipped();
    void binningAveragesPixels();
    void neighbourViewsLineUp();
    void realMicrographsAndVPredictionTrain();

private:
    QTemporaryDir m_dir;
    fs::path m_data;
};

void TestTrainer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = fs::path(m_dir.path().toStdString()) / "data";
    fs::create_directories(m_data);
    for (int i = 0; i < 3; ++i)
        writeMrc(m_data / ("mic" + std::to_string(i) + ".mrc"), texturedImage(96, 10 + i));
}

void TestTrainer::lossDecreases()
{
    std::vector<double> losses;
    TrainingCallbacks callbacks;
    callbacks.step = [&](const TrainingStep& s) { losses.push_back(s.loss); };
    const TrainingOutcome outcome = train(tinyConfig(m_data, m_dir.filePath("decrease").toStdString()), {}, callbacks);
    QCOMPARE(outcome.step, 60);
    QVERIFY(!outcome.stopped);
    QVERIFY(fs::exists(outcome.model));
    QCOMPARE(losses.size(), std::size_t(60));
    const double first = std::accumulate(losses.begin(), losses.begin() + 10, 0.0) / 10;
    const double last = std::accumulate(losses.end() - 10, losses.end(), 0.0) / 10;
    // An untrained network predicts ε = 0 (loss ≈ 1); a few dozen steps learn much of the noise.
    QVERIFY2(last < 0.7 * first, qPrintable(QString("first 10 steps %1, last 10 %2").arg(first).arg(last)));
}

void TestTrainer::resumeTakesTheSameSteps()
{
    TrainingConfig whole = tinyConfig(m_data, m_dir.filePath("whole").toStdString());
    whole.steps = 8;
    std::map<std::int64_t, double> uninterrupted;
    TrainingCallbacks record;
    record.step = [&](const TrainingStep& s) { uninterrupted[s.step] = s.loss; };
    train(whole, {}, record);

    TrainingConfig parts = whole;
    parts.out = m_dir.filePath("parts").toStdString();
    std::stop_source stop;
    TrainingCallbacks stopAt4;
    stopAt4.step = [&](const TrainingStep& s) {
        if (s.step == 4)
            stop.request_stop();
    };
    const TrainingOutcome first = train(parts, stop.get_token(), stopAt4);
    QVERIFY(first.stopped);
    QCOMPARE(first.step, 4);
    QCOMPARE(storedTrainingConfig(parts.out).steps, 8);
    // The step it stopped at is in the log although the log interval (50) was not reached: the GUI's
    // loss chart draws from the log.
    QFile log(QString::fromStdString((parts.out / "log.jsonl").string()));
    QVERIFY(log.open(QIODevice::ReadOnly));
    qint64 lastLogged = 0;
    for (const QByteArray& line : log.readAll().split('\n'))
        if (const QJsonObject e = QJsonDocument::fromJson(line).object(); e.value("event") == "step")
            lastLogged = e.value("step").toInteger();
    QCOMPARE(lastLogged, qint64(4));

    parts.resume = true;
    std::map<std::int64_t, double> resumed;
    TrainingCallbacks recordResumed;
    recordResumed.step = [&](const TrainingStep& s) { resumed[s.step] = s.loss; };
    const TrainingOutcome second = train(parts, {}, recordResumed);
    QCOMPARE(second.step, 8);
    QCOMPARE(resumed.begin()->first, 5); // continues at the saved step
    for (const auto& [step, loss] : resumed)
        QVERIFY2(std::abs(loss - uninterrupted[step]) <= 1e-5 * std::abs(uninterrupted[step]),
                 qPrintable(QString("step %1: resumed %2, uninterrupted %3").arg(step).arg(loss).arg(uninterrupted[step])));
}

// A checkpoint is read like a model: numbers and JSON only. An earlier CryoSR's (a LibTorch archive) is
// named and never opened; anything else is refused with what is wrong.
void TestTrainer::foreignCheckpointsAreRefused()
{
    const auto messageOf = [](const QString& file) {
        UNet network(testsupport::tinyArchitecture()), ema(testsupport::tinyArchitecture());
        torch::optim::AdamW optimizer(network->parameters());
        try {
            loadCheckpoint(file.toStdString(), network, ema, optimizer);
        } catch (const Error& e) {
            return QString::fromStdString(e.what());
        }
        return QString();
    };
    const QString file = m_dir.filePath("foreign-checkpoint.pt");
    torch::save(torch::ones({3}), file.toStdString()); // a LibTorch archive
    QVERIFY2(messageOf(file).contains("checkpoint from another CryoSR version; start a new run"), qPrintable(messageOf(file)));
    QVERIFY_THROWS_EXCEPTION(UnsupportedError, readCheckpointInfo(file.toStdString()));

    testsupport::writeBytes(file, "step 5\n");
    QVERIFY2(messageOf(file).contains("not a CryoSR training checkpoint"), qPrintable(messageOf(file)));

    // A model file is a tensor file, but not a checkpoint; a checkpoint for another network does not fit.
    UNet other(testsupport::tinyArchitecture());
    saveModel(file.toStdString(), ModelInfo{}, other);
    QVERIFY2(messageOf(file).contains("not a CryoSR training checkpoint"), qPrintable(messageOf(file)));
    TensorFileWriter{}.write(file.toStdString(), {{"format", 123}}); // a damaged header: not a checkpoint either
    QVERIFY2(messageOf(file).contains("not a CryoSR training checkpoint"), qPrintable(messageOf(file)));
    UNetConfig wider = testsupport::tinyArchitecture();
    wider.baseChannels = 16;
    UNet big(wider), bigEma(wider);
    torch::optim::AdamW bigOptimizer(big->parameters());
    saveCheckpoint(file.toStdString(), {3, 1.0, "{}"}, big, bigEma, bigOptimizer);
    QCOMPARE(readCheckpointInfo(file.toStdString()).step, std::int64_t(3));
    QVERIFY2(messageOf(file).contains("checkpoint does not fit the configured network"), qPrintable(messageOf(file)));
}

void TestTrainer::badDataFailsBeforeTraining_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << "missing"
                                  << "does not exist";
    QTest::newRow("empty folder") << "empty"
                                  << "holds no MRC or TIFF files";
    QTest::newRow("not an image") << "garbage"
                                  << "garbage.mrc";
    QTest::newRow("smaller than the patch") << "small"
                                            << "smaller than the 32-pixel training patch";
    QTest::newRow("clean image missing") << "noclean"
                                         << "simulate --clean";
}

void TestTrainer::badDataFailsBeforeTraining()
{
    QFETCH(QString, what);
    QFETCH(QString, message);
    const fs::path root = m_dir.filePath("bad-" + what).toStdString();
    fs::create_directories(root / "in");
    TrainingConfig c = tinyConfig(root / "in", root / "run");
    if (what == "missing")
        c.data = {root / "nowhere.mrc"};
    else if (what == "garbage")
        testsupport::writeBytes(QString::fromStdString((root / "in" / "garbage.mrc").string()), QByteArray(2000, 'x'));
    else if (what == "small")
        writeMrc(root / "in" / "small.mrc", texturedImage(24, 1));
    else if (what == "noclean") {
        writeMrc(root / "in" / "sim.mrc", texturedImage(64, 1));
        c.pairs = Pairing::Simulated;
    }
    try {
        train(c);
        QFAIL("training started on bad data");
    } catch (const Error& e) {
        QVERIFY2(QString(e.what()).contains(message), e.what());
    }
    QVERIFY(!fs::exists(root / "run" / "log.jsonl"));
    QVERIFY(!fs::exists(root / "run" / "model.pt"));
}

void TestTrainer::neverOverwritesARun()
{
    TrainingConfig c = tinyConfig(m_data, m_dir.filePath("once").toStdString());
    c.steps = 2;
    c.warmupSteps = 1;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, [&] {
        TrainingConfig resume = c;
        resume.resume = true;
        train(resume); // nothing to resume yet
    }());
    train(c);
    const auto before = fs::last_write_time(c.out / "model.pt");
    QVERIFY_THROWS_EXCEPTION(ArgumentError, train(c));
    QCOMPARE(fs::last_write_time(c.out / "model.pt"), before);
}

void TestTrainer::logIsOneJsonEventPerLine()
{
    TrainingConfig c = tinyConfig(m_data, m_dir.filePath("log").toStdString());
    c.steps = 6;
    c.warmupSteps = 1;
    c.logEvery = 2;
    c.checkpointEvery = 3;
    c.validateEvery = 3;
    c.validationFraction = 0.34; // one of the three files
    c.validationCrops = 2;
    c.validationSamplingSteps = 3;
    std::vector<ValidationReport> reports;
    TrainingCallbacks callbacks;
    callbacks.validation = [&](const ValidationReport& v) { reports.push_back(v); };
    train(c, {}, callbacks);
    QCOMPARE(reports.size(), std::size_t(2));
    QVERIFY(std::isfinite(reports[1].psnr) && std::isfinite(reports[1].psnrFourier));
    QVERIFY(fs::exists(c.out / reports[1].samples));

    QFile log(QString::fromStdString((c.out / "log.jsonl").string()));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QStringList events;
    for (const QByteArray& line : log.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(doc.isObject(), line.constData());
        events << doc.object().value("event").toString();
        if (events.last() == "step")
            QVERIFY(doc.object().value("loss").isDouble() && doc.object().value("eta_seconds").isDouble());
        if (events.last() == "start") {
            QCOMPARE(doc.object().value("files").toObject().value("validation").toArray().size(), 1);
            QCOMPARE(doc.object().value("config").toObject().value("steps").toInt(), 6);
        }
    }
    // Steps logged every 2, validation and checkpoint every 3 and at the end.
    QCOMPARE(events,
             QStringList({"start", "step", "validation", "checkpoint", "step", "step", "validation", "checkpoint", "end"}));
}

void TestTrainer::configRoundTripsAndRefusesUnknownKeys()
{
    TrainingConfig c = tinyConfig("/data/a", "/runs/b");
    c.validationData = {"/data/v1", "/data/v2"};
    c.pairs = Pairing::Simulated;
    c.downsampling = Downsampling::Binning;
    c.architecture.attentionLevels = {1};
    c.seed = 42;
    const std::string json = configToJson(c);
    const TrainingConfig back = configFromJson(json);
    QCOMPARE(configToJson(back), json);
    QCOMPARE(back.architecture.channelMultipliers, c.architecture.channelMultipliers);
    QCOMPARE(back.pairs, Pairing::Simulated);
    c.realData = {"/data/real"};
    c.realFraction = 0.5;
    c.prediction = Prediction::V;
    c.consistency = ConsistencyMode::Noise;
    c.filteredCondition = true;
    const TrainingConfig denoise = configFromJson(configToJson(c));
    QCOMPARE(denoise.realData, std::vector<fs::path>{"/data/real"});
    QCOMPARE(denoise.realFraction, 0.5);
    QCOMPARE(denoise.prediction, Prediction::V);
    QCOMPARE(denoise.consistency, ConsistencyMode::Noise);
    QVERIFY(denoise.filteredCondition);
    QCOMPARE(denoise.architecture.inputChannels, 3); // follows the condition
    QVERIFY_THROWS_EXCEPTION(ArgumentError, configFromJson(R"({"prediction": "x0"})"));

    QVERIFY_THROWS_EXCEPTION(ArgumentError, configFromJson(R"({"stpes": 10})"));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, configFromJson(R"({"architecture": {"base": 8}})"));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, configFromJson(R"({"steps": "many"})"));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, configFromJson(R"({"steps": 2.5})"));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, configFromJson(R"({"pairs": "both"})"));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, configFromJson(R"({"steps": 10,)"));
    QCOMPARE(configFromJson(R"({"steps": 10})").batch, TrainingConfig().batch); // absent keys keep defaults
}

void TestTrainer::splitIsByFile()
{
    std::vector<fs::path> files;
    for (int i = 0; i < 10; ++i)
        files.emplace_back("f" + std::to_string(i) + ".mrc");
    const DataSplit split = splitByFile(files, 0.2, 7);
    QCOMPARE(split.validation.size(), std::size_t(2));
    QCOMPARE(split.training.size(), std::size_t(8));
    for (const auto& v : split.validation)
        QVERIFY(std::find(split.training.begin(), split.training.end(), v) == split.training.end());
    QCOMPARE(splitByFile(files, 0.2, 7).validation, split.validation); // the seed decides
    QCOMPARE(splitByFile({"a.mrc", "b.mrc"}, 0.1, 1).validation.size(), std::size_t(1)); // at least one
    QCOMPARE(splitByFile({"a.mrc"}, 0.1, 1).validation.size(), std::size_t(0)); // never all
}

void TestTrainer::flatCropsAreSkipped()
{
    // Left half textured, right half a constant (a dead area): no crop may come from the right half.
    TrainingImage image;
    image.input = texturedImage(128, 3);
    for (int y = 0; y < 128; ++y)
        std::fill_n(image.input.data() + y * 128 + 64, 64, 5.0f);
    image.target = image.input;
    image.spread = 0.5;
    TrainingConfig c = tinyConfig("unused", "unused");
    c.patch = 32;
    CropSampler sampler({image}, c);
    std::mt19937_64 random(1);
    const TrainingBatch batch = sampler.draw(random, 64);
    QCOMPARE(batch.target.sizes().vec(), (std::vector<std::int64_t>{64, 1, 32, 32}));
    QCOMPARE(batch.lowRes.sizes().vec(), (std::vector<std::int64_t>{64, 1, 16, 16}));
    const auto spread = batch.target.flatten(1).std(1);
    QVERIFY2(spread.min().item<double>() > 0.1, "a flat crop was used");

    TrainingImage flat = image;
    std::fill_n(flat.input.data(), flat.input.pixelCount(), 1.0f);
    flat.target = flat.input;
    CropSampler nothing({flat}, c);
    QVERIFY_THROWS_EXCEPTION(ArgumentError, nothing.draw(random, 1));
}

void TestTrainer::binningAveragesPixels()
{
    // With binning, each low-resolution pixel is the mean of its 2 × 2 block of the target (self pairs,
    // same normalisation for both); Fourier cropping would not satisfy this.
    TrainingImage image;
    image.input = texturedImage(96, 4);
    image.target = image.input;
    image.spread = 0.5;
    TrainingConfig c = tinyConfig("unused", "unused");
    c.downsampling = Downsampling::Binning;
    std::mt19937_64 random(2);
    const TrainingBatch batch = CropSampler({image}, c).draw(random, 4);
    const auto binned = torch::avg_pool2d(batch.target, 2);
    QVERIFY((binned - batch.lowRes).abs().max().item<double>() < 1e-4);
    c.downsampling = Downsampling::FourierCrop;
    std::mt19937_64 same(2);
    const TrainingBatch fourier = CropSampler({image}, c).draw(same, 4);
    QVERIFY((torch::avg_pool2d(fourier.target, 2) - fourier.lowRes).abs().max().item<double>() > 1e-3);
}

void TestTrainer::neighbourViewsLineUp()
{
    // A smooth micrograph without noise: the sub-lattices C and B moved onto A's grid show the same
    // image as A (within A's band); had either been moved the wrong way they would be a pixel off. Its
    // waves repeat every 64 pixels, so every 64-pixel crop is periodic and the Fourier moves are exact.
    TrainingImage image;
    image.input = Image(256, 256);
    std::mt19937_64 waves(5);
    std::uniform_real_distribution<double> phase(0, 2 * M_PI);
    std::vector<std::array<double, 3>> components; // (cycles in x, cycles in y, phase) per 64 pixels
    for (int i = 0; i < 8; ++i)
        components.push_back({double(waves() % 7), double(waves() % 7) - 3, phase(waves)});
    for (int y = 0; y < 256; ++y)
        for (int x = 0; x < 256; ++x) {
            double v = 100;
            for (const auto& [u, w, p] : components)
                v += std::cos(2 * M_PI * (u * x + w * y) / 64 + p);
            image.input.at(x, y) = float(v);
        }
    image.target = image.input;
    image.spread = 0.01;
    TrainingConfig c = tinyConfig("unused", "unused");
    c.patch = 32;
    NeighbourSampler sampler({image}, c);
    std::mt19937_64 random(3);
    const NeighbourBatch batch = sampler.draw(random, 6);
    QCOMPARE(batch.view.sizes().vec(), (std::vector<std::int64_t>{6, 1, 32, 32}));
    QCOMPARE(batch.lowRes.sizes().vec(), (std::vector<std::int64_t>{6, 1, 16, 16}));
    const double spread = batch.reference.std().item<double>();
    QVERIFY2((batch.view - batch.reference).abs().max().item<double>() < 1e-3 * spread,
             qPrintable(QString::number((batch.view - batch.reference).abs().max().item<double>() / spread)));
    const torch::Tensor a = fourierResize(batch.lowRes, 32, 32);
    QVERIFY((a - batch.reference).abs().max().item<double>() < 1e-3 * spread);
    // Micrographs must hold two patches a side.
    TrainingImage small = image;
    small.input = texturedImage(48, 6);
    QVERIFY_THROWS_EXCEPTION(ArgumentError, NeighbourSampler({small}, c));
}

void TestTrainer::realMicrographsAndVPredictionTrain()
{
    const fs::path real = fs::path(m_dir.path().toStdString()) / "real";
    fs::create_directories(real);
    writeMrc(real / "real0.mrc", texturedImage(128, 20));
    TrainingConfig c = tinyConfig(m_data, m_dir.filePath("denoise").toStdString());
    c.steps = 20;
    c.realData = {real};
    c.realFraction = 0.25;
    c.prediction = Prediction::V;
    c.consistency = ConsistencyMode::Noise;
    c.filteredCondition = true;
    c.validationData = {m_data / "mic0.mrc"};
    c.validateEvery = 20;
    c = configFromJson(configToJson(c)); // as the CLI reads it: 3 input channels
    std::vector<double> losses;
    TrainingCallbacks callbacks;
    callbacks.step = [&](const TrainingStep& s) { losses.push_back(s.loss); };
    std::optional<ValidationReport> validation;
    callbacks.validation = [&](const ValidationReport& v) { validation = v; };
    const TrainingOutcome outcome = train(c, {}, callbacks);
    QCOMPARE(outcome.step, 20);
    QVERIFY(std::all_of(losses.begin(), losses.end(), [](double l) { return std::isfinite(l); }));
    QVERIFY(validation && std::isfinite(validation->psnr));
    const ModelInfo info = readModelInfo(outcome.model);
    QCOMPARE(info.prediction, Prediction::V);
    QCOMPARE(info.consistency, ConsistencyMode::Noise);
    QVERIFY(info.filteredCondition);
    QCOMPARE(info.architecture.inputChannels, 3);
    QVERIFY(info.metadata.find("real0.mrc") != std::string::npos); // the real files are on its card
    // A batch too small to share with real crops is refused before anything starts.
    c.batch = 1;
    c.out = m_dir.filePath("refused").toStdString();
    QVERIFY_THROWS_EXCEPTION(ArgumentError, train(c));
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
