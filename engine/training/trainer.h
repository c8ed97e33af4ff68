#pragma once
// The trainer: DDPM's ε-prediction objective on SR3 pairs, with AdamW, an EMA of the weights,
// warm-up then cosine learning rate, gradient clipping and bf16 autocast on CUDA; checkpoints every
// N steps and on stop, exact resume, validation with sample images, and a JSON-lines log that a GUI
// can follow. Plain C++ API (no LibTorch types) for cryosr-cli and the GUI's wizard.
//
// The output folder holds:
//   model.pt          the EMA weights as a model file (usable by `upscale` at once), rewritten at each checkpoint
//   checkpoint.pt     everything needed to resume (raw weights, EMA, optimizer, step, configuration)
//   log.jsonl         one JSON object per line: start, step, validation, checkpoint, end, error events
//   validation/step-NNNNNNN.mrc   validation crops: [condition, output, target] per crop, normalised units

#include "training/trainingconfig.h"

#include <functional>
#include <stop_token>

namespace cryosr {

struct TrainingStep {
    std::int64_t step; ///< 1-based, the step just taken
    std::int64_t total;
    double loss; ///< this step's batch loss (MSE of ε)
    double learningRate;
    double stepsPerSecond; ///< over the recent steps
    double etaSeconds;
};

struct ValidationReport {
    std::int64_t step;
    double loss; ///< the EMA network's ε loss on fixed crops, noise and timesteps
    double psnr; ///< dB, DDIM sampling with data consistency, vs the target
    double psnrFourier; ///< dB, Fourier padding of the same inputs: the baseline to beat
    std::filesystem::path samples;
};

struct TrainingCallbacks {
    std::function<void(const TrainingStep&)> step;
    std::function<void(const ValidationReport&)> validation;
    std::function<void(const std::string&)> note; ///< one-line remarks (data found, resume point)
};

struct TrainingOutcome {
    std::int64_t step = 0; ///< where training ended
    bool stopped = false; ///< by the stop token, before `steps`
    std::filesystem::path model;
};

/**
 * Trains as `config` says, in config.out (created when missing). Everything that can fail on the data
 * or the folder fails before the first step: missing or unreadable files, images smaller than the
 * patch, a folder that already holds a run without `resume`, a `resume` without a checkpoint. With
 * resume, the run continues from checkpoint.pt up to config.steps, and the next steps equal those of
 * an uninterrupted run (same device and thread count). A stop request ends training after the
 * current step with a checkpoint. Running out of memory throws OutOfMemoryError (errormessage.h).
 */
TrainingOutcome train(const TrainingConfig& config, std::stop_token stop = {}, const TrainingCallbacks& callbacks = {});

/// The configuration stored in folder's checkpoint.pt (for resuming without repeating every option).
TrainingConfig storedTrainingConfig(const std::filesystem::path& folder);

} // namespace cryosr
