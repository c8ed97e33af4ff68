#pragma once
// Synthetic micrographs with a known clean image, built the way a microscope makes them. Training
// pairs, evaluations and tests use them; plain C++ API (LibTorch inside the .cpp files).
//
// Specimen (projected potential, V·Å, and amplitude loss):
//   particles  atomic models (the potential of every atom from Peng et al.'s scattering factors with a
//              B-factor, less the water they displace) or 3D maps, as monomers, rings or helical
//              filaments, in random orientations, placed apart (sparse to crowded fields)
//   ice        amorphous ice of mean thickness t with a smooth thickness field; its potential's
//              fluctuations have the spectrum of randomly packed water molecules (Peng's O + 2 H)
//              times the structure factor of amorphous ice (the water ring at 3.7 Å, little power at
//              low frequency), thinner where particles displace it; thicker ice absorbs more
//   carbon     optionally the rim of a hole in the carbon film (amorphous carbon, 12 V mean potential)
//   contamination  optionally ice crystals and blobs (thick, strongly absorbing, phase edges)
// Optics: the exit wave exp(iσφ − absorption) (σ the interaction constant; particles and texture
// absorb as the amplitude contrast A says), propagated through the aberration exp(iχ) with defocus,
// astigmatism and C_s, a B envelope and an aperture; intensity |ψ|².
// Detector: a counting detector's MTF (pixel aperture and event misplacement) at its physical pixel,
// binned by Fourier cropping to the micrograph's pixel, an illumination gradient, and the dose: the
// clean image is the expected count per pixel (the same specimen, optics and detector at infinite
// dose: CTF included), the micrograph a Poisson draw of it (counting noise is white).

#include "io/atomicmodel.h"
#include "io/image.h"
#include "simulation/ctf.h"
#include "simulation/volume.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cryosr {

/// How copies of a structure are put together into one particle.
enum class Assembly {
    Monomer, ///< the structure as it is
    Ring, ///< `copies` around an axis (C_n symmetry), touching
    Filament, ///< `copies` along a helix (rise and twist of F-actin), lying in the ice plane
};

/// One kind of particle: an atomic model or a map, and how its copies assemble.
struct ParticleSpecies {
    std::string name; ///< for messages ("1J6Z.pdb")
    std::optional<AtomicModel> atoms; ///< either this …
    std::optional<Volume> map; ///< … or this (density in unknown units, see simulateMicrograph)
    Assembly assembly = Assembly::Monomer;
    int copies = 1; ///< ring or filament subunits
};

struct SimulationSettings {
    int width = 1024;
    int height = 1024;
    std::optional<double> pixelSize; ///< Å; default: the first map's voxel size, or 1 Å for atoms
    /// Particles per micrograph; ignored when `coverage` is set.
    int particles = 40;
    /// Fraction of the area the particles' discs cover (0: empty ice, 0.05 sparse, 0.4 crowded).
    std::optional<double> coverage;
    /// Extra B-factor (Å²) on every atom, beyond its own; maps get it as a Gaussian blur.
    double bFactor = 0.0;

    double iceThicknessAngstrom = 300.0;
    double iceThicknessVariation = 0.1; ///< relative standard deviation of the smooth thickness field
    /// The rim of a hole in the carbon film crosses the field (carbon outside the hole).
    bool carbonEdge = false;
    double carbonThicknessAngstrom = 150.0;
    int contaminations = 0; ///< ice crystals and blobs
    double illuminationGradient = 0.0; ///< peak-to-peak relative change of the dose across the field

    double defocusMinMicrometres = 1.0;
    double defocusMaxMicrometres = 2.5;
    double astigmatismMaxMicrometres = 0.0; ///< (Δf_u − Δf_v)/2 drawn up to this, at a random angle
    CtfParameters microscope; ///< voltage, Cs, amplitude contrast, B envelope; the defocus is drawn

    double dose = 40.0; ///< e⁻/Å² recorded through ice of the mean thickness
    bool detectorMtf = true; ///< a counting detector's MTF; false: an ideal detector
    /// The detector's physical pixel is pixelSize / binning (the micrograph is Fourier-binned from it).
    int binning = 1;
    std::uint64_t seed = 0;
    /// Leave out species whose particles do not fit the micrograph instead of refusing the settings (a
    /// randomised corpus draws pixel sizes at which some particles are too large).
    bool skipOversizedSpecies = false;
};

struct SimulatedMicrograph {
    Image micrograph; ///< electrons per pixel, with shot noise
    Image clean; ///< the expectation of `micrograph`
    CtfParameters ctf; ///< with the drawn defocus and astigmatism
    int particlesPlaced = 0; ///< fewer than asked when they did not fit without overlapping
    /// var(clean) / mean(clean): the clean image's variance over the shot noise's (Poisson) variance.
    double pixelSnr = 0;
};

/**
 * Simulates a micrograph with particles drawn from `species` (each particle picks one at random).
 * Atomic models need no scaling. A map's density has no units: it is taken as protein, its solvent
 * level (the median of the box's faces) as ice, and scaled so that the mean over its voxels above a
 * fifth of its maximum is the contrast of protein against ice (Peng's potential of an average protein
 * atom over its volume, less that of water: ~3.5 V). Throws ArgumentError for impossible settings
 * (particles larger than the micrograph, defocus range reversed, non-positive dose or size, an
 * atomic model without atoms of known elements).
 */
SimulatedMicrograph simulateMicrograph(const std::vector<ParticleSpecies>& species, const SimulationSettings& settings);

/// One map as its only species (the bundled sample, `simulate --map`).
SimulatedMicrograph simulateMicrograph(const Volume& map, const SimulationSettings& settings);

/// Ranges a randomised training corpus draws from (see randomSimulationSettings).
struct CorpusRanges {
    double pixelSizeMin = 0.5, pixelSizeMax = 15.0; ///< Å, drawn log-uniformly
    double doseMin = 10.0, doseMax = 80.0; ///< e⁻/Å²
    double defocusMin = 0.3, defocusMax = 4.0; ///< µm
};

/**
 * Conditions for micrograph `index` of a randomised corpus (seeded by `seed` and `index`): pixel size,
 * dose, defocus with astigmatism, Cs, amplitude contrast, envelope, ice thickness and its variation,
 * empty/sparse/crowded fields, carbon edges, contamination, illumination gradients and binning, each
 * drawn over the ranges a binned or unbinned micrograph of today's microscopes shows. `width` and
 * `height` are kept from `base`.
 */
SimulationSettings randomSimulationSettings(const SimulationSettings& base, const CorpusRanges& ranges, std::uint64_t seed,
                                            int index);

} // namespace cryosr
