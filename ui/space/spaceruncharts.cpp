#include "spaceruncharts.h"

#include "model/numberformat.h"
#include "partitionstrip.h"
#include "spacemetrics.h"
#include "views/palette.h"

#include <qcustomplot.h>

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace partlab {

namespace {

constexpr double kLatencyFloorUs = 0.1; ///< log axis: bars start here

/** A "nice" tick step (1, 2, 5, 10, ...) for @p count partitions, about @p maxTicks labels. */
double tickStep(int count, int maxTicks)
{
    for (int magnitude = 1;; magnitude *= 10) {
        for (int m : {1, 2, 5}) {
            if (count / (m * magnitude) <= maxTicks)
                return m * magnitude;
        }
    }
}

/** A one-row legend under the axis rect, so it never covers a bar. */
void legendBelow(QCustomPlot *plot)
{
    QCPLegend *legend = plot->legend;
    legend->setVisible(true);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setIconSize(10, 10);
    legend->setMargins(QMargins(2, 0, 2, 0));
    plot->axisRect()->insetLayout()->take(legend);
    const int row = plot->plotLayout()->rowCount();
    plot->plotLayout()->addElement(row, 0, legend);
    plot->plotLayout()->setRowStretchFactor(row, 0.001);
    legend->setWrap(2);
}

/** Puts @p bars side by side per key (or alone), each of @p width. */
void group(QCPBarsGroup *group, const QList<QCPBars *> &bars, double width)
{
    group->clear();
    for (QCPBars *b : bars) {
        b->setWidth(width);
        group->append(b);
    }
}

QCPBars *makeBars(QCPAxis *key, QCPAxis *value, const QColor &color, const QString &name)
{
    auto *bars = new QCPBars(key, value);
    bars->setPen(Qt::NoPen);
    bars->setBrush(color);
    bars->setName(name);
    bars->setAntialiased(false);
    return bars;
}

} // namespace

SpaceRunCharts::SpaceRunCharts(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_previousTitle(new QLabel(this))
    , m_previousSummary(new QLabel(this))
    , m_note(new QLabel(this))
    , m_entries(makePlot(tr("Entries per partition"), this))
    , m_rates(makePlot(tr("Operations/s per partition"), this))
    , m_latency(makePlot(tr("Latency per operation (µs)"), this))
    , m_share(makePlot(tr("Broadcast share over time"), this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_previousTitle->setFont(bold);
    m_previousTitle->setStyleSheet(Palette::textStyle(Palette::textSecondary));
    m_previousSummary->setStyleSheet(Palette::textStyle(Palette::textSecondary));
    for (QLabel *label : {m_title, m_summary, m_previousTitle, m_previousSummary, m_note})
        label->setWordWrap(true);
    m_note->hide();

    const QString previous = tr("previous: %1");
    m_current.entries = makeBars(m_entries->xAxis, m_entries->yAxis, Palette::entries, tr("entries"));
    m_previous.entries = makeBars(m_entries->xAxis, m_entries->yAxis, Palette::previousEntries, previous.arg(tr("entries")));
    m_entries->xAxis->setLabel(tr("partition"));
    m_entries->yAxis->setNumberFormat(QStringLiteral("f"));
    m_entries->yAxis->setNumberPrecision(0);
    legendBelow(m_entries);

    m_current.routed = makeBars(m_rates->xAxis, m_rates->yAxis, Palette::routed, tr("routed"));
    m_current.broadcast = makeBars(m_rates->xAxis, m_rates->yAxis, Palette::broadcast, tr("broadcast"));
    m_current.broadcast->moveAbove(m_current.routed);
    m_previous.routed = makeBars(m_rates->xAxis, m_rates->yAxis, Palette::previousRouted, previous.arg(tr("routed")));
    m_previous.broadcast = makeBars(m_rates->xAxis, m_rates->yAxis, Palette::previousBroadcast, previous.arg(tr("broadcast")));
    m_previous.broadcast->moveAbove(m_previous.routed);
    m_rates->xAxis->setLabel(tr("partition"));
    m_rates->yAxis->setNumberFormat(QStringLiteral("f"));
    m_rates->yAxis->setNumberPrecision(0);
    legendBelow(m_rates);

    // Horizontal bars: operation names on the left axis, latency (log) along the bottom.
    m_current.p50 = makeBars(m_latency->yAxis, m_latency->xAxis, Palette::spaceP50, tr("p50"));
    m_current.p99 = makeBars(m_latency->yAxis, m_latency->xAxis, Palette::spaceP99, tr("p99"));
    m_previous.p50 = makeBars(m_latency->yAxis, m_latency->xAxis, Palette::previousP50, previous.arg(tr("p50")));
    m_previous.p99 = makeBars(m_latency->yAxis, m_latency->xAxis, Palette::previousP99, previous.arg(tr("p99")));
    for (QCPBars *bars : {m_current.p50, m_current.p99, m_previous.p50, m_previous.p99})
        bars->setBaseValue(kLatencyFloorUs);
    m_previous.p50->setPen(QPen(Palette::previousP99));
    m_latency->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    logTicker->setTickCount(4);
    m_latency->xAxis->setTicker(logTicker);
    m_latency->xAxis->setNumberFormat(QStringLiteral("eb")); // 10², 10³: short labels that never collide
    // QCustomPlot finds the exponent by its 'e': German writes "1E-01" and the labels would read
    // so, overlapping. This axis shows powers of ten only, so the C locale changes no digit.
    m_latency->setLocale(QLocale::c());
    m_latency->xAxis->setNumberPrecision(0);
    m_latency->xAxis->setRange(kLatencyFloorUs, 1000);
    QSharedPointer<QCPAxisTickerText> names(new QCPAxisTickerText);
    for (int op = 0; op < kSpaceOpCount; ++op)
        names->addTick(op, spaceOpName(SpaceOp(op)));
    m_latency->yAxis->setTicker(names);
    m_latency->yAxis->setRangeReversed(true);
    m_latency->yAxis->setRange(-0.6, kSpaceOpCount - 0.4);
    m_latency->yAxis->grid()->setVisible(false);
    legendBelow(m_latency);

    m_current.share = m_share->addGraph();
    m_current.share->setPen(QPen(Palette::broadcast, 2));
    QColor fill = Palette::broadcast;
    fill.setAlpha(50);
    m_current.share->setBrush(fill);
    m_current.share->setName(tr("this run"));
    m_previous.share = m_share->addGraph();
    m_previous.share->setPen(QPen(Palette::previousLine, 2, Qt::DashLine));
    m_previous.share->setName(tr("previous run"));
    m_share->xAxis->setLabel(tr("time since start (s)"));
    m_share->yAxis->setLabel(tr("% broadcast"));
    m_share->yAxis->setRange(0, 100);
    m_share->xAxis->setRange(0, 10);
    legendBelow(m_share);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    grid->addWidget(m_entries, 0, 0);
    grid->addWidget(m_rates, 0, 1);
    grid->addWidget(m_latency, 1, 0);
    grid->addWidget(m_share, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_note);
    layout->addWidget(m_previousTitle);
    layout->addWidget(m_previousSummary);
    layout->addLayout(grid, 1);
    clear();
}

QCustomPlot *SpaceRunCharts::makePlot(const QString &title, QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setMinimumSize(150, 150);
    plot->setNoAntialiasingOnDrag(true);
    plot->plotLayout()->insertRow(0);
    auto *text = new QCPTextElement(plot, title);
    QFont font = parent->font();
    font.setBold(true);
    text->setFont(font);
    plot->plotLayout()->addElement(0, 0, text);
    return plot;
}

void SpaceRunCharts::setPartitionAxis(QCustomPlot *plot, int partitions)
{
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(tickStep(partitions, 12));
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setNumberFormat(QStringLiteral("f"));
    plot->xAxis->setNumberPrecision(0);
    plot->xAxis->setRange(-0.6, std::max(1, partitions) - 0.4);
    plot->xAxis->grid()->setVisible(false);
}

void SpaceRunCharts::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString SpaceRunCharts::title() const
{
    return m_title->text();
}

QString SpaceRunCharts::summary() const
{
    return m_summary->text();
}

QString SpaceRunCharts::previousTitle() const
{
    return hasPrevious() ? m_previousTitle->text() : QString();
}

QString SpaceRunCharts::previousSummary() const
{
    return hasPrevious() ? m_previousSummary->text() : QString();
}

bool SpaceRunCharts::hasPrevious() const
{
    return m_previous.entries->visible();
}

void SpaceRunCharts::setNote(const QString &text, bool problem)
{
    m_note->setText(text);
    m_note->setStyleSheet(problem ? Palette::textStyle(Palette::error) + QStringLiteral(" font-weight: bold;") : QString());
    m_note->setVisible(!text.isEmpty());
}

void SpaceRunCharts::clear()
{
    for (RunPlots *run : {&m_current, &m_previous}) {
        for (QCPBars *bars : {run->entries, run->routed, run->broadcast, run->p50, run->p99})
            bars->data()->clear();
        run->share->data()->clear();
    }
    m_summary->setText(tr("No operations yet."));
    m_previousTitle->hide();
    m_previousSummary->hide();
    setNote(QString());
    m_partitions = -1;
    setPartitionAxis(m_entries, 1);
    setPartitionAxis(m_rates, 1);
    m_entries->yAxis->setRange(0, 1);
    m_rates->yAxis->setRange(0, 1);
    for (QCustomPlot *plot : {m_entries, m_rates, m_latency, m_share})
        plot->replot(QCustomPlot::rpQueuedReplot);
}

QString SpaceRunCharts::summaryOf(const SpaceMetrics &metrics)
{
    const SpaceWorkloadSnapshot &s = metrics.current();
    return tr("%1 operations in %2 s · %3 ops/s · %4 broadcast · %5 entries (written %6, removed %7) · "
              "%8 blocking timeouts")
        .arg(fmt::count(qulonglong(s.totalOps())), fmt::decimal(s.seconds, 1),
             fmt::decimal(metrics.throughput(), 0), fmt::percent(s.broadcastShare()),
             fmt::count(qlonglong(qint64(s.entriesWritten) - qint64(s.entriesRemoved))),
             fmt::count(qulonglong(s.entriesWritten)), fmt::count(qulonglong(s.entriesRemoved)),
             fmt::count(qulonglong(s.blockingTimeouts)));
}

void SpaceRunCharts::fill(RunPlots &plots, const SpaceMetrics &metrics)
{
    const SpaceWorkloadSnapshot &s = metrics.current();
    const int n = s.partitions;
    QVector<double> keys(n), entries(n), routed(n), broadcast(n);
    const std::vector<double> rates = metrics.routedRates();
    const double broadcastRate = metrics.broadcastRate();
    for (int p = 0; p < n; ++p) {
        keys[p] = p;
        entries[p] = double(s.partitionEntries[std::size_t(p)]);
        routed[p] = rates[std::size_t(p)];
        broadcast[p] = broadcastRate;
    }
    plots.entries->setData(keys, entries, true);
    plots.routed->setData(keys, routed, true);
    plots.broadcast->setData(keys, broadcast, true);
    QVector<double> opKeys, p50, p99;
    for (int op = 0; op < kSpaceOpCount; ++op) {
        const LatencyPercentiles &l = s.latency[std::size_t(op)];
        if (l.count == 0)
            continue;
        opKeys << op;
        p50 << std::max(kLatencyFloorUs * 1.5, l.p50);
        p99 << std::max(kLatencyFloorUs * 1.5, l.p99);
    }
    plots.p50->setData(opKeys, p50, true);
    plots.p99->setData(opKeys, p99, true);
    plots.share->setData(metrics.time(), metrics.broadcastShare(), true);
}

void SpaceRunCharts::showMetrics(const SpaceMetrics &current, const SpaceMetrics *previous)
{
    const bool withPrevious = previous && !previous->isEmpty();
    const int n = std::max(current.current().partitions, withPrevious ? previous->current().partitions : 0);
    if (n != m_partitions || withPrevious != hasPrevious()) {
        m_partitions = n;
        setPartitionAxis(m_entries, n);
        setPartitionAxis(m_rates, n);
        const double width = n > 200 ? 1.0 : 0.8;
        auto *entryGroup = m_current.entries->barsGroup() ? m_current.entries->barsGroup() : new QCPBarsGroup(m_entries);
        auto *rateGroup = m_current.routed->barsGroup() ? m_current.routed->barsGroup() : new QCPBarsGroup(m_rates);
        auto *latencyGroup = m_current.p50->barsGroup() ? m_current.p50->barsGroup() : new QCPBarsGroup(m_latency);
        for (QCPBarsGroup *g : {entryGroup, rateGroup, latencyGroup}) {
            g->setSpacingType(QCPBarsGroup::stAbsolute);
            g->setSpacing(1);
        }
        if (withPrevious) {
            group(entryGroup, {m_current.entries, m_previous.entries}, width / 2);
            group(rateGroup, {m_current.routed, m_previous.routed}, width / 2);
            m_current.broadcast->setWidth(width / 2);
            m_previous.broadcast->setWidth(width / 2);
            group(latencyGroup, {m_current.p50, m_current.p99, m_previous.p50, m_previous.p99}, 0.2);
        } else {
            group(entryGroup, {m_current.entries}, width);
            group(rateGroup, {m_current.routed}, width);
            m_current.broadcast->setWidth(width);
            group(latencyGroup, {m_current.p50, m_current.p99}, 0.4);
        }
        for (QCPAbstractPlottable *p : std::initializer_list<QCPAbstractPlottable *>{
                 m_previous.entries, m_previous.routed, m_previous.broadcast, m_previous.p50, m_previous.p99, m_previous.share}) {
            p->setVisible(withPrevious);
            if (withPrevious)
                p->addToLegend();
            else
                p->removeFromLegend();
        }
        m_entries->legend->setVisible(withPrevious);
        m_share->legend->setVisible(withPrevious);
    }
    fill(m_current, current);
    if (withPrevious)
        fill(m_previous, *previous);

    double topEntries = 1.0, topRate = 1.0, topLatency = 10.0;
    for (const RunPlots *run : {&m_current, &m_previous}) {
        if (run == &m_previous && !withPrevious)
            break;
        for (auto it = run->entries->data()->constBegin(); it != run->entries->data()->constEnd(); ++it)
            topEntries = std::max(topEntries, it->value);
        for (auto it = run->routed->data()->constBegin(); it != run->routed->data()->constEnd(); ++it)
            topRate = std::max(topRate, it->value + valueAt(run->broadcast, int(it->key)));
        for (auto it = run->p99->data()->constBegin(); it != run->p99->data()->constEnd(); ++it)
            topLatency = std::max(topLatency, it->value);
    }
    m_entries->yAxis->setRange(0, topEntries * 1.1);
    m_rates->yAxis->setRange(0, topRate * 1.1);
    m_latency->xAxis->setRange(kLatencyFloorUs, std::pow(10.0, std::ceil(std::log10(topLatency * 1.5))));
    double right = current.time().isEmpty() ? 0.0 : current.time().last();
    if (withPrevious && !previous->time().isEmpty())
        right = std::max(right, previous->time().last());
    right = std::max(10.0, right);
    m_share->xAxis->setRange(std::max(0.0, right - 60.0), right);

    m_summary->setText(summaryOf(current));
    m_previousTitle->setVisible(withPrevious);
    m_previousSummary->setVisible(withPrevious);
    if (withPrevious) {
        m_previousTitle->setText(tr("Previous run (paler bars, grey line): %1").arg(previous->label));
        m_previousSummary->setText(summaryOf(*previous));
    }
    for (QCustomPlot *plot : {m_entries, m_rates, m_latency, m_share})
        plot->replot(QCustomPlot::rpQueuedReplot);
}

double SpaceRunCharts::valueAt(const QCPBars *bars, int key)
{
    const auto it = bars->data()->findBegin(key, false);
    return it != bars->data()->constEnd() && int(it->key) == key ? it->value : 0.0;
}

double SpaceRunCharts::entriesOf(int partition, bool previous) const
{
    return valueAt((previous ? m_previous : m_current).entries, partition);
}

double SpaceRunCharts::routedRateOf(int partition, bool previous) const
{
    return valueAt((previous ? m_previous : m_current).routed, partition);
}

double SpaceRunCharts::broadcastRateOf(int partition, bool previous) const
{
    return valueAt((previous ? m_previous : m_current).broadcast, partition);
}

int SpaceRunCharts::latencyBarCount() const
{
    return m_current.p50->dataCount();
}

int SpaceRunCharts::sharePointCount(bool previous) const
{
    return (previous ? m_previous : m_current).share->dataCount();
}

} // namespace partlab
