#include "commonoptions.h"

#include "io/errors.h"
#include "io/imagereader.h"

#include <charconv>

namespace cryosr::cli {

namespace {

std::vector<int> parseIntegers(const std::string& option, const std::string& text, std::size_t count)
{
    const auto fail = [&] {
        return UsageError(option + " must be " + (count ? std::to_string(count) + " " : std::string())
                          + "comma-separated whole numbers, not '" + text + "'");
    };
    std::vector<int> values;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string token = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        int v = 0;
        const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), v);
        if (token.empty() || error != std::errc() || end != token.data() + token.size())
            throw fail();
        values.push_back(v);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (count > 0 && values.size() != count)
        throw fail();
    return values;
}

} // namespace

const std::set<std::string> kArchitectureOptions{"base-channels",    "channel-mults", "res-blocks",
                                                 "attention-levels", "groups",        "dropout"};

UNetConfig architectureFrom(const Arguments& args, UNetConfig c)
{
    c.baseChannels = static_cast<int>(args.integer("base-channels", 1, 4096).value_or(c.baseChannels));
    if (const auto m = args.value("channel-mults"))
        c.channelMultipliers = parseIntegers("--channel-mults", *m, 0);
    c.resBlocksPerLevel = static_cast<int>(args.integer("res-blocks", 1, 64).value_or(c.resBlocksPerLevel));
    if (const auto a = args.value("attention-levels"))
        c.attentionLevels = *a == "none" ? std::vector<int>{} : parseIntegers("--attention-levels", *a, 0);
    else if (args.value("channel-mults")) // attention where it is cheapest: the lowest resolution
        c.attentionLevels = {static_cast<int>(c.channelMultipliers.size()) - 1};
    c.groupNormGroups = static_cast<int>(args.integer("groups", 1, 4096).value_or(c.groupNormGroups));
    c.dropout = args.real("dropout", 0.0, 0.99).value_or(c.dropout);
    return c;
}

DeviceChoice deviceFrom(const Arguments& args)
{
    const std::string name = args.value("device").value_or("auto");
    if (const auto d = deviceChoiceFromName(name))
        return *d;
    throw UsageError("--device must be auto, cpu or cuda, not '" + name + "'");
}

Precision precisionFrom(const Arguments& args)
{
    const std::string name = args.value("precision").value_or("fp32");
    if (const auto p = precisionFromName(name))
        return *p;
    throw UsageError("--precision must be fp32, bf16 or fp16, not '" + name + "'");
}

Precision samplingPrecisionFrom(const Arguments& args, DeviceChoice device)
{
    const std::string name = args.value("precision").value_or("auto");
    if (name == "auto")
        return automaticPrecision(device);
    if (const auto p = precisionFromName(name))
        return *p;
    throw UsageError("--precision must be auto, fp32, bf16 or fp16, not '" + name + "'");
}

Region parseRegion(const std::string& text)
{
    const std::vector<int> v = parseIntegers("--region", text, 4);
    return Region{v[0], v[1], v[2], v[3]};
}

Image readInput(const std::filesystem::path& in, const Arguments& args)
{
    const int section = static_cast<int>(args.integer("section", 0, INT32_MAX).value_or(0));
    auto reader = openImageFile(in);
    if (const auto region = args.value("region"))
        return reader->readRegion(section, parseRegion(*region));
    return reader->readSection(section);
}

FileFormat outputFormatFor(const std::filesystem::path& out, const std::filesystem::path& in)
{
    const auto format = formatFromExtension(out);
    if (!format)
        throw UsageError("cannot tell the output format from '" + out.string() + "'; use .mrc, .mrcs, .tif or .tiff");
    refuseToOverwrite(in, out);
    return *format;
}

void writeImage(const std::filesystem::path& out, const Image& image, const OutputDescription& description)
{
    auto writer = createImageWriter(out, *formatFromExtension(out),
                                    outputSpec(image.width(), image.height(), image.pixelSize, image.provenance, description));
    writer->writeSection(image);
    writer->commit();
}

} // namespace cryosr::cli
