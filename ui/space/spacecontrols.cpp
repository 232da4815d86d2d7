#include "spacecontrols.h"

#include "routing/partitioner.h"
#include "views/palette.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>

namespace partlab {

namespace {

QLabel *buddy(const QString &text, QWidget *field, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(field);
    return label;
}

} // namespace

SpaceControls::SpaceControls(QWidget *parent)
    : QWidget(parent)
    , m_partitions(new QSpinBox(this))
    , m_partitioner(new QComboBox(this))
    , m_clients(new QSpinBox(this))
    , m_rate(new QSpinBox(this))
    , m_operations(new QSpinBox(this))
    , m_distribution(new QComboBox(this))
    , m_routedShare(new QDoubleSpinBox(this))
    , m_mix(new QLineEdit(this))
    , m_customerRouting(makeRoutingCombo(QStringLiteral("Customer")))
    , m_orderRouting(makeRoutingCombo(QStringLiteral("Order")))
    , m_start(new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start load"), this))
    , m_stop(new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop"), this))
    , m_problem(new QLabel(this))
{
    m_partitions->setRange(1, 1024);
    m_partitions->setToolTip(tr("Partitions of the space (a new run starts on an empty space)"));
    m_partitioner->addItems(partitionerNames());
    m_partitioner->setToolTip(tr("How the proxy maps a routing value to a partition"));
    m_clients->setRange(1, 16);
    m_clients->setToolTip(tr("Client threads sending operations at the same time"));
    m_rate->setRange(0, 2'000'000);
    m_rate->setSingleStep(5'000);
    m_rate->setSpecialValueText(tr("max"));
    m_rate->setSuffix(tr(" ops/s"));
    m_rate->setToolTip(tr("Operations per second over all clients; max = as fast as the space allows"));
    m_operations->setRange(0, 1'000'000'000);
    m_operations->setSingleStep(100'000);
    m_operations->setSpecialValueText(tr("until stopped"));
    m_operations->setToolTip(tr("Operations over all clients before the run ends by itself"));
    m_distribution->addItem(tr("uniform"), int(KeyDistributionSpec::Kind::Uniform));
    m_distribution->addItem(tr("Zipf"), int(KeyDistributionSpec::Kind::Zipf));
    m_distribution->addItem(tr("hot key"), int(KeyDistributionSpec::Kind::HotKey));
    m_distribution->setToolTip(tr("How often each customer is picked (Zipf exponent 1, hot key: half of all operations)"));
    m_routedShare->setRange(0.0, 1.0);
    m_routedShare->setSingleStep(0.05);
    m_routedShare->setDecimals(2);
    m_routedShare->setToolTip(tr("Share of queries that name a customer; the others (an amount band, a name) are broadcast"));
    m_mix->setToolTip(tr("Operation weights: write, writeMultiple, update, read, take, readMultiple, count, clear, "
                         "blockingTake, e.g. write=40,read=30,take=10"));
    m_customerRouting->setToolTip(tr("The routing property of Customer entries; changing it restarts a running workload"));
    m_orderRouting->setToolTip(tr("The routing property of Order entries; customerId puts a customer's orders on its "
                                  "partition. Changing it restarts a running workload"));
    m_start->setToolTip(tr("Start the workload on a new, empty space"));
    // Combos size to a short text, not to their longest item, so the tab fits beside the docks.
    for (QComboBox *combo : {m_partitioner, m_distribution, m_customerRouting, m_orderRouting}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(combo == m_partitioner || combo == m_distribution ? 8 : 14);
    }
    m_problem->setStyleSheet(Palette::textStyle(Palette::error));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);
    // Three label/field pairs per row: the tab shares the window with two docks.
    grid->addWidget(buddy(tr("&Partitions:"), m_partitions, this), 0, 0);
    grid->addWidget(m_partitions, 0, 1);
    grid->addWidget(buddy(tr("Partitioner:"), m_partitioner, this), 0, 2);
    grid->addWidget(m_partitioner, 0, 3);
    grid->addWidget(buddy(tr("&Clients:"), m_clients, this), 0, 4);
    grid->addWidget(m_clients, 0, 5);
    grid->addWidget(buddy(tr("Rate:"), m_rate, this), 1, 0);
    grid->addWidget(m_rate, 1, 1);
    grid->addWidget(buddy(tr("Operations:"), m_operations, this), 1, 2);
    grid->addWidget(m_operations, 1, 3);
    grid->addWidget(buddy(tr("Customers:"), m_distribution, this), 1, 4);
    grid->addWidget(m_distribution, 1, 5);
    grid->addWidget(buddy(tr("Keyed share:"), m_routedShare, this), 2, 0);
    grid->addWidget(m_routedShare, 2, 1);
    grid->addWidget(buddy(tr("&Mix:"), m_mix, this), 2, 2);
    grid->addWidget(m_mix, 2, 3, 1, 3);
    grid->addWidget(buddy(tr("Customer routing:"), m_customerRouting, this), 3, 0);
    grid->addWidget(m_customerRouting, 3, 1, 1, 2);
    grid->addWidget(buddy(tr("&Order routing:"), m_orderRouting, this), 3, 3);
    grid->addWidget(m_orderRouting, 3, 4, 1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_problem, 1);
    grid->addLayout(buttons, 4, 0, 1, 6);
    grid->setColumnStretch(5, 1);

    const auto edited = [this] {
        updateProblem();
        emit configEdited();
    };
    connect(m_partitions, &QSpinBox::valueChanged, this, edited);
    connect(m_partitioner, &QComboBox::currentIndexChanged, this, edited);
    connect(m_clients, &QSpinBox::valueChanged, this, edited);
    connect(m_rate, &QSpinBox::valueChanged, this, edited);
    connect(m_operations, &QSpinBox::valueChanged, this, edited);
    connect(m_distribution, &QComboBox::currentIndexChanged, this, edited);
    connect(m_routedShare, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_mix, &QLineEdit::textEdited, this, edited);
    for (QComboBox *combo : {m_customerRouting, m_orderRouting}) {
        connect(combo, &QComboBox::activated, this, [this, combo] {
            emit routingChosen(combo->property("entryType").toString(), combo->currentData().toString());
        });
    }
    connect(m_start, &QPushButton::clicked, this, &SpaceControls::startClicked);
    connect(m_stop, &QPushButton::clicked, this, &SpaceControls::stopClicked);
    setConfig(m_config);
    setRunning(false);
}

QComboBox *SpaceControls::makeRoutingCombo(const QString &type)
{
    auto *combo = new QComboBox(this);
    combo->setProperty("entryType", type);
    for (const QString &property : SpaceWorkloadConfig::routingCandidates(type)) {
        QString text = property;
        if (type == QLatin1String("Customer") && property == QLatin1String("customerId"))
            text = tr("customerId (id property)");
        else if (type == QLatin1String("Order") && property == QLatin1String("orderId"))
            text = tr("orderId (id property)");
        else if (type == QLatin1String("Order") && property == QLatin1String("customerId"))
            text = tr("customerId (explicit)");
        combo->addItem(text, property);
    }
    return combo;
}

QComboBox *SpaceControls::routingCombo(const QString &type) const
{
    return type == QLatin1String("Customer") ? m_customerRouting : type == QLatin1String("Order") ? m_orderRouting : nullptr;
}

void SpaceControls::setConfig(const SpaceWorkloadConfig &config)
{
    m_config = config;
    const QSignalBlocker b1(m_partitions), b2(m_partitioner), b3(m_clients), b4(m_rate), b5(m_operations),
        b6(m_distribution), b7(m_routedShare), b8(m_mix), b9(m_customerRouting), b10(m_orderRouting);
    m_partitions->setValue(config.partitions);
    m_partitioner->setCurrentText(config.partitioner);
    m_clients->setValue(config.clients);
    m_rate->setValue(int(std::min(config.rate, 2e6)));
    m_operations->setValue(int(std::min<qint64>(config.operations, 1'000'000'000)));
    m_distribution->setCurrentIndex(m_distribution->findData(int(config.distribution.kind)));
    m_routedShare->setValue(config.routedShare);
    m_mix->setText(SpaceWorkloadConfig::mixToText(config.mix));
    m_mix->setCursorPosition(0); // show the start of a long mix, not its tail
    m_customerRouting->setCurrentIndex(m_customerRouting->findData(config.routingOf(QStringLiteral("Customer"))));
    m_orderRouting->setCurrentIndex(m_orderRouting->findData(config.routingOf(QStringLiteral("Order"))));
    updateProblem();
}

SpaceWorkloadConfig SpaceControls::config() const
{
    SpaceWorkloadConfig c = m_config;
    c.partitions = m_partitions->value();
    c.partitioner = m_partitioner->currentText();
    c.clients = m_clients->value();
    c.rate = m_rate->value();
    c.operations = m_operations->value();
    c.distribution.kind = KeyDistributionSpec::Kind(m_distribution->currentData().toInt());
    c.routedShare = m_routedShare->value();
    if (const auto mix = SpaceWorkloadConfig::mixFromText(m_mix->text(), nullptr))
        c.mix = *mix;
    for (QComboBox *combo : {m_customerRouting, m_orderRouting}) {
        const QString type = combo->property("entryType").toString();
        const QString property = combo->currentData().toString();
        if (property == SpaceWorkloadConfig::defaultRouting(type))
            c.routing.remove(type);
        else
            c.routing.insert(type, property);
    }
    return c;
}

QString SpaceControls::problem() const
{
    QString error;
    if (!SpaceWorkloadConfig::mixFromText(m_mix->text(), &error))
        return tr("The mix is not valid: %1").arg(error);
    return config().problem();
}

void SpaceControls::updateProblem()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_mix->setStyleSheet(SpaceWorkloadConfig::mixFromText(m_mix->text(), nullptr) ? QString()
                                                                                  : Palette::textStyle(Palette::error));
    m_start->setEnabled(!m_running && text.isEmpty());
}

void SpaceControls::setRunning(bool running)
{
    m_running = running;
    for (QWidget *w : std::initializer_list<QWidget *>{m_partitions, m_partitioner, m_clients, m_rate, m_operations,
                                                       m_distribution, m_routedShare, m_mix})
        w->setEnabled(!running);
    m_stop->setEnabled(running);
    updateProblem();
}

} // namespace partlab
