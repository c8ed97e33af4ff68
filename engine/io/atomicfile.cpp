#include "io/atomicfile.h"

#include "io/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace cryosr {

namespace {
std::string systemReason()
{
    return std::strerror(errno);
}

/// Permissions a plain open(…, 0666) would give, honouring the user's umask (mkstemp gives 0600).
mode_t defaultFileMode()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}
} // namespace

AtomicFile::AtomicFile(const std::filesystem::path& target)
    : m_target(target)
{
    std::error_code ec;
    if (std::filesystem::is_directory(target, ec))
        throw FileError(target, "is a directory; give a file name to write");
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    std::string pattern = (folder / ("." + target.filename().string() + ".cryosr-XXXXXX")).string();
    m_fd = ::mkstemp(pattern.data());
    if (m_fd < 0)
        throw FileError(target, "cannot create a file in " + folder.string() + ": " + systemReason());
    m_temporary = pattern;
    ::fchmod(m_fd, defaultFileMode());
}

AtomicFile::~AtomicFile()
{
    closeDescriptor();
    if (!m_committed && !m_temporary.empty())
        ::unlink(m_temporary.c_str());
}

void AtomicFile::closeDescriptor()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void AtomicFile::writeAt(std::uint64_t offset, const void* data, std::size_t bytes)
{
    const auto* in = static_cast<const unsigned char*>(data);
    std::size_t done = 0;
    while (done < bytes) {
        const ssize_t n = ::pwrite(m_fd, in + done, bytes - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw FileError(m_target, "cannot write: " + systemReason());
        done += static_cast<std::size_t>(n);
    }
}

void AtomicFile::commit()
{
    if (m_fd < 0) { // the data was written through another handle; reopen to flush it to disk
        m_fd = ::open(m_temporary.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0)
            throw FileError(m_target, "cannot reopen the temporary file: " + systemReason());
    }
    if (::fsync(m_fd) != 0)
        throw FileError(m_target, "cannot flush to disk: " + systemReason());
    closeDescriptor();
    if (std::rename(m_temporary.c_str(), m_target.c_str()) != 0)
        throw FileError(m_target, "cannot move the finished file into place: " + systemReason());
    m_committed = true;
}

} // namespace cryosr
