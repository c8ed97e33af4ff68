#include "model/modellocator.h"

#include "io/errors.h"

#include <cstdlib>

namespace cryosr {

std::vector<std::filesystem::path> modelSearchPath()
{
    std::vector<std::filesystem::path> folders;
    if (const char* dir = std::getenv("CRYOSR_MODEL_DIR"); dir && *dir)
        folders.emplace_back(dir);
    std::error_code ec;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        folders.push_back(executable.parent_path().parent_path() / "share" / "cryosr" / "models");
#ifdef CRYOSR_BUILD_MODEL_DIR
    folders.emplace_back(CRYOSR_BUILD_MODEL_DIR);
#endif
    return folders;
}

std::filesystem::path locateModel(const std::string& nameOrPath)
{
    if (nameOrPath != "default")
        return nameOrPath;
    std::string looked;
    for (const std::filesystem::path& folder : modelSearchPath()) {
        const std::filesystem::path candidate = folder / kDefaultModelFileName;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec))
            return candidate;
        looked += (looked.empty() ? "" : ", ") + folder.string();
    }
    throw FileError(kDefaultModelFileName, "no default model is installed (looked in " + looked
                                               + "); pass --model FILE, or set CRYOSR_MODEL_DIR");
}

} // namespace cryosr
