#pragma once
// How a controller tells a person that something went wrong, without knowing the window: a title and
// a message. The app shows a dialog (MainWindow::showError); tests record or ignore them.

#include <QString>
#include <functional>

using ErrorSink = std::function<void(const QString& title, const QString& message)>;
