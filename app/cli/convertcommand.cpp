// cryosr-cli convert: MRC <-> TIFF (and MRC -> MRC, TIFF -> TIFF), keeping data, sections, pixel size.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"

#include "io/errors.h"
#include "io/imagereader.h"
#include "io/imagewriter.h"
#include "io/outputfile.h"

#include <filesystem>
#include <iostream>

namespace cryosr::cli {

const char* const kConvertHelp =
    "usage: cryosr-cli convert IN OUT [--section N] [--dtype float32|float16|int16|uint16]\n"
    "\n"
    "Converts between MRC (.mrc .mrcs .map .st .ali .rec) and TIFF (.tif .tiff); the formats are\n"
    "chosen by extension. All sections are written (stack images or volume planes, as TIFF pages),\n"
    "or only section N (0-based, stored order). Pixel size is kept (MRC cell, TIFF resolution in\n"
    "pixels per cm); MRC origin, start and labels are kept when both files are MRC.\n"
    "\n"
    "  --section N   write only section N\n"
    "  --dtype T     store samples as T; integers are rounded and saturated (a warning counts\n"
    "                them). Without it the input's type is kept, or widened losslessly where the\n"
    "                output format lacks it (uint8 -> uint16 in MRC, float16 -> float32 in TIFF).\n"
    "\n"
    "The output appears only when complete; the input file is never overwritten.\n"
    "Exit status: 0 on success, 1 for a usage error, 2 when a file cannot be read or written.\n";

namespace {

WriteSpec specFor(const FileInfo& in, FileFormat outFormat, SampleType type, std::optional<int> onlySection,
                  const std::filesystem::path& inPath)
{
    WriteSpec spec;
    spec.width = in.width;
    spec.height = in.height;
    spec.type = type;
    spec.pixelSize = in.pixelSize;
    if (in.mrc && outFormat == FileFormat::Mrc) {
        // A crystallographic space group (1-230) marks a 3D map; keep it one unless a plane is taken.
        spec.volume = !onlySection && in.mrc->spaceGroup >= 1 && in.mrc->spaceGroup <= 230;
        spec.start = in.mrc->start;
        if (onlySection)
            spec.start[2] += *onlySection;
        spec.origin = in.mrc->origin;
        spec.labels = in.mrc->labels;
    }
    spec.labels.push_back(datedLabel("CryoSR convert from " + inPath.filename().string()));
    return spec;
}

} // namespace

int runConvert(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {"section", "dtype"}, {});
    if (parsed.positionals().size() != 2)
        throw UsageError("convert needs exactly IN and OUT");
    const std::filesystem::path in = parsed.positionals()[0];
    const std::filesystem::path out = parsed.positionals()[1];
    const auto outFormat = formatFromExtension(out);
    if (!outFormat)
        throw UsageError("cannot tell the output format from '" + out.string() + "'; use .mrc, .mrcs, .map, .tif or .tiff");
    std::optional<SampleType> requestedType;
    if (const auto name = parsed.value("dtype")) {
        requestedType = sampleTypeFromName(*name);
        const bool offered = requestedType == SampleType::Float32 || requestedType == SampleType::Float16
            || requestedType == SampleType::Int16 || requestedType == SampleType::UInt16;
        if (!offered)
            throw UsageError("--dtype must be float32, float16, int16 or uint16, not '" + *name + "'");
        if (!canStore(*outFormat, *requestedType))
            throw UsageError("TIFF output cannot store " + *name + "; use float32, int16 or uint16");
    }
    const auto section = parsed.integer("section", 0, INT32_MAX);

    try {
        refuseToOverwrite(in, out);

        auto reader = openImageFile(in);
        const FileInfo& info = reader->info();
        if (section && *section >= info.sections)
            throw ArgumentError(in.string() + ": section " + std::to_string(*section) + " does not exist (the file has "
                                + std::to_string(info.sections) + ", numbered from 0)");
        const SampleType type = requestedType.value_or(losslessStorageType(*outFormat, info.sampleType));
        if (!requestedType && type != info.sampleType)
            std::cerr << "cryosr-cli: note: " << fileFormatName(*outFormat) << " cannot store " << sampleTypeName(info.sampleType)
                      << "; writing " << sampleTypeName(type) << " (lossless)\n";
        const std::optional<int> only = section ? std::optional<int>(static_cast<int>(*section)) : std::nullopt;
        auto writer = createImageWriter(out, *outFormat, specFor(info, *outFormat, type, only, in));
        const int first = only.value_or(0);
        const int last = only ? *only : info.sections - 1;
        for (int s = first; s <= last; ++s)
            writer->writeSection(reader->readSection(s));
        writer->commit();
        if (writer->clippedSamples() > 0)
            std::cerr << "cryosr-cli: warning: " << writer->clippedSamples() << " samples did not fit " << sampleTypeName(type)
                      << " and were clipped (NaN written as 0)\n";
    } catch (const Error& e) {
        reportError(e.what());
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace cryosr::cli
