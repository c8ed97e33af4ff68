#include "upscalebatch.h"

#include "commands.h"
#include "commonoptions.h"
#include "slurmarray.h"
#include "terminal.h"

#include "io/atomicfile.h"
#include "io/errors.h"
#include "io/imagereader.h"
#include "io/starfile.h"
#include "model/modellocator.h"

#include <glob.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

namespace cryosr::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kDefaultName = "{stem}_x{scale}.mrc";

/// The STAR file every run rewrites in the output folder, listing the outputs there (for RELION).
constexpr const char* kOutputStar = "micrographs_upscaled.star";

bool isGlob(const std::string& text)
{
    return text.find_first_of("*?[") != std::string::npos;
}

std::vector<fs::path> globMatches(const std::string& pattern)
{
    glob_t found{};
    const int status = glob(pattern.c_str(), 0, nullptr, &found);
    std::vector<fs::path> files;
    if (status == 0)
        for (std::size_t i = 0; i < found.gl_pathc; ++i)
            files.emplace_back(found.gl_pathv[i]); // glob sorts its matches
    globfree(&found);
    if (files.empty())
        throw UsageError("no file matches '" + pattern + "'");
    return files;
}

/// One input of the whole list, and what this run does with it.
struct Item {
    fs::path input;
    fs::path output;
    std::size_t index = 0; ///< in the whole list
};

struct Failure {
    fs::path input;
    std::string reason;
};

/// What the workers share with the progress display.
struct BatchState {
    std::mutex mutex;
    std::size_t next = 0; ///< the next item to take
    int done = 0; ///< finished (written or failed)
    double workDone = 0; ///< output pixels × steps of finished items
    std::vector<double> working; ///< per worker: work of its current item done so far
    std::vector<Failure> failures;
    std::vector<std::string> finishedLines; ///< for logs: one line per finished item, printed by the main thread
    std::atomic<int> activeWorkers{0};
    bool fatal = false;
    std::string fatalReason;
};

double workOf(const FileInfo& info, const Arguments& args, int scale, int steps)
{
    Region r{0, 0, info.width, info.height};
    if (const auto region = args.value("region"))
        r = parseRegion(*region);
    return double(r.width) * double(r.height) * scale * scale * steps;
}

/// Upscales one file to its output, through a temporary name (an interrupted item leaves nothing).
void upscaleOne(const Upscaler& upscaler, const Item& item, const Arguments& args, const UpscaleSettings& settings,
                std::stop_token stop, const std::function<void(double)>& fraction, bool& cancelled)
{
    const Image input = readInput(item.input, args);
    const UpscaleResult result = upscaler.upscale(
        input, settings, stop, [&](const UpscaleFrame& f) { fraction(double(f.step) / f.total); },
        [&](const TileProgress& p) { fraction((p.step - 1 + double(p.tilesDone) / p.tilesTotal) / p.total); });
    cancelled = result.cancelled;
    if (cancelled)
        return;
    const int scale = upscaler.model().scale;
    writeImage(item.output, result.mean,
               {"CryoSR upscale x" + std::to_string(scale) + " " + samplerKindName(settings.sampler.kind) + " "
                    + std::to_string(settings.sampler.steps) + " of " + item.input.filename().string(),
                scale, upscaler.runLabel(settings, result)});
}

std::string quoted(const std::string& value)
{
    return value.find_first_of(" \t\"'") == std::string::npos ? value : "\"" + value + "\"";
}

/// Rewrites DIR/micrographs_upscaled.star with every output of the whole list that exists, in the
/// list's order (a shard's run lists the other shards' outputs too). Names as the user gave --out-dir.
void writeOutputStar(const fs::path& outDir, const std::vector<Item>& all, std::optional<double> pixelSize)
{
    std::ostringstream star;
    star << "# written by cryosr-cli upscale: the upscaled micrographs, for RELION\n\n"
         << "data_optics\n\nloop_\n_rlnOpticsGroupName #1\n_rlnOpticsGroup #2\n";
    if (pixelSize)
        star << "_rlnMicrographPixelSize #3\nopticsGroup1 1 " << *pixelSize << "\n\n\n";
    else
        star << "opticsGroup1 1\n\n\n"; // the inputs' headers gave no pixel size
    star << "data_micrographs\n\nloop_\n_rlnMicrographName #1\n_rlnOpticsGroup #2\n";
    std::size_t listed = 0;
    for (const Item& item : all) {
        std::error_code ec;
        if (fs::is_regular_file(item.output, ec)) {
            star << quoted(item.output.string()) << " 1\n";
            ++listed;
        }
    }
    star << "\n";
    const std::string text = star.str();
    AtomicFile file(outDir / kOutputStar);
    file.writeAt(0, text.data(), text.size());
    file.commit();
    std::cout << "listed " << listed << " of " << all.size() << " outputs in " << (outDir / kOutputStar).string() << "\n";
}

/// The pixel size of an output in the list (for the STAR file's optics table), if one records it.
std::optional<double> outputPixelSize(const std::vector<Item>& all)
{
    for (const Item& item : all) {
        std::error_code ec;
        if (!fs::is_regular_file(item.output, ec))
            continue;
        try {
            return openImageFile(item.output)->info().pixelSize.x;
        } catch (const std::exception&) {
        }
    }
    return std::nullopt;
}

/// What every item of a batch is upscaled with.
struct Job {
    const Arguments& args;
    const UpscaleSettings& settings;
    fs::path modelFile;
    std::vector<WorkerDevice> devices;
    Precision precision;
    int scale;
};

/// Upscales `pending`, one worker thread per device taking the next item, while this thread shows the
/// progress; returns when every worker has (after all items, a stop request, or a device failing).
void runItems(const std::vector<Item>& pending, const Job& job, BatchState& state)
{
    // The work of each item (output pixels × steps) for the ETA; unreadable files fail here already.
    std::vector<double> work(pending.size(), 0.0);
    for (std::size_t i = 0; i < pending.size(); ++i) {
        try {
            work[i] = workOf(openImageFile(pending[i].input)->info(), job.args, job.scale, job.settings.sampler.steps);
        } catch (const std::exception&) {
            work[i] = -1; // fails again with the same reason when its turn comes
        }
    }
    const double totalWork = std::max(1.0, [&] {
        double s = 0;
        for (double w : work)
            s += std::max(0.0, w);
        return s;
    }());

    stopOnInterrupt();
    std::stop_source stop;
    state.working.assign(job.devices.size(), 0.0);
    const auto started = Clock::now();
    auto worker = [&](std::size_t slot) {
        struct Leaving {
            std::atomic<int>& count;
            ~Leaving() { --count; }
        } leaving{state.activeWorkers};
        std::unique_ptr<Upscaler> upscaler;
        try {
            upscaler =
                std::make_unique<Upscaler>(job.modelFile, job.devices[slot].choice, job.precision, job.devices[slot].cudaIndex);
        } catch (const std::exception& e) {
            std::lock_guard lock(state.mutex);
            state.fatal = true;
            state.fatalReason = e.what();
            stop.request_stop();
            return;
        }
        for (;;) {
            std::size_t i;
            {
                std::lock_guard lock(state.mutex);
                if (state.next >= pending.size() || stop.stop_requested())
                    return;
                i = state.next++;
            }
            const auto itemStarted = Clock::now();
            bool cancelled = false;
            std::string failure;
            try {
                upscaleOne(
                    *upscaler, pending[i], job.args, job.settings, stop.get_token(),
                    [&](double fraction) {
                        std::lock_guard lock(state.mutex);
                        state.working[slot] = fraction * std::max(0.0, work[i]);
                    },
                    cancelled);
            } catch (const std::exception& e) {
                failure = e.what();
            }
            std::lock_guard lock(state.mutex);
            state.working[slot] = 0;
            if (cancelled)
                return;
            ++state.done;
            state.workDone += std::max(0.0, work[i]);
            const double seconds = std::chrono::duration<double>(Clock::now() - itemStarted).count();
            const std::string counter = "[" + std::to_string(state.done) + "/" + std::to_string(pending.size()) + "] ";
            if (failure.empty()) {
                char line[64];
                std::snprintf(line, sizeof line, " (%.1f s)", seconds);
                state.finishedLines.push_back(counter + "wrote " + pending[i].output.string() + line);
            } else {
                state.failures.push_back({pending[i].input, failure});
                state.finishedLines.push_back(counter + "failed " + pending[i].input.string() + ": " + failure);
            }
        }
    };
    std::vector<std::thread> threads;
    state.activeWorkers = static_cast<int>(job.devices.size());
    for (std::size_t slot = 0; slot < job.devices.size(); ++slot)
        threads.emplace_back(worker, slot);

    // Progress: a bar on a terminal, one line per finished file in logs; until every worker has returned.
    StatusLine bar;
    const int count = static_cast<int>(pending.size());
    auto report = [&] {
        std::lock_guard lock(state.mutex);
        const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
        double done = state.workDone;
        for (double w : state.working)
            done += w;
        const double eta = done > 0 ? elapsed * (totalWork - done) / done : -1;
        if (!state.finishedLines.empty()) {
            bar.finish();
            for (const std::string& line : state.finishedLines)
                std::cout << line << ", ETA " << clockText(eta) << "\n";
            std::cout << std::flush;
            state.finishedLines.clear();
        }
        const int filled = static_cast<int>(30 * std::clamp(done / totalWork, 0.0, 1.0));
        bar.show("[" + std::string(std::size_t(filled), '#') + std::string(std::size_t(30 - filled), '.') + "] "
                 + std::to_string(state.done) + "/" + std::to_string(count) + " files, " + clockText(elapsed) + " elapsed, ETA "
                 + clockText(eta));
    };
    while (state.activeWorkers > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        if (interrupted())
            stop.request_stop();
        report();
    }
    for (std::thread& t : threads)
        t.join();
    report();
    bar.finish();
}

/// Every input of `patterns` with its output in `outDir` named by `pattern`; UsageError when two
/// inputs would get one output or an output's format is unknown.
std::vector<Item> listItems(const std::vector<std::string>& patterns, const fs::path& outDir, const std::string& pattern,
                            int scale)
{
    const std::vector<fs::path> inputs = expandInputs(patterns);
    std::vector<Item> all;
    std::map<fs::path, fs::path> claimed; // output → input
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Item item{inputs[i], outDir / outputName(pattern, inputs[i], scale, i), i};
        outputFormatFor(item.output, item.input);
        if (const auto [it, fresh] = claimed.emplace(item.output, item.input); !fresh)
            throw UsageError("--name '" + pattern + "' gives " + item.output.string() + " to both " + it->second.string()
                             + " and " + item.input.string() + "; add {parent} or {index} to it");
        all.push_back(item);
    }
    return all;
}

} // namespace

std::vector<fs::path> expandInputs(const std::vector<std::string>& patterns)
{
    std::vector<fs::path> files;
    std::set<fs::path> seen;
    auto add = [&](const fs::path& file) {
        std::error_code ec;
        const fs::path key = fs::weakly_canonical(file, ec);
        if (seen.insert(ec ? file : key).second)
            files.push_back(file);
    };
    for (const std::string& pattern : patterns) {
        const std::vector<fs::path> matches = isGlob(pattern) ? globMatches(pattern) : std::vector<fs::path>{pattern};
        for (const fs::path& match : matches) {
            if (match.extension() == ".star")
                for (const fs::path& micrograph : readMicrographStar(match))
                    add(micrograph);
            else
                add(match);
        }
    }
    return files;
}

std::string outputName(const std::string& pattern, const fs::path& input, int scale, std::size_t index)
{
    const std::string ext = input.extension().string();
    const std::vector<std::pair<std::string, std::string>> fields{
        {"stem", input.stem().string()},
        {"name", input.filename().string()},
        {"ext", ext.empty() ? ext : ext.substr(1)},
        {"parent", input.parent_path().filename().string()},
        {"scale", std::to_string(scale)},
        {"index", std::to_string(index)},
    };
    std::string name;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] != '{') {
            name += pattern[i++];
            continue;
        }
        const std::size_t close = pattern.find('}', i);
        const std::string key = close == std::string::npos ? "" : pattern.substr(i + 1, close - i - 1);
        const auto field = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == key; });
        if (field == fields.end())
            throw UsageError("--name: unknown placeholder in '" + pattern
                             + "' (use {stem}, {name}, {ext}, {parent}, {scale} or {index})");
        name += field->second;
        i = close + 1;
    }
    if (name.empty() || name.find('/') != std::string::npos)
        throw UsageError("--name must give a file name without folders, not '" + name + "'");
    return name;
}

Shard parseShard(const std::string& text)
{
    Shard shard;
    char slash = 0, rest = 0;
    std::istringstream in(text);
    if (!(in >> shard.index >> slash >> shard.count) || slash != '/' || (in >> rest) || shard.count < 1 || shard.index < 0
        || shard.index >= shard.count)
        throw UsageError("--shard must be i/n with 0 ≤ i < n (e.g. 0/4 … 3/4, as a Slurm array index), not '" + text + "'");
    return shard;
}

std::pair<std::size_t, std::size_t> shardRange(std::size_t size, Shard shard)
{
    const auto bound = [&](int i) {
        return static_cast<std::size_t>(std::uint64_t(size) * std::uint64_t(i) / std::uint64_t(shard.count));
    };
    return {bound(shard.index), bound(shard.index + 1)};
}

std::vector<WorkerDevice> parseDevices(const std::string& text)
{
    std::vector<WorkerDevice> devices;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        if (item == "cpu") {
            devices.push_back({DeviceChoice::Cpu, 0});
            continue;
        }
        std::size_t used = 0;
        int index = -1;
        try {
            index = std::stoi(item, &used);
        } catch (const std::exception&) {
        }
        if (index < 0 || used != item.size())
            throw UsageError("--devices takes GPU numbers separated by commas (0,1,2) or cpu, not '" + text + "'");
        devices.push_back({DeviceChoice::Cuda, index});
    }
    if (devices.empty())
        throw UsageError("--devices needs at least one device");
    return devices;
}

int runUpscaleBatch(const std::vector<std::string>& commandLine, const Arguments& args, const UpscaleSettings& settings)
{
    for (const char* single : {"output", "frames", "std"})
        if (args.value(single))
            throw UsageError(std::string("--") + single + " is for one input; with several inputs or --out-dir, "
                             + "outputs are named by --name in --out-dir");
    const auto outDirText = args.value("out-dir");
    if (!outDirText)
        throw UsageError("several inputs need --out-dir DIR (and optionally --name PATTERN)");
    const fs::path outDir = *outDirText;
    const fs::path modelFile = locateModel(args.value("model").value_or("default"));
    const int scale = readModelInfo(modelFile).scale;
    const std::string pattern = args.value("name").value_or(kDefaultName);
    const Shard shard = args.value("shard") ? parseShard(*args.value("shard")) : Shard{};
    std::vector<WorkerDevice> devices{{deviceFrom(args), 0}};
    if (const auto list = args.value("devices")) {
        if (args.value("device"))
            throw UsageError("give --device or --devices, not both");
        devices = parseDevices(*list);
    }
    // One precision for every worker: "auto" resolves for their device when they share one (--devices cpu).
    const bool oneKind =
        std::all_of(devices.begin(), devices.end(), [&](const WorkerDevice& d) { return d.choice == devices.front().choice; });
    const Precision precision = samplingPrecisionFrom(args, oneKind ? devices.front().choice : DeviceChoice::Auto);

    const std::vector<Item> all = listItems(args.positionals(), outDir, pattern, scale);
    if (const auto shards = args.integer("slurm-array", 1, 100000)) {
        const fs::path script =
            writeSlurmArrayScript(outDir, commandLine, int(*shards), devices.front().choice != DeviceChoice::Cpu);
        std::cout << "wrote " << script.string() << " for " << all.size() << " inputs in " << *shards
                  << " shards; submit it with: sbatch " << script.string() << "\n"
                  << "(submit it again to finish whatever is missing; outputs already there are skipped)\n";
        return kExitOk;
    }
    const auto [first, last] = shardRange(all.size(), shard);
    std::vector<Item> pending;
    std::vector<bool> done(all.size(), false);
    for (std::size_t i = first; i < last; ++i) {
        std::error_code ec;
        done[i] = fs::is_regular_file(all[i].output, ec);
        if (!done[i])
            pending.push_back(all[i]);
    }
    const std::size_t skipped = (last - first) - pending.size();
    const std::string shardText = shard.count > 1
        ? " (shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) + " of " + std::to_string(all.size()) + ")"
        : "";
    if (args.flag("dry-run")) {
        for (std::size_t i = first; i < last; ++i)
            std::cout << (done[i] ? "done  " : "todo  ") << all[i].input.string() << " -> " << all[i].output.string() << "\n";
        std::cout << last - first << " inputs" << shardText << ": " << pending.size() << " to do, " << skipped
                  << " already done\n";
        return kExitOk;
    }
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec)
        throw FileError(outDir, "cannot create the output folder: " + ec.message());
    std::cout << last - first << " inputs" << shardText << ": " << pending.size() << " to upscale, " << skipped
              << " already done\n"
              << std::flush;

    const auto started = Clock::now();
    BatchState state;
    runItems(pending, Job{args, settings, modelFile, devices, precision, scale}, state);
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (state.fatal) {
        reportError(state.fatalReason);
        return kExitFailure;
    }
    const int written = state.done - static_cast<int>(state.failures.size());
    std::cout << "upscaled " << written << ", skipped " << skipped << " already done, failed " << state.failures.size() << " in "
              << clockText(seconds) << shardText << "\n";
    for (const Failure& f : state.failures)
        std::cout << "  failed: " << f.input.string() << ": " << f.reason << "\n";
    writeOutputStar(outDir, all, outputPixelSize(all));
    if (interrupted()) {
        reportError("interrupted; " + std::to_string(pending.size() - std::size_t(state.done))
                    + " inputs left (run the command again to finish them)");
        return 130;
    }
    return state.failures.empty() ? kExitOk : kExitFailure;
}

} // namespace cryosr::cli
