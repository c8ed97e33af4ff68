#pragma once
// One line for the user from any exception the engine lets through. LibTorch's errors carry a C++
// backtrace and its allocators' wording; this says what happened and what to do. Plain C++ (LibTorch
// stays in the .cpp), for the CLI's and the GUI's outermost catch.

#include "io/errors.h"

#include <exception>
#include <string>

namespace cryosr {

/// What the engine throws when a device runs out of memory (upscaling, training), in place of
/// LibTorch's or the standard library's own error, so that no caller has to read message text.
/// what(): "not enough [GPU ]memory (N MiB more were needed): choose a smaller region, …".
class OutOfMemoryError : public Error {
public:
    OutOfMemoryError(bool gpu, std::string amountNeeded);
    bool onGpu() const { return m_gpu; }
    /// "64 MiB", "2.00 GiB": what the failed allocation asked for; empty where the allocator did not say.
    const std::string& amountNeeded() const { return m_amount; }

private:
    bool m_gpu;
    std::string m_amount;
};

/// True for an allocation that failed: OutOfMemoryError, std::bad_alloc, LibTorch's CUDA out-of-memory
/// error and its CPU allocator's "can't allocate memory". For the engine's own use (it retries with
/// less); callers catch OutOfMemoryError.
bool isOutOfMemoryError(const std::exception& error);

/// Throws `error` as an OutOfMemoryError when it is a failed allocation; returns otherwise. The engine's
/// entry points call it on what they let through.
void throwIfOutOfMemory(const std::exception& error);

/// The first line of the error's text without LibTorch's backtrace; for running out of memory,
/// OutOfMemoryError's message.
std::string errorMessage(const std::exception& error);

} // namespace cryosr
