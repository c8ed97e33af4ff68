#pragma once
// Where and in what precision the engine computes, as the user chooses it (plain values).

#include <optional>
#include <string>

namespace cryosr {

enum class DeviceChoice { Auto, Cpu, Cuda }; ///< Auto: the first GPU when one is visible
enum class Precision { Float32, BFloat16, Float16 }; ///< of the network; sampling itself stays float32

std::optional<DeviceChoice> deviceChoiceFromName(const std::string& name); ///< "auto", "cpu", "cuda"
std::string deviceChoiceName(DeviceChoice device);
std::optional<Precision> precisionFromName(const std::string& name); ///< "fp32", "bf16", "fp16"
std::string precisionName(Precision precision);

/// The precision a run gets when its user leaves it to us ("auto"): bf16 where `device` resolves to a
/// CPU with bf16 arithmetic (as accurate on held-out data and 0.6-0.8× the time, docs/models.md),
/// fp32 elsewhere: on CPUs without it bf16 gains nothing, and on GPUs it has not been measured.
Precision automaticPrecision(DeviceChoice device);

} // namespace cryosr
