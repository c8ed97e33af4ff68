#include "io/outputfile.h"

#include "io/errors.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace cryosr {

bool isSameFile(const std::filesystem::path& a, const std::filesystem::path& b)
{
    std::error_code ec; // a missing output is not the input: false, not an error
    return !a.empty() && !b.empty() && std::filesystem::equivalent(a, b, ec);
}

void refuseToOverwrite(const std::filesystem::path& input, const std::filesystem::path& output, std::string_view role)
{
    if (isSameFile(input, output))
        throw FileError(output, "is the " + std::string(role) + "; CryoSR never overwrites its input");
}

std::string datedLabel(const std::string& text)
{
    // The month in English whatever the process's locale (the GUI sets the user's): MRC labels are ASCII.
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    const std::tm local = *std::localtime(&now);
    char date[32];
    std::snprintf(date, sizeof date, "%02d-%s-%02d %02d:%02d:%02d", local.tm_mday, kMonths[local.tm_mon], local.tm_year % 100,
                  local.tm_hour, local.tm_min, local.tm_sec);
    return text.substr(0, 58) + "  " + date;
}

WriteSpec outputSpec(int width, int height, const PixelSize& pixelSize, const Provenance& provenance,
                     const OutputDescription& description)
{
    WriteSpec spec;
    spec.width = width;
    spec.height = height;
    spec.type = SampleType::Float32;
    spec.pixelSize = pixelSize;
    const Region& r = provenance.region;
    spec.start = {r.x * description.scale, r.y * description.scale, provenance.section};
    spec.origin = {static_cast<float>(spec.start[0] * pixelSize.x.value_or(0.0)),
                   static_cast<float>(spec.start[1] * pixelSize.y.value_or(0.0)), 0.0f};
    spec.labels.push_back(datedLabel(description.label));
    if (!description.details.empty())
        spec.labels.push_back(description.details);
    return spec;
}

} // namespace cryosr
