#pragma once
// The main window's form: menus, the image view, the section selector and the status bar.
// It knows nothing of files or the engine; the app's controller fills it and reacts to its signals.

#include "floatimage.h"

#include <QMainWindow>
#include <memory>

class QLabel;
class QSpinBox;
class ImageView;
namespace Ui {
class MainWindow;
}

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ImageView* imageView() const;
    /// Shows `image` as section `section` of `sectionCount`; `description` goes to the status bar
    /// (size, type, pixel size) and `title` to the window title.
    void showImage(const FloatImage& image, const QString& title, const QString& description, int section,
                   int sectionCount);
    /// A modal message that names the file and says what is wrong; the current image stays.
    void showError(const QString& title, const QString& message);
    /// Ångström per pixel for the hover readout; 0 when unknown.
    void setPixelSize(double angstrom) { m_pixelSize = angstrom; }

Q_SIGNALS:
    void openRequested(const QString& file);
    void sectionRequested(int section);

private:
    void chooseFile();
    void showPixel(const QPoint& pixel, float value);

    std::unique_ptr<Ui::MainWindow> m_ui;
    QSpinBox* m_section = nullptr;
    QLabel* m_sectionCount = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_pixel = nullptr;
    double m_pixelSize = 0.0;
};
