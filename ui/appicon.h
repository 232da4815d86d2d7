#pragma once

#include <QIcon>

namespace partlab {

/**
 * The window icon, painted with QPainter from the same shapes as resources/partlab.svg: Debian's
 * Qt ships no SVG image plugin by default, and the desktop uses the installed SVG anyway.
 */
class AppIcon
{
public:
    static QIcon icon();
    static QPixmap pixmap(int size);
};

} // namespace partlab
