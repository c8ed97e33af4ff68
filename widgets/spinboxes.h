#pragma once
// Spin boxes as every panel makes them: named (tests and saved state find them by name), with their
// range and first value, and without keyboard tracking, so a typed number counts once it is complete
// (typing "128" is not also 1 and 12).

#include <QDoubleSpinBox>
#include <QSpinBox>

QSpinBox* integerSpinBox(const QString& name, int low, int high, int value);
QDoubleSpinBox* realSpinBox(const QString& name, double low, double high, double value, int decimals, double step);
