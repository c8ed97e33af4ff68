#pragma once
// Animated GIF output (through giflib) for showing the reverse process outside the app.

#include <filesystem>
#include <vector>

namespace cryosr {

/**
 * Writes grey 8-bit frames (each width × height bytes, row-major) as a looping animated GIF with a
 * 256-level grey palette, so nothing is dithered or quantised beyond the 8 bits given. Crash-safe: the
 * file appears only when complete. Throws ArgumentError for no frames or a wrong frame size, FileError
 * when it cannot be written.
 */
void writeAnimatedGif(const std::filesystem::path& target, int width, int height,
                      const std::vector<std::vector<unsigned char>>& frames, int delayCentiseconds);

} // namespace cryosr
