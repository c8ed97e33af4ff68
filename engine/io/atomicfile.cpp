#include "io/atomicfile.h"

#include "io/errors.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
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

std::filesystem::path folderOf(const std::filesystem::path& target)
{
    return target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
}

std::string hostName()
{
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0')
        return "host";
    std::string host(name);
    for (char& c : host) // the name goes into a file name: no separators
        if (c == '/' || c == '-')
            c = '_';
    return host;
}

/// ".NAME.cryosr-HOST-PID-": what every temporary name of `target` made by this process starts with.
std::string temporaryPrefix(const std::filesystem::path& target, long pid)
{
    return "." + target.filename().string() + ".cryosr-" + hostName() + "-" + std::to_string(pid) + "-";
}

/// Makes the directory entry of a rename or link durable too (the data already is, after fsync).
void syncFolder(const std::filesystem::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

AtomicFile::AtomicFile(const std::filesystem::path& target)
    : m_target(target)
{
    std::error_code ec;
    if (std::filesystem::is_directory(target, ec))
        throw FileError(target, "is a directory; give a file name to write");
    const std::filesystem::path folder = folderOf(target);
    m_fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, defaultFileMode());
    if (m_fd >= 0)
        return;
    // EOPNOTSUPP: the file system has no unnamed files (NFS); EISDIR/EINVAL: an older kernel. Anything
    // else (missing folder, no permission) is the user's problem and is said as such.
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        throw FileError(target, "cannot create a file in " + folder.string() + ": " + systemReason());
    removeStaleTemporaries(target);
    std::string pattern = (folder / (temporaryPrefix(target, ::getpid()) + "XXXXXX")).string();
    m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (m_fd < 0)
        throw FileError(target, "cannot create a file in " + folder.string() + ": " + systemReason());
    m_temporary = pattern;
    ::fchmod(m_fd, defaultFileMode());
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0)
        ::close(m_fd); // an unnamed file vanishes with its last descriptor
    if (!m_committed && !m_temporary.empty())
        ::unlink(m_temporary.c_str());
}

std::filesystem::path AtomicFile::reopenablePath() const
{
    return isUnnamed() ? std::filesystem::path("/proc/self/fd/" + std::to_string(m_fd)) : m_temporary;
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
    // fsync covers what other descriptors of the same file (libtiff's) wrote, too.
    if (::fsync(m_fd) != 0)
        throw FileError(m_target, "cannot flush to disk: " + systemReason());
    if (isUnnamed())
        linkIntoPlace();
    else if (std::rename(m_temporary.c_str(), m_target.c_str()) != 0)
        throw FileError(m_target, "cannot move the finished file into place: " + systemReason());
    ::close(m_fd);
    m_fd = -1;
    m_committed = true;
    syncFolder(folderOf(m_target));
}

void AtomicFile::linkIntoPlace()
{
    // linkat cannot replace an existing file, so the unnamed file gets a hidden name first and is renamed
    // over the target; only a kill in between these two calls leaves the (complete) hidden file behind.
    const std::filesystem::path folder = folderOf(m_target);
    const std::string source = "/proc/self/fd/" + std::to_string(m_fd);
    std::random_device random;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::filesystem::path name = folder / (temporaryPrefix(m_target, ::getpid()) + std::to_string(random()));
        if (::linkat(AT_FDCWD, source.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            if (errno == EEXIST)
                continue;
            throw FileError(m_target, "cannot give the finished file a name: " + systemReason());
        }
        if (std::rename(name.c_str(), m_target.c_str()) != 0) {
            const std::string why = systemReason();
            ::unlink(name.c_str());
            throw FileError(m_target, "cannot move the finished file into place: " + why);
        }
        return;
    }
    throw FileError(m_target, "cannot find a free temporary name in " + folder.string());
}

int removeStaleTemporaries(const std::filesystem::path& target)
{
    const std::string start = "." + target.filename().string() + ".cryosr-" + hostName() + "-";
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folderOf(target), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(start, 0) != 0)
            continue;
        const std::string rest = name.substr(start.size()); // PID-XXXXXX
        char* end = nullptr;
        const long pid = std::strtol(rest.c_str(), &end, 10);
        if (pid <= 0 || end == rest.c_str() || *end != '-')
            continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH && ::unlink(entry.path().c_str()) == 0)
            ++removed;
    }
    return removed;
}

} // namespace cryosr
