#pragma once
// A 3D density map (an EMDB map, say) in memory and its projections. Plain C++.

#include <array>
#include <filesystem>
#include <random>
#include <vector>

#include "io/image.h"

namespace cryosr {

/// Samples in x-fastest order: data[(z · ny + y) · nx + x]. MAPC/MAPR/MAPS are not applied (the
/// simulator draws random orientations, so only anisotropic voxels would notice).
struct Volume {
    int nx = 0, ny = 0, nz = 0;
    double voxelSize = 1.0; ///< Å; 1 when the file does not say
    bool voxelSizeKnown = false;
    std::vector<float> data;

    float at(int x, int y, int z) const { return data[(std::size_t(z) * ny + y) * nx + x]; }
};

/// Every section of an MRC/TIFF file as one volume. Throws like openImageFile, and ArgumentError for
/// a single image (a map has more than one section) or one over 512³ samples.
Volume readVolume(const std::filesystem::path& file);

/// Row-major 3 × 3 rotation matrix.
using Rotation = std::array<double, 9>;

/// A rotation drawn uniformly over SO(3) (Shoemake's unit quaternions).
Rotation randomRotation(std::mt19937_64& random);

/**
 * Line integrals (sums of trilinear samples, in voxels) of `volume` turned by `rotation` about its
 * centre, along z: an n × n image, n = the volume's largest side. The rotation turns the volume, so
 * the identity projects along the map's own z.
 */
Image projectVolume(const Volume& volume, const Rotation& rotation);

} // namespace cryosr
