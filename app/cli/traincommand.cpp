// cryosr-cli train: trains a model on micrographs, resumably, with a JSON-lines log.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"
#include "terminal.h"

#include "io/errors.h"
#include "model/modelinfo.h"
#include "model/modellocator.h"
#include "training/trainer.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace cryosr::cli {

const char* const kTrainHelp =
    "usage: cryosr-cli train --data FILES_OR_DIRS... --out DIR [--steps N] [--batch B] [--patch P]\n"
    "                        [--scale S] [--pairs self|simulated] [--downsampling fourier|binning]\n"
    "                        [--real-data FILES_OR_DIRS] [--real-fraction F] [--prediction epsilon|v]\n"
    "                        [--consistency hard|noise|off] [--filtered-condition]\n"
    "                        [--condition fourier|bicubic] [architecture options] [--lr L]\n"
    "                        [--warmup N] [--ema D] [--grad-clip G] [--checkpoint-every N]\n"
    "                        [--validate-every N] [--validation-data FILES_OR_DIRS] [--seed S]\n"
    "                        [--device auto|cpu|cuda] [--precision fp32|bf16] [--init-model M]\n"
    "                        [--resume]\n"
    "                        [--config FILE.json] [--print-config]\n"
    "\n"
    "Trains a 2x (or S x) diffusion upscaler on random P x P crops of the micrographs (MRC, MRCS,\n"
    "TIFF; folders are searched; a RELION micrograph STAR file stands for the files it lists). Each\n"
    "crop's low-resolution input is made by Fourier cropping (or binning) and it is seen in one of\n"
    "its 8 flips and rotations; flat crops are skipped. Unless\n"
    "--validation-data is given, about a tenth of the files (at least one) is held out for validation.\n"
    "\n"
    "  --pairs self       learn the real high-resolution crop (default)\n"
    "  --pairs simulated  learn the noise-free image: each file NAME.mrc needs NAME.clean.mrc beside it\n"
    "                     (what `cryosr-cli simulate -o NAME.mrc --clean NAME.clean.mrc` writes)\n"
    "  --real-data D      also learn from real micrographs without clean targets: neighbour sub-sampling\n"
    "                     pairs (the input from one sub-lattice, the target another, whose shot noise is\n"
    "                     independent), --real-fraction F of each batch (default 0.25), at high noise\n"
    "                     levels (JSON real_noise_from, default 0.6 of the schedule)\n"
    "  --prediction P     what the network predicts: epsilon (the noise, default) or v (better for\n"
    "                     denoising and few steps)\n"
    "  --consistency C    the model's default data term (hard, noise or off; see `upscale --help`)\n"
    "  --filtered-condition  the network also sees the input's empirical Wiener filtering (each\n"
    "                     frequency kept in proportion to the signal share the input itself shows)\n"
    "  --steps N          total optimizer steps (default 20000); with --resume the run continues to N\n"
    "  --batch B          crops per step (default 8); --patch P crop side (default 64)\n"
    "  --lr L             peak learning rate of AdamW (default 2e-4) after --warmup steps (default 500),\n"
    "                     then a cosine decay; --ema D weight averaging (default 0.999)\n"
    "  --checkpoint-every N  write DIR/model.pt and DIR/checkpoint.pt every N steps (default 1000)\n"
    "  --validate-every N    validation loss, PSNR and sample crops every N steps (default 1000)\n"
    "  architecture       --base-channels --channel-mults --res-blocks --attention-levels --groups\n"
    "                     --dropout, as in `cryosr-cli model init`\n"
    "  --precision bf16   mixed precision (CUDA only)\n"
    "  --init-model M     fine-tune: start from model M's weights (a file, or default); its\n"
    "                     architecture, schedule, scale and condition are used (a lower --lr suits)\n"
    "  --resume           continue the run in DIR from its checkpoint (its configuration is reused;\n"
    "                     --steps, --checkpoint-every, --validate-every, --device may change; the\n"
    "                     other options may be repeated, as in the command that started the run)\n"
    "  --config FILE      settings as JSON (the schema --print-config shows); options given on the\n"
    "                     command line override them\n"
    "  --print-config     print the resulting configuration as JSON and exit\n"
    "\n"
    "DIR receives model.pt (the EMA weights, usable by `upscale --model DIR/model.pt` at once),\n"
    "checkpoint.pt (to resume), log.jsonl (one JSON event per line) and validation/ sample crops.\n"
    "Ctrl-C stops after the current step with a checkpoint (resume with --resume).\n"
    "Exit status: 0 when done, 1 for a usage error, 2 when data or files are unusable, 130 when\n"
    "stopped.\n";

namespace {

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw FileError(file, "cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::filesystem::path> pathsFrom(const Arguments& args, const std::string& option, bool withPositionals)
{
    std::vector<std::filesystem::path> paths;
    if (const auto first = args.value(option))
        paths.emplace_back(*first);
    if (withPositionals)
        for (const std::string& p : args.positionals())
            paths.emplace_back(p);
    return paths;
}

/// Command-line options over `c` (which holds the defaults, a --config file or a stored run).
TrainingConfig applyOptions(const Arguments& args, TrainingConfig c)
{
    if (auto data = pathsFrom(args, "data", true); !data.empty())
        c.data = data;
    if (auto validation = pathsFrom(args, "validation-data", false); !validation.empty())
        c.validationData = validation;
    if (const auto out = args.value("out"))
        c.out = *out;
    if (const auto model = args.value("init-model")) { // before the options that may contradict it
        const std::filesystem::path file = locateModel(*model);
        adoptModel(c, file, readModelInfo(file));
    }
    c.steps = args.integer("steps", 1, 1'000'000'000).value_or(c.steps);
    c.batch = static_cast<int>(args.integer("batch", 1, 1024).value_or(c.batch));
    c.patch = static_cast<int>(args.integer("patch", 16, 4096).value_or(c.patch));
    c.scale = static_cast<int>(args.integer("scale", 2, 8).value_or(c.scale));
    if (const auto pairs = args.value("pairs")) {
        if (*pairs != "self" && *pairs != "simulated")
            throw UsageError("--pairs must be self or simulated, not '" + *pairs + "'");
        c.pairs = *pairs == "self" ? Pairing::Self : Pairing::Simulated;
    }
    if (const auto down = args.value("downsampling")) {
        if (*down != "fourier" && *down != "binning")
            throw UsageError("--downsampling must be fourier or binning, not '" + *down + "'");
        c.downsampling = *down == "fourier" ? Downsampling::FourierCrop : Downsampling::Binning;
    }
    if (const auto condition = args.value("condition")) {
        if (*condition != "fourier" && *condition != "bicubic")
            throw UsageError("--condition must be fourier or bicubic, not '" + *condition + "'");
        c.condition = *condition == "fourier" ? ConditionUpsampling::Fourier : ConditionUpsampling::Bicubic;
    }
    if (auto real = pathsFrom(args, "real-data", false); !real.empty())
        c.realData = real;
    c.realFraction = args.real("real-fraction", 0.0, 0.9).value_or(c.realFraction);
    if (const auto prediction = args.value("prediction")) {
        if (*prediction != "epsilon" && *prediction != "v")
            throw UsageError("--prediction must be epsilon or v, not '" + *prediction + "'");
        c.prediction = *prediction == "v" ? Prediction::V : Prediction::Epsilon;
    }
    if (const auto consistency = args.value("consistency")) {
        const auto mode = consistencyFromName(*consistency);
        if (!mode)
            throw UsageError("--consistency must be hard, noise or off, not '" + *consistency + "'");
        c.consistency = *mode;
    }
    c.architecture = architectureFrom(args, c.architecture);
    c.learningRate = args.real("lr", 1e-9, 1.0).value_or(c.learningRate);
    c.warmupSteps = args.integer("warmup", 0, 1'000'000'000).value_or(c.warmupSteps);
    c.emaDecay = args.real("ema", 0.0, 0.999999).value_or(c.emaDecay);
    c.gradientClip = args.real("grad-clip", 0.0, 1e6).value_or(c.gradientClip);
    c.checkpointEvery = args.integer("checkpoint-every", 1, 1'000'000'000).value_or(c.checkpointEvery);
    c.validateEvery = args.integer("validate-every", 1, 1'000'000'000).value_or(c.validateEvery);
    c.seed = static_cast<std::uint64_t>(args.integer("seed", 0, INT64_MAX).value_or(static_cast<long long>(c.seed)));
    if (args.value("device"))
        c.device = deviceFrom(args);
    if (args.value("precision"))
        c.precision = precisionFrom(args);
    if (args.flag("filtered-condition"))
        c.filteredCondition = true;
    return withInputChannels(c);
}

/// Paths made absolute, so that a run started as `--data mics/` matches a resume given `--data ./mics`.
TrainingConfig withAbsolutePaths(TrainingConfig c)
{
    const auto absolute = [](std::filesystem::path& p) {
        if (!p.empty())
            p = std::filesystem::absolute(p).lexically_normal();
    };
    for (auto* paths : {&c.data, &c.validationData, &c.realData})
        for (std::filesystem::path& p : *paths)
            absolute(p);
    absolute(c.initModel);
    return c;
}

/// The option that sets a key of configToJson's schema.
std::string optionOf(std::string key)
{
    key = key.substr(key.rfind('.') + 1);
    static const std::map<std::string, std::string> renamed{
        {"channel_multipliers", "channel-mults"}, {"warmup_steps", "warmup"}, {"ema_decay", "ema"}};
    if (const auto it = renamed.find(key); it != renamed.end())
        return it->second;
    std::replace(key.begin(), key.end(), '_', '-');
    return key;
}

/// Resuming the run in `out`: its own configuration, with the options that may change on top. The
/// habit is to repeat the command that started the run with --resume, so an option that repeats the
/// run's value is fine; one that would change it is refused, naming both values.
TrainingConfig resumedConfig(const Arguments& args, const std::filesystem::path& out)
{
    const TrainingConfig stored = storedTrainingConfig(out);
    TrainingConfig asked = applyOptions(args, stored);
    for (const ConfigDifference& d : configDifferences(withAbsolutePaths(stored), withAbsolutePaths(asked))) {
        static const std::set<std::string> changeable{"out", "steps", "checkpoint_every", "validate_every", "device"};
        if (!changeable.contains(d.key))
            throw UsageError("--" + optionOf(d.key) + " cannot change when resuming: the run has " + d.first + ", the command "
                             + d.second + " (leave it out, or start a new run in another folder)");
    }
    return asked;
}

} // namespace

int runTrain(const std::vector<std::string>& args)
{
    std::set<std::string> options{"data",
                                  "validation-data",
                                  "out",
                                  "init-model",
                                  "steps",
                                  "batch",
                                  "patch",
                                  "scale",
                                  "pairs",
                                  "downsampling",
                                  "condition",
                                  "real-data",
                                  "real-fraction",
                                  "prediction",
                                  "consistency",
                                  "lr",
                                  "warmup",
                                  "ema",
                                  "grad-clip",
                                  "checkpoint-every",
                                  "validate-every",
                                  "seed",
                                  "device",
                                  "precision",
                                  "config"};
    options.insert(kArchitectureOptions.begin(), kArchitectureOptions.end());
    const Arguments parsed(args, options, {"resume", "print-config", "filtered-condition"});

    TrainingConfig config;
    if (const auto file = parsed.value("config"))
        config = configFromJson(readText(*file));
    if (parsed.flag("resume") || config.resume) {
        // The run's own configuration, so resuming needs only the folder.
        const std::filesystem::path out = parsed.value("out").value_or(config.out.string());
        if (out.empty())
            throw UsageError("--resume needs --out DIR (the folder of the run to continue)");
        config = resumedConfig(parsed, out);
        config.out = out;
        config.resume = true;
    } else {
        config = applyOptions(parsed, config);
    }
    if (parsed.flag("print-config")) {
        std::cout << configToJson(config) << '\n';
        return kExitOk;
    }
    if (config.data.empty())
        throw UsageError("train needs --data FILES_OR_DIRS (micrographs to learn from)");
    if (config.out.empty())
        throw UsageError("train needs --out DIR (where the model and its log go)");

    stopOnInterrupt();
    std::stop_source stop;
    StatusLine status;
    TrainingCallbacks callbacks;
    callbacks.note = [&](const std::string& text) {
        status.finish();
        std::cout << "cryosr-cli train: " << text << std::endl;
    };
    callbacks.step = [&](const TrainingStep& s) {
        char line[160];
        std::snprintf(line, sizeof line, "cryosr-cli train: step %lld/%lld, loss %.4f, %.2f steps/s, %s left",
                      static_cast<long long>(s.step), static_cast<long long>(s.total), s.loss, s.stepsPerSecond,
                      clockText(s.etaSeconds).c_str());
        status.show(line);
        if (interrupted())
            stop.request_stop();
    };
    callbacks.validation = [&](const ValidationReport& v) {
        status.finish();
        std::printf("cryosr-cli train: step %lld: validation loss %.4f, PSNR %.2f dB (Fourier padding %.2f dB)\n",
                    static_cast<long long>(v.step), v.loss, v.psnr, v.psnrFourier);
        std::fflush(stdout);
    };
    const TrainingOutcome outcome = train(config, stop.get_token(), callbacks);
    status.finish();
    if (outcome.stopped) {
        std::cout << "cryosr-cli train: stopped at step " << outcome.step << " with a checkpoint; continue with "
                  << "--resume --out " << config.out.string() << '\n';
        return 130;
    }
    std::cout << "cryosr-cli train: done at step " << outcome.step << "; model: " << outcome.model.string() << '\n';
    return kExitOk;
}

} // namespace cryosr::cli
