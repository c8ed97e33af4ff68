#pragma once
// Crash-safe output: write to a temporary file beside the target, then rename it into place.

#include <filesystem>

namespace cryosr {

/**
 * A new file that only appears under its final name when commit() succeeds. Until then the data
 * lives in a hidden temporary file in the same folder (so the rename is atomic); destroying an
 * uncommitted AtomicFile removes it. An existing target is replaced only by a complete file.
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
    const std::filesystem::path& temporaryPath() const { return m_temporary; }
    /// Open descriptor of the temporary file (for writers that write themselves); -1 after commit.
    int descriptor() const { return m_fd; }
    /// Closes our descriptor early, for writers (libtiff) that reopen the temporary path.
    void closeDescriptor();

    /// Writes exactly `bytes` at `offset`; throws FileError (with the system's reason, e.g. disk full).
    void writeAt(std::uint64_t offset, const void* data, std::size_t bytes);
    /// Flushes to disk and renames over the target; throws FileError on failure.
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    int m_fd = -1;
    bool m_committed = false;
};

} // namespace cryosr
