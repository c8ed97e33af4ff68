// cryosr-make-sample OUT.mrc: writes the bundled sample micrograph (a build step, not installed).

#include "samplemicrograph.h"

#include "io/errors.h"
#include "io/imagewriter.h"

#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: cryosr-make-sample OUT.mrc\n";
        return 1;
    }
    try {
        const cryosr::SampleMicrographSpec spec;
        const cryosr::Image image = cryosr::makeSampleMicrograph(spec);
        cryosr::WriteSpec write;
        write.width = image.width();
        write.height = image.height();
        write.pixelSize = image.pixelSize;
        write.labels = {"CryoSR synthetic sample micrograph (no CTF), seed " + std::to_string(spec.seed)};
        auto writer = cryosr::createImageWriter(argv[1], cryosr::FileFormat::Mrc, write);
        writer->writeSection(image);
        writer->commit();
    } catch (const cryosr::Error& e) {
        std::cerr << "cryosr-make-sample: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
