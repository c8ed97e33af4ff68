#include "slurmarray.h"

#include "arguments.h"

#include "io/atomicfile.h"
#include "io/errors.h"
#include "io/scripttemplate.h"

namespace cryosr::cli {

extern const char* const kUpscaleArrayTemplate;

namespace {

namespace fs = std::filesystem;

/// This process's own executable, so the script runs the cryosr-cli that wrote it.
fs::path ownExecutable()
{
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path("cryosr-cli") : self;
}

} // namespace

std::string slurmArrayScript(const fs::path& outDir, const std::vector<std::string>& commandLine, int shards, bool gpu)
{
    std::string arguments;
    for (std::size_t i = 0; i < commandLine.size(); ++i) {
        if (commandLine[i] == "--shard" || commandLine[i].rfind("--shard=", 0) == 0)
            throw UsageError("--slurm-array makes the shards itself; leave out --shard");
        if (commandLine[i] == "--slurm-array") {
            ++i; // and its value
            continue;
        }
        if (commandLine[i].rfind("--slurm-array=", 0) == 0)
            continue;
        arguments += (arguments.empty() ? "" : " ") + shellQuoted(commandLine[i]);
    }
    std::error_code ec;
    const fs::path workDir = fs::current_path(ec);
    std::string script = kUpscaleArrayTemplate;
    fillPlaceholder(script, "JOB_NAME", "cryosr-upscale");
    fillPlaceholder(script, "LAST_SHARD", std::to_string(shards - 1));
    fillPlaceholder(script, "SHARDS", std::to_string(shards));
    // The #SBATCH --output line is read by Slurm, not a shell: an absolute path without quotes.
    fillPlaceholder(script, "OUT_DIR", fs::absolute(outDir, ec).lexically_normal().string());
    fillPlaceholder(script, "WORK_DIR", shellQuoted(workDir.string()));
    fillPlaceholder(script, "CRYOSR_CLI", shellQuoted(ownExecutable().string()));
    fillPlaceholder(script, "ARGUMENTS", arguments);
    fillPlaceholder(script, "GPUS", gpu ? "#SBATCH --gres=gpu:1" : "");
    return script;
}

fs::path writeSlurmArrayScript(const fs::path& outDir, const std::vector<std::string>& commandLine, int shards, bool gpu)
{
    const std::string script = slurmArrayScript(outDir, commandLine, shards, gpu);
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec)
        throw FileError(outDir, "cannot create the output folder: " + ec.message());
    const fs::path file = outDir / "cryosr-upscale-array.sbatch";
    AtomicFile out(file);
    out.writeAt(0, script.data(), script.size());
    out.commit();
    fs::permissions(file, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add, ec);
    return file;
}

} // namespace cryosr::cli
