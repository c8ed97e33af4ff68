#pragma once
// What long-running commands (upscale, train) share on a terminal: Ctrl-C as a polite stop request,
// and a status line rewritten in place.

#include <string>

namespace cryosr::cli {

/// From now on the first Ctrl-C (or SIGTERM) only sets interrupted() (the command stops at the end of its current
/// step); a second one ends the process at once (a CPU step can take minutes).
void stopOnInterrupt();
bool interrupted();

/// One line on stderr, rewritten in place when stderr is a terminal; silent otherwise (logs and
/// pipes get the command's own summary lines instead).
class StatusLine {
public:
    StatusLine();
    ~StatusLine() { finish(); }
    StatusLine(const StatusLine&) = delete;
    StatusLine& operator=(const StatusLine&) = delete;

    void show(const std::string& text);
    /// Ends the line, so what is printed next starts on its own.
    void finish();

private:
    bool m_enabled;
    bool m_shown = false;
};

/// "1:02:03" or "2:03" for a duration in seconds ("?" when not finite).
std::string clockText(double seconds);

} // namespace cryosr::cli
