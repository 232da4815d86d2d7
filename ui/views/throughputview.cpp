#include "throughputview.h"

#include "palette.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

namespace partlab {

ThroughputView::ThroughputView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    m_plot->setMinimumHeight(90);
    m_graph = m_plot->addGraph();
    const QColor color = Palette::rate;
    m_graph->setPen(QPen(color, 2));
    QColor fill = color;
    fill.setAlpha(50);
    m_graph->setBrush(fill);
    m_graph->setName(tr("messages/s"));
    m_plot->xAxis->setLabel(tr("time (s)"));
    m_plot->yAxis->setLabel(tr("messages/s"));
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);
    m_plot->xAxis->setRange(0, kVisibleSeconds);
    m_plot->xAxis->ticker()->setTickCount(5);
    m_plot->yAxis->ticker()->setTickCount(4);
    m_plot->yAxis->setRange(0, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void ThroughputView::setSeries(const QVector<double> &time, const QVector<double> &throughput)
{
    m_graph->setData(time, throughput, true);
    m_lastTime = time.isEmpty() ? 0.0 : time.last();
    const double right = qMax(kVisibleSeconds, m_lastTime);
    m_plot->xAxis->setRange(right - kVisibleSeconds, right);
    double top = 0.0;
    for (qsizetype i = time.size() - 1; i >= 0 && time[i] >= right - kVisibleSeconds; --i)
        top = qMax(top, throughput[i]);
    m_plot->yAxis->setRange(0.0, top > 0.0 ? top * 1.15 : 4.0); // empty: whole-number ticks, not 0,0,1,1,1
}

void ThroughputView::addMarker(double time, const QString &label)
{
    auto *line = new QCPItemStraightLine(m_plot);
    line->point1->setCoords(time, 0);
    line->point2->setCoords(time, 1);
    line->setPen(QPen(Palette::marker, 1, Qt::DashLine));
    auto *text = new QCPItemText(m_plot);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    // Markers close in time would print over each other: each one a line lower, four rows deep.
    text->position->setCoords(time, 0.02 + 0.1 * double(m_markers % 4));
    ++m_markers;
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setPadding(QMargins(3, 0, 0, 0));
    text->setText(label);
    text->setColor(Palette::markerText);
}

void ThroughputView::clear()
{
    m_graph->data()->clear();
    m_plot->clearItems();
    m_markers = 0;
    m_lastTime = 0.0;
    m_plot->xAxis->setRange(0, kVisibleSeconds);
    m_plot->yAxis->setRange(0, 4);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ThroughputView::refresh()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int ThroughputView::pointCount() const
{
    return m_graph->dataCount();
}

} // namespace partlab
