#include "spacesession.h"

#include "workload/spaceworkload.h"

namespace partlab {

SpaceSession::SpaceSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<partlab::SpaceWorkloadResult>();
    m_config.clients = 2;
    m_config.partitions = 8;
    m_config.operations = 1'000'000;
    m_config.rate = 20'000;
    m_config.blockingTimeoutMs = 5;
    // An idle space with the types defined, so the console works before the first run.
    m_space = SpaceWorkload::createSpace(m_config, &m_lastError);
}

SpaceSession::~SpaceSession()
{
    // The workloads' destructors stop and join their clients (at most one operation each).
    if (m_workload)
        m_workload->stop();
    for (auto &w : m_retiring)
        w->stop();
}

int SpaceSession::partitionCount() const
{
    return m_space ? m_space->partitionCount() : 0;
}

bool SpaceSession::setConfig(const SpaceWorkloadConfig &config)
{
    const QString problem = config.problem();
    if (!problem.isEmpty()) {
        m_lastError = problem;
        return false;
    }
    const bool routingOnly = [&] {
        SpaceWorkloadConfig other = config;
        other.routing = m_config.routing;
        return other.partitions == m_config.partitions && other.partitioner == m_config.partitioner
               && other.clients == m_config.clients && other.operations == m_config.operations
               && other.seed == m_config.seed && other.rate == m_config.rate && other.mix == m_config.mix
               && other.batchSize == m_config.batchSize && other.blockingTimeoutMs == m_config.blockingTimeoutMs
               && other.routedShare == m_config.routedShare && other.orderShare == m_config.orderShare
               && other.customers == m_config.customers && other.distribution.kind == m_config.distribution.kind
               && other.distribution.zipfExponent == m_config.distribution.zipfExponent
               && other.distribution.hotKeyShare == m_config.distribution.hotKeyShare;
    }();
    const bool routingChanged = config.routing != m_config.routing;
    const bool newSpace = routingChanged || config.partitions != m_config.partitions
                              || config.partitioner != m_config.partitioner;
    m_config = config;
    emit configChanged();
    if (isRunning() && routingChanged && routingOnly)
        return startWorkload(true);
    if (newSpace && !isRunning() && (!m_workload || m_reported)) {
        // Idle: the console's space follows the configuration (partitions, routing) right away.
        QString error;
        if (auto space = SpaceWorkload::createSpace(m_config, &error)) {
            m_space = std::move(space);
            emit spaceChanged();
        }
    }
    return true;
}

bool SpaceSession::setRouting(const QString &type, const QString &property)
{
    SpaceWorkloadConfig config = m_config;
    if (property == SpaceWorkloadConfig::defaultRouting(type))
        config.routing.remove(type);
    else
        config.routing.insert(type, property);
    if (config.routing == m_config.routing)
        return true;
    return setConfig(config);
}

bool SpaceSession::start()
{
    if (isRunning())
        return true;
    return startWorkload(false);
}

bool SpaceSession::startWorkload(bool restart)
{
    QString error;
    auto space = SpaceWorkload::createSpace(m_config, &error);
    if (!space) {
        m_lastError = error;
        return false;
    }
    auto workload = std::make_unique<SpaceWorkload>(m_config);
    if (!workload->start(&error, space)) {
        m_lastError = error;
        return false;
    }
    if (m_workload) {
        m_workload->stop();
        if (!m_workload->isFinished())
            m_retiring.push_back(std::move(m_workload));
    }
    m_workload = std::move(workload);
    m_stopping = false;
    m_reported = false;
    m_space = std::move(space);
    m_lastError.clear();
    emit spaceChanged();
    emit runStarted(restart);
    return true;
}

void SpaceSession::stop()
{
    if (!m_workload || m_stopping)
        return;
    m_workload->stop();
    m_stopping = true;
}

void SpaceSession::poll()
{
    for (auto it = m_retiring.begin(); it != m_retiring.end();) {
        if ((*it)->isFinished()) {
            (*it)->wait();
            it = m_retiring.erase(it);
        } else {
            ++it;
        }
    }
    if (m_workload && !m_reported && m_workload->isFinished()) {
        m_workload->wait();
        m_reported = true;
        m_stopping = true;
        m_lastResult = m_workload->result();
        emit runFinished(*m_lastResult);
    }
}

} // namespace partlab
