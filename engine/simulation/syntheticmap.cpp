#include "simulation/syntheticmap.h"

#include "io/errors.h"

#include <cmath>
#include <numbers>

namespace cryosr {

Volume makeSyntheticComplex(int size, double voxelSize, int subunits)
{
    if (size < 16 || size > 256 || subunits < 3 || subunits > 32 || !(voxelSize > 0))
        throw ArgumentError("a synthetic complex needs 16 to 256 voxels, 3 to 32 subunits and a positive voxel size");
    struct Blob {
        double x, y, z, sigma, weight;
    };
    const double c = (size - 1) / 2.0, s = static_cast<double>(size);
    std::vector<Blob> blobs;
    for (int i = 0; i < subunits; ++i) {
        const double a = 2 * std::numbers::pi * i / subunits;
        const double b = a + std::numbers::pi / subunits; // the cap sits between two subunits
        // Two domains per subunit, the outer one larger; a smaller cap domain above the ring.
        blobs.push_back({c + 0.20 * s * std::cos(a), c + 0.20 * s * std::sin(a), c - 0.10 * s, 0.055 * s, 1.0});
        blobs.push_back({c + 0.25 * s * std::cos(a), c + 0.25 * s * std::sin(a), c + 0.06 * s, 0.065 * s, 1.2});
        blobs.push_back({c + 0.13 * s * std::cos(b), c + 0.13 * s * std::sin(b), c + 0.22 * s, 0.045 * s, 0.7});
    }
    Volume v;
    v.nx = v.ny = v.nz = size;
    v.voxelSize = voxelSize;
    v.voxelSizeKnown = true;
    v.data.assign(std::size_t(size) * size * size, 0.0f);
    for (int z = 0; z < size; ++z)
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) {
                double d = 0;
                for (const Blob& blob : blobs) {
                    const double r2 = (x - blob.x) * (x - blob.x) + (y - blob.y) * (y - blob.y) + (z - blob.z) * (z - blob.z);
                    d += blob.weight * std::exp(-r2 / (2 * blob.sigma * blob.sigma));
                }
                v.data[(std::size_t(z) * size + y) * size + x] = static_cast<float>(d);
            }
    return v;
}

} // namespace cryosr
