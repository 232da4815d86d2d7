#include "fifoview.h"

#include "runtime/stateruntime.h"
#include "views/palette.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace partlab {

namespace {
/** The merged view of many partitions is cut to its most recent messages to stay readable. */
constexpr std::size_t kMaxRows = 2000;
} // namespace

FifoView::FifoView(QWidget *parent)
    : QWidget(parent)
    , m_model(new FifoOrderModel(this))
    , m_scope(new QComboBox(this))
    , m_partition(new QSpinBox(this))
    , m_key(new QLineEdit(this))
    , m_follow(new QCheckBox(tr("Follow the run"), this))
    , m_summary(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_view(new QTableView(this))
    , m_timer(new QTimer(this))
{
    m_scope->addItem(tr("One partition"), int(Scope::Partition));
    m_scope->addItem(tr("One key"), int(Scope::Key));
    m_scope->addItem(tr("All partitions, merged"), int(Scope::AllPartitions));
    m_scope->setToolTip(tr("FIFO holds per partition; merging partitions by apply time shows where it does not"));
    m_partition->setRange(0, 0);
    m_partition->setPrefix(tr("partition "));
    m_key->setPlaceholderText(tr("key, e.g. AAPL"));
    m_key->setClearButtonEnabled(true);
    m_follow->setChecked(true);
    m_summary->setWordWrap(true);

    m_plot->setMinimumHeight(110);
    m_plot->xAxis->setLabel(tr("applied order"));
    m_plot->yAxis->setLabel(tr("produced #"));
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);
    // Out-of-order dots first and translucent, in-order dots drawn over them: merged over all
    // partitions most messages are "out of order" across partitions, and the in-order line
    // must still show through.
    m_outOfOrder = m_plot->addGraph();
    m_outOfOrder->setLineStyle(QCPGraph::lsNone);
    m_outOfOrder->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Palette::withAlpha(Palette::outOfOrder, 120), 4));
    m_outOfOrder->setName(tr("out of order"));
    m_inOrder = m_plot->addGraph();
    m_inOrder->setLineStyle(QCPGraph::lsNone);
    m_inOrder->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Palette::inOrder, 3));
    m_inOrder->setName(tr("in order"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    // FIFO is a rising line from bottom left to top right: the bottom right corner stays free.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft); // above the rising line

    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    for (int c = 0; c < FifoOrderModel::ColumnCount - 1; ++c)
        m_view->setColumnWidth(c, c == FifoOrderModel::KeyColumn ? 76 : 64);

    // Two short rows rather than one wide one: the dock is often a quarter of a 1280 px screen.
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_scope);
    controls->addWidget(m_partition);
    controls->addWidget(m_key, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_plot);
    splitter->addWidget(m_view);
    splitter->setSizes({300, 400});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_follow);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &FifoView::refresh);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        refresh();
    });
    connect(m_partition, &QSpinBox::valueChanged, this, &FifoView::refresh);
    connect(m_key, &QLineEdit::editingFinished, this, &FifoView::refresh);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on && m_live)
            m_timer->start();
        else
            m_timer->stop();
    });
    updateControls();
    refresh();
}

void FifoView::setSource(std::shared_ptr<StateRuntime> runtime, std::shared_ptr<ApplyOrderLog> log)
{
    m_runtime = std::move(runtime);
    m_log = std::move(log);
    setPartitionCount(m_runtime ? m_runtime->partitionCount() : 1);
    refresh();
}

void FifoView::setScope(Scope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
}

FifoView::Scope FifoView::scope() const
{
    return Scope(m_scope->currentData().toInt());
}

void FifoView::setPartition(int partition)
{
    m_partition->setValue(partition);
}

void FifoView::setPartitionCount(int partitions)
{
    m_partition->setMaximum(qMax(0, partitions - 1));
}

void FifoView::setKey(const QString &key)
{
    m_key->setText(key);
    refresh();
}

void FifoView::setLive(bool live)
{
    m_live = live;
    if (live && m_follow->isChecked())
        m_timer->start();
    else
        m_timer->stop();
}

void FifoView::updateControls()
{
    const Scope scope = this->scope();
    m_partition->setVisible(scope == Scope::Partition);
    m_key->setVisible(scope == Scope::Key);
}

void FifoView::refresh()
{
    std::vector<AppliedMessage> applied;
    const Scope scope = this->scope();
    const QString key = m_key->text().trimmed();
    if (m_log && m_runtime) {
        if (scope == Scope::Partition) {
            applied = m_log->recent(m_partition->value());
        } else if (scope == Scope::Key && !key.isEmpty()) {
            const QByteArray utf8 = key.toUtf8();
            const std::string_view k(utf8.constData(), std::size_t(utf8.size()));
            // Every ring is searched: a key changes partition when the run is resized, and the
            // partitioner belongs to the producer thread. No merge window is applied: a key's
            // messages are in one ring at a time, in applied order.
            for (int p = 0; p < m_log->partitionCount(); ++p) {
                if (m_log->recorded(p) == 0)
                    continue;
                for (const AppliedMessage &m : m_log->recent(p)) {
                    if (m.key == k)
                        applied.push_back(m);
                }
            }
            std::stable_sort(applied.begin(), applied.end(), [](const AppliedMessage &a, const AppliedMessage &b) {
                return a.appliedNs != b.appliedNs ? a.appliedNs < b.appliedNs : a.sequence < b.sequence;
            });
        } else if (scope == Scope::AllPartitions) {
            applied = m_log->recentMerged();
        }
    }
    if (applied.size() > kMaxRows)
        applied.erase(applied.begin(), applied.end() - qsizetype(kMaxRows));

    const std::vector<bool> mask = ApplyOrderLog::inversionMask(applied);
    std::vector<FifoRow> rows;
    rows.reserve(applied.size());
    QVector<double> x, y, xBad, yBad;
    m_inversions = 0;
    for (std::size_t i = 0; i < applied.size(); ++i) {
        const AppliedMessage &m = applied[i];
        QString key = QString::fromUtf8(m.key.data(), qsizetype(m.key.size()));
        if (m.keyTruncated)
            key += QStringLiteral("…");
        rows.push_back({m, key, mask[i]});
        (mask[i] ? xBad : x).append(double(i + 1));
        (mask[i] ? yBad : y).append(double(m.sequence + 1));
        m_inversions += mask[i] ? 1 : 0;
    }
    m_model->setRows(std::move(rows));
    m_inOrder->setData(x, y, true);
    m_outOfOrder->setData(xBad, yBad, true);
    m_plot->rescaleAxes();
    if (applied.empty())
        m_plot->xAxis->setRange(0, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);

    QString text;
    if (!m_log) {
        text = tr("The FIFO hook is off: enable \"Record applied order\" and start a run.");
    } else if (applied.empty()) {
        text = scope == Scope::Key && key.isEmpty() ? tr("Type a key to see its messages.") : tr("No messages recorded yet.");
    } else if (m_inversions == 0) {
        text = tr("%n message(s), all applied in the order they were produced (FIFO holds).", nullptr, int(applied.size()));
    } else {
        text = tr("%1 of %n message(s) applied after a message produced later: FIFO holds only within a partition.",
                  nullptr, int(applied.size())).arg(m_inversions);
    }
    m_summary->setText(text);
}

} // namespace partlab
