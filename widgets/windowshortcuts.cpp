#include "windowshortcuts.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace {

bool hasShortcut(const QWidget* window, const QKeySequence& keys)
{
    for (const QAction* action : window->findChildren<QAction*>())
        if (action->shortcuts().contains(keys))
            return true;
    return false;
}

} // namespace

WindowShortcuts::WindowShortcuts(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

bool WindowShortcuts::eventFilter(QObject* watched, QEvent* event)
{
    // Before a key press the focused widget gets a ShortcutOverride: accepting it keeps the key for
    // the widget. Stopping it here unaccepted lets the shortcut go to the window's action instead.
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    return (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) && static_cast<QWidget*>(watched)->window() == m_window
        && hasShortcut(m_window, QKeySequence(key->keyCombination()));
}
