// Tiled sampling (engine/diffusion/tiling, tileddenoiser): tiles cover the image and blend to one,
// fusing tiles of a position-independent network gives the whole image's prediction, the variance
// that averaging loses in overlaps is restored, out-of-memory errors shrink the batch, and on a real
// micrograph with the shipped model no seam shows where a naive tiling shows one; GroupNorm shared by
// the tiles normalises by the whole image's statistics, so tiled runs of any tile size have the texture
// and noise level of the untiled run, band by band, for both shipped models.

#include "diffusion/tileddenoiser.h"
#include "errormessage.h"
#include "fourier/resample.h"
#include "io/errors.h"
#include "io/imagereader.h"
#include "model/modelfile.h"
#include "model/modellocator.h"
#include "model/sharednorm.h"
#include "upscaler.h"

#include "testsupport.h"
#include "tinymodel.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numeric>
#include <set>

using namespace cryosr;
using torch::indexing::Slice;

namespace {

NoiseSchedule schedule()
{
    return NoiseSchedule(ScheduleSpec{});
}

/// ε of a network that looks at each pixel alone, so tiling cannot change what it predicts.
torch::Tensor pointwiseNetwork(const torch::Tensor& input, const torch::Tensor&)
{
    return 0.3 * input.slice(1, 0, 1) - 0.2 * input.slice(1, 1, 2).square(); // [B, 1, h, w]
}

/// Mean gradient magnitude (forward differences) on `lines` (pixel columns and rows where one tile gives
/// way to the next) and everywhere else, of an image [H, W].
std::pair<double, double> gradientOnAndOffLines(const torch::Tensor& image, const std::set<int>& lines)
{
    const torch::Tensor gx = image.slice(1, 1) - image.slice(1, 0, -1); // [H, W−1]
    const torch::Tensor gy = image.slice(0, 1) - image.slice(0, 0, -1); // [H−1, W]
    const torch::Tensor g = (gx.slice(0, 0, -1).square() + gy.slice(1, 0, -1).square()).sqrt(); // [H−1, W−1]
    torch::Tensor onLine = torch::zeros(g.sizes(), torch::kBool);
    for (int p : lines)
        for (int q : {p - 1, p}) // the pixel pair across the line
            if (q >= 0 && q < g.size(0)) {
                onLine.index_put_({Slice(), q}, true);
                onLine.index_put_({q, Slice()}, true);
            }
    return {g.masked_select(onLine).mean().item<double>(), g.masked_select(onLine.logical_not()).mean().item<double>()};
}

/// Mean gradient magnitude of an image [H, W] in bands of `band` rows and of `band` columns (rows first).
std::vector<double> bandGradients(const torch::Tensor& image, int band)
{
    const torch::Tensor gx = image.slice(1, 1) - image.slice(1, 0, -1);
    const torch::Tensor gy = image.slice(0, 1) - image.slice(0, 0, -1);
    const torch::Tensor g = (gx.slice(0, 0, -1).square() + gy.slice(1, 0, -1).square()).sqrt(); // [H−1, W−1]
    std::vector<double> bands;
    for (int dim : {0, 1})
        for (std::int64_t start = 0; start + band <= g.size(dim); start += band)
            bands.push_back(g.narrow(dim, start, band).mean().item<double>());
    return bands;
}

} // namespace

class TestTiledDenoiser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layoutCoversTheImage_data();
    void layoutCoversTheImage();
    void badLayoutsAreRefused();
    void weightsSumToOne();
    void statisticsWindowsAndTheStepsCost();
    void fusedTilesEqualTheWholeImage();
    void varianceLostInOverlapsIsRestored();
    void outOfMemoryShrinksTheBatch();
    void upscalerTilesLargeOutputs();
    void stopEndsWithinAStep();
    void noSeamsOnARealMicrograph();
    void sharedNormalisationIsTheWholeImages();
    void tiledRunsHaveTheUntiledTextureInEveryBand_data();
    void tiledRunsHaveTheUntiledTextureInEveryBand();
};

void TestTiledDenoiser::layoutCoversTheImage_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("tile");
    QTest::addColumn<int>("overlap");
    QTest::addColumn<int>("tiles");
    QTest::newRow("fits") << 100 << 80 << 128 << 32 << 1;
    QTest::newRow("exact stride") << 352 << 128 << 128 << 16 << 3;
    QTest::newRow("uneven") << 8192 << 5000 << 256 << 32 << 37 * 23;
    QTest::newRow("no overlap") << 300 << 300 << 100 << 0 << 9;
    QTest::newRow("one pixel more") << 129 << 16 << 128 << 32 << 2;
    QTest::newRow("narrow") << 1000 << 20 << 64 << 8 << 18;
}

void TestTiledDenoiser::layoutCoversTheImage()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, tile);
    QFETCH(int, overlap);
    QFETCH(int, tiles);
    const TileLayout layout = planTiles(width, height, tile, overlap);
    QCOMPARE(int(layout.tiles.size()), tiles);
    std::vector<int> coverage(std::size_t(width) * std::size_t(height), 0);
    for (const TileRect& t : layout.tiles) {
        QCOMPARE(t.width, std::min(tile, width));
        QCOMPARE(t.height, std::min(tile, height));
        QVERIFY(t.x >= 0 && t.y >= 0 && t.x + t.width <= width && t.y + t.height <= height);
        for (int y = t.y; y < t.y + t.height; ++y)
            for (int x = t.x; x < t.x + t.width; ++x)
                ++coverage[std::size_t(y) * std::size_t(width) + std::size_t(x)];
        // Every neighbour to the right overlaps by at least `overlap`.
        for (const TileRect& n : layout.tiles)
            if (n.y == t.y && n.x > t.x && n.x < t.x + t.width + 1 && n.x != t.x)
                QVERIFY2(t.x + t.width - n.x >= overlap, qPrintable(QString("tiles at %1 and %2").arg(t.x).arg(n.x)));
    }
    QVERIFY(std::all_of(coverage.begin(), coverage.end(), [](int c) { return c >= 1; }));
}

void TestTiledDenoiser::badLayoutsAreRefused()
{
    QVERIFY_THROWS_EXCEPTION(ArgumentError, planTiles(100, 100, 64, 64));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, planTiles(100, 100, 8, 0));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, planTiles(100, 100, 64, -1));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, planTiles(0, 100, 64, 8));
}

void TestTiledDenoiser::weightsSumToOne()
{
    const TileLayout layout = planTiles(300, 200, 96, 24);
    std::vector<double> sum(300 * 200, 0.0);
    for (std::size_t i = 0; i < layout.tiles.size(); ++i) {
        const TileRect& t = layout.tiles[i];
        const std::vector<float> w = blendWeights(layout, i);
        QCOMPARE(int(w.size()), t.width * t.height);
        QVERIFY(*std::min_element(w.begin(), w.end()) > 0.0f);
        for (int y = 0; y < t.height; ++y)
            for (int x = 0; x < t.width; ++x)
                sum[std::size_t(t.y + y) * 300 + std::size_t(t.x + x)] += w[std::size_t(y * t.width + x)];
    }
    for (double s : sum)
        QVERIFY2(std::abs(s - 1.0) < 1e-5, qPrintable(QString::number(s)));
}

void TestTiledDenoiser::statisticsWindowsAndTheStepsCost()
{
    // The whole image while it is at most 512 on a side; then 512² windows, about one per four windows'
    // worth: one in the middle of 1024², four over 2048², never more than eight.
    const TileLayout small = statisticsWindows(planTiles(400, 300, 128, 32));
    QCOMPARE(small.tiles.size(), std::size_t(1));
    QCOMPARE(small.tiles[0].width, 400);
    QCOMPARE(small.tiles[0].height, 300);
    const TileLayout middle = statisticsWindows(planTiles(1024, 1024, 256, 32));
    QCOMPARE(middle.tiles.size(), std::size_t(1));
    QCOMPARE(middle.tiles[0].x, 256);
    QCOMPARE(middle.tiles[0].y, 256);
    QCOMPARE(middle.tiles[0].width, 512);
    QCOMPARE(statisticsWindows(planTiles(2048, 2048, 256, 32)).tiles.size(), std::size_t(4));
    QCOMPARE(statisticsWindows(planTiles(8192, 8192, 256, 32)).tiles.size(), std::size_t(8));
    QCOMPARE(statisticsWindows(planTiles(8192, 8192, 256, 32), 256).tiles.front().width, 256); // after running out of memory

    // A step's FLOPs: every tile of every sample, and for a tiled run the windows too.
    const NetworkCost cost{1000.0, 0.01, 50.0, 8};
    const TileLayout single = planTiles(200, 200, 256, 32);
    QCOMPARE(stepFlops(cost, single, 3), 3 * (1000.0 * 200 * 200 + 0.01 * 200.0 * 200 * 200 * 200 + 50));
    QCOMPARE(cost.forward(1, 13, 13), cost.forward(1, 16, 16)); // padded to the multiple first
    const TileLayout tiled = planTiles(1024, 1024, 256, 32);
    QCOMPARE(stepFlops(cost, tiled, 2), 2 * (double(tiled.tiles.size()) * cost.forward(1, 256, 256) + cost.forward(1, 512, 512)));
}

void TestTiledDenoiser::fusedTilesEqualTheWholeImage()
{
    torch::manual_seed(1);
    const torch::Tensor x = torch::randn({2, 1, 150, 190}), condition = torch::randn({2, 1, 150, 190});
    const torch::Tensor t = torch::full({2}, 400.0f);
    std::vector<int> batches;
    TiledDenoiser tiled(
        planTiles(190, 150, 64, 16), condition, schedule(), 2,
        [&](const torch::Tensor& input, const torch::Tensor& timesteps) {
            if (input.size(2) == 64 && input.size(3) == 64) // a batch of tiles, not the statistics pass's window
                batches.push_back(int(input.size(0)));
            return pointwiseNetwork(input, timesteps);
        },
        5);
    const torch::Tensor fused = tiled(x, t);
    const torch::Tensor whole = pointwiseNetwork(torch::cat({x, condition}, 1), t);
    const double error = (fused - whole).abs().max().item<double>();
    QVERIFY2(error < 1e-3, qPrintable(QString::number(error)));
    QVERIFY(tiled.lastCorrelation() > 0.999); // tiles that agree are not amplified
    // 4 × 3 tiles for each of the 2 samples, five at a time.
    QCOMPARE(std::accumulate(batches.begin(), batches.end(), 0), 24);
    QCOMPARE(batches.front(), 5);
}

void TestTiledDenoiser::varianceLostInOverlapsIsRestored()
{
    // Each tile predicts its own independent detail (white noise around the condition): the plain
    // average of two halves the variance mid-overlap; the fused result must keep it.
    const int size = 192, tile = 96, overlap = 48;
    const TileLayout layout = planTiles(size, size, tile, overlap);
    const NoiseSchedule s = schedule();
    const int timestep = 300;
    const double a = s.alphasCumprod()[timestep];
    torch::manual_seed(2);
    const torch::Tensor x = torch::randn({1, 1, size, size}), condition = torch::zeros({1, 1, size, size});
    TiledDenoiser tiled(
        layout, condition, s, 2,
        [&](const torch::Tensor& input, const torch::Tensor&) {
            const torch::Tensor detail =
                torch::randn({input.size(0), 1, input.size(2), input.size(3)}); // a tile or the statistics window
            const torch::Tensor x0 = input.slice(1, 1, 2) + detail; // condition + detail
            return (input.slice(1, 0, 1) - std::sqrt(a) * x0) / std::sqrt(1 - a);
        },
        4);
    const torch::Tensor eps = tiled(x, torch::full({1}, float(timestep)));
    const torch::Tensor x0 = ((x - std::sqrt(1 - a) * eps) / std::sqrt(a))[0][0];
    QVERIFY2(tiled.lastCorrelation() < 0.1, qPrintable(QString::number(tiled.lastCorrelation())));
    // Detail beyond the band of a half-size input, where one tile covers and where two meet (mid-overlap).
    const torch::Tensor detail = x0 - fourierResize(fourierResize(x0, size / 2, size / 2), size, size);
    const double single = detail.index({Slice(8, 40), Slice(8, 40)}).var().item<double>();
    const int middle = layout.tiles[1].x + overlap / 2;
    const double meeting = detail.index({Slice(8, 40), Slice(middle - 8, middle + 8)}).var().item<double>();
    QVERIFY2(std::abs(meeting / single - 1) < 0.15,
             qPrintable(QString("variance mid-overlap / where one tile covers = %1").arg(meeting / single)));
}

void TestTiledDenoiser::outOfMemoryShrinksTheBatch()
{
    torch::manual_seed(3);
    const torch::Tensor x = torch::randn({1, 1, 200, 200}), condition = torch::randn({1, 1, 200, 200});
    const torch::Tensor t = torch::full({1}, 100.0f);
    const TileLayout layout = planTiles(200, 200, 64, 16);
    int calls = 0;
    TiledDenoiser tiled(
        layout, condition, schedule(), 2,
        [&](const torch::Tensor& input, const torch::Tensor& ts) {
            calls += input.size(2) == 64 ? 1 : 0; // tiles, not the statistics pass's window
            if (input.size(0) > 3)
                C10_THROW_ERROR(OutOfMemoryError, "CUDA out of memory. Tried to allocate 2.00 GiB");
            return pointwiseNetwork(input, ts);
        },
        16);
    const torch::Tensor fused = tiled(x, t);
    QCOMPARE(tiled.batch(), 2); // 16 → 8 → 4 → 2
    QVERIFY((fused - pointwiseNetwork(torch::cat({x, condition}, 1), t)).abs().max().item<double>() < 1e-3);
    QCOMPARE(calls, 3 + 8); // three failed attempts, then 16 tiles two at a time

    // A statistics window that does not fit is made smaller (the whole 200² image, then windows of 100).
    std::set<std::int64_t> windows;
    TiledDenoiser smallWindows(
        layout, condition, schedule(), 2,
        [&](const torch::Tensor& input, const torch::Tensor& ts) {
            if (input.size(2) > 100)
                C10_THROW_ERROR(OutOfMemoryError, "CUDA out of memory. Tried to allocate 2.00 GiB");
            if (input.size(2) != 64)
                windows.insert(input.size(2));
            return pointwiseNetwork(input, ts);
        },
        4);
    QVERIFY((smallWindows(x, t) - pointwiseNetwork(torch::cat({x, condition}, 1), t)).abs().max().item<double>() < 1e-3);
    QCOMPARE(windows, std::set<std::int64_t>{100});

    // The CPU allocator's way of failing counts too; at a batch of one the error goes on.
    TiledDenoiser hopeless(
        layout, condition, schedule(), 2,
        [](const torch::Tensor& input, const torch::Tensor& ts) -> torch::Tensor {
            if (input.size(2) == 64)
                throw std::bad_alloc();
            return pointwiseNetwork(input, ts);
        },
        4);
    QVERIFY_THROWS_EXCEPTION(std::bad_alloc, hopeless(x, t));
    QCOMPARE(hopeless.batch(), 1);
    QVERIFY(isOutOfMemoryError(c10::Error("DefaultCPUAllocator: can't allocate memory: you tried to allocate 1", "")));
    QVERIFY(!isOutOfMemoryError(ArgumentError("bad")));
}

namespace {

QString tinyModel()
{
    static QTemporaryDir dir;
    const QString file = dir.filePath("tiny.cryosr");
    if (!QFile::exists(file)) {
        ModelInfo info;
        info.architecture = testsupport::tinyArchitecture();
        info.schedule.timesteps = 50;
        createUntrainedModel(file.toStdString(), info, 1);
    }
    return file;
}

Image ramp(int width, int height)
{
    Image image(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at(x, y) = float(100 + 20 * std::sin(0.3 * x) * std::cos(0.2 * y) + 0.1 * x);
    return image;
}

torch::Tensor asTensor(const Image& image)
{
    return torch::from_blob(const_cast<float*>(image.data()), {image.height(), image.width()}, torch::kFloat32).clone();
}

UpscaleSettings tiledSettings(int steps, int samples, int tile, int overlap)
{
    UpscaleSettings s;
    s.sampler.steps = steps;
    s.samples = samples;
    s.tile = tile;
    s.overlap = overlap;
    return s;
}

} // namespace

void TestTiledDenoiser::upscalerTilesLargeOutputs()
{
    const Upscaler upscaler(tinyModel().toStdString(), DeviceChoice::Cpu, Precision::Float32);
    UpscaleSettings s = tiledSettings(3, 2, 32, 8);
    const Image input = ramp(40, 30);
    const TileLayout layout = upscaler.tileLayout(40, 30, s);
    QCOMPARE(int(layout.tiles.size()), 3 * 3); // 80 × 60 output in tiles of 32 overlapping by ≥ 8
    std::vector<TileProgress> progress;
    const UpscaleResult r = upscaler.upscale(input, s, {}, {}, [&](const TileProgress& p) { progress.push_back(p); });
    QCOMPARE(r.tiles, 9);
    QCOMPARE(r.mean.width(), 80);
    QCOMPARE(r.standardDeviation.height(), 60);
    // The tiled result keeps the input's own frequencies like an untiled one.
    const torch::Tensor back = fourierResize(asTensor(r.mean).to(torch::kFloat64), 30, 40);
    QVERIFY((back - asTensor(input).to(torch::kFloat64)).abs().max().item<double>() < 2e-3);
    // Progress for every batch of tiles of every step, ending each step at tiles × samples.
    QVERIFY(!progress.empty());
    QCOMPARE(progress.back().step, 3);
    QCOMPARE(progress.back().tilesDone, 18);
    QCOMPARE(progress.back().tilesTotal, 18);
    for (int step = 1; step <= 3; ++step)
        QVERIFY(std::any_of(progress.begin(), progress.end(),
                            [&](const TileProgress& p) { return p.step == step && p.tilesDone == 18; }));
    // Small outputs stay whole unless a tile is asked for.
    QVERIFY(upscaler.tileLayout(40, 30, UpscaleSettings{}).isSingle());
    QCOMPARE(int(upscaler.tileLayout(400, 100, UpscaleSettings{}).tiles.size()), 4 * 1);
    s.overlap = 32;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, upscaler.upscale(input, s));
}

void TestTiledDenoiser::stopEndsWithinAStep()
{
    const Upscaler upscaler(tinyModel().toStdString(), DeviceChoice::Cpu, Precision::Float32);
    const UpscaleSettings s = tiledSettings(5, 1, 16, 4);
    std::stop_source stop;
    int calls = 0;
    const UpscaleResult r = upscaler.upscale(ramp(40, 40), s, stop.get_token(), {}, [&](const TileProgress& p) {
        ++calls;
        if (p.step == 2 && p.tilesDone >= 4)
            stop.request_stop();
    });
    QVERIFY(r.cancelled);
    QCOMPARE(r.stepsDone, 1);
    QVERIFY(r.mean.isEmpty());
    QVERIFY(calls < 2 * 36); // the second step's remaining tiles were not run
}

void TestTiledDenoiser::noSeamsOnARealMicrograph()
{
    REQUIRE_SHARED_DATA();
    const auto reader = openImageFile((testsupport::sharedDataDir() + "/mic_negstain_07jan05b_512.mrc").toStdString());
    const Image input = reader->readRegion(0, Region{128, 128, 128, 128});
    const Upscaler upscaler(locateModel("default"), DeviceChoice::Cpu, Precision::Float32);
    const UpscaleSettings s = tiledSettings(10, 1, 128, 32);
    const TileLayout layout = upscaler.tileLayout(128, 128, s);
    QCOMPARE(int(layout.tiles.size()), 9);
    // Where one tile gives way to the next: the tiles' edges and the middles of their overlaps.
    std::set<int> lines;
    for (const TileRect& t : layout.tiles) {
        if (t.x > 0)
            lines.insert({t.x, t.x + (layout.tiles[1].x + t.width - t.x) / 2});
        if (t.x + t.width < layout.width)
            lines.insert(t.x + t.width);
    }
    const torch::Tensor tiled = asTensor(upscaler.upscale(input, s).mean);
    const auto [onLines, elsewhere] = gradientOnAndOffLines(tiled, lines);
    QVERIFY2(std::abs(onLines / elsewhere - 1) < 0.10,
             qPrintable(QString("gradient on tile boundaries %1, elsewhere %2").arg(onLines).arg(elsewhere)));

    // The measure does see seams: four quarters upscaled on their own and put side by side.
    torch::Tensor naive = torch::zeros({256, 256});
    UpscaleSettings whole = s;
    whole.tile = 0;
    for (int q = 0; q < 4; ++q) {
        whole.sampler.seed = std::uint64_t(q);
        const int x = 64 * (q % 2), y = 64 * (q / 2);
        const Image quarter = reader->readRegion(0, Region{128 + x, 128 + y, 64, 64});
        naive.index_put_({Slice(2 * y, 2 * y + 128), Slice(2 * x, 2 * x + 128)}, asTensor(upscaler.upscale(quarter, whole).mean));
    }
    const auto [onSeams, offSeams] = gradientOnAndOffLines(naive, {128});
    QVERIFY2(onSeams / offSeams > 1.10,
             qPrintable(QString("naive tiling: on seams %1, elsewhere %2").arg(onSeams).arg(offSeams)));
    qInfo("mean gradient on / off tile boundaries: tiled %.3f, naive quarters %.3f", onLines / elsewhere, onSeams / offSeams);
}

void TestTiledDenoiser::sharedNormalisationIsTheWholeImages()
{
    // Statistics gathered over an image's two halves, applied to each half, equal the whole image normalised
    // at once, with a time embedding added after the statistics were gathered (and another while gathering).
    torch::manual_seed(5);
    torch::nn::GroupNorm norm(torch::nn::GroupNormOptions(2, 4));
    norm->weight.data().copy_(torch::tensor({1.0f, 2.0f, 0.5f, -1.0f}));
    norm->bias.data().copy_(torch::tensor({0.0f, 0.1f, -0.2f, 0.3f}));
    const torch::Tensor whole = torch::randn({1, 4, 16, 32}) * torch::linspace(0.5, 3, 32); // not stationary
    const torch::Tensor halves = torch::cat({whole.slice(3, 0, 16), whole.slice(3, 16, 32)}); // [2, 4, 16, 16]
    const torch::Tensor samples = torch::zeros({2}, torch::kLong);
    const auto joined = [](const torch::Tensor& y) { return torch::cat({y[0], y[1]}, 2).unsqueeze(0); }; // [1, 4, 16, 32]
    SharedNormStatistics statistics(1);
    {
        // Gathering normalises as plain GroupNorm does (each half by its own statistics), from the moments it
        // gathers, so to float rounding.
        SharedNormScope gather(statistics, SharedNormScope::Role::Gather, samples);
        const torch::Tensor gatherAddend = torch::randn({2, 4});
        QVERIFY(torch::allclose(sharedGroupNorm(halves, norm, gatherAddend),
                                norm(halves + gatherAddend.unsqueeze(-1).unsqueeze(-1)), 1e-5, 1e-5));
        gather.commit();
    }
    const torch::Tensor addend = torch::randn({1, 4});
    torch::Tensor shared;
    {
        const SharedNormScope apply(statistics, SharedNormScope::Role::Apply, samples);
        shared = joined(sharedGroupNorm(halves, norm, addend.expand({2, 4})));
    }
    const torch::Tensor expected = norm(whole + addend.unsqueeze(-1).unsqueeze(-1));
    QVERIFY2(torch::allclose(shared, expected, 1e-4, 1e-4),
             qPrintable(QString::number((shared - expected).abs().max().item<double>())));
    QVERIFY((joined(norm(halves + addend.unsqueeze(-1).unsqueeze(-1))) - expected).abs().max().item<double>()
            > 0.1); // the halves' own differ
    QVERIFY(!sharedNormActive());
    QVERIFY(torch::allclose(sharedGroupNorm(whole, norm), norm(whole))); // no scope: plain GroupNorm
}

void TestTiledDenoiser::tiledRunsHaveTheUntiledTextureInEveryBand_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("tile");
    QTest::addColumn<int>("overlap");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("size"); // of the input region; its 2× output larger than 512 gathers from one window
    QTest::newRow("default, tiles of 64, 4 steps") << "default" << 64 << 16 << 4 << 112;
    QTest::newRow("default, tiles of 96, 10 steps") << "default" << 96 << 32 << 10 << 112;
    QTest::newRow("denoise, tiles of 64, 10 steps") << "denoise" << 64 << 16 << 10 << 112;
    QTest::newRow("denoise, tiles of 128, 4 steps") << "denoise" << 128 << 32 << 4 << 112;
    QTest::newRow("denoise, 640² output, tiles of 128, 2 steps") << "denoise" << 128 << 32 << 2 << 320;
}

void TestTiledDenoiser::tiledRunsHaveTheUntiledTextureInEveryBand()
{
    // The mean gradient magnitude in every band of 32 rows or columns, tiled over untiled, of a region of a
    // real micrograph with the same seed (each tile normalised by its own statistics gave 1.2-1.8).
    REQUIRE_SHARED_DATA();
    QFETCH(QString, model);
    QFETCH(int, tile);
    QFETCH(int, overlap);
    QFETCH(int, steps);
    QFETCH(int, size);
    const auto reader = openImageFile((testsupport::sharedDataDir() + "/mic_ucsf1142_dw_959x927.mrc").toStdString());
    const Image input = reader->readRegion(0, Region{100, 100, size, size});
    const Upscaler upscaler(locateModel(model.toStdString()), DeviceChoice::Cpu, Precision::Float32);
    UpscaleSettings s = tiledSettings(steps, 1, 2 * size, overlap); // one tile: the untiled run
    s.sampler.seed = 1;
    QVERIFY(upscaler.tileLayout(size, size, s).isSingle());
    const std::vector<double> untiled = bandGradients(asTensor(upscaler.upscale(input, s).mean), 32);
    s.tile = tile;
    QVERIFY(!upscaler.tileLayout(size, size, s).isSingle());
    const std::vector<double> tiled = bandGradients(asTensor(upscaler.upscale(input, s).mean), 32);
    QString ratios;
    double lowest = 1e9, highest = 0;
    for (std::size_t b = 0; b < tiled.size(); ++b) {
        const double ratio = tiled[b] / untiled[b];
        lowest = std::min(lowest, ratio);
        highest = std::max(highest, ratio);
        ratios += QString::asprintf(" %.3f", ratio);
    }
    QVERIFY2(lowest >= 0.9 && highest <= 1.1, qPrintable("tiled / untiled gradient per band:" + ratios));
    qInfo("tiled / untiled gradient per band: %.3f to %.3f", lowest, highest);
}

QTEST_GUILESS_MAIN(TestTiledDenoiser)
#include "tst_tileddenoiser.moc"
