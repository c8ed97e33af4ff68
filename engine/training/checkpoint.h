#pragma once
// The training state that makes a resumed run continue exactly where it stopped: the raw weights,
// the EMA weights, AdamW's moments, the step, the wall time so far and the configuration. Everything
// else (data order, noise, dropout) is a function of the seed and the step. Stored like a model, as a
// data-only tensor file (io/tensorfile.h): resuming never runs anything from the file. Engine-internal header.

#include "model/unet.h"

#include <torch/torch.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace cryosr {

struct CheckpointInfo {
    std::int64_t step = 0;
    double elapsedSeconds = 0; ///< training wall time of all sessions so far
    std::string configJson;
};

/// Written crash-safely (temporary file, then rename): a kill leaves the previous checkpoint intact.
void saveCheckpoint(const std::filesystem::path& file, const CheckpointInfo& info, UNet& network, UNet& ema,
                    torch::optim::AdamW& optimizer);

/// Restores the state into networks and an optimizer built from the checkpoint's configuration.
/// FormatError when the file is not a CryoSR checkpoint or does not fit them; UnsupportedError for one
/// of another version (earlier ones were LibTorch archives, which are never opened).
CheckpointInfo loadCheckpoint(const std::filesystem::path& file, UNet& network, UNet& ema, torch::optim::AdamW& optimizer);

/// Only the step, wall time and configuration.
CheckpointInfo readCheckpointInfo(const std::filesystem::path& file);

} // namespace cryosr
