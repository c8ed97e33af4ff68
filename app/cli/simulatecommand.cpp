// cryosr-cli simulate: a synthetic micrograph of a 3D map, with its clean image.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"

#include "simulation/micrographsimulator.h"

#include <charconv>
#include <iostream>
#include <sstream>

namespace cryosr::cli {

const char* const kSimulateHelp =
    "usage: cryosr-cli simulate --map MAP.mrc -o MIC.mrc [--clean CLEAN.mrc] [--size W,H]\n"
    "                           [--pixel-size A] [--particles N] [--defocus MIN,MAX] [--dose D]\n"
    "                           [--seed S]\n"
    "\n"
    "Places N particles (default 40) of the 3D map in random orientations and positions, apart from\n"
    "each other, on amorphous ice of slowly varying thickness, applies the CTF of a 300 kV microscope\n"
    "(Cs 2.7 mm, 7 % amplitude contrast, B 40 A^2) with a defocus drawn from MIN,MAX um (default\n"
    "1,2.5, underfocus), and draws shot noise for a dose of D e-/A^2 (default 40). MIC holds electrons\n"
    "per pixel; --clean writes their expectation (no shot noise), the target for denoising.\n"
    "\n"
    "  --size W,H        micrograph size in pixels (default 1024,1024)\n"
    "  --pixel-size A    A per pixel (default: the map's voxel size); particles are resampled in Fourier\n"
    "  --seed S          the same seed gives the same micrograph\n"
    "Exit status: 0 on success, 1 for a usage error, 2 when a file cannot be read or written.\n";

namespace {

/// "A,B" → two numbers; UsageError otherwise.
std::pair<double, double> parsePair(const std::string& option, const std::string& text)
{
    const std::size_t comma = text.find(',');
    double a = 0, b = 0;
    const char* end = text.data() + text.size();
    const auto first = std::from_chars(text.data(), text.data() + std::min(comma, text.size()), a);
    if (comma == std::string::npos || first.ec != std::errc() || first.ptr != text.data() + comma
        || std::from_chars(text.data() + comma + 1, end, b).ptr != end)
        throw UsageError(option + " must be two numbers A,B, not '" + text + "'");
    return {a, b};
}

} // namespace

int runSimulate(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {"map", "output", "clean", "size", "pixel-size", "particles", "defocus", "dose", "seed"}, {});
    if (!parsed.positionals().empty())
        throw UsageError("simulate takes --map MAP and -o OUT, no other file names");
    const auto map = parsed.value("map");
    const auto out = parsed.value("output");
    if (!map || !out)
        throw UsageError("simulate needs --map MAP.mrc and -o MIC.mrc");
    SimulationSettings s;
    if (const auto size = parsed.value("size")) {
        const auto [w, h] = parsePair("--size", *size);
        s.width = static_cast<int>(w);
        s.height = static_cast<int>(h);
        if (s.width != w || s.height != h)
            throw UsageError("--size must be whole numbers W,H");
    }
    s.pixelSize = parsed.real("pixel-size", 0.01, 1000.0);
    s.particles = static_cast<int>(parsed.integer("particles", 0, 100000).value_or(s.particles));
    if (const auto defocus = parsed.value("defocus"))
        std::tie(s.defocusMinMicrometres, s.defocusMaxMicrometres) = parsePair("--defocus", *defocus);
    s.dose = parsed.real("dose", 0.001, 1e6).value_or(s.dose);
    s.seed = static_cast<std::uint64_t>(parsed.integer("seed", 0, INT64_MAX).value_or(0));

    outputFormatFor(*out, *map);
    const auto clean = parsed.value("clean");
    if (clean)
        outputFormatFor(*clean, *map);
    const Volume volume = readVolume(*map);
    if (!volume.voxelSizeKnown && !s.pixelSize)
        std::cerr << "cryosr-cli: note: " << *map << " gives no voxel size; taking 1 A and --pixel-size 1\n";
    const SimulatedMicrograph sim = simulateMicrograph(volume, s);

    std::ostringstream what;
    what.precision(3);
    what << "of " << std::filesystem::path(*map).filename().string() << " df " << sim.ctf.defocusAngstrom / 1e4
         << "um dose " << s.dose;
    writeImage(*out, sim.micrograph, {"CryoSR simulate " + what.str(), 1});
    if (clean)
        writeImage(*clean, sim.clean, {"CryoSR simulate clean " + what.str(), 1});
    std::cout << "wrote " << *out << " (" << s.width << " x " << s.height << ", " << *sim.micrograph.pixelSize.x
              << " A/px, " << sim.particlesPlaced << " particles, defocus " << sim.ctf.defocusAngstrom / 1e4
              << " um, " << s.dose << " e-/A^2)\n";
    return kExitOk;
}

} // namespace cryosr::cli
