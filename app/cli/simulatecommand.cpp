// cryosr-cli simulate: synthetic micrographs of maps and atomic models, with their clean images; one,
// or a randomised training corpus.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"
#include "json.h"
#include "upscalebatch.h"

#include "io/atomicmodel.h"
#include "io/errors.h"
#include "simulation/micrographsimulator.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

namespace cryosr::cli {

const char* const kSimulateHelp =
    "usage: cryosr-cli simulate (--map MAP | --structure MODEL)... -o MIC.mrc [--clean CLEAN.mrc] [options]\n"
    "       cryosr-cli simulate (--map MAP | --structure MODEL)... --corpus N --out-dir DIR [--shard i/n]\n"
    "                           [--size W,H] [--seed S]\n"
    "\n"
    "Simulates a micrograph as a microscope makes it: particles of the 3D maps (MRC) and atomic models\n"
    "(PDB or mmCIF; the potential of every atom from Peng et al.'s electron scattering factors with its\n"
    "B-factor, less the water it displaces) in random orientations and positions, apart from each other,\n"
    "in amorphous ice of slowly varying thickness (with the spectrum of water: the 3.7 A ring), through\n"
    "the microscope's wave aberration (defocus, astigmatism, Cs), envelope and aperture, onto a counting\n"
    "detector (its MTF) at dose D. MIC holds electrons per pixel with shot noise; --clean writes their\n"
    "expectation (no shot noise; CTF and MTF included), the target for denoising.\n"
    "\n"
    "  --map M, --structure S   particles; each may be given several times (a particle picks one)\n"
    "  --assembly A             monomer (default), ring:N (N copies around an axis) or filament:N\n"
    "                           (N subunits on an actin-like helix, lying in the ice) for --structure\n"
    "  --size W,H               micrograph size in pixels (default 1024,1024)\n"
    "  --pixel-size A           A per pixel (default: the first map's voxel size, or 1 A)\n"
    "  --particles N            particles per micrograph (default 40), or --coverage F: the share of\n"
    "                           the area they cover (0 empty ice, 0.05 sparse, 0.4 crowded)\n"
    "  --b-factor B             extra B-factor on every atom, A^2 (default 0: the model's own)\n"
    "  --ice-thickness T        mean ice thickness in A (default 300); --ice-variation F its relative\n"
    "                           variation (default 0.1)\n"
    "  --carbon-edge            the rim of a hole in a carbon film crosses the field\n"
    "  --contamination N        N ice crystals or blobs\n"
    "  --illumination-gradient G  the dose changes by G (e.g. 0.05) across the field\n"
    "  --defocus MIN,MAX        defocus drawn from MIN..MAX um, underfocus positive (default 1,2.5)\n"
    "  --astigmatism A          (defocus U - V)/2 drawn up to A um, at a random angle (default 0)\n"
    "  --voltage KV, --cs MM, --amplitude-contrast A, --envelope B   the microscope (default 300, 2.7,\n"
    "                           0.07, 40 A^2)\n"
    "  --dose D                 e-/A^2 recorded through ice of the mean thickness (default 40)\n"
    "  --binning B              the detector's pixel is --pixel-size / B (default 1); --no-mtf: an\n"
    "                           ideal detector\n"
    "  --seed S                 the same seed gives the same micrograph\n"
    "\n"
    "Corpus: --corpus N writes DIR/mic_0001.mrc ... with their clean images mic_0001.clean.mrc (what\n"
    "`train --pairs simulated` reads) and one line per micrograph in DIR/conditions.jsonl. Each draws its\n"
    "conditions at random: pixel size 0.5-15 A (log), binning from 0.6-1.2 A detector pixels, dose\n"
    "10-80 e-/A^2, defocus 0.3-4 um with astigmatism, Cs, 200 or 300 kV, ice 150-1000 A, empty,\n"
    "sparse or crowded fields, carbon edges, contamination, illumination gradients, and 1-3 of the given\n"
    "particles as monomers, rings or filaments. Existing micrographs are kept, so a second run finishes\n"
    "an interrupted one; --shard i/n makes only the i-th of n equal parts (run n at once).\n"
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

/// "monomer", "ring:N", "filament:N".
std::pair<Assembly, int> parseAssembly(const std::string& text)
{
    if (text == "monomer")
        return {Assembly::Monomer, 1};
    const std::size_t colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    int copies = 0;
    if (colon != std::string::npos) {
        const char* begin = text.data() + colon + 1;
        const char* end = text.data() + text.size();
        const auto parsed = std::from_chars(begin, end, copies);
        if (parsed.ec != std::errc() || parsed.ptr != end)
            copies = 0;
    }
    if ((kind == "ring" || kind == "filament") && copies >= 2 && copies <= 200)
        return {kind == "ring" ? Assembly::Ring : Assembly::Filament, copies};
    throw UsageError("--assembly must be monomer, ring:N or filament:N (N from 2 to 200), not '" + text + "'");
}

std::string assemblyName(const ParticleSpecies& s)
{
    if (s.assembly == Assembly::Monomer || s.copies < 2)
        return "monomer";
    return std::string(s.assembly == Assembly::Ring ? "ring:" : "filament:") + std::to_string(s.copies);
}

/// Every --map and --structure, read once (UsageError when there is none).
std::vector<ParticleSpecies> readSpecies(const Arguments& args)
{
    std::vector<ParticleSpecies> species;
    for (const std::string& file : args.values("map")) {
        ParticleSpecies s;
        s.name = std::filesystem::path(file).filename().string();
        s.map = readVolume(file);
        if (!s.map->voxelSizeKnown && !args.value("pixel-size"))
            std::cerr << "cryosr-cli: note: " << file << " gives no voxel size; taking 1 A and --pixel-size 1\n";
        species.push_back(std::move(s));
    }
    for (const std::string& file : args.values("structure")) {
        ParticleSpecies s;
        s.name = std::filesystem::path(file).filename().string();
        s.atoms = readAtomicModel(file);
        if (!s.atoms->unknownElements.empty()) {
            std::string list;
            for (const std::string& e : s.atoms->unknownElements)
                list += (list.empty() ? "" : ", ") + e;
            std::cerr << "cryosr-cli: note: " << file << ": atoms of unknown elements are left out (" << list << ")\n";
        }
        species.push_back(std::move(s));
    }
    if (species.empty())
        throw UsageError("simulate needs particles: --map MAP.mrc or --structure MODEL.pdb (or both, several times)");
    return species;
}

/// The settings the options give (the corpus draws most of them itself).
SimulationSettings settingsFrom(const Arguments& parsed)
{
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
    s.coverage = parsed.real("coverage", 0.0, 0.6);
    s.bFactor = parsed.real("b-factor", 0.0, 1000.0).value_or(s.bFactor);
    s.iceThicknessAngstrom = parsed.real("ice-thickness", 10.0, 1e5).value_or(s.iceThicknessAngstrom);
    s.iceThicknessVariation = parsed.real("ice-variation", 0.0, 0.9).value_or(s.iceThicknessVariation);
    s.carbonEdge = parsed.flag("carbon-edge");
    s.contaminations = static_cast<int>(parsed.integer("contamination", 0, 100).value_or(0));
    s.illuminationGradient = parsed.real("illumination-gradient", -0.9, 0.9).value_or(0.0);
    if (const auto defocus = parsed.value("defocus"))
        std::tie(s.defocusMinMicrometres, s.defocusMaxMicrometres) = parsePair("--defocus", *defocus);
    s.astigmatismMaxMicrometres = parsed.real("astigmatism", 0.0, 100.0).value_or(0.0);
    s.microscope.voltageKv = parsed.real("voltage", 20.0, 3000.0).value_or(s.microscope.voltageKv);
    s.microscope.sphericalAberrationMm = parsed.real("cs", 0.0, 10.0).value_or(s.microscope.sphericalAberrationMm);
    s.microscope.amplitudeContrast = parsed.real("amplitude-contrast", 0.0, 0.5).value_or(s.microscope.amplitudeContrast);
    s.microscope.bFactor = parsed.real("envelope", 0.0, 10000.0).value_or(s.microscope.bFactor);
    s.dose = parsed.real("dose", 0.001, 1e6).value_or(s.dose);
    s.binning = static_cast<int>(parsed.integer("binning", 1, 64).value_or(1));
    s.detectorMtf = !parsed.flag("no-mtf");
    s.seed = static_cast<std::uint64_t>(parsed.integer("seed", 0, INT64_MAX).value_or(0));
    return s;
}

std::string conditionsJson(const std::string& file, const SimulationSettings& s, const SimulatedMicrograph& sim,
                           const std::vector<ParticleSpecies>& species)
{
    std::string names = "[";
    for (const ParticleSpecies& p : species)
        names += (names.size() > 1 ? "," : "") + JsonObject().add("name", p.name).add("assembly", assemblyName(p)).str();
    return JsonObject()
        .add("file", file)
        .add("pixel_size", *s.pixelSize, 4)
        .add("binning", s.binning)
        .add("dose", s.dose, 4)
        .add("defocus_um", sim.ctf.defocusAngstrom / 1e4, 4)
        .add("astigmatism_um", sim.ctf.astigmatismAngstrom / 1e4, 4)
        .add("astigmatism_angle_deg", sim.ctf.astigmatismAngleDegrees, 4)
        .add("voltage_kv", sim.ctf.voltageKv, 4)
        .add("cs_mm", sim.ctf.sphericalAberrationMm, 4)
        .add("amplitude_contrast", sim.ctf.amplitudeContrast, 4)
        .add("envelope_b", sim.ctf.bFactor, 4)
        .add("b_factor", s.bFactor, 4)
        .add("ice_thickness", s.iceThicknessAngstrom, 4)
        .add("coverage", s.coverage.value_or(-1), 4)
        .add("particles", sim.particlesPlaced)
        .add("carbon_edge", s.carbonEdge)
        .add("contaminations", s.contaminations)
        .add("illumination_gradient", s.illuminationGradient, 4)
        .add("pixel_snr", sim.pixelSnr, 4)
        .addRaw("species", names + "]")
        .str();
}

/// 1–3 of the given species for one corpus micrograph; atomic models as monomers, rings or filaments.
std::vector<ParticleSpecies> drawSpecies(const std::vector<ParticleSpecies>& all, std::mt19937_64& random)
{
    const auto uniform = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(random); };
    const int count = std::min<int>(uniform(1, 3), static_cast<int>(all.size()));
    std::vector<std::size_t> order(all.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::shuffle(order.begin(), order.end(), random);
    std::vector<ParticleSpecies> chosen;
    for (int i = 0; i < count; ++i) {
        ParticleSpecies s = all[order[static_cast<std::size_t>(i)]];
        const int kind = uniform(0, 9);
        if (s.atoms && kind >= 4) {
            s.assembly = kind < 8 ? Assembly::Ring : Assembly::Filament;
            s.copies = s.assembly == Assembly::Ring ? uniform(2, 8) : uniform(6, 30);
        }
        chosen.push_back(std::move(s));
    }
    return chosen;
}

int runCorpus(const Arguments& parsed, const std::vector<ParticleSpecies>& species, const SimulationSettings& base)
{
    const int count = static_cast<int>(*parsed.integer("corpus", 1, 1000000));
    const auto dir = parsed.value("out-dir");
    if (!dir)
        throw UsageError("--corpus N needs --out-dir DIR");
    const Shard shard = parsed.value("shard") ? parseShard(*parsed.value("shard")) : Shard{};
    const auto [first, last] = shardRange(static_cast<std::size_t>(count), shard);
    std::filesystem::create_directories(*dir);
    std::ofstream conditions(std::filesystem::path(*dir) / "conditions.jsonl", std::ios::app);
    if (!conditions)
        throw FileError(std::filesystem::path(*dir) / "conditions.jsonl", "cannot be written");
    for (int index = static_cast<int>(first) + 1; index <= static_cast<int>(last); ++index) {
        char name[32];
        std::snprintf(name, sizeof name, "mic_%04d", index);
        const std::filesystem::path mic = std::filesystem::path(*dir) / (std::string(name) + ".mrc");
        const std::filesystem::path clean = std::filesystem::path(*dir) / (std::string(name) + ".clean.mrc");
        if (std::filesystem::exists(mic) && std::filesystem::exists(clean))
            continue;
        const SimulationSettings s = randomSimulationSettings(base, CorpusRanges{}, base.seed, index);
        std::mt19937_64 random(s.seed);
        const std::vector<ParticleSpecies> chosen = drawSpecies(species, random);
        const SimulatedMicrograph sim = simulateMicrograph(chosen, s);
        writeImage(clean, sim.clean, {"CryoSR simulate corpus clean " + std::string(name), 1});
        writeImage(mic, sim.micrograph, {"CryoSR simulate corpus " + std::string(name), 1});
        // One short line per write: appends from several shards stay whole lines.
        conditions << conditionsJson(mic.filename().string(), s, sim, chosen) + "\n" << std::flush;
        std::printf("%s: %.2f A/px, %.1f e-/A^2, defocus %.2f um, %d particles, pixel SNR %.3g\n", name, *s.pixelSize, s.dose,
                    sim.ctf.defocusAngstrom / 1e4, sim.particlesPlaced, sim.pixelSnr);
        std::fflush(stdout);
    }
    return kExitOk;
}

} // namespace

int runSimulate(const std::vector<std::string>& args)
{
    const Arguments parsed(args,
                           {"map",
                            "structure",
                            "assembly",
                            "output",
                            "clean",
                            "size",
                            "pixel-size",
                            "particles",
                            "coverage",
                            "b-factor",
                            "ice-thickness",
                            "ice-variation",
                            "contamination",
                            "illumination-gradient",
                            "defocus",
                            "astigmatism",
                            "voltage",
                            "cs",
                            "amplitude-contrast",
                            "envelope",
                            "dose",
                            "binning",
                            "seed",
                            "corpus",
                            "out-dir",
                            "shard"},
                           {"carbon-edge", "no-mtf"});
    if (!parsed.positionals().empty())
        throw UsageError("simulate takes --map MAP or --structure MODEL and -o OUT, no other file names");
    const auto out = parsed.value("output");
    if (!out && !parsed.value("corpus"))
        throw UsageError("simulate needs --map MAP.mrc (or --structure MODEL.pdb) and -o MIC.mrc, or --corpus N --out-dir DIR");
    const SimulationSettings s = settingsFrom(parsed);
    std::vector<ParticleSpecies> species = readSpecies(parsed);
    if (const auto assembly = parsed.value("assembly")) {
        const auto [kind, copies] = parseAssembly(*assembly);
        for (ParticleSpecies& p : species)
            if (p.atoms) {
                p.assembly = kind;
                p.copies = copies;
            }
    }
    if (parsed.value("corpus"))
        return runCorpus(parsed, species, s);

    const std::string firstInput = parsed.values("map").empty() ? parsed.values("structure").front()
                                                                : parsed.values("map").front();
    outputFormatFor(*out, firstInput);
    const auto clean = parsed.value("clean");
    if (clean)
        outputFormatFor(*clean, firstInput);
    const SimulatedMicrograph sim = simulateMicrograph(species, s);

    std::ostringstream what;
    what.precision(3);
    what << "of " << species.front().name << " df " << sim.ctf.defocusAngstrom / 1e4 << "um dose " << s.dose;
    writeImage(*out, sim.micrograph, {"CryoSR simulate " + what.str(), 1});
    if (clean)
        writeImage(*clean, sim.clean, {"CryoSR simulate clean " + what.str(), 1});
    std::cout << "wrote " << *out << " (" << s.width << " x " << s.height << ", " << *sim.micrograph.pixelSize.x << " A/px, "
              << sim.particlesPlaced << " particles, defocus " << sim.ctf.defocusAngstrom / 1e4 << " um";
    if (sim.ctf.astigmatismAngstrom > 0) // the truth a CTF fit is checked against
        std::cout << " (astigmatism " << sim.ctf.astigmatismAngstrom / 1e4 << " um along " << sim.ctf.astigmatismAngleDegrees
                  << " deg)";
    std::cout << ", " << s.dose << " e-/A^2, pixel SNR " << sim.pixelSnr << ")\n";
    return kExitOk;
}

} // namespace cryosr::cli
