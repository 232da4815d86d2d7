#include "optionvalues.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>

namespace partlab {

std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                                    QString *error)
{
    const QString text = parser.value(name);
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = QCoreApplication::translate("Options", "--%1 must be a whole number between %2 and %3 (got '%4')")
                     .arg(name).arg(min).arg(max).arg(text);
        return std::nullopt;
    }
    return v;
}

std::optional<double> numberOption(const QCommandLineParser &parser, const QString &name, double min, double max,
                                   QString *error)
{
    const QString text = parser.value(name);
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max) {
        // Bounds in full ("1000000000", not QString::arg's "1e+09").
        *error = QCoreApplication::translate("Options", "--%1 must be a number between %2 and %3 (got '%4')")
                     .arg(name, QString::number(min, 'g', 15), QString::number(max, 'g', 15), text);
        return std::nullopt;
    }
    return v;
}

} // namespace partlab
