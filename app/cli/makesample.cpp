// cryosr-make-sample OUT.mrc: writes the bundled sample micrograph (a build step, not installed):
// the project's own simulator on a synthetic complex, so the build needs no downloaded data.

#include "io/errors.h"
#include "io/imagewriter.h"
#include "simulation/micrographsimulator.h"
#include "simulation/syntheticmap.h"

#include <cstdio>
#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: cryosr-make-sample OUT.mrc\n";
        return 1;
    }
    try {
        cryosr::SimulationSettings settings;
        settings.width = settings.height = 1024;
        settings.pixelSize = 1.5;
        settings.particles = 60;
        settings.seed = 1;
        const auto simulated = cryosr::simulateMicrograph(cryosr::makeSyntheticComplex(), settings);
        cryosr::WriteSpec write;
        write.width = simulated.micrograph.width();
        write.height = simulated.micrograph.height();
        write.pixelSize = simulated.micrograph.pixelSize;
        char defocus[64];
        std::snprintf(defocus, sizeof defocus, "%.2f um", simulated.ctf.defocusAngstrom / 1e4);
        write.labels = {"CryoSR sample: simulated micrograph of a synthetic heptamer, seed 1",
                        std::to_string(simulated.particlesPlaced) + " particles, 300 kV, defocus " + defocus + ", 40 e/A^2"};
        auto writer = cryosr::createImageWriter(argv[1], cryosr::FileFormat::Mrc, write);
        writer->writeSection(simulated.micrograph);
        writer->commit();
    } catch (const cryosr::Error& e) {
        std::cerr << "cryosr-make-sample: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
