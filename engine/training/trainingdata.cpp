#include "training/trainingdata.h"

#include "diffusion/condition.h"
#include "diffusion/normalization.h"
#include "fourier/resample.h"
#include "io/errors.h"
#include "io/imagereader.h"
#include "io/starfile.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cryosr {

namespace {

bool isImageFile(const std::filesystem::path& file)
{
    static const std::set<std::string> extensions{".mrc", ".mrcs", ".tif", ".tiff"};
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return extensions.count(ext) && file.stem().extension() != ".clean";
}

/// `size` × `size` samples of `image` from (x, y), non-finite ones replaced later by the crop's median.
std::vector<float> cropOf(const Image& image, int x, int y, int size)
{
    std::vector<float> out(std::size_t(size) * size);
    for (int row = 0; row < size; ++row)
        std::copy_n(image.data() + std::size_t(y + row) * image.width() + x, size, out.data() + std::size_t(row) * size);
    return out;
}

/// Flat (vacuum, a dead area, padding) or mostly broken crops teach nothing.
bool isFlat(const std::vector<float>& crop, double sectionSpread)
{
    std::size_t finite = 0;
    for (float v : crop)
        finite += std::isfinite(v) ? 1 : 0;
    if (finite < crop.size() * 9 / 10)
        return true;
    const Normalization n = robustNormalization(crop.data(), crop.size());
    const auto same = std::count(crop.begin(), crop.end(), static_cast<float>(n.centre));
    return n.scale < 0.05 * sectionSpread || same > static_cast<std::ptrdiff_t>(crop.size() / 4);
}

/// One of the eight flips and rotations of a square [P, P] tensor.
torch::Tensor dihedral(torch::Tensor t, int which)
{
    if (which & 4)
        t = t.transpose(0, 1);
    if (which & 1)
        t = t.flip({1});
    if (which & 2)
        t = t.flip({0});
    return t.contiguous();
}

} // namespace

std::vector<std::filesystem::path> collectImageFiles(const std::vector<std::filesystem::path>& inputs)
{
    std::vector<std::filesystem::path> files;
    for (const auto& input : inputs) {
        std::error_code error;
        const auto status = std::filesystem::status(input, error);
        if (!std::filesystem::exists(status))
            throw FileError(input, "does not exist");
        if (input.extension() == ".star") {
            const auto listed = readMicrographStar(input);
            files.insert(files.end(), listed.begin(), listed.end());
            continue;
        }
        if (!std::filesystem::is_directory(status)) {
            files.push_back(input);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(input, error))
            if (entry.is_regular_file() && isImageFile(entry.path()))
                found.push_back(entry.path());
        if (error)
            throw FileError(input, "cannot be listed: " + error.message());
        if (found.empty())
            throw ArgumentError("the folder " + input.string() + " holds no MRC or TIFF files");
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::filesystem::path cleanPartnerOf(const std::filesystem::path& micrograph)
{
    std::filesystem::path partner = micrograph;
    partner.replace_extension(".clean" + micrograph.extension().string());
    return partner;
}

DataSplit splitByFile(std::vector<std::filesystem::path> files, double fraction, std::uint64_t seed)
{
    DataSplit split;
    std::size_t held = static_cast<std::size_t>(std::lround(fraction * static_cast<double>(files.size())));
    if (fraction > 0 && files.size() >= 2)
        held = std::clamp<std::size_t>(held, 1, files.size() - 1);
    std::mt19937_64 random(seed ^ 0x5eedf11e5ULL);
    std::shuffle(files.begin(), files.end(), random);
    split.validation.assign(files.begin(), files.begin() + static_cast<std::ptrdiff_t>(held));
    split.training.assign(files.begin() + static_cast<std::ptrdiff_t>(held), files.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.training.begin(), split.training.end());
    return split;
}

std::vector<TrainingImage> loadTrainingImages(const std::vector<std::filesystem::path>& files, Pairing pairs, int patch)
{
    std::vector<TrainingImage> images;
    for (const auto& file : files) {
        const auto reader = openImageFile(file);
        const FileInfo& info = reader->info();
        if (info.width < patch || info.height < patch)
            throw ArgumentError(file.string() + " is " + std::to_string(info.width) + " × " + std::to_string(info.height)
                                + " pixels, smaller than the " + std::to_string(patch) + "-pixel training patch");
        std::unique_ptr<ImageReader> clean;
        if (pairs == Pairing::Simulated) {
            const auto partner = cleanPartnerOf(file);
            if (!std::filesystem::exists(partner))
                throw FileError(partner,
                                "is missing: simulated pairs need the clean image of " + file.string()
                                    + " beside it (cryosr-cli simulate --clean writes it)");
            clean = openImageFile(partner);
            if (clean->info().width != info.width || clean->info().height != info.height
                || clean->info().sections != info.sections)
                throw ArgumentError(partner.string() + " does not have the size of " + file.string());
        }
        for (int s = 0; s < info.sections; ++s) {
            TrainingImage image;
            image.input = reader->readSection(s);
            image.target = clean ? clean->readSection(s) : image.input;
            image.spread = robustNormalization(image.input.data(), image.input.pixelCount()).scale;
            images.push_back(std::move(image));
        }
    }
    return images;
}

CropSampler::CropSampler(std::vector<TrainingImage> images, const TrainingConfig& config)
    : m_images(std::move(images))
    , m_patch(config.patch)
    , m_scale(config.scale)
    , m_downsampling(config.downsampling)
    , m_condition(config.condition)
    , m_filtered(config.filteredCondition)
{
    for (const auto& image : m_images)
        m_weights.push_back(static_cast<double>(image.input.pixelCount()));
}

NeighbourSampler::NeighbourSampler(std::vector<TrainingImage> images, const TrainingConfig& config)
    : m_images(std::move(images))
    , m_patch(config.patch)
    , m_scale(config.scale)
    , m_condition(config.condition)
    , m_filtered(config.filteredCondition)
{
    for (const auto& image : m_images) {
        if (image.input.width() < 2 * m_patch || image.input.height() < 2 * m_patch)
            throw ArgumentError("real micrographs for neighbour pairs must be at least twice the patch ("
                                + std::to_string(2 * m_patch) + " pixels) a side; one is " + std::to_string(image.input.width())
                                + " x " + std::to_string(image.input.height()));
        m_weights.push_back(static_cast<double>(image.input.pixelCount()));
    }
}

NeighbourBatch NeighbourSampler::draw(std::mt19937_64& random, int count) const
{
    using torch::indexing::Slice;
    if (m_images.empty())
        throw ArgumentError("no real micrographs to train on");
    const int crop = 2 * m_patch, lowSide = m_patch / m_scale;
    std::discrete_distribution<std::size_t> pickImage(m_weights.begin(), m_weights.end());
    std::vector<torch::Tensor> lows, views, references;
    int rejected = 0;
    while (static_cast<int>(lows.size()) < count) {
        const TrainingImage& image = m_images[pickImage(random)];
        const int x = std::uniform_int_distribution<int>(0, image.input.width() - crop)(random);
        const int y = std::uniform_int_distribution<int>(0, image.input.height() - crop)(random);
        const int orientation = std::uniform_int_distribution<int>(0, 7)(random);
        std::vector<float> values = cropOf(image.input, x, y, crop);
        if (isFlat(values, image.spread)) {
            if (++rejected > 500)
                throw ArgumentError("the real micrographs look flat or empty: 500 crops in a row had no contrast");
            continue;
        }
        rejected = 0;
        fillNonFinite(values.data(), values.size(), robustNormalization(values.data(), values.size()).centre);
        const torch::Tensor m = dihedral(torch::from_blob(values.data(), {crop, crop}, torch::kFloat32), orientation);
        // A's samples sit at (2i, 2j); C's at (2i, 2j + 1): half an A pixel to the right; B's at (2i + 1, 2j + 1).
        const torch::Tensor a = m.index({Slice(0, crop, 2), Slice(0, crop, 2)}).contiguous(); // [P, P]
        const torch::Tensor c = fourierShift(m.index({Slice(0, crop, 2), Slice(1, crop, 2)}), 0.0, 0.5);
        const torch::Tensor b = fourierShift(m.index({Slice(1, crop, 2), Slice(1, crop, 2)}), 0.5, 0.5);
        torch::Tensor low = fourierResize(a, lowSide, lowSide).contiguous();
        const Normalization n = robustNormalization(low.data_ptr<float>(), static_cast<std::size_t>(low.numel()));
        lows.push_back((low - n.centre) / n.scale);
        views.push_back((c - n.centre) / n.scale);
        references.push_back((b - n.centre) / n.scale);
    }
    NeighbourBatch batch;
    batch.lowRes = torch::stack(lows).unsqueeze(1);
    batch.view = torch::stack(views).unsqueeze(1);
    batch.reference = torch::stack(references).unsqueeze(1);
    batch.condition = networkCondition(batch.lowRes, m_scale, m_condition, m_filtered);
    return batch;
}

TrainingBatch CropSampler::draw(std::mt19937_64& random, int count) const
{
    if (m_images.empty())
        throw ArgumentError("no images to train on");
    const int p = m_patch, lowSide = m_patch / m_scale;
    std::discrete_distribution<std::size_t> pickImage(m_weights.begin(), m_weights.end());
    std::vector<torch::Tensor> targets, lows;
    int rejected = 0;
    while (static_cast<int>(targets.size()) < count) {
        const TrainingImage& image = m_images[pickImage(random)];
        const int x = std::uniform_int_distribution<int>(0, image.input.width() - p)(random);
        const int y = std::uniform_int_distribution<int>(0, image.input.height() - p)(random);
        const int orientation = std::uniform_int_distribution<int>(0, 7)(random);
        std::vector<float> input = cropOf(image.input, x, y, p);
        if (isFlat(input, image.spread)) {
            if (++rejected > 500)
                throw ArgumentError("the training data look flat or empty: 500 crops in a row had no contrast");
            continue;
        }
        rejected = 0;
        std::vector<float> target = cropOf(image.target, x, y, p);
        const double median = robustNormalization(input.data(), input.size()).centre;
        fillNonFinite(input.data(), input.size(), median);
        fillNonFinite(target.data(), target.size(), median);
        const torch::Tensor hr = dihedral(torch::from_blob(input.data(), {p, p}, torch::kFloat32), orientation); // [P, P]
        torch::Tensor low = m_downsampling == Downsampling::FourierCrop
            ? fourierResize(hr, lowSide, lowSide)
            : torch::avg_pool2d(hr.unsqueeze(0), m_scale).squeeze(0); // [P/s, P/s]
        low = low.contiguous();
        // As `upscale` does: the measurement's robust statistics set the units of input and target.
        const Normalization n = robustNormalization(low.data_ptr<float>(), static_cast<std::size_t>(low.numel()));
        const torch::Tensor clean = dihedral(torch::from_blob(target.data(), {p, p}, torch::kFloat32), orientation);
        targets.push_back((clean - n.centre) / n.scale);
        lows.push_back((low - n.centre) / n.scale);
    }
    TrainingBatch batch;
    batch.target = torch::stack(targets).unsqueeze(1);
    batch.lowRes = torch::stack(lows).unsqueeze(1);
    batch.condition = networkCondition(batch.lowRes, m_scale, m_condition, m_filtered);
    return batch;
}

} // namespace cryosr
