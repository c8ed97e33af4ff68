#include "spinboxes.h"

QSpinBox* integerSpinBox(const QString& name, int low, int high, int value)
{
    auto* box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(low, high);
    box->setValue(value);
    box->setKeyboardTracking(false);
    return box;
}

QDoubleSpinBox* realSpinBox(const QString& name, double low, double high, double value, int decimals, double step)
{
    auto* box = new QDoubleSpinBox;
    box->setObjectName(name);
    box->setDecimals(decimals); // before the range and value, which it rounds
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setValue(value);
    box->setKeyboardTracking(false);
    return box;
}
