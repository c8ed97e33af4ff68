#include "startcancel.h"

#include "io/errors.h"
#include "upscaler.h"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>
#include <utility>
#include <unistd.h>

namespace cryosr {

std::int64_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::int64_t sizePages = 0, residentPages = 0;
    statm >> sizePages >> residentPages;
    return residentPages * ::sysconf(_SC_PAGESIZE);
}

int threadCount()
{
    std::error_code ec;
    int count = 0;
    for (auto it = std::filesystem::directory_iterator("/proc/self/task", ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        ++count;
    return count;
}

namespace {

/// The GUI's arrangement (app/gui/upscaleworker): one long-lived thread runs the upscales it is given;
/// the caller starts one, waits for its first step, asks it to stop and waits until it has.
class Worker {
public:
    Worker(const Upscaler& upscaler, const Image& input, const UpscaleSettings& settings)
        : m_thread([this, &upscaler, &input, &settings](std::stop_token quit) { serve(quit, upscaler, input, settings); })
    {
    }
    ~Worker()
    {
        m_thread.request_stop();
        m_changed.notify_all();
    }

    void startAndCancel()
    {
        std::unique_lock lock(m_mutex);
        m_run = std::stop_source();
        m_state = State::Requested;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_state == State::Stepping || m_state == State::Ended; });
        m_run.request_stop();
        m_changed.wait(lock, [this] { return m_state == State::Ended; });
        if (m_failure)
            std::rethrow_exception(std::exchange(m_failure, nullptr));
        if (!m_cancelled)
            throw ArgumentError("an upscale ran to its end although it was asked to stop after its first step");
    }

private:
    enum class State { Idle, Requested, Stepping, Ended };

    void serve(std::stop_token quit, const Upscaler& upscaler, const Image& input, const UpscaleSettings& settings)
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_changed.wait(lock, quit, [this] { return m_state == State::Requested; });
            if (quit.stop_requested())
                return;
            const std::stop_token stop = m_run.get_token();
            lock.unlock();
            try {
                const UpscaleResult result = upscaler.upscale(input, settings, stop, [this](const UpscaleFrame&) {
                    const std::lock_guard stepped(m_mutex);
                    m_state = State::Stepping;
                    m_changed.notify_all();
                });
                m_cancelled = result.cancelled;
            } catch (...) {
                m_failure = std::current_exception();
            }
            lock.lock();
            m_state = State::Ended;
            m_changed.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    State m_state = State::Idle;
    std::stop_source m_run;
    bool m_cancelled = false;
    std::exception_ptr m_failure;
    std::jthread m_thread; // last: it starts serving once everything above exists
};

} // namespace

StartCancelResult measureStartCancel(const Upscaler& upscaler, int cycles, int warmup, int side)
{
    Image input(side, side);
    std::mt19937 random(1);
    std::normal_distribution<float> noise(100.0f, 10.0f);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            input.at(x, y) = noise(random);
    UpscaleSettings settings;
    settings.sampler.steps = 50;

    Worker worker(upscaler, input, settings);
    for (int i = 0; i < warmup; ++i)
        worker.startAndCancel();
    StartCancelResult result;
    result.cycles = cycles;
    result.residentBytesBefore = residentBytes();
    result.threadsBefore = threadCount();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < cycles; ++i)
        worker.startAndCancel();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.residentBytesAfter = residentBytes();
    result.threadsAfter = threadCount();
    return result;
}

} // namespace cryosr
