// cryosr-cli ctf: the defocus, astigmatism and fit resolution of micrographs from their Thon rings.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"
#include "json.h"

#include "analysis/ctffit.h"
#include "io/errors.h"

#include <cstdio>
#include <iostream>
#include <optional>

namespace cryosr::cli {

const char* const kCtfHelp =
    "usage: cryosr-cli ctf [options] FILE...\n"
    "\n"
    "Fits the contrast transfer function to each micrograph's power spectrum (the mean periodogram of\n"
    "all half-overlapping 512 x 512 boxes): the mean defocus from the rotational average, the\n"
    "astigmatism from 36 sectors refined on the whole spectrum, and the resolution to which the Thon\n"
    "rings follow the fit.\n"
    "\n"
    "  --pixel-size A           A per pixel (default: the header's; a header's 0 or 1 A is a placeholder\n"
    "                           and needs this option)\n"
    "  --voltage KV             acceleration voltage (default 300)\n"
    "  --cs MM                  spherical aberration (default 2.7)\n"
    "  --amplitude-contrast A   (default 0.07)\n"
    "  --section N, --region x,y,w,h   fit one section (default 0) or a part of it\n"
    "  --json                   one JSON object per file per line, keys: file, pixel_size, voltage_kv,\n"
    "                           cs_mm, amplitude_contrast, defocus_u_um, defocus_v_um (positive =\n"
    "                           underfocus; U the most underfocus), astigmatism_angle_deg (U's direction\n"
    "                           from the x axis, 0-180), fit_resolution_A, score, tiles; a file without\n"
    "                           a fit gives {\"file\", \"error\"} instead.\n"
    "\n"
    "Exit status: 0 when every file was fitted; 2 when a file could not be read, has no usable pixel\n"
    "size, or shows no Thon rings to fit (each named on stderr).\n";

namespace {

struct FitReport {
    CtfFit fit;
    double pixelSize = 0;
    int tiles = 0;
};

/// The pixel size to fit with: the option's, else a header's real one; ArgumentError otherwise.
double pixelSizeFor(const std::string& file, const Image& image, std::optional<double> given)
{
    if (given)
        return *given;
    if (!image.pixelSize.x)
        throw ArgumentError(file + ": the header gives no pixel size; give it with --pixel-size A");
    if (image.pixelSize.isPlaceholder()) {
        char said[32];
        std::snprintf(said, sizeof said, "%g A", *image.pixelSize.x);
        throw ArgumentError(file + ": the header's pixel size (" + said
                            + ") is a placeholder, not a measurement; give it with --pixel-size A");
    }
    return *image.pixelSize.x;
}

FitReport fitFile(const std::string& file, const Arguments& parsed, std::optional<double> pixelSize,
                  const CtfParameters& microscope)
{
    const Image image = readInput(file, parsed);
    FitReport report;
    report.pixelSize = pixelSizeFor(file, image, pixelSize);
    PowerSpectrum spectrum = computePowerSpectrum(image, 512);
    spectrum.pixelSize = report.pixelSize;
    report.tiles = spectrum.tiles;
    report.fit = fitCtf(spectrum, microscope);
    if (!report.fit.found()) {
        char score[32];
        std::snprintf(score, sizeof score, "%.3f", report.fit.score);
        throw ArgumentError(file + ": no CTF fit: the power spectrum shows no Thon rings that follow a defocus of "
                            "0.1-10 um (best correlation " + score + "); check the pixel size and microscope");
    }
    return report;
}

std::string jsonLine(const std::string& file, const FitReport& r, const CtfParameters& microscope)
{
    return JsonObject()
        .add("file", file)
        .add("pixel_size", std::optional<double>(r.pixelSize))
        .add("voltage_kv", std::optional<double>(microscope.voltageKv))
        .add("cs_mm", std::optional<double>(microscope.sphericalAberrationMm))
        .add("amplitude_contrast", std::optional<double>(microscope.amplitudeContrast))
        .add("defocus_u_um", r.fit.defocusU() / 1e4, 6)
        .add("defocus_v_um", r.fit.defocusV() / 1e4, 6)
        .add("astigmatism_angle_deg", r.fit.ctf.astigmatismAngleDegrees, 4)
        .add("fit_resolution_A", r.fit.resolutionAngstrom, 4)
        .add("score", r.fit.score, 4)
        .add("tiles", r.tiles)
        .str();
}

void printReport(const std::string& file, const FitReport& r, const CtfParameters& microscope)
{
    const CtfFit& f = r.fit;
    std::printf("%s\n", file.c_str());
    std::printf("  pixel size      %.4g A; %.0f kV, Cs %.3g mm, amplitude contrast %.3g\n", r.pixelSize, microscope.voltageKv,
                microscope.sphericalAberrationMm, microscope.amplitudeContrast);
    std::printf("  defocus U       %.4f um  (most underfocus, along %.1f deg from x)\n", f.defocusU() / 1e4,
                f.ctf.astigmatismAngleDegrees);
    std::printf("  defocus V       %.4f um\n", f.defocusV() / 1e4);
    std::printf("  astigmatism     %.4f um  ((U - V) / 2)\n", f.ctf.astigmatismAngstrom / 1e4);
    std::printf("  fit resolution  %.1f A  (score %.3f, %d periodograms of 512 x 512)\n", f.resolutionAngstrom, f.score, r.tiles);
}

} // namespace

int runCtf(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {"pixel-size", "voltage", "cs", "amplitude-contrast", "section", "region"}, {"json"});
    if (parsed.positionals().empty())
        throw UsageError("ctf needs at least one FILE");
    CtfParameters microscope;
    microscope.voltageKv = parsed.real("voltage", 10, 3000).value_or(microscope.voltageKv);
    microscope.sphericalAberrationMm = parsed.real("cs", 0, 100).value_or(microscope.sphericalAberrationMm);
    microscope.amplitudeContrast = parsed.real("amplitude-contrast", 0, 0.99).value_or(microscope.amplitudeContrast);
    const std::optional<double> pixelSize = parsed.real("pixel-size", 1e-3, 1e4);
    const bool json = parsed.flag("json");
    return reportEachFile(parsed.positionals(), json, [&](const std::string& file) {
        const FitReport report = fitFile(file, parsed, pixelSize, microscope);
        if (json)
            std::cout << jsonLine(file, report, microscope) << '\n';
        else
            printReport(file, report, microscope);
    });
}

} // namespace cryosr::cli
