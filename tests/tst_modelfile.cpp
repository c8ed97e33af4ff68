// Model files: a bit-exact round trip of weights and description, and clear errors for truncated,
// foreign, newer or tampered files.

#include "model/modelfile.h"

#include "io/errors.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cryosr;

namespace {

UNetConfig tinyConfig(int base = 8)
{
    UNetConfig c;
    c.baseChannels = base;
    c.channelMultipliers = {1, 2};
    c.resBlocksPerLevel = 1;
    c.attentionLevels = {1};
    c.groupNormGroups = 4;
    return c;
}

ModelInfo describedModel()
{
    ModelInfo info;
    info.scale = 3;
    info.schedule.kind = ScheduleKind::Cosine;
    info.schedule.timesteps = 200;
    info.trainingSteps = 1234;
    info.normalization = "robust";
    info.metadata = R"({"data": "test"})";
    return info;
}

QString messageOf(const std::function<void()>& load)
{
    try {
        load();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestModelFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsBitExact();
    void truncatedFilesAreRefused();
    void foreignFilesAreRefused();
    void newerFormatIsRefused();
    void tamperedArchitectureIsRefused();

private:
    QTemporaryDir m_dir;
};

void TestModelFile::roundTripIsBitExact()
{
    torch::manual_seed(8);
    UNet net(tinyConfig());
    {
        torch::NoGradGuard noGrad;
        for (auto& p : net->parameters())
            p.add_(torch::randn_like(p)); // not the initial values
    }
    const QString file = m_dir.filePath("model.pt");
    saveModel(file.toStdString(), describedModel(), net);
    const LoadedModel loaded = loadModel(file.toStdString());
    const ModelInfo& info = loaded.info;
    QCOMPARE(info.scale, 3);
    QCOMPARE(info.schedule.kind, ScheduleKind::Cosine);
    QCOMPARE(info.schedule.timesteps, 200);
    QCOMPARE(info.trainingSteps, std::int64_t(1234));
    QCOMPARE(info.metadata, std::string(R"({"data": "test"})"));
    QCOMPARE(info.architecture.channelMultipliers, (std::vector<int>{1, 2}));
    QCOMPARE(info.architecture.attentionLevels, (std::vector<int>{1}));
    QCOMPARE(info.parameters, net->parameterCount());
    const auto saved = net->named_parameters();
    for (const auto& p : loaded.network->named_parameters())
        QVERIFY2(torch::equal(p.value(), saved[p.key()]), p.key().c_str());
    QCOMPARE(readModelInfo(file.toStdString()).trainingSteps, std::int64_t(1234));
}

void TestModelFile::truncatedFilesAreRefused()
{
    UNet net(tinyConfig());
    const QString file = m_dir.filePath("whole.pt");
    saveModel(file.toStdString(), describedModel(), net);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (const qsizetype keep : {qsizetype(0), qsizetype(10), bytes.size() / 2, bytes.size() - 1}) {
        const QString cut = m_dir.filePath("cut.pt");
        testsupport::writeBytes(cut, bytes.left(keep));
        const QString message = messageOf([&] { loadModel(cut.toStdString()); });
        QVERIFY2(message.contains("not a CryoSR model file"), qPrintable(QString("%1 bytes: %2").arg(keep).arg(message)));
    }
}

void TestModelFile::foreignFilesAreRefused()
{
    const QString text = m_dir.filePath("notes.pt");
    testsupport::writeBytes(text, "weights: none\n");
    QVERIFY(messageOf([&] { loadModel(text.toStdString()); }).contains("not a CryoSR model file"));

    const QString tensor = m_dir.filePath("tensor.pt"); // a LibTorch archive, but not a model
    torch::save(torch::ones({3}), tensor.toStdString());
    QVERIFY(messageOf([&] { loadModel(tensor.toStdString()); }).contains("not a CryoSR model file"));

    QVERIFY(messageOf([&] { loadModel(m_dir.filePath("missing.pt").toStdString()); }).contains("No such file"));
}

void TestModelFile::newerFormatIsRefused()
{
    UNet net(tinyConfig());
    ModelInfo info = describedModel();
    info.formatVersion = kModelFormatVersion + 1;
    const QString file = m_dir.filePath("future.pt");
    saveModel(file.toStdString(), info, net);
    QVERIFY_THROWS_EXCEPTION(UnsupportedError, loadModel(file.toStdString()));
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("update CryoSR"));
}

void TestModelFile::tamperedArchitectureIsRefused()
{
    // Weights of a base-8 network under a description that claims base 16.
    UNet small(tinyConfig(8));
    const QString file = m_dir.filePath("tampered.pt");
    UNet big(tinyConfig(16));
    const QString other = m_dir.filePath("big.pt");
    saveModel(other.toStdString(), describedModel(), big);
    // Rebuild: description of the big one, weights of the small one.
    torch::serialize::OutputArchive mixed;
    torch::serialize::InputArchive bigArchive;
    bigArchive.load_from(other.toStdString());
    for (const std::string& key : bigArchive.keys()) {
        c10::IValue value;
        if (key != "weights" && bigArchive.try_read(key, value))
            mixed.write(key, value);
    }
    torch::serialize::OutputArchive smallWeights;
    small->save(smallWeights);
    mixed.write("weights", smallWeights);
    mixed.save_to(file.toStdString());
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("do not match the architecture"));
}

QTEST_APPLESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
