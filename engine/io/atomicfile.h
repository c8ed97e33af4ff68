#pragma once
// Crash-safe output: the data goes to a file without a name (or a hidden temporary one) in the target's
// folder and only appears under the target's name, complete, when committed.

#include <filesystem>
#include <string>

namespace cryosr {

/**
 * A new file that only appears under its final name when commit() succeeds; an existing target is
 * replaced only by a complete file, never changed in place.
 *
 * Where the file system allows (Linux O_TMPFILE: ext4, XFS, Btrfs, tmpfs), the data lives in a file with
 * no name until commit, so a process killed at any moment (SIGKILL, power loss) leaves nothing behind.
 * Elsewhere (NFS and some cluster file systems) it is a hidden ".NAME.cryosr-HOST-PID-XXXXXX" beside the
 * target, removed when the AtomicFile is destroyed uncommitted; one left by a killed process on this host
 * is removed by the next AtomicFile for the same target.
 */
class AtomicFile {
public:
    /// Creates the temporary file; throws FileError when the folder is missing or not writable, or
    /// the target is a directory.
    explicit AtomicFile(const std::filesystem::path& target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& target() const { return m_target; }
    /// A path through which the temporary file can be opened again (for libtiff, which opens files
    /// itself): /proc/self/fd/N for an unnamed file, else the hidden file's name.
    std::filesystem::path reopenablePath() const;
    /// Open descriptor of the temporary file (for writers that write themselves); -1 after commit.
    int descriptor() const { return m_fd; }
    /// True when the data lives in an unnamed file (O_TMPFILE), false for the named fallback.
    bool isUnnamed() const { return m_temporary.empty(); }

    /// Writes exactly `bytes` at `offset`; throws FileError (with the system's reason, e.g. disk full).
    void writeAt(std::uint64_t offset, const void* data, std::size_t bytes);
    /// Flushes to disk and puts the file in place under the target's name; throws FileError on failure.
    void commit();

private:
    void linkIntoPlace();

    std::filesystem::path m_target;
    std::filesystem::path m_temporary; ///< the named fallback's path; empty for an unnamed file
    int m_fd = -1;
    bool m_committed = false;
};

/// Removes hidden temporary files of `target` (".NAME.cryosr-HOST-PID-…") that processes of this host
/// left when they were killed; files of live processes and of other hosts are kept. Returns how many.
int removeStaleTemporaries(const std::filesystem::path& target);

} // namespace cryosr
