#pragma once

#include "redis/clusterloadsampler.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace partlab {

/**
 * "Connect to Redis Cluster": the user types HOST:PORT of any node and may test it first. The
 * test (probeCluster: connect, CLUSTER SLOTS, INFO server) runs on Qt's thread pool, so the
 * dialog stays responsive while a node that does not answer times out (1 s per wait).
 * Accepting is possible once the text is a valid address; address() is the result.
 */
class RedisConnectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RedisConnectDialog(QWidget *parent = nullptr);
    ~RedisConnectDialog() override;

    /** The address as typed ("127.0.0.1:7000"). */
    QString address() const;
    void setAddress(const QString &address);
    /** The parsed address; valid when the OK button is enabled. */
    RedisAddress redisAddress() const;
    /** The result of the last finished test (ok == false before any test). */
    ClusterProbe lastProbe() const { return m_lastProbe; }

public slots:
    /** Starts a connection test (ignored while one runs). */
    void testConnection();

signals:
    /** A connection test finished. */
    void probed(bool ok, const QString &message);

private:
    void updateState();
    void showProbe(const ClusterProbe &probe);

    QLineEdit *m_address;
    QPushButton *m_test;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<ClusterProbe> m_watcher;
    ClusterProbe m_lastProbe;
};

} // namespace partlab
