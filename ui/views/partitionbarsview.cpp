#include "partitionbarsview.h"

#include "palette.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace partlab {

namespace {

/** A "nice" label stride (1, 2, 5, 10, 20, ...) that keeps labels about @p minPixels apart. */
int labelStride(int bars, int pixels, int minPixels)
{
    if (bars <= 0 || pixels <= 0)
        return 1;
    const double wanted = double(bars) * minPixels / pixels;
    for (int magnitude = 1;; magnitude *= 10) {
        for (int m : {1, 2, 5}) {
            if (m * magnitude >= wanted)
                return m * magnitude;
        }
    }
}
} // namespace

PartitionBarsView::PartitionBarsView(const QList<Row> &rows, QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_scroll(new QScrollBar(Qt::Horizontal, this))
    , m_layout(new QComboBox(this))
    , m_rangeLabel(new QLabel(this))
{
    m_plot->setMinimumHeight(90);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->plotLayout()->clear();
    auto *margins = new QCPMarginGroup(m_plot);
    for (int i = 0; i < rows.size(); ++i) {
        RowPlot r;
        r.color = rows[i].color;
        r.title = rows[i].title;
        r.rect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(i, 0, r.rect);
        r.rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        r.rect->axis(QCPAxis::atLeft)->setLabel(rows[i].title);
        r.rect->axis(QCPAxis::atLeft)->setNumberFormat(QStringLiteral("f"));
        r.rect->axis(QCPAxis::atLeft)->setNumberPrecision(0);
        r.rect->axis(QCPAxis::atLeft)->setPadding(4);
        QCPAxis *x = r.rect->axis(QCPAxis::atBottom);
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        x->setTicker(ticker);
        x->grid()->setVisible(false);
        x->setTickLabels(i == rows.size() - 1);
        if (i == rows.size() - 1)
            x->setLabel(tr("partition"));
        const auto makeBars = [&](const QColor &color) {
            auto *bars = new QCPBars(x, r.rect->axis(QCPAxis::atLeft));
            bars->setPen(Qt::NoPen);
            bars->setBrush(color);
            bars->setWidth(0.8);
            bars->setAntialiased(false);
            return bars;
        };
        r.normal = makeBars(r.color);
        r.hot = makeBars(Palette::hot);
        r.selected = makeBars(Palette::selected);
        m_rows.append(r);
        if (i == 0 && rows.size() > 1)
            m_plot->plotLayout()->setRowStretchFactor(0, 2.0); // the first row (the load) is what people read
    }

    m_layout->addItem(tr("Scroll"), false); // the item's data: grouped
    m_layout->addItem(tr("Group (busiest per bar)"), true);
    m_layout->setToolTip(tr("With more than %1 partitions, show a window of them or group neighbours").arg(kMaxBars));
    m_scroll->setToolTip(tr("Scroll through the partitions (or use the mouse wheel on the chart)"));

    auto *navigator = new QHBoxLayout;
    navigator->setContentsMargins(4, 0, 4, 0);
    navigator->addWidget(m_rangeLabel);
    navigator->addWidget(m_scroll, 1);
    navigator->addWidget(m_layout);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_plot, 1);
    layout->addLayout(navigator);

    connect(m_plot, &QCustomPlot::mousePress, this, &PartitionBarsView::onPlotClicked);
    connect(m_scroll, &QScrollBar::valueChanged, this, &PartitionBarsView::refresh);
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        updateNavigator();
        refresh();
    });
    m_plot->installEventFilter(this);
    m_plot->setCursor(Qt::PointingHandCursor);
    updateNavigator();
}

int PartitionBarsView::partitionCount() const
{
    return m_partitions;
}

bool PartitionBarsView::isGrouped() const
{
    return m_layout->currentData().toBool();
}

void PartitionBarsView::setGrouped(bool grouped)
{
    m_layout->setCurrentIndex(m_layout->findData(grouped));
}

int PartitionBarsView::partitionsPerBar() const
{
    if (m_partitions <= kMaxBars || !isGrouped())
        return 1;
    return (m_partitions + kMaxBars - 1) / kMaxBars;
}

int PartitionBarsView::firstVisiblePartition() const
{
    if (m_partitions <= kMaxBars || isGrouped())
        return 0;
    return m_scroll->value();
}

void PartitionBarsView::scrollTo(int partition)
{
    if (m_partitions <= kMaxBars || isGrouped())
        return;
    const int first = m_scroll->value();
    if (partition < first || partition >= first + kMaxBars)
        m_scroll->setValue(qMax(0, partition - kMaxBars / 2));
}

void PartitionBarsView::setRowData(int row, std::vector<double> values, std::vector<bool> hot)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const int n = int(values.size());
    m_rows[row].values = std::move(values);
    m_rows[row].hotMask = std::move(hot);
    if (n != m_partitions && row == 0) {
        m_partitions = n;
        updateNavigator();
    }
}

void PartitionBarsView::setRowTitle(int row, const QString &title)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].title == title)
        return;
    m_rows[row].title = title;
    m_rows[row].rect->axis(QCPAxis::atLeft)->setLabel(title);
}

QString PartitionBarsView::rowTitle(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].title : QString();
}

void PartitionBarsView::setSelectedPartition(int partition)
{
    m_selected = partition;
    scrollTo(partition);
    refresh();
}

void PartitionBarsView::updateNavigator()
{
    const bool many = m_partitions > kMaxBars;
    m_layout->setVisible(many);
    m_scroll->setVisible(many && !isGrouped());
    m_rangeLabel->setVisible(many);
    if (many) {
        m_scroll->setRange(0, m_partitions - kMaxBars);
        m_scroll->setPageStep(kMaxBars);
        m_scroll->setSingleStep(qMax(1, kMaxBars / 8));
    }
}

void PartitionBarsView::refresh()
{
    const int perBar = partitionsPerBar();
    const int first = firstVisiblePartition();
    const int shown = m_partitions <= kMaxBars ? m_partitions
                      : isGrouped()            ? (m_partitions + perBar - 1) / perBar
                                               : kMaxBars;
    if (m_partitions > kMaxBars) {
        m_rangeLabel->setText(isGrouped() ? tr("%1 per bar").arg(perBar)
                                          : tr("%1–%2 of %3").arg(first).arg(first + shown - 1).arg(m_partitions));
    }

    QVector<double> keys(shown);
    for (int b = 0; b < shown; ++b)
        keys[b] = first + b * perBar;
    const double barWidth = 0.8 * perBar;

    for (RowPlot &r : m_rows) {
        QVector<double> normal(shown, 0.0), hot(shown, 0.0), selected(shown, 0.0);
        double top = 0.0;
        for (int b = 0; b < shown; ++b) {
            const int begin = first + b * perBar;
            const int end = qMin(begin + perBar, int(r.values.size()));
            double value = 0.0;
            bool isHot = false, isSelected = false;
            for (int p = begin; p < end; ++p) {
                value = qMax(value, r.values[std::size_t(p)]);
                isHot = isHot || (std::size_t(p) < r.hotMask.size() && r.hotMask[std::size_t(p)]);
                isSelected = isSelected || p == m_selected;
            }
            (isSelected ? selected : isHot ? hot : normal)[b] = value;
            top = qMax(top, value);
        }
        for (QCPBars *bars : {r.normal, r.hot, r.selected}) {
            bars->setWidth(barWidth);
            bars->setData(keys, bars == r.normal ? normal : bars == r.hot ? hot : selected, true);
        }
        QCPAxis *x = r.rect->axis(QCPAxis::atBottom);
        x->setRange(first - 0.5 * perBar, first + (shown - 0.5) * perBar);
        // Counts are whole numbers: keep at least 0..4 so small values get distinct tick labels.
        r.rect->axis(QCPAxis::atLeft)->setRange(0.0, qMax(4.0, top * 1.12));

        // Tick labels: partition numbers at a stride that keeps them from overlapping.
        auto ticker = x->ticker().dynamicCast<QCPAxisTickerText>();
        const int stride = labelStride(shown, qMax(100, m_plot->width() - 70), 30);
        QVector<double> positions;
        QVector<QString> labels;
        for (int b = 0; b < shown; b += stride) {
            positions << keys[b];
            labels << QString::number(int(keys[b]));
        }
        ticker->setTicks(positions, labels);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PartitionBarsView::onPlotClicked(QMouseEvent *event)
{
    for (const RowPlot &r : m_rows) {
        if (!r.rect->rect().contains(event->pos()))
            continue;
        const double key = r.rect->axis(QCPAxis::atBottom)->pixelToCoord(event->pos().x());
        const int perBar = partitionsPerBar();
        const int bar = int(std::lround((key - firstVisiblePartition()) / perBar));
        const int partition = firstVisiblePartition() + bar * perBar;
        if (partition >= 0 && partition < m_partitions)
            emit partitionClicked(partition);
        return;
    }
}

bool PartitionBarsView::eventFilter(QObject *watched, QEvent *event)
{
    // Tick label spacing depends on the width (also when a hidden window is grabbed).
    if (watched == m_plot && event->type() == QEvent::Resize)
        refresh();
    // The wheel scrolls the partition window instead of zooming the chart.
    if (watched == m_plot && event->type() == QEvent::Wheel && m_scroll->isVisible()) {
        const auto *wheel = static_cast<QWheelEvent *>(event);
        const int steps = wheel->angleDelta().y() / 120;
        m_scroll->setValue(m_scroll->value() - steps * m_scroll->singleStep());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace partlab
