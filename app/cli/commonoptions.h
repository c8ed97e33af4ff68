#pragma once
// Options several cryosr-cli commands share: input regions, outputs, architecture, device.

#include "arguments.h"

#include "computedevice.h"
#include "io/fileinfo.h"
#include "io/image.h"
#include "io/imagewriter.h"
#include "io/outputfile.h"
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

DeviceChoice deviceFrom(const Arguments& args); ///< --device auto|cpu|cuda (auto by default)
Precision precisionFrom(const Arguments& args); ///< --precision fp32|bf16|fp16 (fp32 by default)
/// --precision auto|fp32|bf16|fp16 of a run that samples on `device` (auto by default: automaticPrecision).
Precision samplingPrecisionFrom(const Arguments& args, DeviceChoice device);

/// "x,y,w,h" → Region; UsageError otherwise.
Region parseRegion(const std::string& text);

/// Section --section (default 0) of `in`, or only its --region. Throws FileError/FormatError/ArgumentError.
Image readInput(const std::filesystem::path& in, const Arguments& args);

/// The format `out`'s extension asks for (UsageError when none), after refusing the input's own name.
FileFormat outputFormatFor(const std::filesystem::path& out, const std::filesystem::path& in);

/// Writes one float32 image whose header records where it came from (outputSpec, io/outputfile.h).
void writeImage(const std::filesystem::path& out, const Image& image, const OutputDescription& description);

} // namespace cryosr::cli
