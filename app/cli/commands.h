#pragma once
// cryosr-cli subcommands. Each takes the arguments after its name and returns the exit status:
// 0 success, 1 usage error, 2 a file could not be read or written (130: interrupted).

#include <functional>
#include <string>
#include <vector>

namespace cryosr::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitFailure = 2;

int runInfo(const std::vector<std::string>& args);
int runConvert(const std::vector<std::string>& args);
int runModel(const std::vector<std::string>& args);
int runUpscale(const std::vector<std::string>& args);
int runBaseline(const std::vector<std::string>& args);
int runBench(const std::vector<std::string>& args);
int runSimulate(const std::vector<std::string>& args);
int runTrain(const std::vector<std::string>& args);
int runEval(const std::vector<std::string>& args);
int runFrc(const std::vector<std::string>& args);
int runCtf(const std::vector<std::string>& args);

extern const char* const kInfoHelp;
extern const char* const kConvertHelp;
extern const char* const kModelHelp;
extern const char* const kUpscaleHelp;
extern const char* const kBaselineHelp;
extern const char* const kBenchHelp;
extern const char* const kSimulateHelp;
extern const char* const kTrainHelp;
extern const char* const kEvalHelp;
extern const char* const kFrcHelp;
extern const char* const kCtfHelp;

/// "cryosr-cli: FILE: what is wrong" on stderr, one line.
void reportError(const std::string& message);

/// Runs `report` for each file in turn (info, ctf). A failure goes to stderr (engine errors name their
/// file; others, such as running out of memory, get it added) and, with `json`, to stdout as
/// {"file", "error"}; the files after it still run. Returns kExitOk, or kExitFailure when any failed.
int reportEachFile(const std::vector<std::string>& files, bool json, const std::function<void(const std::string&)>& report);

} // namespace cryosr::cli
