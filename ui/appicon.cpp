#include "appicon.h"

#include "views/palette.h"

#include <QPainter>
#include <QPainterPath>

namespace partlab {

QPixmap AppIcon::pixmap(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 256.0, size / 256.0); // the SVG's coordinate system
    p.setPen(Qt::NoPen);
    p.setBrush(Palette::iconBackground);
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44);
    p.setPen(QPen(Palette::iconRoute, 9, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    for (const auto &[c1, c2, end] : {std::tuple{62.0, 62.0, 62.0}, std::tuple{128.0, 106.0, 106.0},
                                      std::tuple{128.0, 150.0, 150.0}, std::tuple{194.0, 194.0, 194.0}}) {
        QPainterPath path(QPointF(78, 128));
        path.cubicTo(QPointF(110, 128), QPointF(112, c1 == 128.0 ? c2 : c1), QPointF(146, end));
        p.drawPath(path);
    }
    p.setPen(Qt::NoPen);
    p.setBrush(Palette::iconKey);
    p.drawEllipse(QPointF(66, 128), 26, 26);
    p.setBrush(Palette::iconBackground);
    p.drawEllipse(QPointF(66, 128), 11, 11);
    const QColor blue = Palette::iconBar, red = Palette::iconHotBar;
    for (const auto &[y, w, color] : {std::tuple{48.0, 72.0, blue}, std::tuple{92.0, 50.0, blue},
                                      std::tuple{136.0, 88.0, red}, std::tuple{180.0, 40.0, blue}}) {
        p.setBrush(color);
        p.drawRoundedRect(QRectF(150, y, w, 28), 7, 7);
    }
    return pixmap;
}

QIcon AppIcon::icon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(pixmap(size));
    return icon;
}

} // namespace partlab
