// cryosr-cli: the headless tool. Needs no display, no OpenGL and no Qt.

#include "arguments.h"
#include "commands.h"

#include "deviceinfo.h"
#include "errormessage.h"
#include "io/errors.h"
#include "json.h"

#include <cstring>
#include <iostream>
#include <new>

namespace {

const char* const kMainHelp =
    "usage: cryosr-cli COMMAND [OPTIONS] ...\n"
    "\n"
    "Commands:\n"
    "  info      describe MRC/TIFF files (size, type, pixel size, statistics)\n"
    "  convert   convert between MRC and TIFF, keeping data and pixel size\n"
    "  upscale   diffusion super-resolution of a section or region\n"
    "  baseline  classical upscaling (Fourier, bicubic, Lanczos) to compare with\n"
    "  model     create an untrained model, describe a model file, or convert an old one\n"
    "  bench     time one denoising step on this machine\n"
    "  simulate  a synthetic micrograph of a 3D map (CTF, ice, shot noise) and its clean image\n"
    "  train     train a model on micrographs (resumable, with a JSON-lines log)\n"
    "  eval      measure a model against Fourier, bicubic and Lanczos upscaling (PSNR, SSIM, FRC)\n"
    "  frc       Fourier ring correlation of two images\n"
    "  ctf       defocus, astigmatism and fit resolution from a micrograph's Thon rings\n"
    "\n"
    "  cryosr-cli COMMAND --help   help for one command\n"
    "  cryosr-cli --version        version, LibTorch and devices\n";

void printVersion()
{
    const cryosr::DeviceInfo devices = cryosr::queryDevices();
    std::cout << "cryosr-cli " CRYOSR_VERSION "\nLibTorch " << devices.libtorchVersion << ", " << devices.cpuThreads
              << " CPU threads, CUDA "
              << (devices.cudaDevices.empty() ? std::string(devices.cudaBuilt ? "built, no GPU visible" : "not built")
                                              : std::to_string(devices.cudaDevices.size()) + " GPU(s)")
              << '\n';
    for (const std::string& name : devices.cudaDevices)
        std::cout << "  " << name << '\n';
}

} // namespace

int main(int argc, char** argv)
{
    using namespace cryosr::cli;
    if (argc < 2) {
        std::cerr << kMainHelp;
        return kExitUsage;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kMainHelp;
        return kExitOk;
    }
    if (command == "--version") {
        printVersion();
        return kExitOk;
    }

    struct Command {
        const char* name;
        int (*run)(const std::vector<std::string>&);
        const char* help;
    };
    const Command commands[] = {{"info", runInfo, kInfoHelp},
                                {"convert", runConvert, kConvertHelp},
                                {"upscale", runUpscale, kUpscaleHelp},
                                {"baseline", runBaseline, kBaselineHelp},
                                {"model", runModel, kModelHelp},
                                {"bench", runBench, kBenchHelp},
                                {"simulate", runSimulate, kSimulateHelp},
                                {"train", runTrain, kTrainHelp},
                                {"eval", runEval, kEvalHelp},
                                {"frc", runFrc, kFrcHelp},
                                {"ctf", runCtf, kCtfHelp}};
    for (const Command& c : commands) {
        if (command != c.name)
            continue;
        for (const std::string& a : args)
            if (a == "--help" || a == "-h") {
                std::cout << c.help;
                return kExitOk;
            }
        try {
            return c.run(args);
        } catch (const UsageError& e) {
            std::cerr << "cryosr-cli " << c.name << ": " << e.what() << "\n(see cryosr-cli " << c.name << " --help)\n";
            return kExitUsage;
        } catch (const cryosr::ArgumentError& e) { // a region outside the image, steps beyond T, ...
            reportError(e.what());
            return kExitUsage;
        } catch (const std::exception& e) { // LibTorch's errors too: one line, out of memory said plainly
            reportError(cryosr::errorMessage(e));
            return kExitFailure;
        }
    }
    std::cerr << "cryosr-cli: unknown command '" << command << "'\n\n" << kMainHelp;
    return kExitUsage;
}

namespace cryosr::cli {
void reportError(const std::string& message)
{
    std::cerr << "cryosr-cli: " << message << '\n';
}

int reportEachFile(const std::vector<std::string>& files, bool json, const std::function<void(const std::string&)>& report)
{
    int status = kExitOk;
    for (const std::string& file : files) {
        try {
            report(file);
        } catch (const std::exception& e) {
            const bool named = dynamic_cast<const Error*>(&e) != nullptr;
            const std::string message = named ? e.what() : file + ": " + e.what();
            reportError(message);
            if (json)
                std::cout << JsonObject().add("file", file).add("error", message).str() << '\n';
            status = kExitFailure;
        }
        std::cout.flush();
    }
    return status;
}
} // namespace cryosr::cli
