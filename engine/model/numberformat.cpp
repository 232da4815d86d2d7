#include "numberformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace partlab::fmt {

QString count(qint64 value)
{
    return QLocale().toString(value);
}

QString count(quint64 value)
{
    return QLocale().toString(value);
}

QString decimal(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString shortest(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

QString percent(double fraction, int decimals)
{
    //: A percentage; German puts a (narrow) space before the sign.
    return QCoreApplication::translate("Format", "%1%").arg(decimal(100.0 * fraction, decimals));
}

QString rate(double perSecond)
{
    if (perSecond >= 1e6)
        return QCoreApplication::translate("Format", "%1 M msg/s").arg(decimal(perSecond / 1e6, 2));
    if (perSecond >= 1e4)
        return QCoreApplication::translate("Format", "%1 k msg/s").arg(decimal(perSecond / 1e3, 1));
    return QCoreApplication::translate("Format", "%1 msg/s").arg(decimal(perSecond, 0));
}

} // namespace partlab::fmt
