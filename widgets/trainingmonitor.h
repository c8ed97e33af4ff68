#pragma once
// One training run as it goes: its state, progress with speed and time left, the loss and the
// validation PSNR plotted against the step, the latest validation samples (input / output / target),
// and Pause, Resume and Cancel. It shows what it is told; the app follows the run's log.

#include "floatimage.h"

#include <QWidget>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QProgressBar;
class QPushButton;
class QValueAxis;

class TrainingMonitor : public QWidget {
    Q_OBJECT
public:
    enum class State { Starting, Running, Stopping, Paused, Finished, Failed, Cancelled, Waiting, Lost };

    explicit TrainingMonitor(QWidget* parent = nullptr);

    /// Forgets the shown run (curves, samples, progress).
    void clear();
    void setTitle(const QString& name, const QString& details);
    /// The state decides which buttons work; `message` says more (an error, where the model went).
    void setState(State state, const QString& message = {});
    State state() const { return m_state; }
    void setProgress(qint64 step, qint64 total, double stepsPerSecond, double secondsLeft);
    void addLoss(qint64 step, double loss);
    void addValidation(qint64 step, double loss, double psnr, double psnrFourier);
    /// The latest validation crops: condition, output and target of each, in that order.
    void setSamples(qint64 step, const QList<FloatImage>& images);

    int lossPoints() const;
    int validationPoints() const;
    QString progressText() const;
    QString stateText() const;

Q_SIGNALS:
    void pauseRequested();
    void resumeRequested();
    void cancelRequested();
    void openFolderRequested();

private:
    void fitAxes();
    QLabel* m_title;
    QLabel* m_details;
    QLabel* m_stateLabel;
    QProgressBar* m_progress;
    QLabel* m_speed;
    QPushButton* m_pause;
    QPushButton* m_resume;
    QPushButton* m_cancel;
    QLineSeries* m_loss;
    QLineSeries* m_validationLoss;
    QLineSeries* m_psnr;
    QLineSeries* m_psnrFourier;
    QValueAxis* m_lossSteps;
    QLogValueAxis* m_lossAxis;
    QValueAxis* m_psnrSteps;
    QValueAxis* m_psnrAxis;
    QLabel* m_samplesTitle;
    QGridLayout* m_samples;
    State m_state = State::Waiting;
    double m_lossLow = 0, m_lossHigh = 0;
};
