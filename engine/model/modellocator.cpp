#include "model/modellocator.h"

#include "io/errors.h"

#include <algorithm>
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
    if (std::find(kShippedModels.begin(), kShippedModels.end(), nameOrPath) == kShippedModels.end())
        return nameOrPath;
    const std::string fileName = nameOrPath + ".cryosr";
    std::string looked;
    for (const std::filesystem::path& folder : modelSearchPath()) {
        const std::filesystem::path candidate = folder / fileName;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec))
            return candidate;
        looked += (looked.empty() ? "" : ", ") + folder.string();
    }
    throw FileError(fileName,
                    "no " + nameOrPath + " model is installed (looked in " + looked
                        + "); pass --model FILE, or set CRYOSR_MODEL_DIR");
}

} // namespace cryosr
