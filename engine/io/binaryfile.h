#pragma once
// Positioned reads from a file that is never loaded whole (a super-resolution K3 frame is 377 MB).

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace cryosr {

/// A read-only regular file. Opening a directory, a device or an unreadable path throws FileError.
/// Reads past the end throw FormatError, so a caller never sees a half-filled buffer.
class BinaryFile {
public:
    explicit BinaryFile(const std::filesystem::path& file);
    ~BinaryFile();
    BinaryFile(const BinaryFile&) = delete;
    BinaryFile& operator=(const BinaryFile&) = delete;

    std::uint64_t size() const { return m_size; }
    const std::filesystem::path& path() const { return m_path; }

    /// Reads exactly `bytes` bytes at `offset`; `what` names the part for messages ("section 3").
    void readAt(std::uint64_t offset, void* buffer, std::size_t bytes, const char* what) const;

private:
    std::filesystem::path m_path;
    int m_fd = -1;
    std::uint64_t m_size = 0;
};

} // namespace cryosr
