#pragma once
// Synthetic micrographs with a known clean image: particles of a 3D map in random orientations and
// positions, amorphous ice, the CTF and shot noise. Training pairs and tests use them; plain C++ API.
//
// Image formation (weak phase object): the phase image φ = particles' projected potential (peak
// phase 0.5 rad per particle) + amorphous ice (white phase noise of 0.05 rad) ; the intensity
// I = (1 − 2 F⁻¹{CTF · F{φ}}) · exp(−0.3 · (t − 1)) with t the relative ice thickness (a smooth
// field, ±10 %); the clean image holds the expected electrons per pixel, dose · pixel² · I, and the
// micrograph a Poisson draw of it.

#include "io/image.h"
#include "simulation/ctf.h"
#include "simulation/volume.h"

#include <cstdint>
#include <optional>

namespace cryosr {

struct SimulationSettings {
    int width = 1024;
    int height = 1024;
    std::optional<double> pixelSize; ///< Å; the map's voxel size when unset
    int particles = 40;
    double defocusMinMicrometres = 1.0;
    double defocusMaxMicrometres = 2.5;
    double dose = 40.0; ///< e⁻/Å²
    std::uint64_t seed = 0;
    CtfParameters microscope; ///< voltage, Cs, amplitude contrast, B; the defocus is drawn
};

struct SimulatedMicrograph {
    Image micrograph; ///< electrons per pixel, with shot noise
    Image clean;      ///< the expectation of `micrograph`
    CtfParameters ctf; ///< with the drawn defocus
    int particlesPlaced = 0; ///< fewer than asked when they did not fit without overlapping
};

/// Throws ArgumentError for impossible settings (particles larger than the micrograph, defocus range
/// reversed, non-positive dose or size).
SimulatedMicrograph simulateMicrograph(const Volume& map, const SimulationSettings& settings);

} // namespace cryosr
