#include "simulation/volume.h"

#include "io/errors.h"
#include "io/imagereader.h"

#include <algorithm>
#include <cmath>

namespace cryosr {

Volume readVolume(const std::filesystem::path& file)
{
    auto reader = openImageFile(file);
    const FileInfo& info = reader->info();
    if (info.sections < 2)
        throw ArgumentError(file.string() + ": is a single image, not a 3D map");
    if (double(info.width) * info.height * info.sections > 512.0 * 512 * 512)
        throw ArgumentError(file.string() + ": a map over 512³ samples is too large to project here; bin it first");
    Volume v;
    v.nx = info.width;
    v.ny = info.height;
    v.nz = info.sections;
    v.voxelSizeKnown = info.pixelSize.x.has_value();
    v.voxelSize = info.pixelSize.x.value_or(1.0);
    v.data.reserve(std::size_t(v.nx) * v.ny * v.nz);
    for (int z = 0; z < v.nz; ++z) {
        const Image section = reader->readSection(z);
        for (std::size_t i = 0; i < section.pixelCount(); ++i)
            v.data.push_back(std::isfinite(section.data()[i]) ? section.data()[i] : 0.0f);
    }
    return v;
}

Rotation randomRotation(std::mt19937_64& random)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const double u1 = uniform(random), u2 = uniform(random), u3 = uniform(random);
    const double a = std::sqrt(1 - u1), b = std::sqrt(u1);
    const double w = a * std::sin(2 * M_PI * u2), x = a * std::cos(2 * M_PI * u2);
    const double y = b * std::sin(2 * M_PI * u3), z = b * std::cos(2 * M_PI * u3);
    return {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w), 2 * (x * y + z * w),    1 - 2 * (x * x + z * z),
            2 * (y * z - x * w),     2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
}

namespace {

/// Trilinear sample at a continuous position; zero outside the volume.
double sample(const Volume& v, double x, double y, double z)
{
    const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y)), z0 = static_cast<int>(std::floor(z));
    if (x0 < -1 || y0 < -1 || z0 < -1 || x0 >= v.nx || y0 >= v.ny || z0 >= v.nz)
        return 0.0;
    const double fx = x - x0, fy = y - y0, fz = z - z0;
    double sum = 0.0;
    for (int dz = 0; dz < 2; ++dz)
        for (int dy = 0; dy < 2; ++dy)
            for (int dx = 0; dx < 2; ++dx) {
                const int xi = x0 + dx, yi = y0 + dy, zi = z0 + dz;
                if (xi < 0 || yi < 0 || zi < 0 || xi >= v.nx || yi >= v.ny || zi >= v.nz)
                    continue;
                sum += (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy) * (dz ? fz : 1 - fz) * v.at(xi, yi, zi);
            }
    return sum;
}

} // namespace

Image projectVolume(const Volume& volume, const Rotation& r)
{
    const int n = std::max({volume.nx, volume.ny, volume.nz});
    const double c = (n - 1) / 2.0;
    const double cx = (volume.nx - 1) / 2.0, cy = (volume.ny - 1) / 2.0, cz = (volume.nz - 1) / 2.0;
    Image out(n, n);
    // The volume turned by R holds at point p the original's value at Rᵀ p.
    for (int v = 0; v < n; ++v)
        for (int u = 0; u < n; ++u) {
            double sum = 0.0;
            for (int w = 0; w < n; ++w) {
                const double px = u - c, py = v - c, pz = w - c;
                sum += sample(volume, r[0] * px + r[3] * py + r[6] * pz + cx, r[1] * px + r[4] * py + r[7] * pz + cy,
                              r[2] * px + r[5] * py + r[8] * pz + cz);
            }
            out.at(u, v) = static_cast<float>(sum);
        }
    return out;
}

} // namespace cryosr
