#include "io/tiffhandle.h"

#include "io/binaryfile.h"
#include "io/errors.h"

#include <cstdarg>
#include <cstdio>
#include <tiffio.h>

namespace cryosr {

TiffHandle::TiffHandle(const std::filesystem::path& file, const char* mode)
{
    const bool reading = mode[0] == 'r';
    if (reading)
        BinaryFile probe(file); // a directory or unreadable path gets the same message as for MRC
    TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(options, &TiffHandle::onError, this);
    TIFFOpenOptionsSetWarningHandlerExtR(options, &TiffHandle::onWarning, this);
    const std::string fullMode = std::string(mode) + "m";
    m_tiff = TIFFOpenExt(file.c_str(), fullMode.c_str(), options);
    TIFFOpenOptionsFree(options);
    if (!m_tiff) {
        const std::string why = lastError(reading ? "libtiff cannot read the first image directory" : "cannot create the file");
        if (reading)
            throw FormatError(file, "damaged TIFF file: " + why);
        throw FileError(file, why);
    }
}

TiffHandle::~TiffHandle()
{
    close();
}

bool TiffHandle::close()
{
    if (!m_tiff)
        return true;
    m_lastError.clear();
    TIFFClose(m_tiff);
    m_tiff = nullptr;
    return m_lastError.empty();
}

std::string TiffHandle::lastError(const char* fallback) const
{
    return m_lastError.empty() ? std::string(fallback) : m_lastError;
}

int TiffHandle::onError(TIFF*, void* self, const char* module, const char* format, va_list args)
{
    char text[512];
    std::vsnprintf(text, sizeof text, format, args);
    auto* handle = static_cast<TiffHandle*>(self);
    // The module is a file or function name; the text alone is what a user can act on.
    (void)module;
    handle->m_lastError = text;
    return 1; // handled: libtiff must not print it
}

int TiffHandle::onWarning(TIFF*, void*, const char*, const char*, va_list)
{
    return 1; // private tags of camera software (DM, TVIPS, ImageJ) produce harmless warnings
}

} // namespace cryosr
