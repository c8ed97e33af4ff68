// Model files: a bit-exact round trip of weights and description; clear errors for truncated, foreign,
// newer, damaged or tampered files; earlier CryoSR's LibTorch archives refused by the loader (they can
// carry code) and converted only on request.

#include "model/legacymodelfile.h"
#include "model/modelfile.h"
#include "model/modellocator.h"
#include "model/modelformat.h"

#include "io/errors.h"
#include "io/tensorfile.h"
#include "testsupport.h"

#include <QFile>
#include <QtEndian>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

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

UNet perturbedNetwork(const UNetConfig& config, int seed)
{
    torch::manual_seed(seed);
    UNet net(config);
    torch::NoGradGuard noGrad;
    for (auto& p : net->parameters())
        p.add_(torch::randn_like(p)); // not the initial values
    return net;
}

void compareWeights(UNet& a, UNet& b)
{
    const auto expected = a->named_parameters();
    const auto loaded = b->named_parameters();
    QCOMPARE(loaded.size(), expected.size());
    for (const auto& p : loaded)
        QVERIFY2(torch::equal(p.value(), expected[p.key()]), p.key().c_str());
}

/// A model file as CryoSR wrote them before model format 2: a LibTorch archive of plain entries.
void writeLegacyModel(const QString& file, const ModelInfo& info, UNet& network)
{
    const UNetConfig& a = info.architecture;
    const auto ints = [](const std::vector<int>& v) { return c10::IValue(std::vector<std::int64_t>(v.begin(), v.end())); };
    torch::serialize::OutputArchive archive, weights;
    archive.write("format", c10::IValue(std::string("cryosr-model")));
    archive.write("format_version", c10::IValue(std::int64_t(1)));
    archive.write("scale", c10::IValue(std::int64_t(info.scale)));
    archive.write("normalization", c10::IValue(info.normalization));
    archive.write("condition_upsampling", c10::IValue(conditionUpsamplingName(info.condition)));
    archive.write("training_steps", c10::IValue(info.trainingSteps));
    archive.write("metadata", c10::IValue(info.metadata));
    archive.write("unet.input_channels", c10::IValue(std::int64_t(a.inputChannels)));
    archive.write("unet.output_channels", c10::IValue(std::int64_t(a.outputChannels)));
    archive.write("unet.base_channels", c10::IValue(std::int64_t(a.baseChannels)));
    archive.write("unet.channel_multipliers", ints(a.channelMultipliers));
    archive.write("unet.res_blocks", c10::IValue(std::int64_t(a.resBlocksPerLevel)));
    archive.write("unet.attention_levels", ints(a.attentionLevels));
    archive.write("unet.dropout", c10::IValue(a.dropout));
    archive.write("unet.groups", c10::IValue(std::int64_t(a.groupNormGroups)));
    archive.write("schedule.kind", c10::IValue(scheduleKindName(info.schedule.kind)));
    archive.write("schedule.timesteps", c10::IValue(std::int64_t(info.schedule.timesteps)));
    archive.write("schedule.beta_start", c10::IValue(info.schedule.betaStart));
    archive.write("schedule.beta_end", c10::IValue(info.schedule.betaEnd));
    archive.write("schedule.cosine_offset", c10::IValue(info.schedule.cosineOffset));
    network->save(weights);
    archive.write("weights", weights);
    archive.save_to(file.toStdString());
}

/// Writes `network`'s tensors under any header, optionally one renamed or one stored as [2, 4].
void writeWithHeader(const QString& file, const nlohmann::json& header, UNet& network, const std::string& rename = {},
                     const std::string& reshape = {})
{
    TensorFileWriter writer;
    for (const auto& p : network->named_parameters()) {
        const torch::Tensor v = p.value().detach().contiguous();
        writer.add(p.key() == rename ? "renamed" : p.key(),
                   p.key() == reshape ? std::vector<std::int64_t>{2, 4} : v.sizes().vec(), v.data_ptr<float>());
    }
    writer.write(file.toStdString(), header);
}

QByteArray bytesOf(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestModelFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsBitExact();
    void headerIsReadableJson();
    void truncatedFilesAreRefused();
    void foreignFilesAreRefused();
    void newerFormatIsRefused();
    void damagedDataIsRefused();
    void tamperedFilesAreRefused();
    void deeplyNestedHeaderIsRefused();
    void earlierArchivesAreRefusedAndConverted();
    void version3Description();
    void version2FilesStillLoad();
    void inconsistentDescriptionsAreRefused();

private:
    QTemporaryDir m_dir;
};

void TestModelFile::roundTripIsBitExact()
{
    UNet net = perturbedNetwork(tinyConfig(), 8);
    const QString file = m_dir.filePath("model.cryosr");
    saveModel(file.toStdString(), describedModel(), net);
    LoadedModel loaded = loadModel(file.toStdString());
    const ModelInfo& info = loaded.info;
    QCOMPARE(info.formatVersion, kModelFormatVersion);
    QCOMPARE(info.scale, 3);
    QCOMPARE(info.schedule.kind, ScheduleKind::Cosine);
    QCOMPARE(info.schedule.timesteps, 200);
    QCOMPARE(info.trainingSteps, std::int64_t(1234));
    QCOMPARE(nlohmann::json::parse(info.metadata), nlohmann::json::parse(R"({"data": "test"})"));
    QCOMPARE(info.architecture.channelMultipliers, (std::vector<int>{1, 2}));
    QCOMPARE(info.architecture.attentionLevels, (std::vector<int>{1}));
    QCOMPARE(info.parameters, net->parameterCount());
    compareWeights(net, loaded.network);
    QCOMPARE(readModelInfo(file.toStdString()).trainingSteps, std::int64_t(1234));
    QCOMPARE(readModelInfo(file.toStdString()).parameters, net->parameterCount());

    // The same model gives the same bytes (a model can be compared by checksum).
    const QString again = m_dir.filePath("again.cryosr");
    saveModel(again.toStdString(), describedModel(), net);
    QCOMPARE(bytesOf(again), bytesOf(file));
}

void TestModelFile::headerIsReadableJson()
{
    UNet net(tinyConfig());
    const QString file = m_dir.filePath("header.cryosr");
    saveModel(file.toStdString(), describedModel(), net);
    const QByteArray bytes = bytesOf(file);
    QCOMPARE(bytes.left(8),
             QByteArray("\x89"
                        "CRYOSR\n",
                        8));
    const quint32 length = qFromLittleEndian<quint32>(bytes.constData() + 12);
    QCOMPARE((16 + length) % 64, 0u); // the data start aligned
    const nlohmann::json header = nlohmann::json::parse(bytes.mid(16, length).toStdString());
    QCOMPARE(header["format"], "cryosr-model");
    QCOMPARE(header["scale"], 3);
    QCOMPARE(header["unet"]["base_channels"], 8);
    QCOMPARE(header["metadata"]["data"], "test");
    QCOMPARE(header["tensors"].size(), std::size_t(net->named_parameters().size()));
    QCOMPARE(header["tensors"][0]["dtype"], "float32");
    QCOMPARE(qsizetype(16 + length + header["data_bytes"].get<qsizetype>()), bytes.size());
}

void TestModelFile::truncatedFilesAreRefused()
{
    UNet net(tinyConfig());
    const QString file = m_dir.filePath("whole.cryosr");
    saveModel(file.toStdString(), describedModel(), net);
    const QByteArray bytes = bytesOf(file);
    const qsizetype header = 16 + qFromLittleEndian<quint32>(bytes.constData() + 12);
    for (const qsizetype keep :
         {qsizetype(0), qsizetype(10), qsizetype(16), header / 2, header, header + 3, bytes.size() / 2, bytes.size() - 1}) {
        const QString cut = m_dir.filePath("cut.cryosr");
        testsupport::writeBytes(cut, bytes.left(keep));
        const QString message = messageOf([&] { loadModel(cut.toStdString()); });
        QVERIFY2(message.contains("not a CryoSR model file") || message.contains("file ends inside"),
                 qPrintable(QString("%1 bytes: %2").arg(keep).arg(message)));
        QVERIFY2(message.startsWith(cut + ": "), qPrintable(message));
    }
}

void TestModelFile::foreignFilesAreRefused()
{
    const QString text = m_dir.filePath("notes.cryosr");
    testsupport::writeBytes(text, "weights: none\n");
    QVERIFY(messageOf([&] { loadModel(text.toStdString()); }).contains("not a CryoSR model file"));

    UNet net(tinyConfig());
    const QString other = m_dir.filePath("other.cryosr"); // a tensor file, but not a model
    writeWithHeader(other, {{"format", "cryosr-something-else"}}, net);
    QVERIFY(messageOf([&] { loadModel(other.toStdString()); }).contains("tensor file of another kind"));

    QVERIFY(messageOf([&] { loadModel(m_dir.filePath("missing.cryosr").toStdString()); }).contains("No such file"));
}

void TestModelFile::newerFormatIsRefused()
{
    UNet net(tinyConfig());
    ModelInfo info = describedModel();
    info.architecture = tinyConfig();
    nlohmann::json header = modelHeader(info);
    header["format_version"] = kModelFormatVersion + 1; // CryoSR always writes its own version
    const QString file = m_dir.filePath("future.cryosr");
    writeWithHeader(file, header, net);
    QVERIFY_THROWS_EXCEPTION(UnsupportedError, loadModel(file.toStdString()));
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("update CryoSR"));
}

void TestModelFile::damagedDataIsRefused()
{
    UNet net(tinyConfig());
    const QString file = m_dir.filePath("damaged.cryosr");
    saveModel(file.toStdString(), describedModel(), net);
    QByteArray bytes = bytesOf(file);
    bytes[bytes.size() - 100] = static_cast<char>(bytes[bytes.size() - 100] ^ 0x10); // one bit of one weight
    testsupport::writeBytes(file, bytes);
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("do not match their checksum"));
    QVERIFY(messageOf([&] { readModelInfo(file.toStdString()); }).contains("do not match their checksum"));

    saveModel(file.toStdString(), describedModel(), net);
    testsupport::writeBytes(file, bytesOf(file) + QByteArray(4, 0));
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("4 bytes follow the last tensor"));
}

void TestModelFile::tamperedFilesAreRefused()
{
    UNet small(tinyConfig(8));
    ModelInfo big = describedModel();
    big.architecture = tinyConfig(16);
    // Weights of a base-8 network under a description that claims base 16: refused before a network is built.
    const QString file = m_dir.filePath("tampered.cryosr");
    writeWithHeader(file, modelHeader(big), small);
    QString message = messageOf([&] { readModelInfo(file.toStdString()); });
    QVERIFY2(message.contains("weights, but the architecture it describes (base 16"), qPrintable(message));

    // A description claiming a network of terabytes: refused by its size, nothing reserved.
    ModelInfo huge = describedModel();
    huge.architecture.baseChannels = 4096;
    huge.architecture.channelMultipliers = {64, 64, 64, 64};
    huge.architecture.groupNormGroups = 4;
    writeWithHeader(file, modelHeader(huge), small);
    message = messageOf([&] { loadModel(file.toStdString()); });
    QVERIFY2(message.contains("weights, but the architecture it describes"), qPrintable(message));

    // The right number of weights under another name.
    ModelInfo right = describedModel();
    right.architecture = tinyConfig(8);
    writeWithHeader(file, modelHeader(right), small, "output.bias");
    message = messageOf([&] { loadModel(file.toStdString()); });
    QVERIFY2(message.contains("do not match the architecture") && message.contains("output.bias is missing"),
             qPrintable(message));

    // The right number of weights, one in another shape.
    QCOMPARE(small->named_parameters()["input.bias"].sizes().vec(), (std::vector<std::int64_t>{8}));
    writeWithHeader(file, modelHeader(right), small, {}, "input.bias");
    message = messageOf([&] { loadModel(file.toStdString()); });
    QVERIFY2(message.contains("input.bias has the wrong shape"), qPrintable(message));

    // Wrong element type, an invalid description, a mistyped entry.
    writeWithHeader(file, modelHeader(right), small);
    QByteArray bytes = bytesOf(file);
    bytes.replace("float32", "float64");
    testsupport::writeBytes(file, bytes);
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("is not float32"));
    nlohmann::json header = modelHeader(right);
    header["unet"]["groups"] = 3;
    writeWithHeader(file, header, small);
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("describes an invalid model"));
    header = modelHeader(right);
    header["scale"] = "2";
    writeWithHeader(file, header, small);
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("entry 'scale' has the wrong type"));
    header = modelHeader(right);
    header["schedule"]["timesteps"] = 1e12;
    writeWithHeader(file, header, small);
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("entry 'schedule.timesteps' has the wrong type"));
    header["schedule"]["timesteps"] = 4000000000LL;
    writeWithHeader(file, header, small);
    QVERIFY(messageOf([&] { loadModel(file.toStdString()); }).contains("entry 'schedule.timesteps' is out of range"));
}

// Found while reviewing fuzz_modelfile: metadata nested 200,000 deep parsed, then overflowed the stack when
// printed (nlohmann's dump recurses). Headers are limited to 64 levels.
void TestModelFile::deeplyNestedHeaderIsRefused()
{
    const auto fileWithMetadata = [&](const QByteArray& metadata) {
        const QByteArray header = R"({"metadata":)" + metadata
            + R"(,"tensors":[],"data_bytes":0,"checksum":"fnv1a64:cbf29ce484222325"})";
        QByteArray bytes(
            "\x89"
            "CRYOSR\n",
            8);
        const quint32 lengths[2] = {1, quint32(header.size())};
        bytes.append(reinterpret_cast<const char*>(lengths), sizeof lengths);
        const QString file = m_dir.filePath("nested.cryosr");
        testsupport::writeBytes(file, bytes + header);
        return file;
    };
    const QString deep = fileWithMetadata(QByteArray(200000, '[') + QByteArray(200000, ']'));
    QString message = messageOf([&] { readModelInfo(deep.toStdString()); });
    QVERIFY2(message.contains("nested more than 64 levels deep"), qPrintable(message.left(300)));
    // 64 levels are a tensor file (here one without a model's description).
    const QString fine = fileWithMetadata(QByteArray(63, '[') + QByteArray(63, ']'));
    QCOMPARE(TensorFile(fine.toStdString()).header()["metadata"].dump().size(), std::size_t(126));
    message = messageOf([&] { readModelInfo(fine.toStdString()); });
    QVERIFY2(message.contains("tensor file of another kind"), qPrintable(message));
}

void TestModelFile::earlierArchivesAreRefusedAndConverted()
{
    UNet net = perturbedNetwork(tinyConfig(), 5);
    ModelInfo info = describedModel();
    info.architecture = net->config();
    const QString legacy = m_dir.filePath("legacy.cryosr");
    writeLegacyModel(legacy, info, net);
    const QByteArray legacyBytes = bytesOf(legacy);

    // The loader never opens the archive: any zip file gets the same answer.
    QVERIFY_THROWS_EXCEPTION(UnsupportedError, loadModel(legacy.toStdString()));
    QString message = messageOf([&] { readModelInfo(legacy.toStdString()); });
    QVERIFY2(message.contains("earlier CryoSR") && message.contains("cryosr-cli model convert"), qPrintable(message));
    const QString zip = m_dir.filePath("zip.cryosr");
    testsupport::writeBytes(zip, QByteArray("PK\x03\x04", 4) + QByteArray(100, 'x'));
    QVERIFY(messageOf([&] { loadModel(zip.toStdString()); }).contains("earlier CryoSR"));

    const QString converted = m_dir.filePath("converted.cryosr");
    const ModelInfo written = convertLegacyModel(legacy.toStdString(), converted.toStdString());
    QCOMPARE(written.formatVersion, kModelFormatVersion);
    QCOMPARE(bytesOf(legacy), legacyBytes); // the input is untouched
    LoadedModel loaded = loadModel(converted.toStdString());
    compareWeights(net, loaded.network);
    QCOMPARE(loaded.info.scale, 3);
    QCOMPARE(loaded.info.schedule.timesteps, 200);
    QCOMPARE(loaded.info.trainingSteps, std::int64_t(1234));
    QCOMPARE(nlohmann::json::parse(loaded.info.metadata)["data"], "test");

    // Nothing to convert in a current file, a damaged archive or a foreign one.
    message = messageOf([&] { convertLegacyModel(converted.toStdString(), m_dir.filePath("x.cryosr").toStdString()); });
    QVERIFY2(message.contains("not a model file of an earlier CryoSR"), qPrintable(message));
    testsupport::writeBytes(zip, legacyBytes.left(legacyBytes.size() / 2));
    message = messageOf([&] { convertLegacyModel(zip.toStdString(), m_dir.filePath("x.cryosr").toStdString()); });
    QVERIFY2(message.contains("not a model file of an earlier CryoSR"), qPrintable(message));
    const QString tensor = m_dir.filePath("tensor.pt");
    torch::save(torch::ones({3}), tensor.toStdString());
    message = messageOf([&] { convertLegacyModel(tensor.toStdString(), m_dir.filePath("x.cryosr").toStdString()); });
    QVERIFY2(message.contains("without CryoSR's model entries"), qPrintable(message));
    QVERIFY(!QFile::exists(m_dir.filePath("x.cryosr")));
}

void TestModelFile::version3Description()
{
    UNetConfig config = tinyConfig();
    config.inputChannels = 3;
    UNet net = perturbedNetwork(config, 9);
    ModelInfo info = describedModel();
    info.prediction = Prediction::V;
    info.consistency = ConsistencyMode::Noise;
    info.filteredCondition = true;
    info.standardDeviationScale = 1.75;
    const QString file = m_dir.filePath("v3.cryosr");
    saveModel(file.toStdString(), info, net);
    const ModelInfo back = readModelInfo(file.toStdString());
    QCOMPARE(back.formatVersion, 3);
    QCOMPARE(back.prediction, Prediction::V);
    QCOMPARE(back.consistency, ConsistencyMode::Noise);
    QVERIFY(back.filteredCondition);
    QCOMPARE(back.standardDeviationScale.value(), 1.75);
    const TensorFile tensors(file.toStdString(), "model file");
    QCOMPARE(tensors.header().at("prediction"), nlohmann::json("v"));
    QCOMPARE(tensors.header().at("calibration").at("sd_scale"), nlohmann::json(1.75));
    QVERIFY(!tensors.header().at("calibration").contains("by_steps")); // as files without step-specific fits were
    // Scales for particular step counts go beside the general one.
    info.stepStandardDeviationScales = {{4, 2.25}, {20, 1.75}};
    saveModel(file.toStdString(), info, net);
    QCOMPARE(readModelInfo(file.toStdString()).stepStandardDeviationScales, info.stepStandardDeviationScales);
    QCOMPARE(readModelInfo(file.toStdString()).standardDeviationScale.value(), 1.75);
    // Without a calibration the key is absent and the raw spread is used.
    info.standardDeviationScale.reset();
    saveModel(file.toStdString(), info, net);
    QVERIFY(!readModelInfo(file.toStdString()).standardDeviationScale);
}

void TestModelFile::version2FilesStillLoad()
{
    // What CryoSR wrote before format 3: no prediction, consistency, condition filtering or calibration.
    UNet net = perturbedNetwork(tinyConfig(), 10);
    ModelInfo info = describedModel();
    info.architecture = tinyConfig();
    nlohmann::json header = modelHeader(info);
    header["format_version"] = 2;
    for (const char* key : {"prediction", "consistency", "condition_filtered"})
        header.erase(key);
    const QString file = m_dir.filePath("v2.cryosr");
    writeWithHeader(file, header, net);
    LoadedModel loaded = loadModel(file.toStdString());
    QCOMPARE(loaded.info.formatVersion, 2);
    QCOMPARE(loaded.info.prediction, Prediction::Epsilon);
    QCOMPARE(loaded.info.consistency, ConsistencyMode::Hard);
    QVERIFY(!loaded.info.filteredCondition && !loaded.info.standardDeviationScale);
    compareWeights(net, loaded.network);
    // The shipped default model is a version 2 file.
    try {
        const ModelInfo shipped = readModelInfo(locateModel("default"));
        QVERIFY(shipped.formatVersion >= 2);
    } catch (const FileError&) {
        QSKIP("no default model in this build");
    }
}

void TestModelFile::inconsistentDescriptionsAreRefused()
{
    UNet net = perturbedNetwork(tinyConfig(), 11);
    const QString file = m_dir.filePath("inconsistent.cryosr");
    const auto refused = [&](nlohmann::json header, const char* expected) {
        writeWithHeader(file, header, net);
        const QString message = messageOf([&] { loadModel(file.toStdString()); });
        QVERIFY2(message.contains(expected), qPrintable(message));
    };
    nlohmann::json header = modelHeader(describedModel());
    header["condition_filtered"] = true; // a filtered condition needs 3 input channels
    refused(header, "channels");
    header = modelHeader(describedModel());
    header["prediction"] = "x0";
    refused(header, "predicts 'x0'");
    header = modelHeader(describedModel());
    header["consistency"] = "soft";
    refused(header, "unknown consistency");
    header = modelHeader(describedModel());
    header["calibration"] = {{"sd_scale", -1}};
    refused(header, "sd_scale");
    header["calibration"] = {{"sd_scale", 1.5}, {"by_steps", {{{"steps", 4}, {"sd_scale", 0}}}}};
    refused(header, "'calibration.by_steps[0].sd_scale' is out of range");
    header["calibration"] = {{"sd_scale", 1.5}, {"by_steps", {{{"steps", 0}, {"sd_scale", 2}}}}};
    refused(header, "'calibration.by_steps[0].steps' is out of range");
    header["calibration"] = {{"sd_scale", 1.5}, {"by_steps", 4}};
    refused(header, "'calibration.by_steps' has the wrong type");
    header = modelHeader(describedModel());
    header.erase("prediction");
    refused(header, "lacks its 'prediction' entry");
}

QTEST_APPLESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
