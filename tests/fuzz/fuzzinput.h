#pragma once
// The fuzzers' input as a file: the readers take paths (they check sizes against the file, seek, and
// libtiff opens files itself), so each input is written to one in-memory file (memfd) that every run
// reuses, reachable as /proc/self/fd/N.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace fuzzing {

/// Replaces the in-memory file's content with `data` and returns its path.
inline std::filesystem::path asFile(const std::uint8_t* data, std::size_t size)
{
    static const int fd = memfd_create("cryosr-fuzz-input", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, 0) != 0)
        __builtin_trap();
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
        if (n <= 0)
            __builtin_trap();
        done += static_cast<std::size_t>(n);
    }
    return "/proc/self/fd/" + std::to_string(fd);
}

} // namespace fuzzing
