#pragma once
// Options several cryosr-cli commands share: input regions, outputs, architecture, device.

#include "arguments.h"

#include "computedevice.h"
#include "io/fileinfo.h"
#include "io/image.h"
#include "io/imagewriter.h"
#include "model/unetconfig.h"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace cryosr::cli {

/// --base-channels --channel-mults --res-blocks --attention-levels --groups --dropout
extern const std::set<std::string> kArchitectureOptions;
/// `base` changed by those options (with new --channel-mults and no --attention-levels, attention
/// goes to the lowest-resolution level); UsageError for malformed values (validation is the engine's).
UNetConfig architectureFrom(const Arguments& args, UNetConfig base = {});

DeviceChoice deviceFrom(const Arguments& args);  ///< --device auto|cpu|cuda (auto by default)
Precision precisionFrom(const Arguments& args); ///< --precision fp32|bf16|fp16 (fp32 by default)

/// "x,y,w,h" → Region; UsageError otherwise.
Region parseRegion(const std::string& text);

/// Section --section (default 0) of `in`, or only its --region. Throws FileError/FormatError/ArgumentError.
Image readInput(const std::filesystem::path& in, const Arguments& args);

/// The format `out`'s extension asks for (UsageError when none), after refusing the input's own name.
FileFormat outputFormatFor(const std::filesystem::path& out, const std::filesystem::path& in);

/// Writes one float32 image (or a stack via ImageWriter) whose MRC header records where it came from:
/// NXSTART/NYSTART and ORIGIN at the region's corner in the output's pixels, and a label.
struct OutputDescription {
    std::string label;  ///< "CryoSR upscale x2 of FILE" (the date is added)
    int scale = 1;      ///< output pixels per input pixel
};
void writeImage(const std::filesystem::path& out, const Image& image, const OutputDescription& description);

/// The WriteSpec such an output of width × height gets (float32; pixel size and provenance of the image).
WriteSpec outputSpec(int width, int height, const PixelSize& pixelSize, const Provenance& provenance,
                     const OutputDescription& description);

/// "28-Nov-26 10:30:00" for MRC labels.
std::string todayLabel();

} // namespace cryosr::cli
