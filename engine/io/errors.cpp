#include "io/errors.h"

namespace cryosr {

namespace {
std::string describe(const std::filesystem::path& file, const std::string& what)
{
    return file.string() + ": " + what;
}
} // namespace

FileError::FileError(const std::filesystem::path& file, const std::string& what)
    : Error(describe(file, what))
{
}

FormatError::FormatError(const std::filesystem::path& file, const std::string& what)
    : Error(describe(file, what))
{
}

UnsupportedError::UnsupportedError(const std::filesystem::path& file, const std::string& what)
    : Error(describe(file, what))
{
}

std::string withThousands(unsigned long long value)
{
    std::string digits = std::to_string(value);
    std::string out;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace cryosr
