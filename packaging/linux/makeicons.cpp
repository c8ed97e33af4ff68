// cryosr-make-icons SVG OUTDIR NAME: the icon drawn at the freedesktop sizes, as
// OUTDIR/hicolor/NxN/apps/NAME.png beside OUTDIR/hicolor/scalable/apps/NAME.svg, for installation.

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: cryosr-make-icons SVG OUTDIR NAME\n");
        return 1;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen"); // no display at build time
    QGuiApplication app(argc, argv);
    const QString svg = QString::fromLocal8Bit(argv[1]), out = QString::fromLocal8Bit(argv[2]);
    const QString name = QString::fromLocal8Bit(argv[3]);
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "cryosr-make-icons: %s is not a valid SVG\n", argv[1]);
        return 2;
    }
    const QString scalable = out + "/hicolor/scalable/apps";
    QDir().mkpath(scalable);
    QFile::remove(scalable + "/" + name + ".svg");
    bool ok = QFile::copy(svg, scalable + "/" + name + ".svg");
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString folder = QString("%1/hicolor/%2x%2/apps").arg(out).arg(size);
        ok = QDir().mkpath(folder) && image.save(folder + "/" + name + ".png") && ok;
    }
    if (!ok)
        std::fprintf(stderr, "cryosr-make-icons: cannot write into %s\n", argv[2]);
    return ok ? 0 : 2;
}
