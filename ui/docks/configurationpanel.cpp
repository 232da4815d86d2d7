#include "configurationpanel.h"

#include "fileopener.h"
#include "routing/partitioner.h"
#include "runtime/computation.h"
#include "trace/csvprobe.h"
#include "views/palette.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace partlab {

namespace {

/** The slider moves on a log2 scale: 1, 2, 4 ... 1024 get equal room. */
constexpr int kSliderStepsPerDoubling = 10;

int sliderToPartitions(int position)
{
    return qBound(1, int(std::lround(std::pow(2.0, double(position) / kSliderStepsPerDoubling))),
                  ConfigurationPanel::kMaxPartitions);
}

int partitionsToSlider(int partitions)
{
    return int(std::lround(std::log2(double(qMax(1, partitions))) * kSliderStepsPerDoubling));
}

QString computationLabel(Computation c)
{
    switch (c) {
    case Computation::Last: return ConfigurationPanel::tr("last value");
    case Computation::Count: return ConfigurationPanel::tr("count");
    case Computation::Sum: return ConfigurationPanel::tr("sum");
    case Computation::Mean: return ConfigurationPanel::tr("mean");
    case Computation::Min: return ConfigurationPanel::tr("minimum");
    case Computation::Max: return ConfigurationPanel::tr("maximum");
    case Computation::Vwap: return ConfigurationPanel::tr("VWAP (volume-weighted average price)");
    }
    return {};
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(Palette::textStyle(Palette::error));
    label->hide();
    return label;
}

} // namespace

ConfigurationPanel::ConfigurationPanel(SimulationSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    buildSourceGroup(this, layout);
    buildKeysGroup(this, layout);
    buildRuntimeGroup(this, layout);
    m_problem = errorLabel(this);
    layout->addWidget(m_problem);
    // Names for tests, style sheets and accessibility tools.
    const std::pair<QWidget *, const char *> names[] = {
        {m_scenarioSource, "scenarioSource"}, {m_traceSource, "traceSource"}, {m_scenario, "scenario"},
        {m_tracePath, "tracePath"}, {m_keyColumn, "keyColumn"}, {m_valueColumn, "valueColumn"},
        {m_volumeColumn, "volumeColumn"}, {m_traceError, "traceError"}, {m_distribution, "distribution"},
        {m_zipf, "zipfExponent"}, {m_hotShare, "hotKeyShare"}, {m_keys, "keyCount"}, {m_seed, "seed"},
        {m_rate, "rate"}, {m_fullSpeed, "fullSpeed"}, {m_messages, "messages"}, {m_unlimited, "unlimited"},
        {m_mode, "mode"}, {m_partitioner, "partitioner"}, {m_partitions, "partitions"},
        {m_partitionSlider, "partitionSlider"}, {m_workers, "workers"}, {m_computation, "computation"},
        {m_recordOrder, "recordOrder"}, {m_problem, "problem"}};
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));
    layout->addStretch(1);
    // A narrow dock puts a field under its label instead of cutting it off.
    for (QFormLayout *form : findChildren<QFormLayout *>())
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    connect(m_session, &SimulationSession::configChanged, this, &ConfigurationPanel::showConfig);
    showConfig();
}

void ConfigurationPanel::buildSourceGroup(QWidget *parent, QVBoxLayout *layout)
{
    auto *group = new QGroupBox(tr("Messages"), parent);
    auto *form = new QVBoxLayout(group);
    m_scenarioSource = new QRadioButton(tr("&Scenario"), group);
    m_traceSource = new QRadioButton(tr("CSV &trace"), group);
    m_scenarioSource->setToolTip(tr("Generate messages with a built-in or file scenario"));
    m_traceSource->setToolTip(tr("Read messages from a CSV file with a header row"));
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_scenarioSource);
    sourceRow->addWidget(m_traceSource);
    sourceRow->addStretch(1);
    form->addLayout(sourceRow);
    auto *sources = new QButtonGroup(group);
    sources->addButton(m_scenarioSource);
    sources->addButton(m_traceSource);

    m_sourcePages = new QStackedWidget(group);
    // Scenario page.
    auto *scenarioPage = new QWidget(m_sourcePages);
    auto *scenarioRow = new QHBoxLayout(scenarioPage);
    scenarioRow->setContentsMargins(0, 0, 0, 0);
    m_scenario = new QComboBox(scenarioPage);
    m_scenario->addItem(tr("Stock ticks (built-in)"), QStringLiteral("builtin:stocks"));
    m_scenario->addItem(tr("Word counts (built-in)"), QStringLiteral("builtin:words"));
    m_scenario->addItem(tr("Orders by customer (built-in)"), QStringLiteral("builtin:orders"));
    m_scenario->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon); // narrow docks: elide, the list shows all
    m_scenario->setMinimumContentsLength(12);
    m_scenario->setToolTip(tr("stocks: ticks keyed by symbol (Zipf); words: word counts (Zipf); orders: order amounts keyed by customer (uniform)"));
    auto *openScenario = new QToolButton(scenarioPage);
    openScenario->setObjectName(QStringLiteral("openScenario"));
    openScenario->setText(tr("Open…"));
    openScenario->setToolTip(tr("Open a scenario JSON file"));
    scenarioRow->addWidget(m_scenario, 1);
    scenarioRow->addWidget(openScenario);
    m_sourcePages->addWidget(scenarioPage);
    // Trace page.
    auto *tracePage = new QWidget(m_sourcePages);
    auto *traceForm = new QFormLayout(tracePage);
    traceForm->setContentsMargins(0, 0, 0, 0);
    m_tracePath = new QLineEdit(tracePage);
    m_tracePath->setPlaceholderText(tr("trace.csv"));
    auto *browse = new QToolButton(tracePage);
    browse->setObjectName(QStringLiteral("browseTrace"));
    browse->setText(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_tracePath, 1);
    pathRow->addWidget(browse);
    traceForm->addRow(tr("File:"), pathRow);
    m_keyColumn = new QComboBox(tracePage);
    m_keyColumn->setToolTip(tr("The key extractor: the column whose value is the partition key"));
    m_valueColumn = new QComboBox(tracePage);
    m_volumeColumn = new QComboBox(tracePage);
    traceForm->addRow(tr("Key column:"), m_keyColumn);
    traceForm->addRow(tr("Value column:"), m_valueColumn);
    traceForm->addRow(tr("Volume column:"), m_volumeColumn);
    m_traceError = errorLabel(tracePage);
    traceForm->addRow(m_traceError);
    m_sourcePages->addWidget(tracePage);
    form->addWidget(m_sourcePages);
    // A stacked widget is as tall as its tallest page: let the hidden page take no room.
    connect(m_sourcePages, &QStackedWidget::currentChanged, this, [this](int current) {
        for (int i = 0; i < m_sourcePages->count(); ++i)
            m_sourcePages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                                   i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_sourcePages->adjustSize();
    });
    tracePage->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);

    auto *pace = new QFormLayout;
    m_rate = new QSpinBox(group);
    m_rate->setRange(1, 50'000'000);
    m_rate->setSingleStep(1000);
    m_rate->setGroupSeparatorShown(true);
    m_rate->setSuffix(tr(" msg/s"));
    m_fullSpeed = new QCheckBox(tr("max"), group);
    m_fullSpeed->setToolTip(tr("As fast as the runtime can apply them"));
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rate, 1);
    rateRow->addWidget(m_fullSpeed);
    pace->addRow(tr("Rate:"), rateRow);
    m_messages = new QSpinBox(group);
    m_messages->setRange(1, 2'000'000'000);
    m_messages->setSingleStep(100'000);
    m_messages->setGroupSeparatorShown(true);
    m_unlimited = new QCheckBox(tr("all"), group);
    m_unlimited->setToolTip(tr("No limit: run until the source ends or Stop"));
    auto *messagesRow = new QHBoxLayout;
    messagesRow->addWidget(m_messages, 1);
    messagesRow->addWidget(m_unlimited);
    pace->addRow(tr("Messages:"), messagesRow);
    form->addLayout(pace);
    layout->addWidget(group);

    connect(m_scenarioSource, &QRadioButton::toggled, this, &ConfigurationPanel::onEdited);
    connect(m_scenario, &QComboBox::activated, this, &ConfigurationPanel::onScenarioChosen);
    connect(openScenario, &QToolButton::clicked, this, &ConfigurationPanel::browseScenario);
    connect(browse, &QToolButton::clicked, this, &ConfigurationPanel::browseTrace);
    connect(m_tracePath, &QLineEdit::editingFinished, this, [this] {
        if (m_tracePath->text() != config().tracePath)
            loadTraceFile(m_tracePath->text());
    });
    for (QComboBox *c : {m_keyColumn, m_valueColumn, m_volumeColumn})
        connect(c, &QComboBox::currentIndexChanged, this, &ConfigurationPanel::onEdited);
    connect(m_rate, &QSpinBox::valueChanged, this, &ConfigurationPanel::onEdited);
    connect(m_fullSpeed, &QCheckBox::toggled, this, &ConfigurationPanel::onEdited);
    connect(m_messages, &QSpinBox::valueChanged, this, &ConfigurationPanel::onEdited);
    connect(m_unlimited, &QCheckBox::toggled, this, &ConfigurationPanel::onEdited);
}

void ConfigurationPanel::buildKeysGroup(QWidget *parent, QVBoxLayout *layout)
{
    m_keysGroup = new QGroupBox(tr("Keys"), parent);
    auto *form = new QFormLayout(m_keysGroup);
    m_distribution = new QComboBox(m_keysGroup);
    // Each item carries its kind: the order of the items is free.
    m_distribution->addItem(tr("uniform"), int(KeyDistributionSpec::Kind::Uniform));
    m_distribution->addItem(tr("Zipf"), int(KeyDistributionSpec::Kind::Zipf));
    m_distribution->addItem(tr("hot key"), int(KeyDistributionSpec::Kind::HotKey));
    m_distribution->setToolTip(tr("How often each key appears: all alike, Zipf (a few keys dominate), or one hot key"));
    form->addRow(tr("Distribution:"), m_distribution);
    m_zipf = new QDoubleSpinBox(m_keysGroup);
    m_zipf->setRange(0.01, 10.0);
    m_zipf->setDecimals(2);
    m_zipf->setSingleStep(0.1);
    m_zipf->setToolTip(tr("P(rank r) ~ 1 / r^s: 0.8 is mild, 1.1 is natural language, 2 is extreme"));
    form->addRow(tr("Zipf exponent:"), m_zipf);
    m_hotShare = new QDoubleSpinBox(m_keysGroup);
    m_hotShare->setRange(0.0, 100.0);
    m_hotShare->setDecimals(1);
    m_hotShare->setSingleStep(5.0);
    m_hotShare->setSuffix(tr(" %"));
    m_hotShare->setToolTip(tr("Share of all messages that carry the hot key; the rest are spread evenly"));
    form->addRow(tr("Hot-key share:"), m_hotShare);
    m_keys = new QSpinBox(m_keysGroup);
    m_keys->setRange(1, kMaxKeys);
    m_keys->setGroupSeparatorShown(true);
    m_keys->setToolTip(tr("Number of distinct keys the scenario draws from"));
    form->addRow(tr("Key count:"), m_keys);
    m_seed = new QSpinBox(m_keysGroup);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("Same seed, same messages: runs can be repeated exactly"));
    form->addRow(tr("Seed:"), m_seed);
    layout->addWidget(m_keysGroup);

    connect(m_distribution, &QComboBox::currentIndexChanged, this, &ConfigurationPanel::onEdited);
    connect(m_zipf, &QDoubleSpinBox::valueChanged, this, &ConfigurationPanel::onEdited);
    connect(m_hotShare, &QDoubleSpinBox::valueChanged, this, &ConfigurationPanel::onEdited);
    connect(m_keys, &QSpinBox::valueChanged, this, &ConfigurationPanel::onEdited);
    connect(m_seed, &QSpinBox::valueChanged, this, &ConfigurationPanel::onEdited);
}

void ConfigurationPanel::buildRuntimeGroup(QWidget *parent, QVBoxLayout *layout)
{
    auto *group = new QGroupBox(tr("State runtime"), parent);
    auto *form = new QFormLayout(group);
    m_mode = new QComboBox(group);
    m_mode->addItem(tr("partitioned"), int(RuntimeMode::Partitioned));
    m_mode->addItem(tr("naive (one state, one lock)"), int(RuntimeMode::Naive));
    m_mode->setToolTip(tr("Partitioned: each partition has one owner worker, partitions run in parallel.\n"
                          "Naive: one state object behind one lock, one computation at a time."));
    form->addRow(tr("Mode:"), m_mode);
    m_partitioner = new QComboBox(group);
    for (const QString &name : partitionerNames()) {
        m_partitioner->addItem(name, name);
        m_partitioner->setItemData(m_partitioner->count() - 1, partitionerDescription(name), Qt::ToolTipRole);
    }
    form->addRow(tr("Partitioner:"), m_partitioner);
    m_partitions = new QSpinBox(group);
    m_partitions->setRange(1, kMaxPartitions);
    m_partitions->setToolTip(tr("Number of state partitions N (can be changed while running)"));
    m_partitionSlider = new QSlider(Qt::Horizontal, group);
    m_partitionSlider->setRange(0, partitionsToSlider(kMaxPartitions));
    m_partitionSlider->setToolTip(m_partitions->toolTip());
    auto *partitionRow = new QHBoxLayout;
    partitionRow->addWidget(m_partitions);
    partitionRow->addWidget(m_partitionSlider, 1);
    form->addRow(tr("Partitions:"), partitionRow);
    m_workers = new QSpinBox(group);
    m_workers->setRange(0, 256);
    m_workers->setSpecialValueText(tr("auto (%n core(s))", nullptr, QThread::idealThreadCount()));
    m_workers->setToolTip(tr("Worker threads W; partition p is owned by worker p mod W"));
    form->addRow(tr("Workers:"), m_workers);
    m_computation = new QComboBox(group);
    for (const QString &name : computationNames()) {
        const Computation c = *computationFromName(name);
        m_computation->addItem(computationLabel(c), name);
    }
    m_computation->setToolTip(tr("The state computation apply(message, state) run for every message"));
    form->addRow(tr("Computation:"), m_computation);
    m_recordOrder = new QCheckBox(tr("Record applied order"), group);
    m_recordOrder->setToolTip(tr("Keeps the last messages of each partition for the FIFO order view; costs a little throughput"));
    form->addRow(m_recordOrder);
    layout->addWidget(group);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &ConfigurationPanel::onEdited);
    connect(m_partitioner, &QComboBox::currentIndexChanged, this, [this] {
        m_partitioner->setToolTip(partitionerDescription(m_partitioner->currentData().toString()));
        onEdited();
    });
    connect(m_partitions, &QSpinBox::valueChanged, this, [this](int n) {
        if (m_updating)
            return;
        setPartitionsSilently(n);
        emit partitionsRequested(n);
    });
    connect(m_partitionSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_updating)
            return;
        const int n = sliderToPartitions(position);
        setPartitionsSilently(n);
        emit partitionsRequested(n);
    });
    connect(m_workers, &QSpinBox::valueChanged, this, &ConfigurationPanel::onEdited);
    connect(m_computation, &QComboBox::currentIndexChanged, this, &ConfigurationPanel::onEdited);
    connect(m_recordOrder, &QCheckBox::toggled, this, &ConfigurationPanel::onEdited);
}

void ConfigurationPanel::setPartitionsSilently(int partitions)
{
    const bool was = m_updating;
    m_updating = true;
    m_partitions->setValue(partitions);
    if (sliderToPartitions(m_partitionSlider->value()) != partitions)
        m_partitionSlider->setValue(partitionsToSlider(partitions));
    m_updating = was;
}

void ConfigurationPanel::readControls(SessionConfig &c) const
{
    c.source = m_traceSource->isChecked() ? SessionConfig::Source::Trace : SessionConfig::Source::Scenario;
    c.traceFields.key = m_keyColumn->currentData().toString();
    c.traceFields.value = m_valueColumn->currentData().toString();
    c.traceFields.volume = m_volumeColumn->currentData().toString();
    c.scenario.distribution.kind = KeyDistributionSpec::Kind(m_distribution->currentData().toInt());
    c.scenario.distribution.zipfExponent = m_zipf->value();
    c.scenario.distribution.hotKeyShare = m_hotShare->value() / 100.0;
    c.scenario.keys = quint32(m_keys->value());
    c.scenario.seed = quint64(m_seed->value());
    c.rate = m_fullSpeed->isChecked() ? 0.0 : double(m_rate->value());
    c.messageLimit = m_unlimited->isChecked() ? 0 : quint64(m_messages->value());
    c.runtime.mode = RuntimeMode(m_mode->currentData().toInt());
    c.runtime.partitioner = m_partitioner->currentData().toString();
    c.runtime.partitionerOptions.partitions = m_partitions->value();
    c.runtime.workers = m_workers->value();
    c.runtime.computation = computationFromName(m_computation->currentData().toString()).value_or(Computation::Last);
    if (!m_recordOrder->isChecked())
        c.fifoCapacity = 0;
    else if (c.fifoCapacity <= 0)
        c.fifoCapacity = limits::kDefaultFifoCapacity;
}

void ConfigurationPanel::setConfig(const SessionConfig &config)
{
    m_session->setConfig(config); // configChanged -> showConfig()
}

void ConfigurationPanel::showConfig()
{
    const SessionConfig &c = config();
    m_updating = true;
    const bool trace = c.source == SessionConfig::Source::Trace;
    m_traceSource->setChecked(trace);
    m_scenarioSource->setChecked(!trace);
    m_sourcePages->setCurrentIndex(trace ? 1 : 0);
    int scenarioIndex = m_scenario->findData(c.scenarioOrigin);
    if (scenarioIndex < 0) {
        m_scenario->addItem(QFileInfo(c.scenarioOrigin).fileName(), c.scenarioOrigin);
        scenarioIndex = m_scenario->count() - 1;
        m_scenario->setItemData(scenarioIndex, c.scenarioOrigin, Qt::ToolTipRole);
    }
    m_scenario->setCurrentIndex(scenarioIndex);
    if (m_tracePath->text() != c.tracePath) {
        // A trace chosen elsewhere (the command line, a lesson): read its columns and check it here.
        m_tracePath->setText(c.tracePath);
        const CsvProbe probe = c.tracePath.isEmpty() ? CsvProbe{} : probeCsv(c.tracePath);
        m_traceProblem = probe.error;
        fillTraceColumns(probe.header);
    }
    m_keyColumn->setCurrentIndex(qMax(0, m_keyColumn->findData(c.traceFields.key)));
    m_valueColumn->setCurrentIndex(qMax(0, m_valueColumn->findData(c.traceFields.value)));
    m_volumeColumn->setCurrentIndex(qMax(0, m_volumeColumn->findData(c.traceFields.volume)));

    m_distribution->setCurrentIndex(qMax(0, m_distribution->findData(int(c.scenario.distribution.kind))));
    m_zipf->setValue(c.scenario.distribution.zipfExponent);
    m_hotShare->setValue(c.scenario.distribution.hotKeyShare * 100.0);
    m_keys->setValue(int(qMin<quint32>(c.scenario.keys, kMaxKeys)));
    m_seed->setValue(int(qMin<quint64>(c.scenario.seed, quint64(std::numeric_limits<int>::max()))));
    m_fullSpeed->setChecked(c.rate <= 0.0);
    if (c.rate > 0.0)
        m_rate->setValue(int(qMin(c.rate, 50e6)));
    m_unlimited->setChecked(c.messageLimit == 0);
    if (c.messageLimit > 0)
        m_messages->setValue(int(qMin<quint64>(c.messageLimit, 2'000'000'000)));

    m_mode->setCurrentIndex(qMax(0, m_mode->findData(int(c.runtime.mode))));
    m_partitioner->setCurrentIndex(qMax(0, m_partitioner->findData(c.runtime.partitioner)));
    m_partitioner->setToolTip(partitionerDescription(c.runtime.partitioner));
    setPartitionsSilently(qBound(1, c.runtime.partitions(), kMaxPartitions));
    m_workers->setValue(c.runtime.workers);
    m_computation->setCurrentIndex(qMax(0, m_computation->findData(computationName(c.runtime.computation))));
    m_recordOrder->setChecked(c.fifoCapacity > 0);
    m_updating = false;
    updateEnabled();
    updateProblem();
}

void ConfigurationPanel::setRunActive(bool active)
{
    m_runActive = active;
    updateEnabled();
}

void ConfigurationPanel::updateEnabled()
{
    const bool editable = !m_runActive;
    const bool trace = m_traceSource->isChecked();
    for (QWidget *w : std::initializer_list<QWidget *>{m_scenarioSource, m_traceSource, m_sourcePages, m_rate, m_fullSpeed,
                                                       m_messages, m_unlimited, m_mode, m_partitioner, m_workers,
                                                       m_computation, m_recordOrder})
        w->setEnabled(editable);
    m_rate->setEnabled(editable && !m_fullSpeed->isChecked());
    m_messages->setEnabled(editable && !m_unlimited->isChecked());
    m_keysGroup->setEnabled(editable && !trace);
    m_keysGroup->setToolTip(trace ? tr("A trace brings its own keys") : QString());
    const auto kind = KeyDistributionSpec::Kind(m_distribution->currentData().toInt());
    m_zipf->setEnabled(kind == KeyDistributionSpec::Kind::Zipf);
    m_hotShare->setEnabled(kind == KeyDistributionSpec::Kind::HotKey);
    // Only the partition count may change under a running simulation (live repartitioning).
    m_partitions->setEnabled(true);
    m_partitionSlider->setEnabled(true);
    const QString locked = tr("Stop the run to change this");
    for (QWidget *w : std::initializer_list<QWidget *>{m_mode, m_partitioner, m_workers, m_computation})
        w->setStatusTip(m_runActive ? locked : QString());
}

void ConfigurationPanel::onEdited()
{
    if (m_updating)
        return;
    m_sourcePages->setCurrentIndex(m_traceSource->isChecked() ? 1 : 0);
    SessionConfig c = config();
    readControls(c);
    m_session->setConfig(c); // configChanged -> showConfig()
    updateEnabled();
    updateProblem();
    emit configEdited();
}

void ConfigurationPanel::onScenarioChosen(int index)
{
    const QString origin = m_scenario->itemData(index).toString();
    std::optional<ScenarioSpec> spec;
    QString error;
    if (origin.startsWith(QLatin1String("builtin:")))
        spec = ScenarioSpec::builtin(origin.mid(8));
    else
        spec = partlab::loadScenarioFile(origin, &error);
    if (!spec) {
        FileOpener::reportError(this, FileOpener::Kind::Scenario, error);
        return;
    }
    SessionConfig c = config();
    readControls(c);
    c.applyScenario(*spec, origin);
    setConfig(c);
    emit configEdited();
}

bool ConfigurationPanel::loadScenarioFile(const QString &path, bool quiet)
{
    QString error;
    const std::optional<ScenarioSpec> spec = partlab::loadScenarioFile(path, &error);
    if (!spec) {
        if (!quiet)
            FileOpener::reportError(this, FileOpener::Kind::Scenario, error);
        return false;
    }
    SessionConfig c = config();
    readControls(c);
    c.applyScenario(*spec, QFileInfo(path).absoluteFilePath());
    setConfig(c);
    emit configEdited();
    emit fileOpened(c.scenarioOrigin);
    return true;
}

bool ConfigurationPanel::loadTraceFile(const QString &path)
{
    // The file's own first problem comes first ("FILE:LINE: reason"), before any guess.
    const CsvProbe probe = path.isEmpty() ? CsvProbe{} : probeCsv(path);
    SessionConfig c = config();
    readControls(c);
    c.source = SessionConfig::Source::Trace;
    c.tracePath = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    c.traceFields = probe.guess;
    c.traceFields.time.clear(); // the dock's runs are paced by its rate, not by recorded time
    m_traceProblem = path.isEmpty() ? tr("Choose a CSV file.") : probe.error;
    m_updating = true;
    m_tracePath->setText(c.tracePath);
    fillTraceColumns(probe.header);
    m_updating = false;
    setConfig(c);
    updateProblem();
    emit configEdited();
    if (!m_traceProblem.isEmpty())
        return false;
    emit fileOpened(c.tracePath);
    return true;
}

void ConfigurationPanel::fillTraceColumns(const QStringList &columns)
{
    m_keyColumn->clear();
    m_valueColumn->clear();
    m_volumeColumn->clear();
    // No key-like column: nothing is guessed, the user picks (Start stays disabled until then).
    m_keyColumn->addItem(tr("(choose the key column)"), QString());
    m_valueColumn->addItem(tr("(none: each message counts 1)"), QString());
    m_volumeColumn->addItem(tr("(none)"), QString());
    for (const QString &column : columns) {
        m_keyColumn->addItem(column, column);
        m_valueColumn->addItem(column, column);
        m_volumeColumn->addItem(column, column);
    }
}

void ConfigurationPanel::browseScenario()
{
    const QString path = FileOpener::choose(this, FileOpener::Kind::Scenario);
    if (!path.isEmpty())
        loadScenarioFile(path);
}

void ConfigurationPanel::browseTrace()
{
    const QString current = m_tracePath->text();
    const QString path = FileOpener::choose(this, FileOpener::Kind::CsvTrace, current.isEmpty() ? QString() : QFileInfo(current).path());
    if (!path.isEmpty())
        loadTraceFile(path);
}

QString ConfigurationPanel::problem() const
{
    if (config().source == SessionConfig::Source::Trace && !m_traceProblem.isEmpty())
        return m_traceProblem;
    return config().validate();
}

void ConfigurationPanel::updateProblem()
{
    const QString text = problem();
    // A problem of the trace file shows under the file (also when the file was opened during a
    // run, which keeps its configuration); anything else under the form.
    const bool fileProblem = !m_traceProblem.isEmpty();
    const bool noKey = config().source == SessionConfig::Source::Trace && m_traceProblem.isEmpty()
                       && !config().tracePath.isEmpty() && config().traceFields.key.isEmpty();
    m_traceError->setText(fileProblem ? m_traceProblem
                          : noKey ? tr("Choose the key column: no column name looks like a key (symbol, key, id, customer, user, …).")
                                  : QString());
    m_traceError->setVisible(fileProblem || noKey);
    const bool shownAbove = (fileProblem || noKey) && config().source == SessionConfig::Source::Trace;
    m_problem->setText(shownAbove ? QString() : text);
    m_problem->setVisible(!shownAbove && !text.isEmpty());
}

} // namespace partlab
