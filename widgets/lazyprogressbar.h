#pragma once
// A progress bar that repaints with the next frame. QProgressBar::setValue repaints at once, which in
// a window holding OpenGL views composes the whole window synchronously (25-40 ms per call with
// software OpenGL): progress reported many times a second would hold up the event loop.

#include <QString>
#include <QWidget>

class LazyProgressBar : public QWidget {
    Q_OBJECT
public:
    explicit LazyProgressBar(QWidget* parent = nullptr);

    /// `value` of `maximum` done, with `text` on the bar (none when empty); painted with the next frame.
    void setProgress(int value, int maximum, const QString& text);
    int value() const { return m_value; }
    int maximum() const { return m_maximum; }
    QString text() const { return m_text; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int m_value = 0;
    int m_maximum = 1;
    QString m_text;
};
