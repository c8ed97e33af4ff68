#include "errormessage.h"

#include <c10/util/Exception.h> // c10::Error, c10::OutOfMemoryError: all this needs of LibTorch

#include <new>
#include <regex>

namespace cryosr {

namespace {

/// The first line of the error's text, without LibTorch's backtrace.
std::string firstLine(const std::exception& error)
{
    const auto* torchError = dynamic_cast<const c10::Error*>(&error);
    const std::string text = torchError ? torchError->what_without_backtrace() : error.what();
    return text.substr(0, text.find('\n'));
}

/// A failed allocation as the engine's own error (`error` must be one).
OutOfMemoryError asOutOfMemory(const std::exception& error)
{
    if (const auto* own = dynamic_cast<const OutOfMemoryError*>(&error))
        return *own;
    // "you tried to allocate 67108864 bytes" (CPU), "Tried to allocate 2.00 GiB" (CUDA)
    const std::string text = firstLine(error);
    std::string amount;
    std::smatch match;
    static const std::regex bytes("allocate ([0-9]+) bytes"), withUnit("allocate ([0-9.]+ [KMG]iB)");
    if (std::regex_search(text, match, bytes))
        amount = std::to_string(std::stoll(match[1]) >> 20) + " MiB";
    else if (std::regex_search(text, match, withUnit))
        amount = match[1];
    return OutOfMemoryError(dynamic_cast<const c10::OutOfMemoryError*>(&error) != nullptr, amount);
}

} // namespace

OutOfMemoryError::OutOfMemoryError(bool gpu, std::string amountNeeded)
    : Error(std::string("not enough ") + (gpu ? "GPU " : "") + "memory"
            + (amountNeeded.empty() ? "" : " (" + amountNeeded + " more were needed)")
            + ": choose a smaller region, fewer samples, or bf16 precision on a GPU")
    , m_gpu(gpu)
    , m_amount(std::move(amountNeeded))
{
}

bool isOutOfMemoryError(const std::exception& error)
{
    if (dynamic_cast<const OutOfMemoryError*>(&error) || dynamic_cast<const c10::OutOfMemoryError*>(&error)
        || dynamic_cast<const std::bad_alloc*>(&error))
        return true;
    // The CPU allocator reports failure as a plain c10::Error: its wording is all there is to go by.
    if (!dynamic_cast<const c10::Error*>(&error))
        return false;
    const std::string what = error.what();
    return what.find("out of memory") != std::string::npos || what.find("can't allocate memory") != std::string::npos;
}

void throwIfOutOfMemory(const std::exception& error)
{
    if (isOutOfMemoryError(error))
        throw asOutOfMemory(error);
}

std::string errorMessage(const std::exception& error)
{
    return isOutOfMemoryError(error) ? asOutOfMemory(error).what() : firstLine(error);
}

} // namespace cryosr
