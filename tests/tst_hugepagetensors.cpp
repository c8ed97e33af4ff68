// 2 MB pages for large tensors: the memory of a large tensor is advised (Linux marks its mapping "hg"),
// a small one's is not, allocation keeps LibTorch's raw interface working, and advised memory computes
// like any other.

#include "hugepagetensors.h"

#include <QFile>
#include <QTest>
#include <c10/core/CPUAllocator.h>
#include <torch/torch.h>

#include <cstdint>

using namespace cryosr;

namespace {

constexpr std::int64_t kMiB = 1 << 20;

/// An uninitialised float tensor of `bytes` (untouched pages cost no memory).
torch::Tensor floatsOf(std::int64_t bytes)
{
    return torch::empty({bytes / 4}, torch::kFloat32);
}

/// Whether Linux has the mapping that holds `address` advised for huge pages (VmFlags "hg").
bool advisedForHugePages(const void* address)
{
    QFile smaps("/proc/self/smaps");
    if (!smaps.open(QIODevice::ReadOnly))
        return false;
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    bool inside = false;
    for (const QByteArray& line : smaps.readAll().split('\n')) {
        const int dash = line.indexOf('-'), space = line.indexOf(' ');
        if (dash > 0 && space > dash && !line.startsWith("VmFlags")) {
            bool okBegin = false, okEnd = false;
            const std::uintptr_t begin = line.left(dash).toULongLong(&okBegin, 16);
            const std::uintptr_t end = line.mid(dash + 1, space - dash - 1).toULongLong(&okEnd, 16);
            if (okBegin && okEnd) {
                inside = begin <= at && at < end;
                continue;
            }
        }
        if (inside && line.startsWith("VmFlags:"))
            return line.split(' ').contains("hg");
    }
    return false;
}

/// Where Linux cannot use transparent huge pages the advice is a no-op, and there is nothing to see.
bool hugePagesAvailable()
{
    QFile setting("/sys/kernel/mm/transparent_hugepage/enabled");
    return setting.open(QIODevice::ReadOnly) && !setting.readAll().contains("[never]");
}

} // namespace

class TestHugePageTensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void largeTensorIsAdvised();
    void smallTensorIsNot();
    void rawAllocationsRoundTrip();
    void advisedMemoryComputesCorrectly();
};

void TestHugePageTensors::initTestCase()
{
    useHugePagesForLargeTensors();
}

void TestHugePageTensors::largeTensorIsAdvised()
{
    if (!hugePagesAvailable())
        QSKIP("transparent huge pages are off on this machine");
    const torch::Tensor large = floatsOf(300 * kMiB);
    // The advice covers the whole 2 MB pages inside the block; look at its middle.
    QVERIFY(advisedForHugePages(static_cast<const char*>(large.data_ptr()) + 150 * kMiB));
}

void TestHugePageTensors::smallTensorIsNot()
{
    if (!hugePagesAvailable())
        QSKIP("transparent huge pages are off on this machine");
    const torch::Tensor small = floatsOf(std::int64_t(kHugePageTensorBytes) / 2);
    QVERIFY(!advisedForHugePages(static_cast<const char*>(small.data_ptr()) + kHugePageTensorBytes / 4));
}

void TestHugePageTensors::rawAllocationsRoundTrip()
{
    c10::Allocator* allocator = c10::GetCPUAllocator();
    QVERIFY(allocator->raw_deleter() != nullptr);
    void* large = allocator->raw_allocate(70 * kMiB);
    void* small = allocator->raw_allocate(1024);
    QVERIFY(large && small);
    allocator->raw_deallocate(small);
    allocator->raw_deallocate(large);
}

void TestHugePageTensors::advisedMemoryComputesCorrectly()
{
    const std::int64_t n = 16 * kMiB; // 64 MiB of floats, each integer exact in float32
    const double expected = double(n) * double(n - 1) / 2;
    for (int round = 0; round < 2; ++round) {
        const torch::Tensor values = torch::arange(n, torch::kFloat64).to(torch::kFloat32);
        QCOMPARE(values.to(torch::kFloat64).sum().item<double>(), expected);
        const torch::Tensor zeros = torch::zeros({n}, torch::kFloat32);
        QCOMPARE(zeros.abs().max().item<float>(), 0.0f);
    }
}

QTEST_GUILESS_MAIN(TestHugePageTensors)
#include "tst_hugepagetensors.moc"
