// What the user reads when the engine fails (engine/errormessage): LibTorch's errors lose their C++
// backtrace, and running out of memory on the CPU or the GPU is said plainly, with what to change.

#include "errormessage.h"
#include "io/errors.h"

#include <QTest>
#include <c10/util/Exception.h>
#include <new>
#include <stdexcept>

class TestErrorMessage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outOfMemoryIsSaidPlainly();
    void otherErrorsKeepTheirFirstLine();
    void outOfMemoryLeavesTheEngineAsItsOwnType();
};

void TestErrorMessage::outOfMemoryIsSaidPlainly()
{
    // The wording of LibTorch 1.13's CPU allocator and of its CUDA caching allocator.
    const c10::Error cpu(
        "DefaultCPUAllocator: can't allocate memory: you tried to allocate 67108864 bytes. "
        "Error code 12 (Cannot allocate memory)",
        "frame #0: c10::alloc_cpu(unsigned long)\nframe #1: ...");
    QVERIFY(cryosr::isOutOfMemoryError(cpu));
    QCOMPARE(QString::fromStdString(cryosr::errorMessage(cpu)),
             QString("not enough memory (64 MiB more were needed): choose a smaller region, fewer samples, or bf16 "
                     "precision on a GPU"));
    const c10::OutOfMemoryError gpu({"alloc", "CUDACachingAllocator.cpp", 1},
                                    "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 79.10 GiB total capacity)");
    QVERIFY(cryosr::isOutOfMemoryError(gpu));
    QVERIFY2(cryosr::errorMessage(gpu).starts_with("not enough GPU memory (2.00 GiB more were needed)"),
             cryosr::errorMessage(gpu).c_str());
    QVERIFY(cryosr::isOutOfMemoryError(std::bad_alloc()));
    QVERIFY(cryosr::errorMessage(std::bad_alloc()).starts_with("not enough memory: "));
}

void TestErrorMessage::otherErrorsKeepTheirFirstLine()
{
    const c10::Error shapes("The size of tensor a (4) must match the size of tensor b (5)", "frame #0: at::...\nframe #1");
    QVERIFY(!cryosr::isOutOfMemoryError(shapes));
    QCOMPARE(QString::fromStdString(cryosr::errorMessage(shapes)),
             QString("The size of tensor a (4) must match the size of tensor b (5)"));
    const cryosr::FileError file("/data/mic.mrc", "cannot write: No space left on device");
    QCOMPARE(cryosr::errorMessage(file), std::string(file.what()));
    QVERIFY(!cryosr::isOutOfMemoryError(file));
}

void TestErrorMessage::outOfMemoryLeavesTheEngineAsItsOwnType()
{
    // What the engine's entry points (Upscaler::upscale, train) do with what they let through: callers
    // catch cryosr::OutOfMemoryError and read the device and amount from it, not from message text.
    const c10::Error cpu("DefaultCPUAllocator: can't allocate memory: you tried to allocate 67108864 bytes.", "frame #0");
    try {
        cryosr::throwIfOutOfMemory(cpu);
        QFAIL("not thrown as OutOfMemoryError");
    } catch (const cryosr::OutOfMemoryError& e) {
        QVERIFY(!e.onGpu());
        QCOMPARE(QString::fromStdString(e.amountNeeded()), QString("64 MiB"));
        QCOMPARE(QString::fromStdString(cryosr::errorMessage(e)), QString::fromStdString(cryosr::errorMessage(cpu)));
    }
    const c10::OutOfMemoryError gpu({"alloc", "CUDACachingAllocator.cpp", 1}, "CUDA out of memory. Tried to allocate 2.00 GiB");
    try {
        cryosr::throwIfOutOfMemory(gpu);
        QFAIL("not thrown as OutOfMemoryError");
    } catch (const cryosr::OutOfMemoryError& e) {
        QVERIFY(e.onGpu());
        QCOMPARE(QString::fromStdString(e.amountNeeded()), QString("2.00 GiB"));
    }
    try {
        cryosr::throwIfOutOfMemory(std::bad_alloc());
        QFAIL("not thrown as OutOfMemoryError");
    } catch (const cryosr::OutOfMemoryError& e) {
        QVERIFY(e.amountNeeded().empty());
        QVERIFY(QString::fromUtf8(e.what()).startsWith("not enough memory: "));
    }
    // Anything else goes on as it was; a message that merely mentions memory is not a failed allocation.
    cryosr::throwIfOutOfMemory(c10::Error("The size of tensor a (4) must match the size of tensor b (5)", ""));
    cryosr::throwIfOutOfMemory(cryosr::FileError("/data/out of memory.mrc", "cannot write: No space left on device"));
    cryosr::throwIfOutOfMemory(std::runtime_error("out of memory"));
}

QTEST_GUILESS_MAIN(TestErrorMessage)
#include "tst_errormessage.moc"
