#include "latencychartview.h"

#include "chartzoom.h"
#include "palette.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace partlab {

LatencyChartView::LatencyChartView(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_time(new QValueAxis)
    , m_latency(new QLogValueAxis)
{
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_view->setToolTip(tr("Latency percentiles since the start of the run, in µs (log scale), against the run's time in s"));
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_time->setTitleText(tr("time (s)"));
    m_time->setLabelFormat(QStringLiteral("%.0f"));
    m_time->setRange(0, kVisibleSeconds);
    m_latency->setTitleText(tr("latency (µs)"));
    // Whole microseconds (powers of ten from 1 µs): no decimal point in any language. (Qt 6.4's
    // log axis draws no labels at all with QChart::localizeNumbers, so it stays off here.)
    m_latency->setLabelFormat(QStringLiteral("%.0f"));
    m_latency->setBase(10);
    m_latency->setRange(1, 1000);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_latency, Qt::AlignLeft);
    const QList<QPair<QString, QColor>> lines = {
        {tr("p50"), Palette::p50},
        {tr("p90"), Palette::p90},
        {tr("p99"), Palette::p99},
        {tr("p99.9"), Palette::p999},
    };
    for (const auto &[name, color] : lines) {
        auto *series = new QLineSeries;
        series->setName(name);
        series->setPen(QPen(color, 2));
        m_chart->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_latency);
        m_series << series;
    }
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(90);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void LatencyChartView::setSeries(const QVector<double> &time, const QVector<double> &p50, const QVector<double> &p90,
                                 const QVector<double> &p99, const QVector<double> &p999)
{
    const double right = time.isEmpty() ? 0.0 : qMax(kVisibleSeconds, time.last());
    const double left = right - kVisibleSeconds;
    qsizetype begin = time.size();
    while (begin > 0 && time[begin - 1] >= left)
        --begin;
    const qsizetype count = time.size() - begin;
    const qsizetype stride = qMax<qsizetype>(1, (count + kMaxPoints - 1) / kMaxPoints);

    double low = 1e12, high = 0.0;
    const QVector<double> *values[] = {&p50, &p90, &p99, &p999};
    for (int s = 0; s < m_series.size(); ++s) {
        QList<QPointF> points;
        points.reserve(count / stride + 1);
        for (qsizetype i = begin; i < time.size(); i += stride) {
            const double v = (*values[s])[i];
            if (v <= 0.0) // nothing measured yet: a log axis cannot show 0
                continue;
            points.append(QPointF(time[i], v));
            low = qMin(low, v);
            high = qMax(high, v);
        }
        m_series[s]->replace(points);
    }
    m_time->setRange(left < 0 ? 0 : left, right);
    if (high > 0.0) {
        // From 1 µs at least: faster samples sit on the axis, and the labels stay whole numbers.
        const double floorUs = std::max(1.0, std::pow(10.0, std::floor(std::log10(low))));
        m_latency->setRange(floorUs, std::max(floorUs * 10.0, std::pow(10.0, std::ceil(std::log10(high * 1.01)))));
    }
}

void LatencyChartView::clear()
{
    for (QLineSeries *s : m_series)
        s->clear();
    m_time->setRange(0, kVisibleSeconds);
    m_latency->setRange(1, 1000);
}

int LatencyChartView::pointCount() const
{
    int n = 0;
    for (QLineSeries *s : m_series)
        n += s->count();
    return n;
}

void LatencyChartView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int lines = height() / std::max(1, fontMetrics().height());
    const bool compact = lines < 12;
    // A label every decade needs about two lines each: a short chart labels every 2nd or 3rd.
    m_latency->setBase(lines < 7 ? 1000 : compact ? 100 : 10);
    m_time->setTitleVisible(!compact);
    m_latency->setTitleVisible(!compact);
    m_chart->legend()->setAlignment(compact ? Qt::AlignRight : Qt::AlignTop);
    // Beside the plot the legend's four entries take a line each: in a very short chart, in a
    // smaller font, or "p99.9" is cut off (a row above the plot would leave it no height at all).
    // Through ChartZoom, which sets every chart's fonts on a zoom step and keeps this scale.
    ChartZoom::setLegendScale(m_view, lines < 7 ? 0.8 : 1.0);
}

} // namespace partlab
