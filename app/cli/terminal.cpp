#include "terminal.h"

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace cryosr::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
    static const char message[] = "\ncryosr-cli: stopping after this step (Ctrl-C again to quit at once)\n";
    [[maybe_unused]] const auto written = write(STDERR_FILENO, message, sizeof message - 1);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace

void stopOnInterrupt()
{
    // SIGTERM too: the GUI's Pause and Slurm (before a time limit, or `scancel --signal=TERM`) send it.
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

bool interrupted()
{
    return g_interrupted;
}

StatusLine::StatusLine()
    : m_enabled(isatty(STDERR_FILENO) == 1)
{
}

void StatusLine::show(const std::string& text)
{
    if (!m_enabled)
        return;
    std::fprintf(stderr, "\r%s   ", text.c_str());
    std::fflush(stderr);
    m_shown = true;
}

void StatusLine::finish()
{
    if (m_enabled && m_shown)
        std::fputc('\n', stderr);
    m_shown = false;
}

std::string clockText(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "?";
    const long long s = std::llround(seconds);
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
    return text;
}

} // namespace cryosr::cli
