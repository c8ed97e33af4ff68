#pragma once
// `cryosr --benchmark-frames N FILE`: the viewer's speed and memory as scripts/bench-viewer.sh reads them.

class MainWindow;
class MicrographController;
class QElapsedTimer;
class QString;

/**
 * Shows `file` in a window whose image view is 1280 × 800, then zooms and pans N times, waiting for
 * each frame to reach the screen (MicrographView::frameSwapped). Prints `first_frame_ms` (from
 * `sinceLaunch`), the median and maximum frame times and the peak resident memory, one `key value`
 * per line. Returns the process exit status.
 */
int runViewerBenchmark(MainWindow& window, MicrographController& controller, const QString& file, int frames, bool wholeWindow,
                       const QElapsedTimer& sinceLaunch);
