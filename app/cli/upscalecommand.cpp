// cryosr-cli upscale: diffusion super-resolution of one section or region.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"
#include "terminal.h"
#include "upscalebatch.h"

#include "io/errors.h"
#include "model/modelinfo.h"
#include "model/modellocator.h"
#include "upscaler.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace cryosr::cli {

const char* const kUpscaleHelp =
    "usage: cryosr-cli upscale IN -o OUT [--model FILE|default] [--section N] [--region x,y,w,h]\n"
    "                          [--sampler ddpm|ddim|dpmpp] [--steps N] [--eta E] [--samples K] [--seed S]\n"
    "                          [--independent-samples] [--tile T] [--overlap O] [--device auto|cpu|cuda]\n"
    "                          [--precision P] [--no-consistency] [--frames FRAMES.mrcs] [--frames-of x0|xt]\n"
    "                          [--std STD.mrc]\n"
    "       cryosr-cli upscale INPUTS... --out-dir DIR [--name PATTERN] [--shard i/n] [--devices 0,1,...]\n"
    "                          [--dry-run] [--slurm-array N] [the options above but -o, --frames, --std]\n"
    "\n"
    "Upscales section N (default 0) of IN, or only its region x,y,w,h (x = column, y = stored row,\n"
    "in IN's pixels), by the model's scale with reverse diffusion, and writes OUT (MRC or TIFF, by\n"
    "extension) in IN's units with the pixel size divided by the scale. MRC outputs record the\n"
    "region's corner (NXSTART/NYSTART and ORIGIN), the section, and in a label the device, precision,\n"
    "seed, samples, eta, consistency and model.\n"
    "\n"
    "  --model M          model file, `default` (the faithful 2x model: keeps the measured data, noise\n"
    "                     included) or `denoise` (denoise and upscale: the specimen without shot noise)\n"
    "  --sampler S        ddim (default; --eta 0 is deterministic), ddpm (ancestral), dpmpp\n"
    "                     (DPM-Solver++(2M), good with 10-20 steps)\n"
    "  --steps N          denoising steps, 1 to the model's T (default 50)\n"
    "  --samples K        draw K samples; OUT is their mean, --std the per-pixel standard deviation\n"
    "                     of one sample (the posterior's: the samples' spread, times the model's\n"
    "                     calibration when it has one, see `model show`). Samples come in antithetic\n"
    "                     pairs: the first of each from seed S, S+2, ..., the second from that noise\n"
    "                     negated, so their mean cancels what the output owes to the noise's sign and\n"
    "                     lies nearer the posterior mean than as many independent samples'\n"
    "  --independent-samples  every sample from its own seed, S, S+1, ...\n"
    "  --seed S           the same seed gives the same result on the same device (default 0)\n"
    "  --tile T           denoise in overlapping tiles of T x T output pixels, fused at every step so\n"
    "                     no seam shows (default: whole when the output is at most 512 on each side,\n"
    "                     tiles of 256 otherwise); any size up to a whole micrograph\n"
    "  --overlap O        least overlap of neighbouring tiles in output pixels (default 32)\n"
    "  --device D         auto (a GPU when one is visible), cpu or cuda\n"
    "  --precision P      of the network: auto (default: bf16 on a CPU with bf16 arithmetic, AVX512-BF16,\n"
    "                     where it takes 0.6-0.8x the time with the same accuracy; fp32 elsewhere), fp32,\n"
    "                     bf16 (CUDA or such a CPU; results differ from fp32's by rounding), fp16 (CUDA)\n"
    "  --consistency C    how every step keeps the measured data (default: the model's own): hard keeps\n"
    "                     the input's own frequencies as measured (OUT Fourier-cropped back to IN's size\n"
    "                     equals IN, noise included); noise keeps each in proportion to its signal-to-\n"
    "                     noise ratio, measured from IN itself; off lets the network change them too\n"
    "  --no-consistency   the same as --consistency off\n"
    "  --frames F         write every step of the first sample as one section of F (an .mrcs stack)\n"
    "  --frames-of W      x0: each step's predicted clean image (default); xt: the noisy state\n"
    "\n"
    "Many micrographs: INPUTS are files, quoted globs ('Movies/*.mrc') or RELION STAR files listing\n"
    "micrographs (_rlnMicrographName). Each output goes to DIR, named by --name (default\n"
    "{stem}_x{scale}.mrc; also {name}, {ext}, {parent}, {index}; the extension picks MRC or TIFF).\n"
    "Outputs already in DIR are skipped, so running the command again after an interruption finishes\n"
    "the rest; a file that fails is reported and the others go on. At the end a summary is printed\n"
    "and DIR/micrographs_upscaled.star lists every output in DIR for RELION.\n"
    "  --shard i/n        only the i-th (0 ... n-1) of n equal parts of the input list\n"
    "  --devices L        one worker per listed GPU (0,1,...) sharing the files; `cpu` for the CPU\n"
    "  --dry-run          list this shard's inputs, outputs and which are done; write nothing\n"
    "  --slurm-array N    write DIR/cryosr-upscale-array.sbatch, a Slurm job array of N tasks each\n"
    "                     running this command on one shard (see docs/cluster.md); run nothing\n"
    "\n"
    "Ctrl-C (or SIGTERM) stops at the end of the current step and writes nothing for the file under\n"
    "way; a second Ctrl-C quits at once. A progress line is shown on a terminal, and a note when a\n"
    "step will be slow.\n"
    "Exit status: 0 on success, 1 for a usage error, 2 when a file cannot be read or written (with\n"
    "several inputs: when any failed), 130 when interrupted.\n";

namespace {

UpscaleSettings settingsFrom(const Arguments& args, int timesteps)
{
    UpscaleSettings s;
    const std::string sampler = args.value("sampler").value_or("ddim");
    const auto kind = samplerKindFromName(sampler);
    if (!kind)
        throw UsageError("--sampler must be ddpm, ddim or dpmpp, not '" + sampler + "'");
    s.sampler.kind = *kind;
    s.sampler.steps = static_cast<int>(args.integer("steps", 1, timesteps).value_or(std::min(50, timesteps)));
    s.sampler.eta = args.real("eta", 0.0, 1.0).value_or(0.0);
    s.sampler.seed = static_cast<std::uint64_t>(args.integer("seed", 0, INT64_MAX).value_or(0));
    s.samples = static_cast<int>(args.integer("samples", 1, 256).value_or(1));
    s.sampler.antitheticPairs = !args.flag("independent-samples");
    if (const auto mode = args.value("consistency")) {
        s.consistency = consistencyFromName(*mode);
        if (!s.consistency)
            throw UsageError("--consistency must be hard, noise or off, not '" + *mode + "'");
        if (args.flag("no-consistency") && *s.consistency != ConsistencyMode::Off)
            throw UsageError("--no-consistency contradicts --consistency " + *mode);
    } else if (args.flag("no-consistency")) {
        s.consistency = ConsistencyMode::Off;
    }
    s.tile = static_cast<int>(args.integer("tile", 0, 1 << 16).value_or(0));
    s.overlap = static_cast<int>(args.integer("overlap", 0, 1 << 15).value_or(s.overlap));
    const std::string framesOf = args.value("frames-of").value_or("x0");
    if (framesOf != "x0" && framesOf != "xt")
        throw UsageError("--frames-of must be x0 or xt, not '" + framesOf + "'");
    if (args.value("frames"))
        s.frames = framesOf == "x0" ? FrameContent::PredictedX0 : FrameContent::State;
    return s;
}

/// Attention costs grow with the square of the region: say what a step costs before a long wait.
void noteWhenSlow(const Upscaler& upscaler, const Image& input, const UpscaleSettings& settings)
{
    const double teraflops = upscaler.flopsPerStep(input.width(), input.height(), settings) / 1e12;
    if (teraflops <= (upscaler.onGpu() ? 200.0 : 2.0))
        return;
    const int scale = upscaler.model().scale;
    std::cerr << "cryosr-cli: note: each step costs " << std::to_string(teraflops).substr(0, 6) << " TFLOP ("
              << input.width() * scale << " x " << input.height() * scale << " output); on " << upscaler.deviceDescription()
              << " this is slow. Choose a smaller --region, fewer --samples or --steps.\n";
}

/// Any of the batch form's options, or inputs that are not one plain file.
bool isBatch(const Arguments& args)
{
    for (const char* option : {"out-dir", "name", "shard", "devices", "slurm-array"})
        if (args.value(option))
            return true;
    if (args.flag("dry-run") || args.positionals().size() != 1)
        return true;
    const std::string& in = args.positionals().front();
    return in.find_first_of("*?[") != std::string::npos || std::filesystem::path(in).extension() == ".star";
}

} // namespace

int runUpscale(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {"output",  "model",  "section",   "region",  "sampler",     "steps",      "eta",  "samples",
                                  "seed",    "device", "precision", "frames",  "frames-of",   "std",        "tile", "overlap",
                                  "out-dir", "name",   "shard",     "devices", "slurm-array", "consistency"},
                           {"no-consistency", "dry-run", "independent-samples"});
    if (parsed.positionals().empty())
        throw UsageError("upscale needs an input file and -o OUT (or several inputs and --out-dir DIR)");
    if (isBatch(parsed)) {
        const ModelInfo model = readModelInfo(locateModel(parsed.value("model").value_or("default")));
        return runUpscaleBatch(args, parsed, settingsFrom(parsed, model.schedule.timesteps));
    }
    const std::filesystem::path in = parsed.positionals()[0];
    const auto out = parsed.value("output");
    if (!out)
        throw UsageError("upscale needs -o OUT");
    const auto framesFile = parsed.value("frames");
    const auto stdFile = parsed.value("std");
    if (stdFile && parsed.integer("samples", 1, 256).value_or(1) < 2)
        throw UsageError("--std needs --samples K with K ≥ 2");
    const DeviceChoice device = deviceFrom(parsed);
    const Precision precision = samplingPrecisionFrom(parsed, device);
    // From here on Ctrl-C asks for a stop; sampling ends within a step and nothing is left behind.
    stopOnInterrupt();

    outputFormatFor(*out, in);
    for (const auto& extra : {framesFile, stdFile})
        if (extra) {
            outputFormatFor(*extra, in);
            if (std::filesystem::path(*extra) == std::filesystem::path(*out))
                throw UsageError("-o, --frames and --std must name different files");
        }
    const Image input = readInput(in, parsed);
    const Upscaler upscaler(locateModel(parsed.value("model").value_or("default")), device, precision);
    const int scale = upscaler.model().scale;
    const UpscaleSettings settings = settingsFrom(parsed, upscaler.model().schedule.timesteps);
    const std::string what = "x" + std::to_string(scale) + " " + samplerKindName(settings.sampler.kind) + " "
        + std::to_string(settings.sampler.steps) + " of " + in.filename().string();

    noteWhenSlow(upscaler, input, settings);

    std::unique_ptr<ImageWriter> frames;
    if (framesFile) {
        frames = createImageWriter(*framesFile, *formatFromExtension(*framesFile),
                                   outputSpec(input.width() * scale, input.height() * scale, input.pixelSize.upscaled(scale),
                                              input.provenance, {"CryoSR frames " + what, scale}));
    }

    std::stop_source stop;
    StatusLine progress;
    const auto started = std::chrono::steady_clock::now();
    const UpscaleResult result = upscaler.upscale(
        input, settings, stop.get_token(),
        [&](const UpscaleFrame& f) {
            if (const Image* frame = f.predicted ? f.predicted : f.state; frames && frame)
                frames->writeSection(*frame);
            const double perStep = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / f.step;
            char line[128];
            std::snprintf(line, sizeof line, "cryosr-cli upscale: step %d/%d, %.2f s/step, %.0f s left", f.step, f.total, perStep,
                          perStep * (f.total - f.step));
            progress.show(line);
            if (interrupted())
                stop.request_stop();
        },
        [&](const TileProgress& p) {
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            const double done = (p.step - 1 + double(p.tilesDone) / p.tilesTotal) / p.total;
            char line[160];
            std::snprintf(line, sizeof line, "cryosr-cli upscale: step %d/%d, tile %d/%d, %s left", p.step, p.total, p.tilesDone,
                          p.tilesTotal, clockText(elapsed * (1 - done) / done).c_str());
            progress.show(line);
            if (interrupted())
                stop.request_stop();
        });
    progress.finish();
    if (result.cancelled) {
        reportError("interrupted after " + std::to_string(result.stepsDone) + " steps; nothing written");
        return 130;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    const std::string run = upscaler.runLabel(settings, result);
    if (frames) {
        frames->addLabel(run);
        frames->commit();
    }
    writeImage(*out, result.mean, {"CryoSR upscale " + what, scale, run});
    if (stdFile)
        writeImage(*stdFile, result.standardDeviation,
                   {"CryoSR std of " + std::to_string(settings.samples) + " " + what, scale, run});
    std::cout << "wrote " << *out << " (" << result.mean.width() << " x " << result.mean.height() << ", " << settings.samples
              << (settings.samples == 1 ? " sample, " : " samples, ") << settings.sampler.steps << " steps, "
              << upscaler.deviceDescription() << ", " << std::to_string(seconds).substr(0, 5) << " s";
    if (result.tiles > 1) {
        const TileLayout layout = upscaler.tileLayout(input.width(), input.height(), settings);
        const TileRect& t = layout.tiles.front();
        const TileLayout windows = statisticsWindows(layout);
        const TileRect& w = windows.tiles.front();
        std::cout << ", " << result.tiles << " tiles of " << t.width << " x " << t.height << " in batches of " << result.tileBatch
                  << ", normalised by " << windows.tiles.size() << (windows.tiles.size() == 1 ? " window of " : " windows of ")
                  << w.width << " x " << w.height;
    }
    std::cout << ")\n";
    return kExitOk;
}

} // namespace cryosr::cli
