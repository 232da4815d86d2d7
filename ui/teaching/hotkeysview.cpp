#include "hotkeysview.h"

#include "model/numberformat.h"
#include "advisor/hotkeyadvice.h"
#include "session/simulationsession.h"
#include "views/palette.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace partlab {

HotKeysView::HotKeysView(QWidget *parent)
    : QWidget(parent)
    , m_model(new HotKeysModel(this))
    , m_table(new QTableView(this))
    , m_headline(new QLabel(this))
    , m_adviceLabel(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    // Every column as wide as its contents (the key column first: "AAPL", never "A…"); a narrow
    // dock scrolls the table sideways instead of cutting the keys.
    for (int c = HotKeysModel::Key; c < HotKeysModel::ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_headline->setText(tr("Start a run: the hottest keys of every partition appear here, refreshed twice a second."));
    m_adviceLabel->setWordWrap(true);
    m_adviceLabel->setTextFormat(Qt::RichText);
    m_adviceLabel->setStyleSheet(Palette::boxStyle(Palette::adviceBackground, Palette::adviceBorder));
    m_adviceLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_adviceLabel);

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible() && m_session && m_session->state() == RunState::Running)
            refresh();
    });
    connect(&m_watcher, &QFutureWatcher<HotKeySnapshot>::finished, this, &HotKeysView::onRead);
}

HotKeysView::~HotKeysView()
{
    m_watcher.waitForFinished();
}

void HotKeysView::setSession(SimulationSession *session)
{
    m_session = session;
    m_timer->start();
    // A paused or ended run does not change: one reading once it has settled (the pause
    // drained, the step applied, the run's last messages applied).
    connect(session, &SimulationSession::pauseDrained, this, &HotKeysView::refresh);
    connect(session, &SimulationSession::stepApplied, this, &HotKeysView::refresh);
    connect(session, &SimulationSession::runEnded, this, &HotKeysView::refresh);
}

HotKeySnapshot HotKeysView::read(const std::shared_ptr<StateRuntime> &runtime, int topPerPartition)
{
    HotKeySnapshot s;
    std::vector<std::vector<KeyResult>> perPartition;
    if (!runtime || !runtime->hotKeys(topPerPartition, perPartition, 1000))
        return s;
    const RuntimeSnapshot snap = runtime->snapshot();
    const std::size_t n = perPartition.size();
    // A partition's load is the messages of the keys it owns now. Its applied counter says that
    // exactly until the first live resize (counters restart there, keys keep their counts);
    // after one, or in naive mode, the state copy sums it.
    std::vector<quint64> load(n, 0);
    if (snap.resizes == 0 && runtime->config().mode == RuntimeMode::Partitioned && snap.partitions.size() == n) {
        for (std::size_t p = 0; p < n; ++p)
            load[p] = snap.partitions[p].applied;
    } else {
        std::vector<KeyResult> state;
        if (!runtime->stateSnapshot(state, 1000))
            return s;
        for (const KeyResult &k : state) {
            if (k.partition >= 0 && std::size_t(k.partition) < n)
                load[std::size_t(k.partition)] += k.count;
        }
    }
    quint64 total = 0;
    for (quint64 l : load)
        total += l;
    s.messages = total;
    s.partitions = int(n);
    for (std::size_t p = 0; p < n; ++p) {
        for (const KeyResult &k : perPartition[p]) {
            HotKeyRow row;
            row.key = k.key;
            row.partition = int(p);
            row.messages = k.count;
            row.partitionShare = load[p] ? qMin(1.0, double(k.count) / double(load[p])) : 0.0;
            row.totalShare = total ? qMin(1.0, double(k.count) / double(total)) : 0.0;
            s.rows.push_back(std::move(row));
        }
    }
    std::stable_sort(s.rows.begin(), s.rows.end(), [](const HotKeyRow &a, const HotKeyRow &b) {
        return a.messages != b.messages ? a.messages > b.messages : a.partitionShare > b.partitionShare;
    });
    if (!s.rows.empty() && total > 0) {
        const HotKeyRow &h = s.rows.front();
        s.advice = hotKeyAdvice({h.key, h.partition, h.partitionShare, h.totalShare}, int(n));
    }
    s.ok = true;
    return s;
}

void HotKeysView::refresh()
{
    if (!m_session || m_busy)
        return;
    const std::shared_ptr<StateRuntime> runtime = m_session->runtime();
    if (!runtime)
        return;
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run([runtime] { return read(runtime, kTopPerPartition); }));
}

void HotKeysView::onRead()
{
    m_busy = false;
    HotKeySnapshot s = m_watcher.result();
    if (!s.ok)
        return;
    m_advice = s.advice;
    if (s.rows.empty()) {
        m_headline->setText(tr("No messages yet."));
    } else {
        const HotKeyRow &h = s.rows.front();
        m_headline->setText(tr("Key %1 gives %2 of partition %3's load (%4 of all messages).")
                                .arg(QString::fromStdString(h.key), fmt::percent(h.partitionShare))
                                .arg(h.partition)
                                .arg(fmt::percent(h.totalShare)));
    }
    QString html;
    for (const QString &a : s.advice)
        html += QStringLiteral("<p style=\"margin:0 0 4px 0\">%1</p>").arg(a.toHtmlEscaped());
    m_adviceLabel->setText(html);
    m_adviceLabel->setVisible(!s.advice.isEmpty());
    m_model->setRows(std::move(s.rows));
}

QString HotKeysView::headline() const
{
    return m_headline->text();
}

} // namespace partlab
