#pragma once
// cryosr-cli upscale over many micrographs: inputs from files, globs and RELION STAR files, outputs
// named by a pattern in one folder, shards for job arrays, several devices, resumable.

#include "arguments.h"

#include "upscaler.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cryosr::cli {

/// The files `patterns` name, in order: a file as given, a glob's matches sorted, a .star file's
/// micrographs (readMicrographStar). A file named twice counts once. UsageError when a glob matches
/// nothing; FileError/FormatError from a STAR file.
std::vector<std::filesystem::path> expandInputs(const std::vector<std::string>& patterns);

/// The output file name `pattern` gives `input`: {stem} (name without extension), {name}, {ext},
/// {parent} (its folder's name), {scale}, {index} (position among all inputs, 0-based).
/// UsageError for an unknown {placeholder}.
std::string outputName(const std::string& pattern, const std::filesystem::path& input, int scale, std::size_t index);

/// Part `index` (0 … count − 1) of `count` equal parts of `size` items: [first, last).
struct Shard {
    int index = 0;
    int count = 1;
};
Shard parseShard(const std::string& text); ///< "i/n"; UsageError otherwise
std::pair<std::size_t, std::size_t> shardRange(std::size_t size, Shard shard);

/// A compute device for one worker: CPU, or CUDA GPU `cudaIndex`.
struct WorkerDevice {
    DeviceChoice choice = DeviceChoice::Auto;
    int cudaIndex = 0;
};
std::vector<WorkerDevice> parseDevices(const std::string& text); ///< "0,1" or "cpu"; UsageError otherwise

/// Runs the batch form of `cryosr-cli upscale` (--out-dir given, or several inputs); returns the exit status.
/// `commandLine` is the command's own arguments, for --slurm-array to repeat.
int runUpscaleBatch(const std::vector<std::string>& commandLine, const Arguments& args, const UpscaleSettings& settings);

} // namespace cryosr::cli
