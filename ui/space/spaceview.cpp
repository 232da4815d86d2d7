#include "spaceview.h"

#include "model/numberformat.h"
#include "partitionstrip.h"
#include "spacecontrols.h"
#include "spaceruncharts.h"
#include "spacesession.h"

#include "workload/spaceworkload.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace partlab {

SpaceView::SpaceView(QWidget *parent)
    : QWidget(parent)
    , m_session(new SpaceSession(this))
    , m_controls(new SpaceControls(this))
    , m_strip(new PartitionStrip(this))
    , m_operationLabel(new QLabel(this))
    , m_status(new QLabel(this))
    , m_charts(new SpaceRunCharts(this))
    , m_timer(new QTimer(this))
{
    m_controls->setConfig(m_session->config());
    m_strip->setPartitionCount(m_session->config().partitions);
    m_strip->setToolTip(tr("One operation per tick, sampled from all clients: blue = routed to one partition, "
                           "orange = broadcast to every partition"));
    m_operationLabel->setMinimumWidth(200);
    m_operationLabel->setWordWrap(true);
    m_operationLabel->setText(tr("No operation yet"));
    m_status->setWordWrap(true);
    m_status->hide();
    m_charts->setTitle(tr("Current run: %1").arg(routingLabel()));

    auto *stripRow = new QHBoxLayout;
    auto *stripCaption = new QLabel(tr("Touched:"), this);
    stripRow->addWidget(stripCaption, 0, Qt::AlignTop);
    stripRow->addWidget(m_strip, 1);
    stripRow->addWidget(m_operationLabel, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_controls);
    layout->addLayout(stripRow);
    layout->addWidget(m_status);
    layout->addWidget(m_charts, 1);

    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &SpaceView::tick);
    connect(m_controls, &SpaceControls::startClicked, this, &SpaceView::start);
    connect(m_controls, &SpaceControls::stopClicked, this, &SpaceView::stop);
    connect(m_controls, &SpaceControls::configEdited, this, [this] {
        if (m_controls->problem().isEmpty() && !m_session->isRunning()) {
            m_session->setConfig(m_controls->config());
            m_strip->setPartitionCount(m_session->config().partitions);
        }
    });
    connect(m_controls, &SpaceControls::routingChosen, this, [this](const QString &type, const QString &property) {
        if (!m_session->setRouting(type, property)) {
            m_status->setText(m_session->lastError());
            m_status->show();
        }
        if (!m_session->isRunning())
            m_charts->setTitle(tr("Next run: %1").arg(routingLabel()));
    });
    connect(m_session, &SpaceSession::runStarted, this, &SpaceView::onRunStarted);
    connect(m_session, &SpaceSession::runFinished, this, &SpaceView::onRunFinished);
}

SpaceView::~SpaceView() = default;

QString SpaceView::routingLabel() const
{
    const SpaceWorkloadConfig &c = m_session->config();
    return tr("Order routed by %1, Customer by %2 · %3 partitions, %4 clients")
        .arg(c.routingOf(QStringLiteral("Order")), c.routingOf(QStringLiteral("Customer")))
        .arg(c.partitions)
        .arg(c.clients);
}

bool SpaceView::start()
{
    const QString problem = m_controls->problem();
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        m_status->show();
        return false;
    }
    m_session->setConfig(m_controls->config());
    if (!m_session->start()) {
        m_status->setText(tr("Cannot start: %1").arg(m_session->lastError()));
        m_status->show();
        return false;
    }
    return true;
}

void SpaceView::stop()
{
    m_session->stop();
    updateRunning();
}

void SpaceView::onRunStarted(bool restart)
{
    // The run that just ended (or was replaced) becomes the comparison.
    if (!m_metrics.isEmpty()) {
        m_previousMetrics = m_metrics;
        m_previousMetrics.freeze();
    }
    m_metrics.reset();
    m_metrics.label = routingLabel();
    m_charts->clear();
    m_charts->setTitle(tr("Current run: %1").arg(m_metrics.label));
    showCharts();
    m_strip->setPartitionCount(m_session->config().partitions);
    m_strip->clear();
    m_controls->setConfig(m_session->config());
    m_status->setText(restart ? tr("Routing changed: the workload restarted on a new space. "
                                   "The previous run stays in the charts, paler, for comparison.")
                              : QString());
    m_status->setVisible(restart);
    updateRunning();
    if (!m_timer->isActive())
        m_timer->start();
}

void SpaceView::onRunFinished(const SpaceWorkloadResult &result)
{
    m_metrics.add(result);
    m_metrics.freeze();
    showCharts();
    const QString conservation = result.conservationError();
    if (conservation.isEmpty()) {
        m_charts->setNote(tr("Finished. Conservation holds: the space holds %1 entries = %2 written − %3 removed.")
                               .arg(fmt::count(qint64(result.finalEntriesTotal())), fmt::count(qulonglong(result.entriesWritten)),
                                    fmt::count(qulonglong(result.entriesRemoved))));
    } else {
        m_charts->setNote(tr("Finished, but the entries do not add up: %1 (did the console change the space during the run?)")
                               .arg(conservation),
                           true);
    }
    if (result.failedOps > 0) {
        m_status->setText(tr("%n operation(s) were refused by the space; the first: %1", nullptr, int(result.failedOps))
                              .arg(result.firstFailure));
        m_status->show();
    }
    updateRunning();
}

void SpaceView::showCharts()
{
    m_charts->showMetrics(m_metrics, m_previousMetrics.isEmpty() ? nullptr : &m_previousMetrics);
}

void SpaceView::updateRunning()
{
    const bool running = m_session->isRunning();
    m_controls->setRunning(running);
}

void SpaceView::tick()
{
    m_session->poll();
    SpaceWorkload *workload = m_session->workload();
    if (!m_session->isBusy())
        m_timer->stop();
    if (!workload || !m_session->isRunning()) {
        m_strip->update();
        return;
    }
    m_metrics.add(workload->snapshot());
    showCharts();
    const QList<SpaceOperationSample> samples = workload->takeSamples();
    for (const SpaceOperationSample &sample : samples)
        m_strip->flash(sample.partitions, sample.broadcast);
    if (!samples.isEmpty()) {
        const SpaceOperationSample &last = samples.last();
        QString where;
        if (!last.ok)
            where = tr("refused");
        else if (last.broadcast)
            where = tr("broadcast to all %1").arg(m_strip->partitionCount());
        else if (last.partitions.size() == 1)
            where = tr("routed to partition %1").arg(last.partitions.first());
        else
            where = tr("routed to %n partition(s)", nullptr, int(last.partitions.size()));
        m_operationLabel->setText(tr("%1 %2 (client %3): %4").arg(spaceOpName(last.op), last.typeName).arg(last.client).arg(where));
    }
    workload->requestSample();
    m_strip->update();
}

} // namespace partlab
