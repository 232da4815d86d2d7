#pragma once

#include "workload/spaceworkloadconfig.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace partlab {

/**
 * The space view's settings: partitions, partitioner, clients, rate, operations, key
 * distribution, routed share, operation mix, the routing property of Customer and of Order, and
 * Start / Stop. While a run is active only the routing properties stay editable: choosing
 * another one restarts the workload with it (routingChosen).
 */
class SpaceControls : public QWidget
{
    Q_OBJECT

public:
    explicit SpaceControls(QWidget *parent = nullptr);

    void setConfig(const SpaceWorkloadConfig &config);
    /** The configuration shown (the last valid mix when the mix field is being edited). */
    SpaceWorkloadConfig config() const;
    /** What keeps the configuration from running, in plain words; empty when it can run. */
    QString problem() const;
    void setRunning(bool running);

    QComboBox *routingCombo(const QString &type) const;
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QLineEdit *mixEdit() const { return m_mix; }
    QSpinBox *partitionsSpin() const { return m_partitions; }

signals:
    void configEdited();
    void routingChosen(const QString &type, const QString &property);
    void startClicked();
    void stopClicked();

private:
    QComboBox *makeRoutingCombo(const QString &type);
    void updateProblem();

    QSpinBox *m_partitions;
    QComboBox *m_partitioner;
    QSpinBox *m_clients;
    QSpinBox *m_rate;
    QSpinBox *m_operations;
    QComboBox *m_distribution;
    QDoubleSpinBox *m_routedShare;
    QLineEdit *m_mix;
    QComboBox *m_customerRouting;
    QComboBox *m_orderRouting;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLabel *m_problem;
    SpaceWorkloadConfig m_config;
    bool m_running = false;
};

} // namespace partlab
