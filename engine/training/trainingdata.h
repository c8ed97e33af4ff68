#pragma once
// Training pairs from micrographs: random high-resolution crops, their low-resolution versions, the
// eight flips and rotations, flat crops skipped, robust per-crop normalisation exactly as `upscale`
// normalises its input. Engine-internal header (LibTorch types).

#include "io/image.h"
#include "training/trainingconfig.h"

#include <torch/torch.h>

#include <filesystem>
#include <random>
#include <vector>

namespace cryosr {

struct DataSplit {
    std::vector<std::filesystem::path> training;
    std::vector<std::filesystem::path> validation; ///< whole files, never crops of training files
};
/// Holds out round(fraction × files) files (at least one when there are two or more and fraction > 0),
/// chosen by `seed`.
DataSplit splitByFile(std::vector<std::filesystem::path> files, double fraction, std::uint64_t seed);

/// One section to crop from: the image the low-resolution input is made from, and the target
/// (the same image for self-supervised pairs, the clean simulated image otherwise).
struct TrainingImage {
    Image input;
    Image target;
    double spread = 1.0; ///< robust standard deviation of the whole section, to recognise flat crops
};

/// Every section of every file, read and checked now (before any training step): FileError /
/// FormatError naming the file that cannot be read, ArgumentError for images smaller than the patch
/// or a clean partner that is missing or of another size.
std::vector<TrainingImage> loadTrainingImages(const std::vector<std::filesystem::path>& files, Pairing pairs,
                                              int patch);

/// A batch in normalised units (the low-resolution crop's median 0, robust σ 1).
struct TrainingBatch {
    torch::Tensor target;    ///< [B, 1, P, P] x_0
    torch::Tensor lowRes;    ///< [B, 1, P/s, P/s] the measurement
    torch::Tensor condition; ///< [B, 1, P, P] lowRes brought to the output grid as the model expects
};

class CropSampler {
public:
    CropSampler(std::vector<TrainingImage> images, const TrainingConfig& config);

    /// `count` pairs drawn with `random`; throws ArgumentError when the data look flat or empty
    /// (hundreds of crops in a row rejected).
    TrainingBatch draw(std::mt19937_64& random, int count) const;
    std::size_t imageCount() const { return m_images.size(); }

private:
    std::vector<TrainingImage> m_images;
    std::vector<double> m_weights; ///< by area, so every pixel is equally likely
    int m_patch;
    int m_scale;
    Downsampling m_downsampling;
    ConditionUpsampling m_condition;
};

} // namespace cryosr
