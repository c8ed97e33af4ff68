#include "io/binaryfile.h"

#include "io/errors.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cryosr {

BinaryFile::BinaryFile(const std::filesystem::path& file)
    : m_path(file)
{
    m_fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        throw FileError(file, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const bool isDirectory = S_ISDIR(st.st_mode);
        ::close(m_fd);
        m_fd = -1;
        throw FileError(file, isDirectory ? "is a directory, not an image file" : "is not a regular file");
    }
    m_size = static_cast<std::uint64_t>(st.st_size);
}

BinaryFile::~BinaryFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void BinaryFile::readAt(std::uint64_t offset, void* buffer, std::size_t bytes, const char* what) const
{
    auto* out = static_cast<unsigned char*>(buffer);
    std::size_t done = 0;
    while (done < bytes) {
        const ssize_t got = ::pread(m_fd, out + done, bytes - done, static_cast<off_t>(offset + done));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw FileError(m_path, std::string("read error in ") + what + ": " + std::strerror(errno));
        }
        if (got == 0)
            throw FormatError(m_path,
                              "file ends after " + withThousands(done) + " of " + withThousands(bytes) + " bytes of " + what);
        done += static_cast<std::size_t>(got);
    }
}

} // namespace cryosr
