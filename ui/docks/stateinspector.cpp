#include "stateinspector.h"

#include "models/statefilterproxymodel.h"
#include "runtime/stateruntime.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace partlab {

namespace {
constexpr int kRefreshMs = 500;

std::vector<StateRow> takeSnapshot(const std::shared_ptr<StateRuntime> &runtime)
{
    std::vector<KeyResult> state;
    if (!runtime->stateSnapshot(state, 1000))
        return {};
    std::vector<StateRow> rows;
    rows.reserve(state.size());
    for (const KeyResult &k : state)
        rows.push_back({QString::fromStdString(k.key), k.value, k.partition, k.count});
    return rows;
}
} // namespace

StateInspector::StateInspector(QWidget *parent)
    : QWidget(parent)
    , m_model(new StateTableModel(this))
    , m_proxy(new StateFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_partition(new QSpinBox(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter keys (wildcards * and ?)"));
    m_filter->setClearButtonEnabled(true);
    m_partition->setRange(-1, 65535);
    m_partition->setSpecialValueText(tr("all partitions"));
    m_partition->setValue(-1);
    m_partition->setPrefix(tr("partition "));
    m_partition->setToolTip(tr("Show only the keys of one partition (click a bar in the load chart to pick it)"));

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(StateTableModel::KeyColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    // Nothing is cut: every column fits its visible contents (keys and numbers alike), the last
    // takes any spare width, and a dock narrower than that scrolls sideways.
    QHeaderView *header = m_view->horizontalHeader();
    header->setResizeContentsPrecision(0); // the visible rows only: cheap with 100 000 keys
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The partition number needs four digits, not the width of its header ("Partition" elides;
    // the header's tool tip says it whole): the four columns fit a quarter of a 1280 px screen.
    header->setSectionResizeMode(StateTableModel::PartitionColumn, QHeaderView::Fixed);
    m_view->setColumnWidth(StateTableModel::PartitionColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 12);
    header->setStretchLastSection(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_partition);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setKeyPattern(text);
        updateSummary();
    });
    connect(m_partition, &QSpinBox::valueChanged, this, [this](int p) {
        m_proxy->setPartition(p);
        updateSummary();
    });
    connect(&m_watcher, &QFutureWatcher<std::vector<StateRow>>::finished, this, &StateInspector::onSnapshotReady);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &StateInspector::refresh);
    updateSummary();
}

StateInspector::~StateInspector()
{
    m_watcher.waitForFinished();
}

void StateInspector::setRuntime(std::shared_ptr<StateRuntime> runtime)
{
    m_runtime = std::move(runtime);
    if (m_runtime)
        setPartitionCount(m_runtime->partitionCount());
    if (!m_watcher.isRunning())
        m_model->clear();
    m_updatedAt.clear();
    updateSummary();
}

void StateInspector::setLive(bool live)
{
    if (live)
        m_timer->start();
    else
        m_timer->stop();
}

void StateInspector::refresh()
{
    if (!m_runtime)
        return;
    if (m_watcher.isRunning()) {
        m_pending = true; // one more once this one is in
        return;
    }
    m_pending = false;
    m_took.start();
    m_watcher.setFuture(QtConcurrent::run(takeSnapshot, m_runtime));
}

void StateInspector::onSnapshotReady()
{
    std::vector<StateRow> rows = m_watcher.result();
    if (m_runtime && (!rows.empty() || m_runtime->keyCount() == 0)) {
        m_model->setRows(std::move(rows));
        m_updatedAt = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    }
    // A big state takes a while to copy: refresh less often rather than keep a core busy.
    m_timer->setInterval(qMax(kRefreshMs, int(m_took.elapsed()) * 5));
    updateSummary();
    emit refreshed();
    if (m_pending)
        refresh();
}

void StateInspector::setPartitionCount(int partitions)
{
    m_partition->setMaximum(qMax(0, partitions - 1));
}

void StateInspector::setPartitionFilter(int partition)
{
    m_partition->setValue(partition);
}

int StateInspector::partitionFilter() const
{
    return m_partition->value();
}

void StateInspector::setKeyFilter(const QString &pattern)
{
    m_filter->setText(pattern);
}

void StateInspector::updateSummary()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = shown == total ? tr("%n key(s)", nullptr, total) : tr("%1 of %n key(s)", nullptr, total).arg(shown);
    if (!m_updatedAt.isEmpty())
        text += QStringLiteral(" · ") + tr("updated %1").arg(m_updatedAt);
    m_summary->setText(text);
}

} // namespace partlab
