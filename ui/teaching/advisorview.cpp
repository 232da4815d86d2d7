#include "advisorview.h"

#include "model/numberformat.h"
#include "session/simulationsession.h"
#include "views/palette.h"
#include "workload/boundedsource.h"

#include <qcustomplot.h>

#include <QDoubleSpinBox>
#include <QScopeGuard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <map>

namespace partlab {

QColor partitionerColor(const QString &name)
{
    const qsizetype i = partitionerNames().indexOf(name);
    return Palette::series[std::size_t(i < 0 ? 0 : i) % Palette::series.size()];
}

AdvisorView::AdvisorView(QWidget *parent)
    : QWidget(parent)
    , m_partitioners(new QListWidget(this))
    , m_from(new QSpinBox(this))
    , m_to(new QSpinBox(this))
    , m_workers(new QSpinBox(this))
    , m_target(new QDoubleSpinBox(this))
    , m_analyse(new QPushButton(tr("&Analyse"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_source(new QLabel(this))
    , m_recommendations(new QTextBrowser(this))
    , m_plot(new QCustomPlot(this))
{
    m_pool.setMaxThreadCount(1);
    for (const QString &name : partitionerNames()) {
        auto *item = new QListWidgetItem(name, m_partitioners);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(partitionerDescription(name));
        QPixmap swatch(10, 10);
        swatch.fill(partitionerColor(name));
        item->setIcon(QIcon(swatch));
    }
    m_partitioners->setToolTip(tr("The partitioners to compare"));
    m_from->setRange(1, 4096);
    m_from->setValue(2);
    m_to->setRange(1, 4096);
    m_to->setValue(64);
    m_workers->setRange(1, 1024);
    m_workers->setValue(qMax(1, QThread::idealThreadCount()));
    m_workers->setToolTip(tr("Workers for the expected speed-up (partition p runs on worker p mod W)"));
    m_target->setRange(1.0, 100.0);
    m_target->setSingleStep(0.05);
    m_target->setDecimals(2);
    m_target->setValue(1.25);
    m_target->setToolTip(tr("The busiest partition may carry this many times the mean load; "
                            "the recommendation is the smallest N that stays at or below it"));
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_source->setWordWrap(true);
    m_recommendations->setOpenExternalLinks(false);
    m_recommendations->setPlaceholderText(tr("Press Analyse: the keys of the configured scenario or trace are routed with "
                                             "every chosen partitioner for every N in the range."));

    auto *form = new QFormLayout;
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    form->addRow(tr("Partitions"), range);
    form->addRow(tr("Workers"), m_workers);
    form->addRow(tr("Target skew"), m_target);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_analyse);
    buttons->addWidget(m_cancel);

    auto *controls = new QWidget(this);
    auto *left = new QVBoxLayout(controls);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(m_source);
    left->addWidget(new QLabel(tr("Partitioners"), controls));
    left->addWidget(m_partitioners, 1);
    left->addLayout(form);
    left->addLayout(buttons);
    left->addWidget(m_progress);

    // Two charts sharing N: skew on top, keys moved underneath.
    m_plot->plotLayout()->clear();
    auto *margins = new QCPMarginGroup(m_plot);
    m_skewRect = new QCPAxisRect(m_plot);
    m_movedRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(0, 0, m_skewRect);
    m_plot->plotLayout()->addElement(1, 0, m_movedRect);
    for (QCPAxisRect *r : {m_skewRect, m_movedRect}) {
        r->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        r->axis(QCPAxis::atBottom)->setLabel(tr("partitions (N)"));
    }
    m_skewRect->axis(QCPAxis::atLeft)->setLabel(tr("skew (busiest / mean)"));
    m_movedRect->axis(QCPAxis::atLeft)->setLabel(tr("keys moved from N−1 (%)"));
    // No legend: the list of partitioners beside the charts shows each one's colour, and with
    // eleven of them an inset legend hid most of the skew chart at 1280x720.
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setToolTip(tr("Colours as in the list of partitioners"));
    m_plot->setMinimumSize(320, 260); // with the controls, fits the central area at 1280x720 with every dock open

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_plot);
    right->addWidget(m_recommendations);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setChildrenCollapsible(false);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(controls);
    layout->addWidget(right, 1);
    controls->setMaximumWidth(230);

    connect(m_analyse, &QPushButton::clicked, this, &AdvisorView::analyse);
    connect(m_cancel, &QPushButton::clicked, this, &AdvisorView::cancel);
    connect(&m_watcher, &QFutureWatcher<AdvisorResult>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<AdvisorResult>::finished, this, &AdvisorView::onFinished);
    connect(m_target, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_result.rows.empty() && !isRunning()) { // a new target needs no new sweep
            m_result.options.targetSkew = m_target->value();
            m_result.recommendations = PartitionSweep(m_result.keyWeights, m_result.options).recommend(m_result.rows);
            plotResult();
            showRecommendations();
        }
    });
}

AdvisorView::~AdvisorView()
{
    cancel();
    m_watcher.waitForFinished();
}

void AdvisorView::setSession(SimulationSession *session)
{
    m_session = session;
    const auto describe = [this] {
        if (m_session)
            m_source->setText(tr("Keys of: <b>%1</b>").arg(m_session->config().sourceLabel().toHtmlEscaped()));
    };
    connect(session, &SimulationSession::configChanged, this, describe);
    describe();
}

void AdvisorView::setPartitioners(const QStringList &names)
{
    for (int i = 0; i < m_partitioners->count(); ++i) {
        QListWidgetItem *item = m_partitioners->item(i);
        item->setCheckState(names.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList AdvisorView::partitioners() const
{
    QStringList names;
    for (int i = 0; i < m_partitioners->count(); ++i) {
        if (m_partitioners->item(i)->checkState() == Qt::Checked)
            names << m_partitioners->item(i)->text();
    }
    return names;
}

void AdvisorView::setRange(int from, int to)
{
    m_from->setValue(from);
    m_to->setValue(to);
}

void AdvisorView::setTargetSkew(double target)
{
    m_target->setValue(target);
}

double AdvisorView::targetSkew() const
{
    return m_target->value();
}

AdvisorResult AdvisorView::compute(const SessionConfig &config, const SweepOptions &options, quint64 maxMessages,
                                   const std::atomic<bool> &cancel, const std::function<void(int)> &progressPermille)
{
    AdvisorResult result;
    result.options = options;
    QString error;
    std::unique_ptr<MessageSource> inner = config.createSource(&error);
    if (!inner) {
        result.error = error;
        return result;
    }
    // Phase 1 (first 30 %): weigh the keys.
    BoundedSource source(std::move(inner), maxMessages, &cancel);
    if (progressPermille)
        source.setProgress([&](double f) { progressPermille(int(300 * f)); });
    std::optional<std::vector<KeyWeight>> keys = countKeys(source, config.runtime.maxKeys, &error);
    if (cancel.load()) {
        result.cancelled = true;
        return result;
    }
    if (!keys) {
        result.error = error;
        return result;
    }
    result.messages = source.count();
    result.keys = keys->size();
    // Phase 2: the sweep, one task per partitioner on the global pool.
    PartitionSweep sweep(std::move(*keys), options);
    const QString problem = sweep.validate();
    if (!problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    result.rows = sweep.run([&](int done, int total) {
        if (progressPermille && total > 0)
            progressPermille(300 + 700 * done / total);
    }, &cancel);
    if (cancel.load()) {
        result.cancelled = true;
        result.rows.clear();
        return result;
    }
    result.recommendations = sweep.recommend(result.rows);
    result.keyWeights = sweep.keys();
    return result;
}

void AdvisorView::analyse()
{
    if (isRunning() || !m_session)
        return;
    SweepOptions options;
    options.partitioners = partitioners();
    options.minPartitions = qMin(m_from->value(), m_to->value());
    options.maxPartitions = qMax(m_from->value(), m_to->value());
    options.workers = m_workers->value();
    options.targetSkew = m_target->value();
    options.base = m_session->config().runtime.partitionerOptions;
    if (options.partitioners.isEmpty()) {
        m_recommendations->setPlainText(tr("Choose at least one partitioner."));
        return;
    }
    const SessionConfig config = m_session->config();
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> flag = m_cancelFlag;
    setBusy(true);
    m_recommendations->setPlainText(tr("Counting the keys of %1, then routing them…").arg(config.sourceLabel()));
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [config, options, flag](QPromise<AdvisorResult> &promise) {
        promise.setProgressRange(0, 1000);
        const auto progress = [&promise, &flag](int permille) {
            if (promise.isCanceled())
                flag->store(true);
            promise.setProgressValue(permille);
        };
        promise.addResult(compute(config, options, kMaxMessages, *flag, progress));
    }));
}

void AdvisorView::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void AdvisorView::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_analyse->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setValue(busy ? 0 : m_progress->value());
}

void AdvisorView::onFinished()
{
    const auto done = qScopeGuard([this] {
        setBusy(false);
        emit finished();
    });
    const QFuture<AdvisorResult> future = m_watcher.future();
    AdvisorResult result;
    if (future.resultCount() > 0)
        result = future.result();
    else
        result.cancelled = true;
    if (result.cancelled) {
        m_progress->setValue(0);
        m_recommendations->setPlainText(tr("Cancelled."));
        return;
    }
    if (!result.error.isEmpty()) {
        m_recommendations->setPlainText(tr("The analysis failed: %1").arg(result.error));
        return;
    }
    m_progress->setValue(1000);
    m_result = std::move(result);
    plotResult();
    showRecommendations();
}

void AdvisorView::plotResult()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    QCPAxis *skewX = m_skewRect->axis(QCPAxis::atBottom), *skewY = m_skewRect->axis(QCPAxis::atLeft);
    QCPAxis *movedX = m_movedRect->axis(QCPAxis::atBottom), *movedY = m_movedRect->axis(QCPAxis::atLeft);
    double topSkew = m_result.options.targetSkew;
    for (const QString &name : m_result.options.partitioners) {
        QVector<double> n, skew, moved;
        for (const SweepRow &row : m_result.rows) {
            if (row.partitioner != name)
                continue;
            n << row.partitions;
            skew << row.skew;
            moved << 100.0 * row.movedFraction;
            topSkew = qMax(topSkew, row.skew);
        }
        const QColor color = partitionerColor(name);
        QCPGraph *s = m_plot->addGraph(skewX, skewY);
        s->setName(name);
        s->setPen(QPen(color, 1.8));
        s->setData(n, skew, true);
        QCPGraph *m = m_plot->addGraph(movedX, movedY);
        m->setPen(QPen(color, 1.4));
        m->setData(n, moved, true);
        m->removeFromLegend();
    }
    // The recommended N of each partitioner, marked on its skew curve; one label per N, naming
    // every partitioner recommending it (they would print on top of each other).
    std::map<int, QStringList> byN;
    std::map<int, double> labelY;
    for (const SweepRecommendation &r : m_result.recommendations) {
        if (r.partitions <= 0)
            continue;
        const auto row = std::find_if(m_result.rows.begin(), m_result.rows.end(), [&](const SweepRow &x) {
            return x.partitioner == r.partitioner && x.partitions == r.partitions;
        });
        if (row == m_result.rows.end())
            continue;
        QCPGraph *mark = m_plot->addGraph(skewX, skewY);
        mark->setLineStyle(QCPGraph::lsNone);
        mark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, partitionerColor(r.partitioner), Palette::markerFill, 11));
        mark->setData({double(r.partitions)}, {row->skew});
        mark->removeFromLegend();
        byN[r.partitions] << r.partitioner;
        labelY[r.partitions] = qMax(labelY[r.partitions], row->skew);
    }
    for (const auto &[n, names] : byN) {
        auto *label = new QCPItemText(m_plot);
        label->setClipAxisRect(m_skewRect);
        label->position->setAxes(skewX, skewY);
        label->position->setCoords(n, labelY[n]);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(8, 0, 0, 8));
        label->setBrush(Palette::labelBackground);
        label->setText(tr("N=%1: %2").arg(n).arg(names.join(QStringLiteral(", "))));
        label->setColor(names.size() == 1 ? partitionerColor(names.first()).darker(130) : Palette::text);
    }
    auto *target = new QCPItemStraightLine(m_plot);
    target->setClipAxisRect(m_skewRect);
    target->point1->setAxes(skewX, skewY);
    target->point2->setAxes(skewX, skewY);
    target->point1->setCoords(0, m_result.options.targetSkew);
    target->point2->setCoords(1, m_result.options.targetSkew);
    target->setPen(QPen(Palette::text, 1, Qt::DashLine));
    auto *targetLabel = new QCPItemText(m_plot);
    targetLabel->setClipAxisRect(m_skewRect);
    targetLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    targetLabel->position->setAxisRect(m_skewRect);
    targetLabel->position->setTypeY(QCPItemPosition::ptPlotCoords);
    targetLabel->position->setAxes(skewX, skewY);
    targetLabel->position->setCoords(0.99, m_result.options.targetSkew);
    targetLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    targetLabel->setPadding(QMargins(0, 2, 0, 0));
    targetLabel->setText(tr("target %1").arg(fmt::decimal(m_result.options.targetSkew, 2)));

    const double lo = m_result.options.minPartitions, hi = qMax(m_result.options.maxPartitions, m_result.options.minPartitions + 1);
    skewX->setRange(lo - 0.5, hi + 0.5);
    movedX->setRange(lo - 0.5, hi + 0.5);
    // The skew axis reaches the highest curve; once the curves span a decade or more (a hot key
    // on 64 partitions reaches 50) it turns logarithmic, so 1.2 and 1.5 stay apart near the target.
    const bool logarithmic = topSkew >= 10.0;
    skewY->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logarithmic) {
        QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
        ticker->setLogBase(10);
        ticker->setSubTickCount(8);
        skewY->setTicker(ticker);
        skewY->setNumberFormat(QStringLiteral("g"));
        skewY->setRange(0.9, topSkew * 1.3);
    } else {
        skewY->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        skewY->setNumberFormat(QStringLiteral("g"));
        skewY->setRange(0.9, qMax(topSkew * 1.08, 2.0));
    }
    movedY->setRange(0, 105);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AdvisorView::showRecommendations()
{
    QString html = tr("<p>%1 messages, %2 distinct keys; target skew %3, %4 workers.</p>")
                       .arg(fmt::count(qulonglong(m_result.messages)), fmt::count(qulonglong(m_result.keys)),
                            fmt::decimal(m_result.options.targetSkew, 2))
                       .arg(m_result.options.workers);
    html += QStringLiteral("<ul>");
    for (const SweepRecommendation &r : m_result.recommendations) {
        const QString verdict = r.partitions > 0 ? tr("recommended N = %1").arg(r.partitions) : tr("no N in the range reaches the target");
        html += QStringLiteral("<li><b style=\"color:%1\">%2</b>: %3. %4</li>")
                    .arg(partitionerColor(r.partitioner).name(), r.partitioner.toHtmlEscaped(), verdict, r.reason.toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    m_recommendations->setHtml(html);
}

QString AdvisorView::recommendationText() const
{
    return m_recommendations->toPlainText();
}

} // namespace partlab
