#include "rebalancepreview.h"

#include "model/numberformat.h"
#include "session/simulationsession.h"
#include "views/palette.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace partlab {

namespace {
const QString kEnabledKey = QStringLiteral("teaching/previewRepartitioning");
}

RebalancePreview::RebalancePreview(SimulationSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_question(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView(this))
    , m_always(new QCheckBox(tr("Preview every partition change while a run is active"), this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Rebalance preview"));
    setModal(false);
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    m_question->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_always->setChecked(isEnabled());
    m_buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_buttons->addButton(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_question);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_always);
    layout->addWidget(m_buttons);
    resize(620, 420);

    connect(m_always, &QCheckBox::toggled, this, &RebalancePreview::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        hide();
        emit applyRequested(m_to);
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        hide();
        emit cancelled();
    });
    connect(&m_watcher, &QFutureWatcher<RebalanceEstimate>::finished, this, &RebalancePreview::onEstimated);
}

RebalancePreview::~RebalancePreview()
{
    m_watcher.waitForFinished();
}

bool RebalancePreview::isEnabled()
{
    return QSettings().value(kEnabledKey, true).toBool();
}

void RebalancePreview::setEnabled(bool enabled)
{
    QSettings().setValue(kEnabledKey, enabled);
}

RebalanceEstimate RebalancePreview::compute(const std::shared_ptr<StateRuntime> &runtime, const PartitionerOptions &options,
                                             const QString &current, int to)
{
    RebalanceEstimate e;
    e.to = to;
    if (!runtime)
        return e;
    e.from = runtime->partitionCount();
    std::vector<KeyResult> state;
    if (!runtime->stateSnapshot(state, 3000)) {
        e.error = tr("The workers did not hand over a copy of the state in time.");
        return e;
    }
    e.keys = state.size();
    QStringList names = partitionerNames();
    names.removeAll(current);
    names.prepend(current);
    for (const QString &name : names) {
        PartitionerOptions o = options;
        o.partitions = e.from;
        QString error;
        std::unique_ptr<Partitioner> from = createPartitioner(name, o, &error);
        if (!from || to > from->maxPartitions()) {
            e.refused << tr("%1 cannot have %2 partitions%3").arg(name).arg(qMax(e.from, to))
                             .arg(error.isEmpty() ? QString() : QStringLiteral(": ") + error);
            continue;
        }
        MovementCounter counter(std::move(from), to);
        for (const KeyResult &k : state)
            counter.add(RoutingKey::text(k.key));
        e.results.push_back(counter.result());
    }
    e.ok = true;
    return e;
}

void RebalancePreview::preview(int to)
{
    m_to = to;
    const std::shared_ptr<StateRuntime> runtime = m_session ? m_session->runtime() : nullptr;
    const int from = runtime ? runtime->partitionCount() : 0;
    m_question->setText(tr("Repartition the running simulation from %1 to %2 partitions?").arg(from).arg(to));
    m_summary->setText(tr("Counting how many keys of the current state each partitioner would move…"));
    m_model->clear();
    m_buttons->buttons().constFirst()->setEnabled(false);
    m_busy = true;
    if (m_watcher.isRunning()) {
        m_pendingTarget = to;
        return;
    }
    m_pendingTarget = 0;
    const PartitionerOptions options = m_session->config().runtime.partitionerOptions;
    const QString current = m_session->config().runtime.partitioner;
    m_watcher.setFuture(QtConcurrent::run([runtime, options, current, to] { return compute(runtime, options, current, to); }));
}

void RebalancePreview::onEstimated()
{
    if (m_pendingTarget > 0) {
        preview(m_pendingTarget);
        return;
    }
    m_busy = false;
    m_estimate = m_watcher.result();
    m_buttons->buttons().constFirst()->setEnabled(true);
    if (!m_estimate.ok) {
        m_summary->setText(m_estimate.error.isEmpty() ? tr("No run to preview.") : m_estimate.error);
        return;
    }
    MovementResult bounds;
    bounds.from = m_estimate.from;
    bounds.to = m_estimate.to;
    const double fair = bounds.minimumFraction();
    // An expectation, not a bound: with a few hundred keys a real partitioner may move a little less.
    m_summary->setText(tr("The state holds %1 keys. Each moved key's state is copied to its new owner while intake "
                          "is paused; a perfectly even partitioner is expected to move %2 of them (the share the "
                          "added or removed partitions hold).")
                           .arg(fmt::count(qulonglong(m_estimate.keys)), fmt::percent(fair)));
    m_model->setHorizontalHeaderLabels({tr("Partitioner"), tr("Keys moved"), tr("Share"), tr("Slots / key groups moved")});
    for (std::size_t i = 0; i < m_estimate.results.size(); ++i) {
        const MovementResult &r = m_estimate.results[i];
        QList<QStandardItem *> row;
        row << new QStandardItem(i == 0 ? tr("%1 (this run)").arg(r.partitioner) : r.partitioner);
        row << new QStandardItem(fmt::count(qulonglong(r.moved)));
        row << new QStandardItem(fmt::percent(r.fraction()));
        QString units;
        if (!r.unitName.isEmpty() && r.unitsMoved >= 0)
            units = tr("%1 of %2").arg(fmt::count(qlonglong(r.unitsMoved)), fmt::count(qlonglong(r.unitsTotal)));
        row << new QStandardItem(units);
        for (int c = 1; c < 3; ++c)
            row[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (i == 0) {
            for (QStandardItem *item : row) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
        }
        m_model->appendRow(row);
    }
    for (const QString &why : m_estimate.refused) {
        auto *item = new QStandardItem(why);
        item->setForeground(Palette::warning);
        m_model->appendRow({item});
        m_table->setSpan(m_model->rowCount() - 1, 0, 1, 4);
    }
    m_table->resizeColumnsToContents();
}

} // namespace partlab
