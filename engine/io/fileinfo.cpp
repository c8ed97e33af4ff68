#include "io/fileinfo.h"

namespace cryosr {

std::string_view fileFormatName(FileFormat format)
{
    return format == FileFormat::Mrc ? "mrc" : "tiff";
}

} // namespace cryosr
