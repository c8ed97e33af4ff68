#include "io/tiffunits.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <tiffio.h>

namespace cryosr {

namespace {

constexpr double kPrintDefaultPixelSize = 1e6; // Å = 0.1 mm

/// Value of `key=` on its own line of an ImageJ description ("ImageJ=1.53t\nunit=nm\nspacing=1.05\n").
std::string imageJValue(std::string_view description, std::string_view key)
{
    std::size_t pos = 0;
    while (pos < description.size()) {
        std::size_t end = description.find('\n', pos);
        if (end == std::string_view::npos)
            end = description.size();
        const std::string_view line = description.substr(pos, end - pos);
        if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == '=')
            return std::string(line.substr(key.size() + 1));
        pos = end + 1;
    }
    return {};
}

std::optional<double> spacing(float pixelsPerUnit, double angstromPerUnit)
{
    if (!(pixelsPerUnit > 0.0f) || !std::isfinite(pixelsPerUnit) || angstromPerUnit <= 0.0)
        return std::nullopt;
    const double angstrom = angstromPerUnit / static_cast<double>(pixelsPerUnit);
    // Print defaults such as 72 dpi (0.35 mm) or 1 pixel/cm are what image software writes when it
    // knows nothing; no microscope image has pixels of a tenth of a millimetre or more.
    if (angstrom >= kPrintDefaultPixelSize)
        return std::nullopt;
    return angstrom;
}

} // namespace

double angstromPerImageJUnit(std::string_view unit)
{
    while (!unit.empty() && (unit.back() == '\r' || unit.back() == ' '))
        unit.remove_suffix(1);
    if (unit == "nm" || unit == "nanometer" || unit == "nanometers")
        return 10.0;
    if (unit == "micron" || unit == "microns" || unit == "um" || unit == "\xC2\xB5m" || unit == "\\u00B5m" || unit == "\xCE\xBCm")
        return 1e4;
    if (unit == "A" || unit == "\xC3\x85" || unit == "\\u00C5" || unit == "angstrom" || unit == "angstroms")
        return 1.0;
    if (unit == "mm")
        return 1e7;
    if (unit == "cm")
        return 1e8;
    if (unit == "pm")
        return 0.01;
    return 0.0;
}

PixelSize tiffPixelSize(TIFF* tif)
{
    PixelSize size;
    float xResolution = 0.0f, yResolution = 0.0f;
    std::uint16_t unit = RESUNIT_NONE;
    const bool hasX = TIFFGetField(tif, TIFFTAG_XRESOLUTION, &xResolution) == 1;
    const bool hasY = TIFFGetField(tif, TIFFTAG_YRESOLUTION, &yResolution) == 1;
    TIFFGetFieldDefaulted(tif, TIFFTAG_RESOLUTIONUNIT, &unit);

    double angstromPerUnit = 0.0;
    if (unit == RESUNIT_INCH)
        angstromPerUnit = 2.54e8;
    else if (unit == RESUNIT_CENTIMETER)
        angstromPerUnit = 1e8;

    const char* description = nullptr;
    std::string_view imageJ;
    if (TIFFGetField(tif, TIFFTAG_IMAGEDESCRIPTION, &description) == 1 && description
        && std::string_view(description).starts_with("ImageJ="))
        imageJ = description;
    if (unit == RESUNIT_NONE && !imageJ.empty())
        angstromPerUnit = angstromPerImageJUnit(imageJValue(imageJ, "unit"));

    if (hasX)
        size.x = spacing(xResolution, angstromPerUnit);
    if (hasY)
        size.y = spacing(yResolution, angstromPerUnit);
    if (!imageJ.empty() && angstromPerUnit > 0.0) {
        const std::string z = imageJValue(imageJ, "spacing");
        const double value = z.empty() ? 0.0 : std::strtod(z.c_str(), nullptr);
        if (value > 0.0 && std::isfinite(value))
            size.z = value * angstromPerUnit;
    }
    return size;
}

} // namespace cryosr
