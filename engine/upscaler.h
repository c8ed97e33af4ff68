#pragma once
// Super-resolution of one region with a diffusion model: the engine's entry point for the CLI and the
// GUI's worker thread. Plain C++ types only; LibTorch stays in upscaler.cpp.
//
// Pipeline (shapes for K samples of an H × W input at scale s):
//   input [H, W] --robust normalisation--> y [1, 1, H, W]
//   condition c = upsample(y) [K, 1, sH, sW] (Fourier padding or bicubic, as the model was trained)
//   reverse diffusion of x [K, 1, sH, sW] with the network on [x_t, c] (an ε- or v-prediction); each
//   step's x̂_0 reconciled with the data within the input's band (diffusion/consistency.h: hard,
//   noise-aware or off; the model names its default)
//   --> mean and per-pixel standard deviation over K (times the model's calibration) --denormalise-->
//   output units
// A large output is denoised in overlapping tiles fused at every step (diffusion/tileddenoiser.h):
// the state, the noise and the consistency stay whole-image, only the network sees tiles.

#include "computedevice.h"
#include "diffusion/samplersettings.h"
#include "diffusion/tiling.h"
#include "io/image.h"
#include "model/modelinfo.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace cryosr {

/// What each step hands out as images: nothing (progress only), the step's x̂_0, the state x_t, or both.
enum class FrameContent { None, PredictedX0, State, Both };

struct UpscaleSettings {
    SamplerSettings sampler{SamplerKind::Ddim, 50, 0.0, 0};
    int samples = 1; ///< K ≥ 1; sample k uses seed + k, or in antithetic pairs (the default) odd k mirrors k − 1
    /// How each step keeps the measured data (model/modelinfo.h); unset: the model's own default.
    std::optional<ConsistencyMode> consistency;
    FrameContent frames = FrameContent::None;
    /// Tile size in output pixels; 0 = automatic: the whole output when it is at most
    /// kLargestUntiledOutput on each side, tiles of kAutomaticTile otherwise.
    int tile = 0;
    int overlap = 32; ///< least overlap of neighbouring tiles, output pixels
};

inline constexpr int kLargestUntiledOutput = 512;
inline constexpr int kAutomaticTile = 256;

/// The tiles an output of outputWidth × outputHeight is denoised in with `settings` (see
/// UpscaleSettings::tile); ArgumentError for a tile or overlap out of range.
TileLayout tileLayoutFor(int outputWidth, int outputHeight, const UpscaleSettings& settings);

/// Within a step: tiles the network has denoised (all samples' tiles counted, in the layout's order).
struct TileProgress {
    int step; ///< the step under way, 1 … total
    int total;
    int tilesDone; ///< 1 … tilesTotal
    int tilesTotal; ///< tiles × samples
};
using TileSink = std::function<void(const TileProgress&)>;

/// One step. The images are the first sample's, in the input's units, scale × the input's size; each
/// is null unless settings.frames asked for it. They live only during the call: copy what you keep.
struct UpscaleFrame {
    int step; ///< 1 … total
    int total;
    int timestep; ///< schedule index the network saw
    const Image* predicted; ///< x̂_0, the clean image predicted at this step
    const Image* state; ///< x_t, the noisy state after this step
};
using FrameSink = std::function<void(const UpscaleFrame&)>;

struct UpscaleResult {
    Image mean; ///< the upscaled region (the mean of K samples), pixel size ÷ scale
    /// Per pixel over the K samples, times the model's calibration (ModelInfo::standardDeviationScale):
    /// the posterior's standard deviation, i.e. of a single sample. Empty when K = 1.
    Image standardDeviation;
    ConsistencyMode consistency = ConsistencyMode::Hard; ///< what the run used
    bool cancelled = false; ///< a stop request ended sampling early; the images are then empty
    int stepsDone = 0;
    int tiles = 1; ///< tiles per sample (1: untiled)
    int tileBatch = 1; ///< tiles per network call at the end (after any out-of-memory shrink)
};

class Upscaler {
public:
    /// Loads the model (throws like loadModel) and moves it to the device (ArgumentError when the
    /// choice cannot be met, e.g. CUDA without a GPU).
    Upscaler(const std::filesystem::path& modelFile, DeviceChoice device, Precision precision, int cudaIndex = 0);
    ~Upscaler();
    Upscaler(const Upscaler&) = delete;
    Upscaler& operator=(const Upscaler&) = delete;

    const ModelInfo& model() const;
    std::string deviceDescription() const;
    /**
     * What decides a result's numbers beyond the sampler and step count, for an output's header (an
     * MRC label: 80 characters, the model's name last where a long one is cut), e.g. "run: cpu bf16,
     * seed 1, 8 paired samples, eta 0, noise consistency, model denoise" (paired: in antithetic pairs,
     * SamplerSettings::antitheticPairs). The precision is there because
     * "auto" picks it by the machine, and bf16 and fp32 differ in the last digits.
     */
    std::string runLabel(const UpscaleSettings& settings, const UpscaleResult& result) const;
    bool onGpu() const;
    /// Network FLOPs of one step as `upscale` runs it with `settings` (tiles and their overlaps counted,
    /// and a tiled run's statistics windows).
    double flopsPerStep(int width, int height, const UpscaleSettings& settings) const;
    /// The network's FLOPs as a formula, for counting a run's cost elsewhere (stepFlops in tiling.h).
    NetworkCost networkCost() const;
    /// The tiles `upscale` uses for a width × height input, in output pixels (ArgumentError for a
    /// tile or overlap out of range).
    TileLayout tileLayout(int width, int height, const UpscaleSettings& settings) const;

    /**
     * Upscales `input` (any size ≥ 1 × 1) by the model's scale. `frames` is called after each step
     * (a frame image costs a device-to-host copy, so ask for FrameContent::None when not animating).
     * A stop request ends sampling within one step (within one batch of tiles when tiled). `tiles` is
     * called after each batch of tiles when the output is tiled. Tiles are batched by the device's free
     * memory; an out-of-memory error halves the batch and carries on. Throws ArgumentError for bad
     * settings or an input that is not finite anywhere; non-finite pixels are replaced by the median first.
     * Throws OutOfMemoryError (errormessage.h) when even one tile at a time does not fit.
     */
    UpscaleResult upscale(const Image& input, const UpscaleSettings& settings, std::stop_token stop = {},
                          const FrameSink& frames = {}, const TileSink& tiles = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cryosr
