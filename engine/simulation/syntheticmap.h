#pragma once
// A made-up macromolecule for the bundled sample micrograph and for demos and tests that must not
// depend on downloaded maps. Plain C++.

#include "simulation/volume.h"

namespace cryosr {

/**
 * A ring of `subunits` two-domain subunits around a central channel, with an offset cap ring on one
 * side (so views from the top, the side and the bottom all differ), built from Gaussian densities in
 * a cube of `size` voxels of `voxelSize` Å. The particle spans about 60 % of the cube.
 */
Volume makeSyntheticComplex(int size = 64, double voxelSize = 2.0, int subunits = 7);

} // namespace cryosr
