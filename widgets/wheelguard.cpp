#include "wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QScrollArea>

namespace {

class WheelGuard : public QObject {
public:
    explicit WheelGuard(QScrollArea* area)
        : QObject(area)
        , m_area(area)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        auto* input = qobject_cast<QWidget*>(watched);
        if (event->type() != QEvent::Wheel || !input || input->hasFocus())
            return false;
        // Handed to the viewport, where the scroll area turns it into scrolling (horizontal or vertical
        // by the wheel's direction). Ignoring it instead would reach the scroll area only for a real
        // wheel, since Qt does not pass synthesised wheel events on to the parents.
        QCoreApplication::sendEvent(m_area->viewport(), event);
        return true;
    }

private:
    QScrollArea* m_area;
};

} // namespace

void scrollPastUnfocusedInputs(QScrollArea* area)
{
    auto* guard = new WheelGuard(area);
    QList<QWidget*> inputs;
    for (auto* box : area->widget()->findChildren<QComboBox*>())
        inputs.append(box);
    for (auto* box : area->widget()->findChildren<QAbstractSpinBox*>())
        inputs.append(box);
    for (QWidget* input : inputs) {
        // Wheel focus would focus the box on the first notch, before the filter sees it unfocused.
        if (input->focusPolicy() == Qt::WheelFocus)
            input->setFocusPolicy(Qt::StrongFocus);
        input->installEventFilter(guard);
    }
}
