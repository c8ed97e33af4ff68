#pragma once
// A libtiff handle whose errors are collected per handle instead of printed to stderr.

#include <filesystem>
#include <string>

typedef struct tiff TIFF;

namespace cryosr {

class TiffHandle {
public:
    /// mode is libtiff's ("r", "w", "w8" for BigTIFF); memory mapping is always off so a file
    /// truncated under us gives an error, not SIGBUS. Throws FileError/FormatError on failure.
    TiffHandle(const std::filesystem::path& file, const char* mode);
    ~TiffHandle();
    TiffHandle(const TiffHandle&) = delete;
    TiffHandle& operator=(const TiffHandle&) = delete;

    TIFF* get() const { return m_tiff; }
    /// libtiff's last error for this handle, or `fallback` when it said nothing.
    std::string lastError(const char* fallback) const;
    void clearError() { m_lastError.clear(); }
    /// Closes now (flushing a file being written); returns false when libtiff reported an error.
    bool close();

private:
    static int onError(TIFF*, void* self, const char* module, const char* format, va_list args);
    static int onWarning(TIFF*, void*, const char*, const char*, va_list);

    TIFF* m_tiff = nullptr;
    std::string m_lastError;
};

} // namespace cryosr
