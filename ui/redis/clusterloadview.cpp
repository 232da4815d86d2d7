#include "clusterloadview.h"

#include "clusterloadmodel.h"
#include "views/palette.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace partlab {

ClusterLoadView::ClusterLoadView(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_predictedSet(new QBarSet(tr("Predicted by Partlab")))
    , m_measuredSet(new QBarSet(tr("Measured on the cluster")))
    , m_nodes(new QBarCategoryAxis)
    , m_share(new QValueAxis)
    , m_table(new QTableView(this))
    , m_model(new ClusterLoadModel(this))
{
    m_predictedSet->setColor(Palette::predicted);
    m_measuredSet->setColor(Palette::measured);
    auto *series = new QBarSeries;
    series->append(m_predictedSet);
    series->append(m_measuredSet);
    m_chart->addSeries(series);
    m_chart->addAxis(m_nodes, Qt::AlignBottom);
    m_chart->addAxis(m_share, Qt::AlignLeft);
    series->attachAxis(m_nodes);
    series->attachAxis(m_share);
    m_share->setTitleText(tr("share of the load (%)"));
    m_nodes->setTitleText(tr("master (by first slot; addresses in the table)"));
    m_share->setLabelFormat(QStringLiteral("%.0f"));
    m_share->setRange(0, 100);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setLocalizeNumbers(true); // axis labels in the language's format ("0,5" in German)
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);

    m_caption->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ClusterLoadModel::Slots, QHeaderView::Stretch);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setMaximumHeight(150);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_table);

    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!m_sampler)
            return;
        ClusterLoadSnapshot s = m_sampler->snapshot();
        if (s.sequence != m_snapshot.sequence) // redraw only for a new sample
            setSnapshot(s);
    });
    refresh();
}

ClusterLoadView::~ClusterLoadView() = default;

void ClusterLoadView::setPredictedLoad(const QVector<double> &perNode)
{
    m_predicted = perNode;
    refresh();
}

void ClusterLoadView::setSnapshot(const ClusterLoadSnapshot &snapshot)
{
    m_snapshot = snapshot;
    refresh();
}

void ClusterLoadView::setSampler(const ClusterLoadSampler *sampler, int refreshMs)
{
    m_sampler = sampler;
    if (sampler)
        m_poll.start(refreshMs);
    else
        m_poll.stop();
}

void ClusterLoadView::setMeasure(Measure measure)
{
    m_measure = measure;
    refresh();
}

void ClusterLoadView::refresh()
{
    const auto &nodes = m_snapshot.nodes;
    const bool updates = m_measure == Measure::StateUpdates;
    QVector<double> measured;
    double rateTotal = 0;
    for (const NodeLoad &n : nodes)
        rateTotal += updates ? n.evalshaPerSecond : n.callsPerSecond;
    const bool idle = rateTotal <= 0;
    for (const NodeLoad &n : nodes) {
        if (!n.reachable)
            measured << 0.0; // unknown: left out of the shares
        else if (!idle)
            measured << (updates ? n.evalshaPerSecond : n.callsPerSecond);
        else
            measured << double(updates ? n.evalshaCalls : n.totalCalls);
    }
    double measuredTotal = 0, predictedTotal = 0;
    for (double v : measured)
        measuredTotal += v;
    for (double v : m_predicted)
        predictedTotal += v;

    QVector<double> predictedShare, measuredShare;
    QStringList categories;
    const int rows = int(std::max<qsizetype>(qsizetype(nodes.size()), m_predicted.size()));
    for (int i = 0; i < rows; ++i) {
        predictedShare << (i < m_predicted.size() && predictedTotal > 0 ? 100.0 * m_predicted[i] / predictedTotal : 0.0);
        measuredShare << (i < measured.size() && measuredTotal > 0 ? 100.0 * measured[i] / measuredTotal : 0.0);
        // The node's number only: a narrow dock elides "0: 127.0.0.1:7000" to nothing useful, and
        // the table below names each node's address.
        categories << QString::number(i);
    }
    // One replace per set and one axis update per sample, never point by point.
    QList<qreal> p, m;
    double top = 0;
    for (int i = 0; i < rows; ++i) {
        p << predictedShare[i];
        m << measuredShare[i];
        top = std::max({top, predictedShare[i], measuredShare[i]});
    }
    m_predictedSet->remove(0, m_predictedSet->count());
    m_predictedSet->append(p);
    m_measuredSet->remove(0, m_measuredSet->count());
    m_measuredSet->append(m);
    m_nodes->clear();
    m_nodes->append(categories);
    m_share->setRange(0, std::max(10.0, std::ceil((top * 1.15) / 10.0) * 10.0));

    const QString unit = idle ? (updates ? tr("updates") : tr("calls")) : (updates ? tr("updates/s") : tr("calls/s"));
    m_measuredSet->setLabel(idle ? tr("Measured (totals since start: nothing running)")
                                 : (updates ? tr("Measured (state updates/s)") : tr("Measured (commands/s)")));
    m_model->setData(m_snapshot, predictedShare, measured, unit);

    int unreachable = 0;
    for (const NodeLoad &n : nodes)
        unreachable += n.reachable ? 0 : 1;
    if (!m_snapshot.error.isEmpty())
        m_caption->setText(QStringLiteral("<b>%1</b> %2").arg(tr("Cannot read the cluster:"), m_snapshot.error.toHtmlEscaped()));
    else if (nodes.empty())
        m_caption->setText(tr("Not connected to a Redis Cluster."));
    else if (unreachable > 0)
        m_caption->setText(QStringLiteral("<b>%1</b>").arg(tr("%n node(s) unreachable: their load is unknown (see the table).", nullptr, unreachable)));
    else
        m_caption->setText(tr("Per-node load of the real cluster (INFO commandstats) beside Partlab's prediction for %n node(s).", nullptr,
                              int(nodes.size())));
}

} // namespace partlab
