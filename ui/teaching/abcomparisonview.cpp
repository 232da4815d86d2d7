#include "abcomparisonview.h"

#include "model/numberformat.h"
#include "advisorview.h"
#include "runtime/runplan.h"
#include "session/simulationsession.h"
#include "views/palette.h"
#include "workload/boundedsource.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace partlab {

namespace {
/** Differences smaller than this are noise on a shared machine, not a result. */
constexpr double kSignificant = 0.05;
} // namespace

AbComparisonView::AbComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_messages(new QSpinBox(this))
    , m_compare(new QPushButton(tr("&Compare"), this))
    , m_cancel(new QPushButton(tr("Cance&l"), this))
    , m_progress(new QProgressBar(this))
    , m_source(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView(this))
{
    m_pool.setMaxThreadCount(1);
    m_messages->setRange(1000, 10'000'000);
    m_messages->setSingleStep(50'000);
    m_messages->setValue(200'000);
    m_messages->setGroupSeparatorShown(true);
    m_messages->setToolTip(tr("Messages each side runs (the same ones, from the configured scenario or trace)"));
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *sides = new QHBoxLayout;
    sides->addWidget(buildSide(m_sides[0], tr("A"), Palette::sideA));
    sides->addWidget(buildSide(m_sides[1], tr("B"), Palette::sideB));
    setSide(1, QStringLiteral("jump"), 8, qMax(1, QThread::idealThreadCount()), RuntimeMode::Partitioned);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_source, 1);
    controls->addWidget(new QLabel(tr("Messages"), this));
    controls->addWidget(m_messages);
    controls->addWidget(m_compare);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(sides, 3);
    layout->addWidget(m_verdict);
    layout->addWidget(m_table, 2);

    connect(m_compare, &QPushButton::clicked, this, &AbComparisonView::compare);
    connect(m_cancel, &QPushButton::clicked, this, &AbComparisonView::cancel);
    connect(&m_watcher, &QFutureWatcher<AbResult>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<AbResult>::finished, this, &AbComparisonView::onFinished);
}

AbComparisonView::~AbComparisonView()
{
    cancel();
    m_watcher.waitForFinished();
}

QWidget *AbComparisonView::buildSide(Side &side, const QString &name, const QColor &color)
{
    auto *box = new QGroupBox(this);
    side.title = new QLabel(tr("<b style=\"color:%1\">%2</b>").arg(color.name(), name), box);
    side.partitioner = new QComboBox(box);
    for (const QString &p : partitionerNames())
        side.partitioner->addItem(p, p);
    side.partitions = new QSpinBox(box);
    side.partitions->setRange(1, SessionConfig::kMaxPartitions);
    side.partitions->setValue(8);
    side.workers = new QSpinBox(box);
    side.workers->setRange(1, 1024);
    side.workers->setValue(qMax(1, QThread::idealThreadCount()));
    side.mode = new QComboBox(box);
    side.mode->addItem(tr("partitioned"), int(RuntimeMode::Partitioned));
    side.mode->addItem(tr("naive (one lock)"), int(RuntimeMode::Naive));
    side.plot = new QCustomPlot(box);
    side.plot->setMinimumHeight(140);
    side.plot->xAxis->setLabel(tr("partition"));
    side.plot->yAxis->setLabel(tr("messages"));
    side.plot->yAxis->setNumberFormat(QStringLiteral("f"));
    side.plot->yAxis->setNumberPrecision(0);
    QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed);
    whole->setTickStep(1.0);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples); // partitions are whole numbers
    side.plot->xAxis->setTicker(whole);

    auto *form = new QHBoxLayout;
    form->addWidget(side.title);
    form->addWidget(side.partitioner, 1);
    form->addWidget(new QLabel(tr("N"), box));
    form->addWidget(side.partitions);
    form->addWidget(new QLabel(tr("workers"), box));
    form->addWidget(side.workers);
    form->addWidget(side.mode);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(side.plot, 1);
    return box;
}

void AbComparisonView::setSession(SimulationSession *session)
{
    m_session = session;
    const auto describe = [this] {
        if (!m_session)
            return;
        m_source->setText(tr("Same messages for both: <b>%1</b>").arg(m_session->config().sourceLabel().toHtmlEscaped()));
        if (!m_result.summaryA.messages && !isRunning()) { // until a first comparison, A follows the configuration
            const RuntimeConfig &r = m_session->config().runtime;
            setSide(0, r.partitioner, r.partitions(), r.effectiveWorkers(), r.mode);
        }
    };
    connect(session, &SimulationSession::configChanged, this, describe);
    describe();
}

void AbComparisonView::setSide(int index, const QString &partitioner, int partitions, int workers, RuntimeMode mode)
{
    Side &side = m_sides[qBound(0, index, 1)];
    side.partitioner->setCurrentIndex(qMax(0, side.partitioner->findData(partitioner)));
    side.partitions->setValue(partitions);
    side.workers->setValue(workers);
    side.mode->setCurrentIndex(qMax(0, side.mode->findData(int(mode))));
}

void AbComparisonView::setMessages(int messages)
{
    m_messages->setValue(messages);
}

RuntimeConfig AbComparisonView::sideConfig(const Side &side) const
{
    RuntimeConfig c = m_session ? m_session->config().runtime : RuntimeConfig();
    c.partitioner = side.partitioner->currentData().toString();
    c.partitionerOptions.partitions = side.partitions->value();
    c.workers = side.workers->value();
    c.mode = RuntimeMode(side.mode->currentData().toInt());
    return c;
}

AbResult AbComparisonView::run(const SessionConfig &config, const RuntimeConfig &a, const RuntimeConfig &b, quint64 messages,
                               const std::atomic<bool> &cancel, const std::function<void(int)> &progress)
{
    AbResult result;
    result.a = a;
    result.b = b;
    const auto one = [&](const RuntimeConfig &runtimeConfig, int offset, RunSummary &summary) {
        QString error;
        std::unique_ptr<MessageSource> inner = config.createSource(&error);
        if (!inner) {
            result.error = error;
            return false;
        }
        auto source = std::make_unique<BoundedSource>(std::move(inner), messages, &cancel);
        if (progress)
            source->setProgress([&](double f) { progress(offset + int(500 * f)); });
        RunPlan plan; // full speed: the throughput is the runtime's
        plan.config = runtimeConfig;
        plan.ownedSource = std::move(source);
        RunOutcome outcome = runPlan(std::move(plan));
        if (!outcome.ok) {
            result.error = outcome.error;
            return false;
        }
        if (cancel.load()) {
            result.cancelled = true;
            return false;
        }
        summary = std::move(outcome.summary);
        return true;
    };
    if (one(a, 0, result.summaryA) && one(b, 500, result.summaryB) && progress)
        progress(1000);
    return result;
}

void AbComparisonView::compare()
{
    if (isRunning() || !m_session)
        return;
    const RuntimeConfig a = sideConfig(m_sides[0]), b = sideConfig(m_sides[1]);
    for (const RuntimeConfig &c : {a, b}) {
        const QString problem = c.validate();
        if (!problem.isEmpty()) {
            m_verdict->setText(tr("Cannot compare: %1").arg(problem));
            return;
        }
    }
    const SessionConfig config = m_session->config();
    const quint64 messages = quint64(m_messages->value());
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> flag = m_cancelFlag;
    m_busy = true;
    m_progress->show();
    m_compare->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_verdict->setText(tr("Running A, then B, on the same %1 messages…").arg(fmt::count(qulonglong(messages))));
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [config, a, b, messages, flag](QPromise<AbResult> &promise) {
        promise.setProgressRange(0, 1000);
        promise.addResult(run(config, a, b, messages, *flag, [&promise](int permille) { promise.setProgressValue(permille); }));
    }));
}

void AbComparisonView::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void AbComparisonView::onFinished()
{
    m_busy = false;
    m_progress->hide();
    m_compare->setEnabled(true);
    m_cancel->setEnabled(false);
    AbResult result = m_watcher.future().resultCount() > 0 ? m_watcher.result() : AbResult();
    if (result.cancelled || (m_cancelFlag && m_cancelFlag->load())) {
        m_progress->setValue(0);
        m_verdict->setText(tr("Cancelled."));
        return;
    }
    if (!result.error.isEmpty()) {
        m_verdict->setText(tr("The comparison failed: %1").arg(result.error));
        return;
    }
    m_result = std::move(result);
    showResult();
}

void AbComparisonView::plotLoad(QCustomPlot *plot, const RunSummary &summary, const QColor &color, double top)
{
    plot->clearPlottables();
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setPen(Qt::NoPen);
    bars->setBrush(color);
    bars->setWidth(0.8);
    QVector<double> x, y;
    for (std::size_t p = 0; p < summary.partitionMessages.size(); ++p) {
        x << double(p);
        y << double(summary.partitionMessages[p]);
    }
    bars->setData(x, y, true);
    plot->xAxis->setRange(-0.6, qMax<double>(1, x.size()) - 0.4);
    plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void AbComparisonView::showResult()
{
    const RunSummary &a = m_result.summaryA, &b = m_result.summaryB;
    const auto maxOf = [](const RunSummary &s) {
        return s.partitionMessages.empty() ? 0.0 : double(*std::max_element(s.partitionMessages.begin(), s.partitionMessages.end()));
    };
    const double top = qMax(maxOf(a), maxOf(b)); // one scale: the bars compare across sides
    plotLoad(m_sides[0].plot, a, Palette::sideA, top);
    plotLoad(m_sides[1].plot, b, Palette::sideB, top);
    const auto describe = [](const RuntimeConfig &c) {
        return tr("%1, N=%2, %3 workers, %4").arg(c.partitioner).arg(c.partitions()).arg(c.effectiveWorkers()).arg(runtimeModeName(c.mode));
    };

    const auto share = [&](const RunSummary &s) { return s.messages ? maxOf(s) / double(s.messages) : 0.0; };
    struct Metric
    {
        QString name;
        double a, b;
        bool lowerIsBetter;
        int decimals;
    };
    const std::vector<Metric> metrics = {
        {tr("Skew (busiest / mean)"), a.skew, b.skew, true, 2},
        {tr("Busiest partition's share (%)"), 100 * share(a), 100 * share(b), true, 1},
        {tr("Throughput (messages/s)"), a.throughput, b.throughput, false, 0},
        {tr("Latency p50 (µs)"), a.latency.p50, b.latency.p50, true, 1},
        {tr("Latency p99 (µs)"), a.latency.p99, b.latency.p99, true, 1},
    };
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Measure"), tr("A: %1").arg(describe(m_result.a)), tr("B: %1").arg(describe(m_result.b)),
                                        tr("B against A")});
    QStringList better, worse;
    for (const Metric &m : metrics) {
        QList<QStandardItem *> row;
        row << new QStandardItem(m.name) << new QStandardItem(fmt::decimal(m.a, m.decimals))
            << new QStandardItem(fmt::decimal(m.b, m.decimals));
        const double change = m.a != 0 ? (m.b - m.a) / m.a : 0.0;
        auto *diff = new QStandardItem((change >= 0 ? QStringLiteral("+") : QString()) + fmt::percent(change));
        if (std::abs(change) >= kSignificant) {
            const bool isBetter = (change < 0) == m.lowerIsBetter;
            diff->setForeground(isBetter ? Palette::better : Palette::worse);
            QFont f = diff->font();
            f.setBold(true);
            diff->setFont(f);
            (isBetter ? better : worse) << m.name.section(QLatin1String(" ("), 0, 0).toLower();
        }
        row << diff;
        for (int c = 1; c < 4; ++c)
            row[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model->appendRow(row);
    }
    QList<QStandardItem *> same;
    same << new QStandardItem(tr("Final state")) << new QStandardItem(a.checksum.left(12)) << new QStandardItem(b.checksum.left(12))
         << new QStandardItem(a.checksum == b.checksum ? tr("identical") : tr("differs"));
    m_model->appendRow(same);

    QString verdict = tr("%1 messages each.").arg(fmt::count(qulonglong(a.messages)));
    if (!better.isEmpty())
        verdict += QLatin1Char(' ') + tr("B is better in: %1.").arg(better.join(QStringLiteral(", ")));
    if (!worse.isEmpty())
        verdict += QLatin1Char(' ') + tr("B is worse in: %1.").arg(worse.join(QStringLiteral(", ")));
    if (better.isEmpty() && worse.isEmpty())
        verdict += QLatin1Char(' ') + tr("No difference larger than %1.").arg(fmt::percent(kSignificant, 0));
    m_verdict->setText(verdict);
    // The table as tall as its rows: the charts get the rest.
    m_table->setMaximumHeight(m_table->horizontalHeader()->height() + m_table->verticalHeader()->length() + 2 * m_table->frameWidth() + 2);
    m_sides[0].title->setToolTip(describe(m_result.a));
    m_sides[1].title->setToolTip(describe(m_result.b));
}

QStringList AbComparisonView::tableText() const
{
    QStringList lines;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            cells << (m_model->item(r, c) ? m_model->item(r, c)->text() : QString());
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines;
}

} // namespace partlab
