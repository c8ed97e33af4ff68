// cryosr-cli baseline: classical upscaling, the reference a diffusion result is compared with.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"

#include "classicalupscale.h"
#include "io/errors.h"

#include <iostream>

namespace cryosr::cli {

const char* const kBaselineHelp =
    "usage: cryosr-cli baseline IN -o OUT --scale S --method fourier|bicubic|lanczos\n"
    "                           [--section N] [--region x,y,w,h]\n"
    "\n"
    "Upscales section N (default 0) of IN, or its region x,y,w,h, by S (1 to 16) without a model:\n"
    "  fourier   zero-padding of the spectrum: band-limited interpolation, cryo-EM's own; it adds\n"
    "            nothing beyond the input's Nyquist limit and keeps the input's frequencies exactly\n"
    "  bicubic   cubic convolution (a = -0.75), half-pixel centres\n"
    "  lanczos   Lanczos-3, half-pixel centres, edges replicated\n"
    "OUT (MRC or TIFF by extension) has the pixel size divided by S and, in MRC, the region's corner.\n"
    "Exit status: 0 on success, 1 for a usage error, 2 when a file cannot be read or written.\n";

int runBaseline(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {"output", "scale", "method", "section", "region"}, {});
    if (parsed.positionals().size() != 1)
        throw UsageError("baseline needs one input file and -o OUT");
    const std::filesystem::path in = parsed.positionals()[0];
    const auto out = parsed.value("output");
    if (!out)
        throw UsageError("baseline needs -o OUT");
    const auto scale = parsed.integer("scale", 1, 16);
    if (!scale)
        throw UsageError("baseline needs --scale S");
    const std::string methodName = parsed.value("method").value_or("");
    const auto method = classicalMethodFromName(methodName);
    if (!method)
        throw UsageError("--method must be fourier, bicubic or lanczos");
    outputFormatFor(*out, in);
    const Image result = upscaleClassically(readInput(in, parsed), static_cast<int>(*scale), *method);
    writeImage(
        *out, result,
        {"CryoSR " + methodName + " x" + std::to_string(*scale) + " of " + in.filename().string(), static_cast<int>(*scale)});
    std::cout << "wrote " << *out << " (" << result.width() << " x " << result.height() << ", " << methodName << ")\n";
    return kExitOk;
}

} // namespace cryosr::cli
