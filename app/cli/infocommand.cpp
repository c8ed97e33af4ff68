// cryosr-cli info: header facts and data statistics of image files, as a table or JSON lines.

#include "arguments.h"
#include "commands.h"
#include "json.h"

#include "io/errors.h"
#include "io/imagereader.h"
#include "io/statistics.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace cryosr::cli {

const char* const kInfoHelp =
    "usage: cryosr-cli info [--json] FILE...\n"
    "\n"
    "Describes MRC/MRCS/MAP and TIFF files: size, sections, sample type, MRC mode, pixel size\n"
    "(Å per pixel along x, from cell/MX or the TIFF resolution tags) and min/max/mean/std of the\n"
    "finite samples of all sections.\n"
    "\n"
    "  --json   one JSON object per file per line, keys: file, format, width, height, sections,\n"
    "           dtype, mrc_mode, pixel_size, min, max, mean, std (plus pixel_size_xyz,\n"
    "           nonfinite); a file that cannot be read gives {\"file\", \"error\"} instead.\n"
    "\n"
    "Exit status: 0 when every file was read, 2 when any could not be (each named on stderr).\n";

namespace {

struct FileReport {
    FileInfo info;
    RunningStatistics statistics;
};

FileReport describe(const std::string& file)
{
    auto reader = openImageFile(file);
    FileReport report{reader->info(), {}};
    report.info.file = file;
    // Bands of rows keep memory small and the samples in cache, even for a 377 MB frame.
    const int w = report.info.width, h = report.info.height;
    const int band = std::max(1, static_cast<int>((16u << 20) / (sizeof(float) * static_cast<unsigned>(w))));
    for (int s = 0; s < report.info.sections; ++s) {
        for (int y = 0; y < h; y += band) {
            const Image rows = reader->readRegion(s, Region{0, y, w, std::min(band, h - y)});
            report.statistics.add(rows.data(), rows.pixelCount());
        }
    }
    return report;
}

std::string pixelSizeText(const std::optional<double>& size)
{
    if (!size)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", *size);
    return text;
}

std::string jsonLine(const FileReport& r)
{
    const FileInfo& i = r.info;
    const RunningStatistics& s = r.statistics;
    const bool any = s.count() > 0;
    JsonObject json;
    json.add("file", i.file)
        .add("format", fileFormatName(i.format))
        .add("width", i.width)
        .add("height", i.height)
        .add("sections", i.sections)
        .add("dtype", sampleTypeName(i.sampleType));
    if (i.mrc)
        json.add("mrc_mode", i.mrc->mode);
    else
        json.addNull("mrc_mode");
    json.add("pixel_size", i.pixelSize.x)
        .add("min", any ? std::optional<double>(s.min()) : std::nullopt, 9)
        .add("max", any ? std::optional<double>(s.max()) : std::nullopt, 9)
        .add("mean", any ? std::optional<double>(s.mean()) : std::nullopt)
        .add("std", any ? std::optional<double>(s.standardDeviation()) : std::nullopt)
        .addRaw("pixel_size_xyz",
                "[" + jsonNumber(i.pixelSize.x) + ", " + jsonNumber(i.pixelSize.y) + ", " + jsonNumber(i.pixelSize.z) + "]")
        .add("nonfinite", static_cast<long long>(s.nonFiniteCount()));
    return json.str();
}

void printTableHeader()
{
    // "Å" is two bytes in UTF-8, so its column is one byte wider to line up on screen.
    std::printf("%-6s %6s %6s %8s  %-8s %4s %11s %12s %12s %12s %12s  %s\n", "FORMAT", "WIDTH", "HEIGHT", "SECTIONS", "DTYPE",
                "MODE", "PIXEL(Å)", "MIN", "MAX", "MEAN", "STD", "FILE");
}

void printTableRow(const FileReport& r)
{
    const FileInfo& i = r.info;
    const RunningStatistics& s = r.statistics;
    const std::string mode = i.mrc ? std::to_string(i.mrc->mode) : "-";
    // The file name comes last so that long paths do not break the columns.
    std::printf("%-6s %6d %6d %8d  %-8s %4s %10s %12.6g %12.6g %12.6g %12.6g  %s%s\n",
                std::string(fileFormatName(i.format)).c_str(), i.width, i.height, i.sections,
                std::string(sampleTypeName(i.sampleType)).c_str(), mode.c_str(), pixelSizeText(i.pixelSize.x).c_str(), s.min(),
                s.max(), s.mean(), s.standardDeviation(), i.file.c_str(),
                s.nonFiniteCount() ? ("  (" + std::to_string(s.nonFiniteCount()) + " non-finite samples)").c_str() : "");
}

} // namespace

int runInfo(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {}, {"json"});
    if (parsed.positionals().empty())
        throw UsageError("info needs at least one FILE");
    const bool json = parsed.flag("json");
    if (!json)
        printTableHeader();
    return reportEachFile(parsed.positionals(), json, [&](const std::string& file) {
        const FileReport report = describe(file);
        if (json)
            std::cout << jsonLine(report) << '\n';
        else
            printTableRow(report);
    });
}

} // namespace cryosr::cli
