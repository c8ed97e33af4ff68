#pragma once
// The rules every file CryoSR writes from an input follows, in one place for cryosr-cli and the GUI:
// the input is never overwritten, and the header records where the data came from (section, the
// region's corner, pixel size) and how it was made, with the date.

#include "io/imagewriter.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace cryosr {

/// True when both paths name one existing file, however spelt ("./a.mrc", a link, a second mount).
bool isSameFile(const std::filesystem::path& a, const std::filesystem::path& b);

/// Throws FileError(output, "is the <role>; CryoSR never overwrites its input") when output is input.
void refuseToOverwrite(const std::filesystem::path& input, const std::filesystem::path& output,
                       std::string_view role = "input file");

/// How an output was made, for its header.
struct OutputDescription {
    std::string label; ///< "CryoSR upscale x2 ddim 20 of FILE" (the date is added)
    int scale = 1; ///< output pixels per input pixel
    std::string details = {}; ///< a second label, undated: what else decides the numbers ("" for none)
};

/// The WriteSpec of a float32 output of width × height made from the data `provenance` names:
/// NXSTART/NYSTART at the region's corner in the output's pixels, NZSTART the section, ORIGIN in Å,
/// and the label (cut to fit an MRC label) followed by the date, then the details when given.
WriteSpec outputSpec(int width, int height, const PixelSize& pixelSize, const Provenance& provenance,
                     const OutputDescription& description);

/// `text` cut to 58 characters, two spaces and "28-Nov-26 10:30:00": one 80-character MRC label.
std::string datedLabel(const std::string& text);

} // namespace cryosr
