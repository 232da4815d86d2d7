#pragma once

#include "workload/spaceworkloadconfig.h"
#include "workload/spaceworkloadstats.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace partlab {

class SpaceProxy;
class SpaceWorkload;

/**
 * The GUI's partitioned space and the workload running on it.
 *
 * Each run starts a SpaceWorkload on a fresh space (so runs compare, and conservation means
 * something); the space of the current or last run stays for the query console. Changing a
 * type's routing property while a run is active stops that run and starts the same workload
 * with the new routing. The UI thread never waits for a client: a stopped workload is kept until
 * poll() sees all its clients returned, and only then joined (which is then immediate).
 */
class SpaceSession : public QObject
{
    Q_OBJECT

public:
    explicit SpaceSession(QObject *parent = nullptr);
    ~SpaceSession() override;

    const SpaceWorkloadConfig &config() const { return m_config; }
    /** Takes @p config for the next run; false (and lastError) when it cannot run. */
    bool setConfig(const SpaceWorkloadConfig &config);
    /** Sets @p type's routing property; restarts the workload with it when a run is active. */
    bool setRouting(const QString &type, const QString &property);

    /** Starts a run with the current configuration on a new space. */
    bool start();
    /** Asks the running workload to stop; runFinished follows once its clients returned. */
    void stop();
    bool isRunning() const { return m_workload && !m_stopping; }
    QString lastError() const { return m_lastError; }
    /** A workload still has to be reported or joined: keep calling poll(). */
    bool isBusy() const { return (m_workload && !m_reported) || !m_retiring.empty(); }

    /** The space the space view and the console use (never null). */
    std::shared_ptr<SpaceProxy> space() const { return m_space; }
    /** Partitions of that space. */
    int partitionCount() const;
    /** The current or last workload (null before the first run). */
    SpaceWorkload *workload() const { return m_workload.get(); }
    /** The result of the last finished run. */
    const std::optional<SpaceWorkloadResult> &lastResult() const { return m_lastResult; }

    /** Joins workloads whose clients have all returned; emits runFinished. Called on the UI tick. */
    void poll();

signals:
    /** A new space replaced the previous one (a run started). */
    void spaceChanged();
    /** A run started; @p restart: because a routing property changed during a run. */
    void runStarted(bool restart);
    /** The current run is over (its clients returned): the final numbers, conservation checked. */
    void runFinished(const partlab::SpaceWorkloadResult &result);
    void configChanged();

private:
    bool startWorkload(bool restart);

    SpaceWorkloadConfig m_config;
    std::shared_ptr<SpaceProxy> m_space;
    std::unique_ptr<SpaceWorkload> m_workload;
    bool m_stopping = false;
    bool m_reported = true; ///< runFinished was emitted for m_workload
    /** Replaced by a restart: stopped, joined by poll() once their clients returned. */
    std::vector<std::unique_ptr<SpaceWorkload>> m_retiring;
    std::optional<SpaceWorkloadResult> m_lastResult;
    QString m_lastError;
};

} // namespace partlab

Q_DECLARE_METATYPE(partlab::SpaceWorkloadResult)
