#include "errormessage.h"

#include <c10/util/Exception.h> // c10::Error, c10::OutOfMemoryError: all this needs of LibTorch

#include <new>
#include <regex>

namespace cryosr {

bool isOutOfMemoryError(const std::exception& error)
{
    if (dynamic_cast<const c10::OutOfMemoryError*>(&error) || dynamic_cast<const std::bad_alloc*>(&error))
        return true;
    // The CPU allocator reports failure as a plain c10::Error.
    const std::string what = error.what();
    return what.find("out of memory") != std::string::npos || what.find("can't allocate memory") != std::string::npos;
}

std::string errorMessage(const std::exception& error)
{
    const auto* torchError = dynamic_cast<const c10::Error*>(&error);
    std::string text = torchError ? torchError->what_without_backtrace() : error.what();
    text = text.substr(0, text.find('\n'));
    if (!isOutOfMemoryError(error))
        return text;
    // "you tried to allocate 67108864 bytes" (CPU), "Tried to allocate 2.00 GiB" (CUDA)
    std::string amount;
    std::smatch match;
    static const std::regex bytes("allocate ([0-9]+) bytes"), withUnit("allocate ([0-9.]+ [KMG]iB)");
    if (std::regex_search(text, match, bytes))
        amount = std::to_string(std::stoll(match[1]) >> 20) + " MiB";
    else if (std::regex_search(text, match, withUnit))
        amount = match[1];
    const bool gpu = dynamic_cast<const c10::OutOfMemoryError*>(&error) != nullptr;
    return std::string("not enough ") + (gpu ? "GPU " : "") + "memory"
        + (amount.empty() ? "" : " (" + amount + " more were needed)")
        + ": choose a smaller region, fewer samples, or bf16 precision on a GPU";
}

} // namespace cryosr
