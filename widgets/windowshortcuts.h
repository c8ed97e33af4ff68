#pragma once
// Lets a window's Ctrl and Alt shortcuts reach their actions from any of its fields. A field's own key
// bindings win otherwise: in a line edit or spin box on X11, Ctrl+U erases the text and Ctrl+E moves
// to its end, so Ctrl+U (Upscale) typed in the η field would erase η and start nothing.

#include <QObject>

class QWidget;

class WindowShortcuts : public QObject {
    Q_OBJECT
public:
    /// Watches the application's events for `window` (which owns this object).
    explicit WindowShortcuts(QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_window;
};
