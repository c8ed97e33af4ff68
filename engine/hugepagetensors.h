#pragma once
// 2 MB pages for a whole micrograph's tensors. Engine-internal header, without LibTorch.

#include <cstddef>

namespace cryosr {

/// Tensors of this size and more get 2 MB pages (an 8192² float image is 256 MiB).
inline constexpr std::size_t kHugePageTensorBytes = std::size_t(64) << 20;

/**
 * Makes LibTorch's CPU allocator advise 2 MB pages (io/hugepages) for every block of
 * kHugePageTensorBytes or more; allocation and freeing stay LibTorch's own. A tiled run allocates and
 * frees a whole micrograph's state, sums and spectra several times a step; glibc maps blocks that
 * large afresh each time (above keepFreedMemoryForReuse's threshold), and in 4 KB pages each first
 * touch faulted: the work on the whole image took 40 s of a step at 8192² on the build machine, and
 * 9 s with 2 MB pages, for 2 % more peak memory (docs/performance.md). Installed once, with
 * keepFreedMemoryForReuse.
 */
void useHugePagesForLargeTensors();

} // namespace cryosr
