#pragma once
// Pixel size from TIFF resolution tags, and ImageJ's unit convention for them.

#include "io/image.h"

#include <string_view>

typedef struct tiff TIFF;

namespace cryosr {

/// Ångström per pixel of the current directory: XResolution/YResolution in pixels per inch or
/// centimetre, or (ResolutionUnit "none") pixels per ImageJ `unit=` from the ImageDescription; z from
/// ImageJ's `spacing=`. Axes without a physical unit, or with a print default such as 72 dpi
/// (a pixel of 0.1 mm or more), are left empty.
PixelSize tiffPixelSize(TIFF* tif);

/// Å in one ImageJ length unit ("nm", "micron", "µm", "um", "A", "Å", "mm", "cm", ...); 0 if unknown.
double angstromPerImageJUnit(std::string_view unit);

} // namespace cryosr
