#include "redisclusterpanel.h"

#include "clusterloadview.h"
#include "redis/clusterloadsampler.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace partlab {

namespace {
constexpr int kSampleIntervalMs = 500;
constexpr int kStatusRefreshMs = 500;
} // namespace

RedisClusterPanel::RedisClusterPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new ClusterLoadView(this))
    , m_status(new QLabel(this))
    , m_match(new QPushButton(tr("&Match this cluster"), this))
    , m_disconnect(new QPushButton(tr("&Disconnect"), this))
{
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_match->setToolTip(tr("Run the simulation with the redis partitioner and one partition per master, "
                           "so each partition's load predicts one node's"));
    connect(m_match, &QPushButton::clicked, this, [this] {
        if (masters() > 0)
            emit matchRequested(masters());
    });
    connect(m_disconnect, &QPushButton::clicked, this, &RedisClusterPanel::disconnectCluster);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_match);
    buttons->addWidget(m_disconnect);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    m_statusTimer.setInterval(kStatusRefreshMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &RedisClusterPanel::updateStatus);
    updateStatus();
}

RedisClusterPanel::~RedisClusterPanel()
{
    m_view->setSampler(nullptr);
}

void RedisClusterPanel::connectTo(const RedisAddress &seed)
{
    if (m_sampler)
        disconnectCluster();
    m_sampler = std::make_unique<ClusterLoadSampler>(seed, kSampleIntervalMs);
    m_sampler->start();
    m_view->setSnapshot(ClusterLoadSnapshot{});
    m_view->setSampler(m_sampler.get());
    m_statusTimer.start();
    updateStatus();
    emit connectionChanged(true);
}

void RedisClusterPanel::disconnectCluster()
{
    if (!m_sampler)
        return;
    m_view->setSampler(nullptr);
    m_sampler->stop();
    m_sampler.reset();
    m_statusTimer.stop();
    m_view->setPredictedLoad({});
    m_predicting = false;
    updateStatus();
    emit connectionChanged(false);
}

QString RedisClusterPanel::address() const
{
    return m_sampler ? m_sampler->seed().toString() : QString();
}

int RedisClusterPanel::masters() const
{
    if (!m_sampler)
        return 0;
    const ClusterLoadSnapshot s = m_sampler->snapshot();
    return s.error.isEmpty() ? int(s.nodes.size()) : 0;
}

void RedisClusterPanel::setSimulatedLoad(const QString &partitioner, const QVector<double> &perPartition)
{
    m_partitioner = partitioner;
    m_partitions = int(perPartition.size());
    const int nodes = masters();
    m_predicting = nodes > 0 && partitioner == QLatin1String("redis") && m_partitions == nodes;
    m_view->setPredictedLoad(m_predicting ? perPartition : QVector<double>());
    updateStatus();
}

QString RedisClusterPanel::statusText() const
{
    return m_status->text();
}

void RedisClusterPanel::updateStatus()
{
    if (!m_sampler) {
        m_status->setText(tr("Not connected. File ▸ Connect to Redis Cluster… samples a real cluster's per-node load "
                             "(INFO commandstats) and shows it beside Partlab's prediction."));
        m_match->setEnabled(false);
        m_disconnect->setEnabled(false);
        return;
    }
    m_disconnect->setEnabled(true);
    const ClusterLoadSnapshot s = m_sampler->snapshot();
    const int nodes = s.error.isEmpty() ? int(s.nodes.size()) : 0;
    QString text;
    if (s.sequence == 0 && s.error.isEmpty())
        text = tr("Connecting to %1…").arg(address());
    else if (!s.error.isEmpty())
        text = tr("%1: %2").arg(address(), s.error);
    else
        text = tr("Connected to %1: %n master(s).", nullptr, nodes).arg(address());
    if (nodes > 0) {
        if (m_predicting)
            text += QLatin1Char(' ') + tr("Predicted: this run's messages per partition (redis, N = %1).").arg(nodes);
        else if (m_partitions == 0)
            text += QLatin1Char(' ') + tr("Start a run to see Partlab's prediction.");
        else
            text += QLatin1Char(' ') + tr("This run uses %1 with %2 partitions, which does not model this cluster: "
                                          "use redis with %3 partitions to compare.")
                                           .arg(m_partitioner).arg(m_partitions).arg(nodes);
    }
    m_status->setText(text);
    m_match->setEnabled(nodes > 0 && !m_predicting);
}

} // namespace partlab
