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
std::vector<TrainingImage> loadTrainingImages(const std::vector<std::filesystem::path>& files, Pairing pairs, int patch);

/// A batch in normalised units (the low-resolution crop's median 0, robust σ 1).
struct TrainingBatch {
    torch::Tensor target; ///< [B, 1, P, P] x_0
    torch::Tensor lowRes; ///< [B, 1, P/s, P/s] the measurement
    torch::Tensor condition; ///< [B, C, P, P] lowRes brought to the output grid as the model expects (networkCondition)
};

/// Crops of real micrographs split into independent-noise views (TrainingConfig::realData), in the
/// normalised units of the low-resolution crop.
struct NeighbourBatch {
    torch::Tensor lowRes; ///< [B, 1, P/s, P/s] A = M[0::2, 0::2] Fourier-cropped: the measurement
    torch::Tensor condition; ///< [B, C, P, P] lowRes brought to the output grid (networkCondition)
    torch::Tensor view; ///< [B, 1, P, P] C = M[0::2, 1::2] moved onto A's grid: what x_t is made of
    torch::Tensor reference; ///< [B, 1, P, P] B = M[1::2, 1::2] moved onto A's grid: what x̂_0 is compared with
};

class NeighbourSampler {
public:
    /// `images` are real micrographs (their `target` is ignored); each must be at least 2P a side.
    NeighbourSampler(std::vector<TrainingImage> images, const TrainingConfig& config);
    /// `count` crops of 2P × 2P (flat ones skipped, the eight flips and rotations) split into views.
    NeighbourBatch draw(std::mt19937_64& random, int count) const;
    std::size_t imageCount() const { return m_images.size(); }

private:
    std::vector<TrainingImage> m_images;
    std::vector<double> m_weights;
    int m_patch;
    int m_scale;
    ConditionUpsampling m_condition;
    bool m_filtered;
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
    bool m_filtered;
};

} // namespace cryosr
