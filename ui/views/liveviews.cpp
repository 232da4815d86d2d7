#include "liveviews.h"

#include "elidedlabel.h"
#include "latencychartview.h"
#include "metrics/livemetrics.h"
#include "model/numberformat.h"
#include "palette.h"
#include "partitionbarsview.h"
#include "skewgaugeview.h"
#include "throughputview.h"

#include <QLabel>

#include <algorithm>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSplitter>
#include <QVBoxLayout>

namespace partlab {

LiveViews::LiveViews(QWidget *parent)
    : QWidget(parent)
    , m_load(new PartitionBarsView({{tr("messages/s"), Palette::rate},
                                    {tr("queue depth"), Palette::queueDepth}}, this))
    , m_keys(new PartitionBarsView({{tr("keys"), Palette::keys}}, this))
    , m_throughput(new ThroughputView(this))
    , m_latency(new LatencyChartView(this))
    , m_skew(new SkewGaugeView(this))
{
    m_load->setToolTip(tr("Messages per second applied by each partition, and messages waiting for it.\n"
                          "Red: a hot partition (more than 1.5x the mean). Click a bar to inspect its keys."));
    m_keys->setToolTip(tr("Distinct keys each partition owns. Click a bar to inspect them."));

    auto *rows = new QSplitter(Qt::Vertical, this);
    rows->setChildrenCollapsible(false);
    rows->addWidget(titled(tr("Load per partition"), m_load, &m_loadCaption, &m_loadTitle));
    auto *middle = new QSplitter(Qt::Horizontal, rows);
    middle->setChildrenCollapsible(false);
    middle->addWidget(titled(tr("Throughput"), m_throughput, &m_throughputCaption));
    middle->addWidget(titled(tr("Latency percentiles (since start)"), m_latency));
    middle->setSizes({500, 500}); // scaled to the real width: two equal halves
    rows->addWidget(middle);
    auto *bottom = new QSplitter(Qt::Horizontal, rows);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(titled(tr("Skew"), m_skew, nullptr, &m_skewTitle));
    bottom->addWidget(titled(tr("Keys per partition"), m_keys));
    bottom->setSizes({280, 720});
    rows->addWidget(bottom);
    rows->setSizes({480, 260, 260}); // the load chart (two rows of bars) gets the most

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(rows);

    connect(m_load, &PartitionBarsView::partitionClicked, this, &LiveViews::partitionClicked);
    connect(m_keys, &PartitionBarsView::partitionClicked, this, &LiveViews::partitionClicked);
    // Both bar charts show the same window of partitions.
    reset();
}

QWidget *LiveViews::titled(const QString &title, QWidget *content, QLabel **caption, QLabel **titleLabel)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    auto *label = new ElidedLabel(title, box);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    // Long titles (German, narrow columns) shrink with the chart instead of widening the window.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    if (titleLabel)
        *titleLabel = label;
    header->addWidget(label, 1);
    if (caption) {
        *caption = new QLabel(box);
        header->addWidget(*caption);
    }
    layout->addLayout(header);
    layout->addWidget(content, 1);
    return box;
}

void LiveViews::showMetrics(const LiveMetrics &metrics)
{
    // While messages flow the bars show the rate; once nothing flows (paused, finished) they
    // show each partition's total, so a finished run does not leave an empty chart. The skew
    // gauge and its subtitle read the same vector (LiveMetrics::load()), and the titles say which.
    const LiveMetrics::Load &window = metrics.load();
    const std::vector<double> &load = window.values;
    const bool flowing = window.flowing;
    const std::vector<bool> hot = metrics.hotPartitions(load);
    const QString span = flowing ? tr("messages/s over the last %1 s").arg(fmt::shortest(LiveMetrics::kRateWindowSeconds))
                         : window.sinceResize ? tr("messages since the last resize")
                                              : tr("messages since the start");
    m_loadTitle->setText(tr("Load per partition: %1").arg(span));
    m_skewTitle->setText(tr("Skew of the load chart"));
    m_skewTitle->setToolTip(tr("Busiest / mean of the load chart's values: %1").arg(span));
    m_load->setRowTitle(0, flowing ? tr("messages/s") : tr("messages")); // the axis says what the bars count
    m_load->setRowData(0, load, hot);
    // A queue is only worth a warning once it holds more than a batch or two (the runtime hands
    // messages over in batches of 256, so a few hundred waiting is normal).
    const std::vector<double> depths = metrics.queueDepths();
    std::vector<bool> backedUp = metrics.hotPartitions(depths);
    for (std::size_t p = 0; p < depths.size(); ++p)
        backedUp[p] = backedUp[p] && depths[p] >= 1024;
    m_load->setRowData(1, depths, backedUp);
    m_load->refresh();
    const std::vector<double> keys = metrics.keyCounts();
    m_keys->setRowData(0, keys);
    m_keys->refresh();

    const int hotCount = int(std::count(hot.begin(), hot.end(), true));
    m_loadCaption->setText(hotCount > 0 ? tr("%n hot partition(s)", nullptr, hotCount) : QString());
    m_loadCaption->setStyleSheet(hotCount > 0 ? Palette::textStyle(Palette::error) : QString());
    m_throughputCaption->setText(fmt::rate(metrics.currentThroughput()));

    m_throughput->setSeries(metrics.time(), metrics.throughput());
    m_throughput->refresh();
    m_latency->setSeries(metrics.time(), metrics.p50(), metrics.p90(), metrics.p99(), metrics.p999());

    m_skew->setSkew(window.skew, metrics.partitionCount(), window.busiest, window.share);
}

void LiveViews::reset()
{
    m_load->setRowData(0, {});
    m_load->setRowData(1, {});
    m_load->refresh();
    m_keys->setRowData(0, {});
    m_keys->refresh();
    m_throughput->clear();
    m_latency->clear();
    m_skew->setSkew(0.0, 1, -1, 0.0);
    if (m_loadTitle)
        m_loadTitle->setText(tr("Load per partition"));
    if (m_skewTitle)
        m_skewTitle->setText(tr("Skew"));
    if (m_loadCaption)
        m_loadCaption->clear();
    if (m_throughputCaption)
        m_throughputCaption->clear();
}

void LiveViews::addEvent(double time, const QString &label)
{
    m_throughput->addMarker(time, label);
}

void LiveViews::setSelectedPartition(int partition)
{
    m_load->setSelectedPartition(partition);
    m_keys->setSelectedPartition(partition);
}

bool LiveViews::exportPng(const QString &path)
{
    return grab().save(path, "PNG");
}

bool LiveViews::exportPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setTitle(tr("Partlab charts"));
    writer.setCreator(QStringLiteral("Partlab"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setResolution(150);
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QRect page = painter.viewport();
    const QSize size = this->size();
    const double scale = qMin(double(page.width()) / size.width(), double(page.height()) / size.height());
    painter.scale(scale, scale);
    render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    return painter.end();
}

} // namespace partlab
