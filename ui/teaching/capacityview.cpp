#include "capacityview.h"

#include "advisor/keyweights.h"
#include "model/numberformat.h"
#include "session/simulationsession.h"
#include "views/palette.h"
#include "workload/boundedsource.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace partlab {

namespace {

// The rate slider is logarithmic: 100 msg/s .. 10 M msg/s over 0..1000.
constexpr double kMinRate = 100.0, kMaxRate = 1e7;
int sliderOf(double rate)
{
    return int(std::lround(1000.0 * std::log(qBound(kMinRate, rate, kMaxRate) / kMinRate) / std::log(kMaxRate / kMinRate)));
}
double rateOf(int slider)
{
    return kMinRate * std::pow(kMaxRate / kMinRate, slider / 1000.0);
}

const std::vector<int> kGridPartitions{1, 2, 4, 8, 16, 32, 64, 128};

/** A rate short enough for a heat-map cell: 950, 9.5k, 95k, 9.5M. */
QString compactRate(double v)
{
    if (v >= 1e6)
        return fmt::decimal(v / 1e6, v >= 1e7 ? 0 : 1) + QStringLiteral("M");
    if (v >= 1e3)
        return fmt::decimal(v / 1e3, v >= 1e4 ? 0 : 1) + QStringLiteral("k");
    return fmt::decimal(v, 0);
}
const std::vector<int> kGridConsumers{1, 2, 4, 8, 16, 32};

} // namespace

CapacityView::CapacityView(QWidget *parent)
    : QWidget(parent)
    , m_rate(new QDoubleSpinBox(this))
    , m_rateSlider(new QSlider(Qt::Horizontal, this))
    , m_consumers(new QSpinBox(this))
    , m_threads(new QSpinBox(this))
    , m_assignor(new QComboBox(this))
    , m_serviceKind(new QComboBox(this))
    , m_serviceMean(new QDoubleSpinBox(this))
    , m_serviceP99(new QDoubleSpinBox(this))
    , m_messages(new QSpinBox(this))
    , m_p99Target(new QDoubleSpinBox(this))
    , m_run(new QPushButton(tr("&Predict"), this))
    , m_frame(new QSlider(Qt::Horizontal, this))
    , m_play(new QPushButton(tr("Play"), this))
    , m_frameLabel(new QLabel(this))
    , m_lagPlot(new QCustomPlot(this))
    , m_gridPlot(new QCustomPlot(this))
    , m_summary(new QTextBrowser(this))
    , m_playTimer(new QTimer(this))
{
    m_pool.setMaxThreadCount(1);
    m_rate->setRange(kMinRate, kMaxRate);
    m_rate->setDecimals(0);
    m_rate->setSuffix(tr(" msg/s"));
    m_rate->setValue(20000);
    m_rate->setToolTip(tr("Arrivals per second (Poisson)"));
    m_rateSlider->setRange(0, 1000);
    m_rateSlider->setValue(sliderOf(m_rate->value()));
    connect(m_rateSlider, &QSlider::valueChanged, this, [this](int v) {
        const QSignalBlocker block(m_rate);
        m_rate->setValue(rateOf(v));
    });
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        const QSignalBlocker block(m_rateSlider);
        m_rateSlider->setValue(sliderOf(v));
    });
    m_consumers->setRange(1, CapacityConfig::kMaxConsumers);
    m_consumers->setValue(4);
    m_consumers->setToolTip(tr("Consumers sharing the partitions (a Kafka consumer group, Flink subtasks, Redis nodes)"));
    m_threads->setRange(1, CapacityConfig::kMaxThreads);
    m_threads->setValue(1);
    m_threads->setToolTip(tr("Threads per consumer; each partition is served by one thread at a time, in order"));
    m_assignor->addItem(tr("range"), int(Assignor::Range));
    m_assignor->addItem(tr("round-robin"), int(Assignor::RoundRobin));
    m_assignor->addItem(tr("sticky"), int(Assignor::Sticky));
    m_assignor->addItem(tr("p mod C"), int(Assignor::Modulo));
    m_assignor->addItem(tr("Flink ranges"), int(Assignor::Flink));
    m_assignor->setToolTip(tr("How partitions are dealt to consumers; for one topic and a fresh group round-robin, sticky "
                              "and p mod C coincide"));
    m_serviceKind->addItem(tr("fixed"), int(ServiceTimeSpec::Kind::Fixed));
    m_serviceKind->addItem(tr("exponential"), int(ServiceTimeSpec::Kind::Exponential));
    m_serviceKind->addItem(tr("log-normal"), int(ServiceTimeSpec::Kind::LogNormal));
    m_serviceKind->setCurrentIndex(m_serviceKind->findData(int(ServiceTimeSpec::Kind::Exponential)));
    for (QDoubleSpinBox *s : {m_serviceMean, m_serviceP99}) {
        s->setRange(0.1, 1e7);
        s->setDecimals(1);
        s->setSuffix(tr(" µs"));
    }
    m_serviceMean->setValue(200.0);
    m_serviceMean->setToolTip(tr("Mean time one message takes a thread"));
    m_serviceP99->setValue(1000.0);
    m_serviceP99->setToolTip(tr("99th percentile of the service time (log-normal only)"));
    connect(m_serviceKind, &QComboBox::currentIndexChanged, this, &CapacityView::updateServiceFields);
    updateServiceFields();
    m_messages->setRange(1000, 50'000'000);
    m_messages->setSingleStep(100000);
    m_messages->setValue(1'000'000);
    m_messages->setToolTip(tr("Messages to simulate (virtual time; millions per second of real time)"));
    m_p99Target->setRange(0.0, 1e9);
    m_p99Target->setDecimals(0);
    m_p99Target->setSuffix(tr(" µs"));
    m_p99Target->setSpecialValueText(tr("no target"));
    m_p99Target->setValue(0.0);
    m_p99Target->setToolTip(tr("p99 target: name the fewest consumers, then partitions, of the heat map whose run at this rate "
                               "stays stable with a p99 at or below it (each cell simulated with 100,000 messages)"));

    // Long ranges and German suffixes made the spin boxes' own minimum wider than the tab at
    // 1280x720; they shrink to this and scroll their text instead.
    for (QWidget *w : std::initializer_list<QWidget *>{m_rate, m_consumers, m_threads, m_assignor, m_serviceKind, m_serviceMean,
                                                       m_serviceP99, m_messages, m_p99Target})
        w->setMinimumWidth(72);
    auto *form = new QGridLayout;
    form->addWidget(new QLabel(tr("Rate"), this), 0, 0);
    form->addWidget(m_rate, 0, 1);
    form->addWidget(m_rateSlider, 0, 2, 1, 4);
    form->addWidget(new QLabel(tr("Consumers"), this), 1, 0);
    form->addWidget(m_consumers, 1, 1);
    form->addWidget(new QLabel(tr("Threads"), this), 1, 2);
    form->addWidget(m_threads, 1, 3);
    form->addWidget(m_assignor, 1, 4);
    form->addWidget(new QLabel(tr("Service"), this), 2, 0);
    form->addWidget(m_serviceKind, 2, 1);
    form->addWidget(m_serviceMean, 2, 2);
    form->addWidget(m_serviceP99, 2, 3);
    form->addWidget(m_run, 2, 4);
    form->addWidget(new QLabel(tr("Messages"), this), 3, 0);
    form->addWidget(m_messages, 3, 1);
    form->addWidget(new QLabel(tr("p99 target"), this), 3, 2);
    form->addWidget(m_p99Target, 3, 3);
    form->setColumnStretch(5, 1); // wide windows widen the rate slider, not the fields

    // Lag per partition at one moment of virtual time; the slider scrubs, Play runs it.
    m_lagPlot->setMinimumSize(260, 180);
    m_lagBars = new QCPBars(m_lagPlot->xAxis, m_lagPlot->yAxis);
    m_lagBars->setPen(Qt::NoPen);
    m_lagBars->setBrush(Palette::rate);
    m_lagPlot->xAxis->setLabel(tr("partition"));
    m_lagPlot->yAxis->setLabel(tr("lag (messages)"));
    m_frame->setRange(0, kFrames - 1);
    m_frame->setEnabled(false);
    m_play->setEnabled(false);
    m_play->setCheckable(true);
    m_play->setToolTip(tr("Play the lag over virtual time"));
    connect(m_frame, &QSlider::valueChanged, this, &CapacityView::showFrame);
    m_playTimer->setInterval(60);
    connect(m_play, &QPushButton::toggled, this, [this](bool on) {
        if (on && m_frame->value() == m_frame->maximum())
            m_frame->setValue(0);
        on ? m_playTimer->start() : m_playTimer->stop();
    });
    connect(m_playTimer, &QTimer::timeout, this, [this] {
        if (m_frame->value() >= m_frame->maximum()) {
            m_play->setChecked(false);
            return;
        }
        m_frame->setValue(m_frame->value() + 1);
    });
    auto *lagBox = new QWidget(this);
    auto *lagLayout = new QVBoxLayout(lagBox);
    lagLayout->setContentsMargins(0, 0, 0, 0);
    lagLayout->addWidget(m_lagPlot, 1);
    auto *scrub = new QHBoxLayout;
    scrub->addWidget(m_play);
    scrub->addWidget(m_frame, 1);
    scrub->addWidget(m_frameLabel);
    lagLayout->addLayout(scrub);

    // Saturation rate over N x C (analytic, from the offered loads of these keys).
    m_gridPlot->setMinimumSize(220, 180);
    m_gridMap = new QCPColorMap(m_gridPlot->xAxis, m_gridPlot->yAxis);
    m_gridMap->setGradient(QCPColorGradient::gpThermal);
    m_gridMap->setInterpolate(false);
    m_gridMap->setDataScaleType(QCPAxis::stLogarithmic);
    m_gridPlot->xAxis->setLabel(tr("consumers"));
    m_gridPlot->yAxis->setLabel(tr("partitions"));
    m_gridPlot->setToolTip(tr("Saturation rate for each N and C at the chosen threads and service time: brighter is more"));

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(lagBox);
    charts->addWidget(m_gridPlot);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(m_summary);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    m_summary->setPlaceholderText(tr("Press Predict: the keys of the configured scenario or trace are routed with the configured "
                                     "partitioner to N partitions, dealt to the consumers, and served in virtual time."));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(split, 1);

    connect(m_run, &QPushButton::clicked, this, &CapacityView::run);
    connect(&m_watcher, &QFutureWatcher<CapacityViewResult>::finished, this, &CapacityView::onFinished);
}

CapacityView::~CapacityView()
{
    m_watcher.waitForFinished();
}

void CapacityView::setSession(SimulationSession *session)
{
    m_session = session;
}

bool CapacityView::isRunning() const
{
    return m_watcher.isRunning();
}

void CapacityView::setRate(double rate) { m_rate->setValue(rate); }
void CapacityView::setConsumers(int consumers) { m_consumers->setValue(consumers); }
void CapacityView::setThreads(int threads) { m_threads->setValue(threads); }
int CapacityView::frame() const { return m_frame->value(); }
void CapacityView::setFrame(int frame) { m_frame->setValue(frame); }

void CapacityView::setServiceTime(const ServiceTimeSpec &spec)
{
    m_serviceKind->setCurrentIndex(m_serviceKind->findData(int(spec.kind)));
    m_serviceMean->setValue(spec.meanUs);
    if (spec.kind == ServiceTimeSpec::Kind::LogNormal)
        m_serviceP99->setValue(spec.p99Us);
}

void CapacityView::setP99Target(double us)
{
    m_p99Target->setValue(us);
}

void CapacityView::updateServiceFields()
{
    m_serviceP99->setEnabled(ServiceTimeSpec::Kind(m_serviceKind->currentData().toInt()) == ServiceTimeSpec::Kind::LogNormal);
}

void CapacityView::run()
{
    if (isRunning() || !m_session)
        return;
    CapacityConfig settings;
    settings.rate = m_rate->value();
    settings.consumers = m_consumers->value();
    settings.threads = m_threads->value();
    settings.assignor = Assignor(m_assignor->currentData().toInt());
    settings.service.kind = ServiceTimeSpec::Kind(m_serviceKind->currentData().toInt());
    settings.service.meanUs = m_serviceMean->value();
    settings.service.p99Us = m_serviceP99->value();
    settings.messages = quint64(m_messages->value());
    settings.frames = kFrames;
    if (settings.service.kind == ServiceTimeSpec::Kind::LogNormal) {
        QString error;
        if (!ServiceTimeSpec::parse(settings.service.text(), &error)) {
            m_summary->setPlainText(error);
            return;
        }
    }
    m_play->setChecked(false);
    m_run->setEnabled(false);
    const SessionConfig config = m_session->config();
    m_summary->setPlainText(tr("Weighing the keys of %1, then simulating…").arg(config.sourceLabel()));
    const double target = m_p99Target->value();
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [config, settings, target] { return compute(config, settings, target); }));
}

CapacityViewResult CapacityView::compute(const SessionConfig &config, const CapacityConfig &settings, double p99TargetUs)
{
    CapacityViewResult result;
    QString error;
    std::unique_ptr<MessageSource> inner = config.createSource(&error);
    if (!inner) {
        result.error = error;
        return result;
    }
    BoundedSource source(std::move(inner), kMaxKeyMessages, nullptr);
    const auto keys = countKeys(source, config.runtime.maxKeys, &error);
    if (!keys) {
        result.error = error;
        return result;
    }
    result.keys = keys->size();
    result.config = settings;
    result.config.partitioner = config.runtime.partitioner;
    result.config.partitionerOptions = config.runtime.partitionerOptions;
    for (const KeyWeight &k : *keys)
        result.config.keys.push_back({k.key, double(k.weight)});
    result.run = simulateCapacity(result.config);
    if (!result.run.ok) {
        result.error = result.run.error;
        return result;
    }
    result.gridPartitions = kGridPartitions;
    result.gridConsumers = kGridConsumers;
    for (const int n : kGridPartitions) {
        for (const int c : kGridConsumers) {
            CapacityConfig cell = result.config;
            cell.partitionerOptions.partitions = n;
            cell.consumers = c;
            result.gridSaturation.push_back(std::max(0.0, analyticSaturationRate(cell)));
        }
    }
    result.p99TargetUs = p99TargetUs;
    if (p99TargetUs > 0) {
        // Fewest consumers first (they cost machines), then fewest partitions.
        for (const int c : kGridConsumers) {
            for (const int n : kGridPartitions) {
                CapacityConfig cell = result.config;
                cell.partitionerOptions.partitions = n;
                cell.consumers = c;
                cell.messages = std::min(cell.messages, kCellMessages);
                cell.frames = 0;
                const CapacityResult r = simulateCapacity(cell);
                if (r.ok && r.stable && r.latencyUs.p99 <= p99TargetUs) {
                    result.pickPartitions = n;
                    result.pickConsumers = c;
                    result.pickP99Us = r.latencyUs.p99;
                    return result;
                }
            }
        }
    }
    return result;
}

void CapacityView::onFinished()
{
    m_run->setEnabled(true);
    m_result = m_watcher.result();
    if (!m_result.error.isEmpty()) {
        m_summary->setPlainText(m_result.error);
        emit finished();
        return;
    }
    m_summary->setHtml(summaryText());
    const int frames = int(m_result.run.lagFrames.size());
    m_frame->setRange(0, qMax(0, frames - 1));
    m_frame->setEnabled(frames > 0);
    m_play->setEnabled(frames > 1);
    quint32 top = 1;
    for (const auto &f : m_result.run.lagFrames)
        for (const quint32 lag : f)
            top = std::max(top, lag);
    const int partitions = int(m_result.run.partitions.size());
    m_lagPlot->xAxis->setRange(-0.5, partitions - 0.5);
    m_lagPlot->yAxis->setRange(0, top * 1.08);
    m_frame->setValue(qMax(0, frames - 1));
    showFrame(m_frame->value());
    plotGrid();
    emit finished();
}

QString CapacityView::summaryText() const
{
    const CapacityResult &r = m_result.run;
    const CapacityConfig &c = m_result.config;
    QString html = tr("<p>%1 keys, %2 partitions (%3), %4 consumer(s) × %5 thread(s); %6 over %7 s of virtual time.</p>")
                       .arg(fmt::count(qulonglong(m_result.keys))).arg(c.partitionerOptions.partitions).arg(c.partitioner)
                       .arg(c.consumers).arg(c.threads).arg(fmt::rate(c.rate), fmt::decimal(r.virtualSeconds, 2));
    html += r.stable ? tr("<p><b>Stable</b> at this rate") : tr("<p><b>Not stable</b>: the lag keeps growing (%1 messages waiting at the end)")
                                                              .arg(fmt::count(qulonglong(r.finalBacklog)));
    html += tr("; latency p50 %1 µs, p99 %2 µs (wait in queue: mean %3 µs).</p>")
                .arg(fmt::decimal(r.latencyUs.p50, 0), fmt::decimal(r.latencyUs.p99, 0), fmt::decimal(r.meanWaitUs, 1));
    html += tr("<p>Saturation rate: %1 (the busiest partition or consumer at 100 %).").arg(fmt::rate(r.analyticSaturationRate));
    if (r.partitionBound)
        html += tr(" <b>Partition %1 saturates at %2 whatever the consumers and threads</b>: its key “%3” alone carries %4 of the "
                   "messages. Salt the key or route by another property.")
                    .arg(r.bottleneck).arg(fmt::rate(r.analyticSaturationRate), QString::fromStdString(r.hotKey).toHtmlEscaped(),
                                           fmt::percent(r.hotKeyShare));
    else if (r.bottleneck >= 0)
        html += tr(" Consumer %1 saturates first: more consumers or threads raise it.").arg(r.bottleneck);
    html += QStringLiteral("</p>");
    if (m_result.p99TargetUs > 0) {
        html += m_result.pickConsumers > 0
                    ? tr("<p><b>Recommendation</b>: %1 consumer(s) and %2 partitions keep the p99 at %3 µs (target %4 µs) at %5.</p>")
                          .arg(m_result.pickConsumers).arg(m_result.pickPartitions)
                          .arg(fmt::decimal(m_result.pickP99Us, 0), fmt::decimal(m_result.p99TargetUs, 0), fmt::rate(c.rate))
                    : tr("<p><b>Recommendation</b>: no N up to 128 and C up to 32 keeps the p99 under %1 µs at %2.</p>")
                          .arg(fmt::decimal(m_result.p99TargetUs, 0), fmt::rate(c.rate));
    }
    return html;
}

void CapacityView::showFrame(int frame)
{
    const auto &frames = m_result.run.lagFrames;
    if (frame < 0 || frame >= int(frames.size())) {
        m_frameLabel->setText(QString());
        return;
    }
    QVector<double> keys, values;
    for (std::size_t p = 0; p < frames[std::size_t(frame)].size(); ++p) {
        keys << double(p);
        values << double(frames[std::size_t(frame)][p]);
    }
    m_lagBars->setData(keys, values, true);
    m_frameLabel->setText(tr("t = %1 of %2 s").arg(fmt::decimal(m_result.run.frameSeconds[std::size_t(frame)], 2),
                                                     fmt::decimal(m_result.run.virtualSeconds, 2)));
    m_lagPlot->replot(QCustomPlot::rpQueuedReplot);
}

void CapacityView::plotGrid()
{
    const int nx = int(m_result.gridConsumers.size()), ny = int(m_result.gridPartitions.size());
    if (nx == 0 || ny == 0)
        return;
    m_gridMap->data()->setSize(nx, ny);
    m_gridMap->data()->setRange(QCPRange(0, nx - 1), QCPRange(0, ny - 1));
    double lo = 0, hi = 0;
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
            const double v = m_result.gridSaturation[std::size_t(y * nx + x)];
            m_gridMap->data()->setCell(x, y, v);
            lo = lo == 0 ? v : std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    m_gridMap->setDataRange(QCPRange(std::max(lo, 1.0), std::max(hi, lo * 1.01 + 1.0)));
    QSharedPointer<QCPAxisTickerText> xt(new QCPAxisTickerText), yt(new QCPAxisTickerText);
    for (int x = 0; x < nx; ++x)
        xt->addTick(x, QString::number(m_result.gridConsumers[std::size_t(x)]));
    for (int y = 0; y < ny; ++y)
        yt->addTick(y, QString::number(m_result.gridPartitions[std::size_t(y)]));
    m_gridPlot->xAxis->setTicker(xt);
    m_gridPlot->yAxis->setTicker(yt);
    m_gridPlot->xAxis->setRange(-0.5, nx - 0.5);
    m_gridPlot->yAxis->setRange(-0.5, ny - 0.5);
    m_gridPlot->xAxis->setLabel(tr("consumers"));
    m_gridPlot->yAxis->setLabel(tr("partitions"));
    m_gridPlot->clearItems();
    const double span = std::log(std::max(hi, lo * 1.01 + 1.0) / std::max(lo, 1.0));
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
            const double v = m_result.gridSaturation[std::size_t(y * nx + x)];
            auto *label = new QCPItemText(m_gridPlot);
            label->position->setCoords(x, y);
            label->setText(compactRate(v));
            QFont f = label->font();
            f.setPointSizeF(f.pointSizeF() * 0.75);
            label->setFont(f);
            // Dark text on the bright end of the thermal gradient, light text on the dark end.
            const double brightness = span > 0 ? std::log(std::max(v, 1.0) / std::max(lo, 1.0)) / span : 0.0;
            label->setColor(brightness > 0.55 ? Palette::onBrightCell : Palette::onDarkCell);
        }
    }
    m_gridPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace partlab
