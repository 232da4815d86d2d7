#pragma once

#include "session/simulationsession.h"

#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;

namespace partlab {

/**
 * The configuration dock: message source (built-in or file scenario, or a CSV trace with its
 * key, value and volume columns), key distribution, pace, and the runtime (mode, partitioner,
 * partitions, workers, computation). Every control is range-limited or a choice list, so no
 * invalid value can be typed; what can still be wrong (a missing trace file, a missing volume
 * column for vwap) is shown inline and keeps Start disabled.
 *
 * While a run is active only the partition count stays editable: it goes through
 * partitionsRequested() to the session, which resizes the running runtime.
 *
 * The session holds the one configuration: the panel keeps none of its own. An edit reads the
 * session's configuration, changes the field the control shows and hands it back
 * (SimulationSession::setConfig); every change of the session's configuration, from here, a
 * lesson, the command line or a live resize, is shown in the controls.
 */
class ConfigurationPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxPartitions = SessionConfig::kMaxPartitions;
    static constexpr int kMaxKeys = 10'000'000;

    explicit ConfigurationPanel(SimulationSession *session, QWidget *parent = nullptr);

    /** The configuration the controls show: the session's. */
    const SessionConfig &config() const { return m_session->config(); }
    /** Hands @p config to the session (ignored while a run is active); the controls follow. */
    void setConfig(const SessionConfig &config);
    /** Shows a partition count decided elsewhere (command line, a lesson) without signals. */
    void showPartitions(int partitions) { setPartitionsSilently(partitions); }
    /** Locks everything but the partition count while a run is active. */
    void setRunActive(bool active);
    /** The sentence shown under the form when the configuration cannot run (empty = fine). */
    QString problem() const;

    /** Opens a scenario JSON file; false (and a message box unless @p quiet) on error. */
    bool loadScenarioFile(const QString &path, bool quiet = false);
    /** Switches to a CSV trace; picks a likely key column. False with an inline error on failure. */
    bool loadTraceFile(const QString &path);

    /** The Open Scenario dialog (FileOpener), then loadScenarioFile(): the dock's Open… and File > Open Scenario. */
    void browseScenario();
    /** The Open CSV Trace dialog, in the current trace's folder, then loadTraceFile(): Browse… and File > Open CSV Trace. */
    void browseTrace();

signals:
    /** Any control but the partition count changed. */
    void configEdited();
    /** The user changed the partition count (spin box or slider). */
    void partitionsRequested(int partitions);
    /** A file was opened successfully (for the recent-files menu). */
    void fileOpened(const QString &path);

private:
    void buildSourceGroup(QWidget *parent, QVBoxLayout *layout);
    void buildKeysGroup(QWidget *parent, QVBoxLayout *layout);
    void buildRuntimeGroup(QWidget *parent, QVBoxLayout *layout);
    void onEdited();
    void onScenarioChosen(int index);
    void fillTraceColumns(const QStringList &columns);
    /** Shows the session's configuration in the controls (no edit signals). */
    void showConfig();
    /** Writes what the controls show into @p config. */
    void readControls(SessionConfig &config) const;
    void updateEnabled();
    void updateProblem();
    void setPartitionsSilently(int partitions);

    QPointer<SimulationSession> m_session;
    /** The first problem of the open trace file (probeCsv), shown until another file is chosen. */
    QString m_traceProblem;
    bool m_updating = false;
    bool m_runActive = false;

    QRadioButton *m_scenarioSource;
    QRadioButton *m_traceSource;
    QStackedWidget *m_sourcePages;
    QComboBox *m_scenario;
    QLineEdit *m_tracePath;
    QComboBox *m_keyColumn;
    QComboBox *m_valueColumn;
    QComboBox *m_volumeColumn;
    QLabel *m_traceError;

    QGroupBox *m_keysGroup;
    QComboBox *m_distribution;
    QDoubleSpinBox *m_zipf;
    QDoubleSpinBox *m_hotShare;
    QSpinBox *m_keys;
    QSpinBox *m_seed;

    QSpinBox *m_rate;
    QCheckBox *m_fullSpeed;
    QSpinBox *m_messages;
    QCheckBox *m_unlimited;

    QComboBox *m_mode;
    QComboBox *m_partitioner;
    QSpinBox *m_partitions;
    QSlider *m_partitionSlider;
    QSpinBox *m_workers;
    QComboBox *m_computation;
    QCheckBox *m_recordOrder;
    QLabel *m_problem;
};

} // namespace partlab
