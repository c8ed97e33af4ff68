// cryosr-cli bench: how fast one denoising step runs here.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"
#include "json.h"

#include "benchmark.h"
#include "model/modellocator.h"
#include "startcancel.h"
#include "upscaler.h"
#include "io/errors.h"

#include <cstdio>
#include <iostream>

namespace cryosr::cli {

const char* const kBenchHelp =
    "usage: cryosr-cli bench [--device auto|cpu|cuda] [--precision fp32|bf16|fp16] [--batch B]\n"
    "                        [--size S] [--repeats R] [--warmup W] [--training] [--json]\n"
    "                        [--base-channels C] [--channel-mults 1,2,4] [--res-blocks R]\n"
    "                        [--attention-levels L,...|none] [--groups G] [--dropout D]\n"
    "                        [--fused on|off] [--channels-last] [--cudnn-benchmark] [--cuda-graph]\n"
    "       cryosr-cli bench --start-cancel N [--model M] [--device …] [--precision …] [--json]\n"
    "\n"
    "Times one denoising step (a network evaluation on a B x 2 x S x S input, default 1 x 256 x 256)\n"
    "of a network with the given architecture (model init's defaults), W untimed steps first\n"
    "(default 2), then R timed ones (default 10). Prints the median milliseconds per step, the\n"
    "floating-point operations per step counted from the architecture (convolutions, linear layers\n"
    "and attention products), and the TFLOP/s that makes. --json prints one object with the keys\n"
    "ms_per_step, gflop_per_step, tflops, and the settings. --training times a training step's\n"
    "network work instead: forward and backward in fp32 (about three forwards' operations).\n"
    "\n"
    "Speed techniques, to measure each one's effect: --fused off runs GroupNorm + SiLU as separate\n"
    "LibTorch operations instead of the fused kernels (the CPU's, for inference; the CUDA kernel, on\n"
    "by default where the build has it);\n"
    "--channels-last keeps weights and activations in NHWC order (inference on the CPU always does, as\n"
    "upscaling there does); --cudnn-benchmark lets cuDNN time\n"
    "its algorithms (results then vary in the last bits); --cuda-graph captures the step once and\n"
    "replays it (inference only). The last two need a CUDA device.\n"
    "\n"
    "--start-cancel N measures long-run stability instead: N upscales of a 32 x 32 input with model M\n"
    "(default: the default model), each started on one long-lived worker thread and cancelled after its\n"
    "first step, as the GUI runs them, after 20 uncounted ones. It prints the time per cycle and the\n"
    "process's resident memory and thread count before and after (keys cycles, ms_per_cycle,\n"
    "rss_before_mb, rss_after_mb, rss_growth_percent, threads_before, threads_after with --json).\n"
    "Exit status: 0 on success, 1 for a usage error, 2 on a failure.\n";

namespace {

int runStartCancel(const Arguments& parsed)
{
    const int cycles = static_cast<int>(parsed.integer("start-cancel", 1, 1000000).value_or(1000));
    const Upscaler upscaler(locateModel(parsed.value("model").value_or("default")), deviceFrom(parsed), precisionFrom(parsed));
    const StartCancelResult r = measureStartCancel(upscaler, cycles);
    const double msPerCycle = 1e3 * r.seconds / r.cycles;
    const double mb = 1.0 / (1 << 20);
    if (parsed.flag("json")) {
        JsonObject o;
        o.add("cycles", r.cycles)
            .add("ms_per_cycle", msPerCycle, 4)
            .add("rss_before_mb", r.residentBytesBefore * mb, 6)
            .add("rss_after_mb", r.residentBytesAfter * mb, 6)
            .add("rss_growth_percent", 100 * r.residentGrowth(), 3)
            .add("threads_before", r.threadsBefore)
            .add("threads_after", r.threadsAfter)
            .add("device", upscaler.deviceDescription());
        std::cout << o.str() << '\n';
        return kExitOk;
    }
    std::printf("device           %s\n", upscaler.deviceDescription().c_str());
    std::printf("cycles           %d, %.1f ms each\n", r.cycles, msPerCycle);
    std::printf("resident memory  %.1f MB -> %.1f MB (%+.2f %%)\n", r.residentBytesBefore * mb, r.residentBytesAfter * mb,
                100 * r.residentGrowth());
    std::printf("threads          %d -> %d\n", r.threadsBefore, r.threadsAfter);
    return kExitOk;
}

} // namespace

int runBench(const std::vector<std::string>& args)
{
    std::set<std::string> options{"device", "precision", "batch", "size", "repeats", "warmup"};
    options.insert(kArchitectureOptions.begin(), kArchitectureOptions.end());
    options.insert({"fused", "start-cancel", "model"});
    const Arguments parsed(args, options, {"json", "training", "channels-last", "cudnn-benchmark", "cuda-graph"});
    if (!parsed.positionals().empty())
        throw UsageError("bench takes no file names");
    if (parsed.value("start-cancel"))
        return runStartCancel(parsed);
    if (parsed.value("model"))
        throw UsageError("--model goes with --start-cancel (bench times a network of the given architecture)");
    BenchmarkSettings settings;
    settings.architecture = architectureFrom(parsed);
    settings.device = deviceFrom(parsed);
    settings.precision = precisionFrom(parsed);
    settings.batch = static_cast<int>(parsed.integer("batch", 1, 4096).value_or(1));
    settings.size = static_cast<int>(parsed.integer("size", 8, 16384).value_or(256));
    settings.repeats = static_cast<int>(parsed.integer("repeats", 1, 100000).value_or(10));
    settings.warmup = static_cast<int>(parsed.integer("warmup", 0, 100000).value_or(2));
    const std::string fused = parsed.value("fused").value_or("on");
    if (fused != "on" && fused != "off")
        throw UsageError("--fused must be on or off, not '" + fused + "'");
    settings.fusedKernels = fused == "on";
    settings.channelsLast = parsed.flag("channels-last");
    settings.cudnnBenchmark = parsed.flag("cudnn-benchmark");
    settings.cudaGraph = parsed.flag("cuda-graph");
    const bool training = parsed.flag("training");
    const BenchmarkResult r = training ? benchmarkTrainingStep(settings) : benchmarkDenoiser(settings);
    if (parsed.flag("json")) {
        JsonObject o;
        o.add("ms_per_step", r.medianMilliseconds, 6)
            .add("gflop_per_step", r.gflopPerStep, 6)
            .add("tflops", r.tflops, 6)
            .add("device", r.device)
            .add("precision", precisionName(settings.precision))
            .add("batch", settings.batch)
            .add("size", settings.size)
            .add("repeats", settings.repeats)
            .addRaw("training", training ? "true" : "false")
            .add("techniques", r.techniques)
            .add("parameters", static_cast<long long>(r.parameters))
            .add("architecture", settings.architecture.describe());
        std::cout << o.str() << '\n';
        return kExitOk;
    }
    std::printf("device        %s\n", r.device.c_str());
    std::printf("network       %s (%lld parameters)\n", settings.architecture.describe().c_str(),
                static_cast<long long>(r.parameters));
    std::printf("input         %d x 2 x %d x %d\n", settings.batch, settings.size, settings.size);
    std::printf("techniques    %s\n", r.techniques.c_str());
    std::printf("ms per step   %.3f (median of %d%s)\n", r.medianMilliseconds, settings.repeats,
                training ? ", forward and backward" : "");
    std::printf("GFLOP/step    %.3f\n", r.gflopPerStep);
    std::printf("TFLOP/s       %.4f\n", r.tflops);
    return kExitOk;
}

} // namespace cryosr::cli
