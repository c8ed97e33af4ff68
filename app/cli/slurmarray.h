#pragma once
// The Slurm job-array script that runs one `cryosr-cli upscale` command as shards
// (packaging/slurm/cryosr-upscale-array.sbatch, compiled in).

#include <filesystem>
#include <string>
#include <vector>

namespace cryosr::cli {

/// The template with its placeholders filled: `commandLine` (the upscale command's arguments, without
/// --slurm-array and its value; --shard is refused there) run as `shards` array tasks from the current
/// folder, writing into `outDir`; a GPU requested when `gpu`.
std::string slurmArrayScript(const std::filesystem::path& outDir, const std::vector<std::string>& commandLine, int shards,
                             bool gpu);

/// Writes it as OUT_DIR/cryosr-upscale-array.sbatch (creating the folder) and returns that path.
std::filesystem::path writeSlurmArrayScript(const std::filesystem::path& outDir, const std::vector<std::string>& commandLine,
                                            int shards, bool gpu);

} // namespace cryosr::cli
