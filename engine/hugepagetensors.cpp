#include "hugepagetensors.h"

#include "io/hugepages.h"

#include <c10/core/CPUAllocator.h>

#include <mutex>

namespace cryosr {

namespace {

/// LibTorch's CPU allocator, unchanged but for the advice on large blocks. Every block comes from the
/// allocator it wraps, with that allocator's deleter, so its raw_allocate and raw_deallocate hold.
class HugePageAllocator final : public c10::Allocator {
public:
    explicit HugePageAllocator(c10::Allocator* wrapped)
        : m_wrapped(wrapped)
    {
    }

    c10::DataPtr allocate(std::size_t bytes) const override
    {
        c10::DataPtr block = m_wrapped->allocate(bytes);
        if (bytes >= kHugePageTensorBytes)
            adviseHugePages(block.get(), bytes);
        return block;
    }

    c10::DeleterFnPtr raw_deleter() const override { return m_wrapped->raw_deleter(); }

private:
    c10::Allocator* m_wrapped;
};

} // namespace

void useHugePagesForLargeTensors()
{
    static std::once_flag once;
    std::call_once(once, [] {
        static HugePageAllocator allocator(c10::GetCPUAllocator()); // lives as long as any tensor
        c10::SetCPUAllocator(&allocator, /*priority=*/1); // above the default's 0
    });
}

} // namespace cryosr
