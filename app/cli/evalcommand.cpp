// cryosr-cli eval: a model against classical upscaling on high-resolution images; cryosr-cli frc.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"
#include "json.h"

#include "evaluation/evaluation.h"
#include "io/errors.h"
#include "model/modellocator.h"
#include "training/trainingconfig.h"

#include <cstdio>
#include <iostream>
#include <map>

namespace cryosr::cli {

const char* const kEvalHelp =
    "usage: cryosr-cli eval --model M --inputs FILES... [--scale S] [--samples K] [--steps N]\n"
    "                       [--sampler ddpm|ddim|dpmpp] [--seed S] [--independent-samples]\n"
    "                       [--section N] [--region x,y,w,h]\n"
    "                       [--reference self|clean|split] [--consistency hard|noise|off]\n"
    "                       [--device auto|cpu|cuda] [--precision P] [--json]\n"
    "\n"
    "Each input is a high-resolution image. It is Fourier-cropped by the model's scale, and that\n"
    "low-resolution image is upscaled back by the model (one sample, and the mean of K samples,\n"
    "default 8), by Fourier padding, bicubic and Lanczos, and by two oracles applied to the Fourier-\n"
    "padded input: the best Gaussian low-pass (sigma 0 to 6 output pixels in steps of 0.25, chosen\n"
    "against the reference) and the best radial Wiener filter (64 rings of |k| up to the corner, each\n"
    "with the gain that fits the reference best): no linear filter does better than the latter. Every\n"
    "result is compared with the reference:\n"
    "  --reference self   the input itself (default)\n"
    "  --reference clean  for simulated micrographs, the clean image NAME.clean.EXT\n"
    "  --reference split  for a real micrograph M without a clean image: A = M[0::2, 0::2] is the\n"
    "                     high-resolution image and B = M[1::2, 1::2], whose shot noise is independent,\n"
    "                     moved half a pixel onto A's grid, is the reference (a 16-pixel border is\n"
    "                     left out of every score)\n"
    "Per method: PSNR (dB, peak = the reference's range), SSIM, the FRC curve and where it falls below\n"
    "0.143 (in A when the pixel size is known), the mean FRC beyond the input's Nyquist limit, the\n"
    "consistency error (the output Fourier-cropped vs the input, relative to the input's standard\n"
    "deviation), the Gaussian's sigma and, for the mean of K: the mean per-pixel standard deviation\n"
    "(calibrated, of one sample), its rank correlation with the absolute error, the share of pixels\n"
    "whose error lies within 2 sd sqrt(1 + 1/K) (about 0.95 when calibrated) and the rank correlation\n"
    "over 32 x 32 tiles of mean sd and RMSE.\n"
    "\n"
    "  --scale S     must equal the model's scale (a check; default: the model's)\n"
    "  --steps N     sampling steps (default 20); --sampler (default ddim), --seed (default 0)\n"
    "  --independent-samples  K samples from independent noise, not in antithetic pairs (`upscale --help`)\n"
    "  --consistency C  the data term (default: the model's own; see `upscale --help`)\n"
    "  --precision P  auto (default), fp32, bf16 or fp16, as for `upscale`\n"
    "  --json        one JSON object with every number and the FRC curves\n"
    "Exit status: 0 on success, 1 for a usage error, 2 when a file cannot be read.\n";

const char* const kFrcHelp =
    "usage: cryosr-cli frc A B [--section N] [--region x,y,w,h] [--pixel-size A] [--json]\n"
    "\n"
    "Fourier ring correlation of two images of the same size (section N, or a region, of each): one\n"
    "row per ring with its spatial frequency (1/A when the pixel size is known, from A's header or\n"
    "--pixel-size, else 1/pixel) and the correlation, then the resolution where FRC falls below 0.143.\n"
    "Exit status: 0 on success, 1 for a usage error, 2 when a file cannot be read.\n";

namespace {

std::string arrayOf(const std::vector<double>& values, int digits = 6)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? "," : "") + jsonNumber(values[i], digits);
    return out + "]";
}

std::string frcJson(const FrcCurve& curve)
{
    return JsonObject().addRaw("frequency", arrayOf(curve.frequency)).addRaw("correlation", arrayOf(curve.correlation)).str();
}

std::string scoresJson(const MethodScores& s, std::optional<double> pixelSize)
{
    JsonObject o;
    o.add("method", s.method)
        .add("psnr", s.psnr, 6)
        .add("ssim", s.ssim, 6)
        .add("frc_0143_cycles_per_pixel", s.frc0143, 6)
        .add("frc_0143_angstrom", resolutionInAngstrom(s.frc0143, pixelSize), 6)
        .add("frc_beyond_input_nyquist", s.frcBeyondInputNyquist, 6)
        .add("consistency_error", s.consistencyError, 6)
        .add("gaussian_sigma", s.parameter, 6)
        .add("mean_std", s.meanStd, 6)
        .add("std_error_rank_correlation", s.stdErrorRankCorrelation, 6)
        .add("coverage", s.coverage, 6)
        .add("tile_rank_correlation", s.tileRankCorrelation, 6)
        .addRaw("frc", frcJson(s.frc));
    return o.str();
}

std::string optionalText(std::optional<double> value, const char* format)
{
    if (!value)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, format, *value);
    return text;
}

void printTable(const std::string& title, const std::vector<MethodScores>& methods, std::optional<double> pixelSize)
{
    std::cout << title << '\n'
              << "  method               PSNR dB    SSIM  FRC>Nyq  FRC 0.143     consistency  sigma  mean sd  "
                 "std~err  coverage  tiles\n";
    for (const MethodScores& s : methods) {
        const auto angstrom = resolutionInAngstrom(s.frc0143, pixelSize);
        const std::string resolution = angstrom ? optionalText(angstrom, "%.2f A") : optionalText(s.frc0143, "%.3f /px");
        std::printf("  %-19s %8.2f %7.4f %8.4f  %-12s %11.5f  %5s  %7s  %7s  %8s  %5s\n", s.method.c_str(), s.psnr, s.ssim,
                    s.frcBeyondInputNyquist, resolution.c_str(), s.consistencyError, optionalText(s.parameter, "%.2f").c_str(),
                    optionalText(s.meanStd, "%.4g").c_str(), optionalText(s.stdErrorRankCorrelation, "%.3f").c_str(),
                    optionalText(s.coverage, "%.3f").c_str(), optionalText(s.tileRankCorrelation, "%.3f").c_str());
    }
    std::fflush(stdout);
}

/// The mean of each number over the inputs, per method (curves are left out).
std::vector<MethodScores> meanOver(const std::vector<ImageEvaluation>& results)
{
    std::vector<MethodScores> mean = results.front().methods;
    for (std::size_t m = 0; m < mean.size(); ++m) {
        MethodScores& s = mean[m];
        s.frc = {};
        const auto average = [&](auto get) {
            double sum = 0;
            for (const auto& r : results)
                sum += get(r.methods[m]);
            return sum / static_cast<double>(results.size());
        };
        s.psnr = average([](const MethodScores& x) { return x.psnr; });
        s.ssim = average([](const MethodScores& x) { return x.ssim; });
        s.frcBeyondInputNyquist = average([](const MethodScores& x) { return x.frcBeyondInputNyquist; });
        s.consistencyError = average([](const MethodScores& x) { return x.consistencyError; });
        s.frc0143.reset();
        const auto averageOf = [&](std::optional<double>& field, std::optional<double> MethodScores::*member) {
            if (field)
                field = average([&](const MethodScores& x) { return (x.*member).value_or(0); });
        };
        averageOf(s.parameter, &MethodScores::parameter);
        averageOf(s.meanStd, &MethodScores::meanStd);
        averageOf(s.stdErrorRankCorrelation, &MethodScores::stdErrorRankCorrelation);
        averageOf(s.coverage, &MethodScores::coverage);
        averageOf(s.tileRankCorrelation, &MethodScores::tileRankCorrelation);
    }
    return mean;
}

} // namespace

int runEval(const std::vector<std::string>& args)
{
    const Arguments parsed(args,
                           {"model", "inputs", "scale", "samples", "steps", "sampler", "seed", "section", "region", "reference",
                            "device", "precision", "consistency"},
                           {"json", "independent-samples"});
    std::vector<std::filesystem::path> inputs;
    if (const auto first = parsed.value("inputs"))
        inputs.emplace_back(*first);
    for (const std::string& p : parsed.positionals())
        inputs.emplace_back(p);
    if (inputs.empty())
        throw UsageError("eval needs --inputs FILES (high-resolution images)");
    const std::string reference = parsed.value("reference").value_or("self");
    if (reference != "self" && reference != "clean" && reference != "split")
        throw UsageError("--reference must be self, clean or split, not '" + reference + "'");

    const DeviceChoice device = deviceFrom(parsed);
    const Upscaler upscaler(locateModel(parsed.value("model").value_or("default")), device,
                            samplingPrecisionFrom(parsed, device));
    if (const auto scale = parsed.integer("scale", 1, 16); scale && *scale != upscaler.model().scale)
        throw UsageError("--scale " + std::to_string(*scale) + " does not match the model's scale "
                         + std::to_string(upscaler.model().scale));
    EvaluationSettings settings;
    const std::string sampler = parsed.value("sampler").value_or("ddim");
    const auto kind = samplerKindFromName(sampler);
    if (!kind)
        throw UsageError("--sampler must be ddpm, ddim or dpmpp, not '" + sampler + "'");
    settings.upscale.sampler.kind = *kind;
    settings.upscale.sampler.steps = static_cast<int>(parsed.integer("steps", 1, upscaler.model().schedule.timesteps)
                                                          .value_or(std::min(20, upscaler.model().schedule.timesteps)));
    settings.upscale.sampler.seed = static_cast<std::uint64_t>(parsed.integer("seed", 0, INT64_MAX).value_or(0));
    settings.upscale.samples = static_cast<int>(parsed.integer("samples", 1, 256).value_or(8));
    settings.upscale.sampler.antitheticPairs = !parsed.flag("independent-samples");
    if (const auto mode = parsed.value("consistency")) {
        settings.upscale.consistency = consistencyFromName(*mode);
        if (!settings.upscale.consistency)
            throw UsageError("--consistency must be hard, noise or off, not '" + *mode + "'");
    }

    std::vector<ImageEvaluation> results;
    std::string inputsJson;
    for (const auto& file : inputs) {
        const Image input = readInput(file, parsed);
        const int scale = upscaler.model().scale;
        const EvaluationTask task = reference == "split"
            ? splitTask(input, scale)
            : highResolutionTask(input, reference == "clean" ? readInput(cleanPartnerOf(file), parsed) : input, scale);
        results.push_back(evaluateUpscaling(upscaler, task, settings));
        const ImageEvaluation& r = results.back();
        if (parsed.flag("json")) {
            std::string methods = "[";
            for (const MethodScores& s : r.methods)
                methods += (methods.size() > 1 ? "," : "") + scoresJson(s, r.pixelSize);
            inputsJson += (inputsJson.empty() ? "" : ",")
                + JsonObject()
                      .add("file", file.string())
                      .add("width", r.width)
                      .add("height", r.height)
                      .add("pixel_size", r.pixelSize)
                      .addRaw("methods", methods + "]")
                      .str();
        } else {
            printTable(file.string() + " (" + std::to_string(r.width) + " x " + std::to_string(r.height) + " reference"
                           + (reference == "clean" ? ", clean" : "") + ")",
                       r.methods, r.pixelSize);
        }
    }
    const std::vector<MethodScores> mean = meanOver(results);
    if (parsed.flag("json")) {
        std::string means = "[";
        for (const MethodScores& s : mean)
            means += (means.size() > 1 ? "," : "") + scoresJson(s, std::nullopt);
        std::cout << JsonObject()
                         .add("model", upscaler.model().architecture.describe())
                         .add("training_steps", static_cast<long long>(upscaler.model().trainingSteps))
                         .add("scale", upscaler.model().scale)
                         .add("samples", settings.upscale.samples)
                         .add("steps", settings.upscale.sampler.steps)
                         .add("sampler", samplerKindName(settings.upscale.sampler.kind))
                         .addRaw("antithetic_pairs", settings.upscale.sampler.antitheticPairs ? "true" : "false")
                         .add("reference", reference)
                         .add("consistency", consistencyName(settings.upscale.consistency.value_or(upscaler.model().consistency)))
                         .add("device", upscaler.deviceDescription())
                         .addRaw("inputs", "[" + inputsJson + "]")
                         .addRaw("mean", means + "]")
                         .str()
                  << '\n';
    } else if (results.size() > 1) {
        printTable("mean over " + std::to_string(results.size()) + " inputs", mean, std::nullopt);
    }
    return kExitOk;
}

int runFrc(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {"section", "region", "pixel-size"}, {"json"});
    if (parsed.positionals().size() != 2)
        throw UsageError("frc needs two image files");
    const Image a = readInput(parsed.positionals()[0], parsed);
    const Image b = readInput(parsed.positionals()[1], parsed);
    const FrcCurve curve = fourierRingCorrelation(a, b);
    const std::optional<double> pixelSize = parsed.value("pixel-size") ? parsed.real("pixel-size", 1e-6, 1e6) : a.pixelSize.x;
    const std::optional<double> crossing = frcCrossing(curve);
    const auto resolution = resolutionInAngstrom(crossing, pixelSize);
    if (parsed.flag("json")) {
        std::cout << JsonObject()
                         .add("pixel_size", pixelSize)
                         .add("frc_0143_cycles_per_pixel", crossing, 6)
                         .add("frc_0143_angstrom", resolution, 6)
                         .addRaw("frc", frcJson(curve))
                         .str()
                  << '\n';
        return kExitOk;
    }
    std::cout << (pixelSize ? "  ring  frequency 1/A  resolution A      FRC\n" : "  ring  frequency 1/px      FRC\n");
    for (std::size_t r = 1; r < curve.frequency.size(); ++r) {
        if (pixelSize)
            std::printf("  %4zu  %13.5f  %12.2f  %7.4f\n", r, curve.frequency[r] / *pixelSize, *pixelSize / curve.frequency[r],
                        curve.correlation[r]);
        else
            std::printf("  %4zu  %14.5f  %7.4f\n", r, curve.frequency[r], curve.correlation[r]);
    }
    if (!crossing)
        std::cout << "FRC stays above 0.143 up to Nyquist\n";
    else if (resolution)
        std::printf("FRC falls below 0.143 at %.2f A (%.4f 1/px)\n", *resolution, *crossing);
    else
        std::printf("FRC falls below 0.143 at %.4f 1/px (pixel size unknown)\n", *crossing);
    return kExitOk;
}

} // namespace cryosr::cli
