#include "skewgaugeview.h"

#include "model/numberformat.h"
#include "palette.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace partlab {

SkewGaugeView::SkewGaugeView(QWidget *parent)
    : QWidget(parent)
{
    setToolTip(tr("Skew = messages of the busiest partition / mean messages per partition.\n"
                  "1 means perfectly even; N means one partition does all the work."));
}

void SkewGaugeView::setSkew(double skew, int partitions, int busiest, double share)
{
    if (skew == m_skew && partitions == m_partitions && busiest == m_busiest && share == m_share)
        return;
    m_skew = skew;
    m_partitions = qMax(1, partitions);
    m_busiest = busiest;
    m_share = share;
    update();
}

double SkewGaugeView::dialMaximum() const
{
    return qMax(4.0, double(m_partitions));
}

double SkewGaugeView::angleFor(double value) const
{
    // 180 degrees (left) at 1, 0 degrees (right) at the maximum, on a log scale: 2x skew is the
    // same step whether N is 4 or 1024.
    const double max = dialMaximum();
    const double t = qBound(0.0, std::log(qMax(1.0, value)) / std::log(max), 1.0);
    return 180.0 * (1.0 - t);
}

void SkewGaugeView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    const int textLines = 2;
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    const QFontMetrics bfm(big);
    const double available = height() - textLines * fm.height() - bfm.height() - 16;
    const double radius = qMax(20.0, qMin(width() / 2.0 - 16, available - 8));
    const QPointF center(width() / 2.0, 8 + radius);
    const QRectF arcRect(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius);
    const double thickness = qMax(8.0, radius * 0.18);

    // Zones.
    const struct { double from, to; QColor color; } zones[] = {
        {1.0, kEvenLimit, Palette::gaugeEven},
        {kEvenLimit, kWarnLimit, Palette::gaugeWarn},
        {kWarnLimit, dialMaximum(), Palette::gaugeSkewed},
    };
    for (const auto &z : zones) {
        const double a0 = angleFor(z.from), a1 = angleFor(z.to);
        p.setPen(QPen(z.color, thickness, Qt::SolidLine, Qt::FlatCap));
        p.drawArc(arcRect.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2), int(a1 * 16),
                  int((a0 - a1) * 16));
    }

    // Scale labels.
    p.setPen(pal.color(QPalette::WindowText));
    QFont small = font();
    small.setPointSizeF(qMax(6.0, small.pointSizeF() * 0.85));
    p.setFont(small);
    const QFontMetrics sfm(small);
    QList<double> ticks = {1.0, 2.0};
    for (double t = 4.0; t <= dialMaximum(); t *= 4.0)
        ticks << t;
    if (ticks.last() * 2.0 <= dialMaximum())
        ticks << dialMaximum();
    else if (ticks.last() < dialMaximum())
        ticks.last() = dialMaximum(); // too close to the last power of 4 for two labels
    for (double t : ticks) {
        const double a = qDegreesToRadians(angleFor(t));
        const QPointF dir(std::cos(a), -std::sin(a));
        const QPointF inner = center + dir * (radius - thickness - 2);
        const QPointF outer = center + dir * (radius - thickness - 7);
        p.drawLine(inner, outer);
        const QString label = fmt::shortest(t);
        const QPointF textCenter = center + dir * (radius - thickness - 9 - sfm.height() * 0.6);
        const QRectF box(textCenter.x() - 30, textCenter.y() - sfm.height() / 2.0, 60, sfm.height());
        p.drawText(box, Qt::AlignCenter, label);
    }

    // Needle.
    if (m_skew > 0.0) {
        const double a = qDegreesToRadians(angleFor(m_skew));
        const QPointF tip = center + QPointF(std::cos(a), -std::sin(a)) * (radius - thickness * 0.5);
        p.setPen(QPen(pal.color(QPalette::WindowText), 3, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(center, tip);
    }
    p.setBrush(pal.color(QPalette::WindowText));
    p.setPen(Qt::NoPen);
    p.drawEllipse(center, 5, 5);

    // Value and explanation.
    p.setPen(pal.color(QPalette::WindowText));
    p.setFont(big);
    const QString value = m_skew > 0.0 ? fmt::decimal(m_skew, 2) : QStringLiteral("–");
    const QRectF valueRect(0, center.y() + 8, width(), bfm.height());
    p.drawText(valueRect, Qt::AlignHCenter | Qt::AlignTop, value);
    p.setFont(font());
    const QRectF textRect(4, valueRect.bottom() + 2, width() - 8, textLines * fm.height() + 4);
    p.drawText(textRect, Qt::AlignHCenter | Qt::AlignTop,
               fm.elidedText(tr("skew (busiest / mean)"), Qt::ElideRight, int(textRect.width())));
    if (m_busiest >= 0 && m_skew > 0.0) {
        const QString busiest = tr("busiest: partition %1 (%2)").arg(m_busiest).arg(fmt::percent(m_share));
        const QRectF line(textRect.left(), textRect.top() + fm.height(), textRect.width(), fm.height());
        p.drawText(line, Qt::AlignHCenter | Qt::AlignTop, fm.elidedText(busiest, Qt::ElideRight, int(line.width())));
    }
}

} // namespace partlab
