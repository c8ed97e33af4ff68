#pragma once
// A synthetic micrograph the project makes itself, bundled as the app's first-run sample.

#include "io/image.h"

#include <cstdint>

namespace cryosr {

struct SampleMicrographSpec {
    int width = 1024;
    int height = 1024;
    double pixelSize = 1.5;       ///< Å per pixel written into the image
    int particles = 70;
    double electronsPerPixel = 40.0; ///< mean dose; sets the shot-noise level
    std::uint64_t seed = 1;
};

/**
 * Particles made of Gaussian densities (rings and compact complexes) at random positions on a
 * vitreous-ice background with thickness variation and a carbon edge, with Poisson-like shot
 * noise, in electron counts. A stand-in for a real exposure until the CTF simulator exists: it has
 * no CTF, so it shows particles as dark blobs rather than with Thon-ring fringes.
 */
Image makeSampleMicrograph(const SampleMicrographSpec& spec);

} // namespace cryosr
