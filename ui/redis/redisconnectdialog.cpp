#include "redisconnectdialog.h"

#include "views/palette.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace partlab {

RedisConnectDialog::RedisConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_address(new QLineEdit(QStringLiteral("127.0.0.1:7000"), this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect to Redis Cluster"));
    m_address->setPlaceholderText(tr("HOST:PORT of any node"));
    m_address->setToolTip(tr("Any node of the cluster: Partlab reads the slot map from it and then talks to every master."));
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(360);
    m_status->setText(tr("Start a local cluster with %1, or enter a node of your own cluster.")
                          .arg(QStringLiteral("<tt>partlab-cli cluster up</tt>")));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_address, 1);
    row->addWidget(m_test);
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Node:"), this);
    label->setBuddy(m_address);
    form->addRow(label, row);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_address, &QLineEdit::textChanged, this, &RedisConnectDialog::updateState);
    connect(m_test, &QPushButton::clicked, this, &RedisConnectDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<ClusterProbe>::finished, this, [this] { showProbe(m_watcher.result()); });
    updateState();
}

RedisConnectDialog::~RedisConnectDialog()
{
    m_watcher.waitForFinished(); // the probe is bounded by its timeouts
}

QString RedisConnectDialog::address() const
{
    return m_address->text().trimmed();
}

void RedisConnectDialog::setAddress(const QString &address)
{
    m_address->setText(address);
}

RedisAddress RedisConnectDialog::redisAddress() const
{
    return RedisAddress::parse(address(), nullptr).value_or(RedisAddress());
}

void RedisConnectDialog::updateState()
{
    QString error;
    const bool valid = RedisAddress::parse(address(), &error).has_value();
    const bool running = m_watcher.isRunning();
    m_test->setEnabled(valid && !running);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && !running);
    if (!valid && !address().isEmpty())
        m_status->setText(tr("Not an address: type HOST:PORT, e.g. 127.0.0.1:7000."));
}

void RedisConnectDialog::testConnection()
{
    if (m_watcher.isRunning())
        return;
    const auto node = RedisAddress::parse(address(), nullptr);
    if (!node)
        return;
    m_status->setText(tr("Connecting to %1…").arg(node->toString()));
    m_watcher.setFuture(QtConcurrent::run([n = *node] { return probeCluster(n, 1000); }));
    updateState();
}

void RedisConnectDialog::showProbe(const ClusterProbe &probe)
{
    m_lastProbe = probe;
    if (probe.ok) {
        m_status->setText(QStringLiteral("<span style='color:%1'>&#10004; %2</span>")
                              .arg(Palette::connectionOk.name(), tr("Connected: Redis %1, %n master(s) serve all 16384 slots.", nullptr, probe.masters)
                                       .arg(probe.version.toHtmlEscaped())));
    } else if (probe.masters > 0) {
        m_status->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                              .arg(Palette::connectionWarning.name(), tr("Connected to Redis %1, but %2 slots are not served: the cluster is not ok.")
                                       .arg(probe.version.toHtmlEscaped()).arg(probe.uncoveredSlots)));
    } else {
        m_status->setText(QStringLiteral("<span style='color:%1'>&#10008; %2</span>").arg(Palette::connectionError.name(), probe.message.toHtmlEscaped()));
    }
    updateState();
    emit probed(probe.ok, probe.message);
}

} // namespace partlab
