#pragma once
// Advice to Linux to back large buffers with 2 MB pages.

#include <cstddef>

namespace cryosr {

/// Buffers of this size and more are worth the advice.
inline constexpr std::size_t kHugePageWorthy = std::size_t(8) << 20;

/**
 * Asks Linux to back the whole 2 MB pages inside [data, data + bytes) with 2 MB pages when they are
 * first touched: one fault per 2 MB instead of 512. On this build machine first touching fresh memory
 * in 4 KB pages cost most of a 377 MB frame's read and, for a whole micrograph's tensors, 30 s of each
 * step at 8192² (docs/performance.md). Advice only: does nothing elsewhere or when it fails, or
 * where transparent huge pages are off.
 */
void adviseHugePages(void* data, std::size_t bytes);

} // namespace cryosr
