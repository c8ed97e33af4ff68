// libFuzzer harness: any bytes as a model file (`--model`, the GUI's model list, a training run's
// starting point). Everything of loading that reads the file runs here: the tensor file's header, table
// and checksum, the model's description and the weight count its architecture implies, then every
// tensor's values. Accepted or refused with cryosr::Error; never a crash, nor memory the file cannot fill.
// (What follows in loadModel, copying the checked values into a LibTorch network by name and shape,
// reads nothing more from the file; tst_modelfile covers it.)

#include "fuzzinput.h"
#include "io/errors.h"
#include "model/modelformat.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const cryosr::ModelFile model(fuzzing::asFile(data, size));
        std::vector<float> values;
        for (const cryosr::TensorEntry& entry : model.tensors().tensors()) {
            values.resize(entry.elements);
            model.tensors().read(entry, values.data());
        }
        // An accepted description writes back to a header that describes the same model.
        if (cryosr::modelHeader(model.info())["unet"]["base_channels"] != model.info().architecture.baseChannels)
            __builtin_trap();
    } catch (const cryosr::Error&) {
    }
    return 0;
}
