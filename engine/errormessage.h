#pragma once
// One line for the user from any exception the engine lets through. LibTorch's errors carry a C++
// backtrace and its allocators' wording; this says what happened and what to do. Plain C++ (LibTorch
// stays in the .cpp), for the CLI's and the GUI's outermost catch.

#include <exception>
#include <string>

namespace cryosr {

/// True for an allocation that failed: std::bad_alloc, LibTorch's CUDA out-of-memory error and its CPU
/// allocator's "can't allocate memory".
bool isOutOfMemoryError(const std::exception& error);

/// The first line of the error's text without LibTorch's backtrace; for running out of memory, "not enough
/// memory (DEVICE could not give N MB more)" and what to change.
std::string errorMessage(const std::exception& error);

} // namespace cryosr
