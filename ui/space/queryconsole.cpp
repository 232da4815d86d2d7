#include "queryconsole.h"

#include "partitionstrip.h"
#include "spacesession.h"
#include "views/palette.h"

#include "space/consolecommand.h"
#include "space/scriptrunner.h"

#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace partlab {

/** The space and a script runner on it; the runner goes first (it unsubscribes from the space). */
struct QueryConsole::Runner
{
    std::shared_ptr<SpaceProxy> space;
    std::unique_ptr<SpaceScriptRunner> runner;
    ~Runner() { runner.reset(); }
};

QueryConsole::QueryConsole(SpaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_output(new QTextBrowser(this))
    , m_strip(new PartitionStrip(this))
    , m_routing(new QLabel(this))
    , m_input(new QLineEdit(this))
    , m_run(new QPushButton(tr("Run"), this))
{
    m_output->setOpenLinks(false);
    m_output->document()->setMaximumBlockCount(2000);
    m_output->setPlaceholderText(tr("Results appear here. Each operation shows the partitions it touched: "
                                    "one when the query fixes the routing value, all when it is broadcast."));
    m_strip->setFadeMs(0);
    m_strip->setToolTip(tr("Partitions the last operation touched: blue = routed, orange = broadcast"));
    m_routing->setText(tr("No operation yet"));
    m_input->setPlaceholderText(tr("e.g. read Order customerId=c1 · select * from Order where amount > 500 (Up/Down: history)"));
    m_input->setToolTip(tr("<p>One operation per line:</p>"
                           "<pre>write Order orderId=o1 customerId=c1 amount=12.5 status=new\n"
                           "read Order customerId=c1\n"
                           "take Order customerId=c1 timeout=100\n"
                           "readMultiple Order max=5 where amount &gt; 100 ORDER BY amount\n"
                           "readById Order o1 routing=c1\n"
                           "count Order where status = 'new'\n"
                           "clear Customer name='Customer 7'\n"
                           "select * from Order where amount &gt; 500 limit 5\n"
                           "select count(*) from Order where customerId = 'c1'\n"
                           "stats</pre><p>A line starting with { is run as a space script line.</p>"));
    m_input->installEventFilter(this);

    const QList<QPair<QString, QString>> examples = {
        {tr("Write an order"), QStringLiteral("write Order orderId=console-1 customerId=c1 amount=42.5 status=new")},
        {tr("Orders of c1 (routed)"), QStringLiteral("readMultiple Order customerId=c1")},
        {tr("SQL by amount (broadcast)"), QStringLiteral("select * from Order where amount > 990 limit 5")},
        {tr("Count customers in EU"), QStringLiteral("count Customer where region = 'EU'")},
        {tr("Blocking take of c1"), QStringLiteral("take Order customerId=c1 timeout=200")},
        {tr("Entries per partition"), QStringLiteral("stats")},
    };
    // Two columns, so the dock stays as narrow as the other docks on the right.
    auto *exampleGrid = new QGridLayout;
    exampleGrid->setSpacing(2);
    exampleGrid->addWidget(new QLabel(tr("Examples:"), this), 0, 0, 1, 2);
    for (const auto &[caption, command] : examples) {
        auto *button = new QPushButton(caption, this);
        button->setToolTip(command);
        button->setFlat(true);
        button->setCursor(Qt::PointingHandCursor);
        button->setStyleSheet(QStringLiteral("QPushButton { color: %1; text-decoration: underline; padding: 1px 3px; }").arg(Palette::link.name()));
        connect(button, &QPushButton::clicked, this, [this, command] {
            m_input->setText(command);
            execute(command);
        });
        exampleGrid->addWidget(button, 1 + int(m_examples.size()) / 2, int(m_examples.size()) % 2, Qt::AlignLeft);
        m_examples << button;
    }

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(new QLabel(QStringLiteral(">"), this));
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_strip);
    layout->addWidget(m_routing);
    layout->addWidget(m_output, 1);
    layout->addLayout(exampleGrid);
    layout->addLayout(inputRow);

    connect(m_input, &QLineEdit::returnPressed, this, [this] { execute(m_input->text()); });
    connect(m_run, &QPushButton::clicked, this, [this] { execute(m_input->text()); });
    connect(&m_watcher, &QFutureWatcher<QByteArray>::finished, this, [this] {
        ConsoleAnswer answer = ConsoleAnswer::fromScriptAnswer(m_watcher.result());
        answer.scriptLine = m_pendingLine;
        show(m_pendingCommand, answer);
        setBusy(false);
        if (m_spaceChanged)
            bindSpace();
    });
    connect(m_session, &SpaceSession::spaceChanged, this, [this] {
        if (isBusy())
            m_spaceChanged = true; // rebind once the running command returns
        else
            bindSpace();
    });
    bindSpace();
}

// A command still running keeps its space and runner alive through its own shared_ptr and
// touches nothing of the console, so closing the window need not wait for it.
QueryConsole::~QueryConsole() = default;

void QueryConsole::bindSpace()
{
    m_spaceChanged = false;
    auto runner = std::make_shared<Runner>();
    runner->space = m_session->space();
    if (!runner->space)
        return;
    runner->runner = std::make_unique<SpaceScriptRunner>(*runner->space, QDir::currentPath());
    // Say so only when the console had been used: editing the settings makes new spaces too.
    const bool announce = m_runner && m_usedSinceBind;
    m_usedSinceBind = false;
    m_runner = std::move(runner);
    m_strip->setPartitionCount(m_runner->space->partitionCount());
    m_strip->clear();
    if (announce) {
        m_output->append(QStringLiteral("<p style='color:%1'>%2</p>")
                             .arg(Palette::hint.name(), tr("— A new space: %1 partitions. The console now works on it. —")
                                      .arg(m_runner->space->partitionCount())
                                      .toHtmlEscaped()));
    }
}

bool QueryConsole::isBusy() const
{
    return m_watcher.isRunning();
}

void QueryConsole::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    for (QPushButton *b : std::as_const(m_examples))
        b->setEnabled(!busy);
    if (busy)
        m_routing->setText(tr("running…"));
}

void QueryConsole::execute(const QString &command)
{
    if (isBusy() || command.trimmed().isEmpty() || !m_runner)
        return;
    m_history.add(command);
    m_input->clear();
    m_usedSinceBind = true;
    QString error;
    const auto line = ConsoleCommand::toScriptLine(command, *m_runner->space, &error);
    if (!line) {
        ConsoleAnswer answer;
        answer.error = error;
        show(command, answer);
        return;
    }
    m_pendingCommand = command;
    m_pendingLine = *line;
    setBusy(true);
    const std::shared_ptr<Runner> runner = m_runner;
    const qint64 number = ++m_line;
    const QByteArray scriptLine = *line;
    m_watcher.setFuture(QtConcurrent::run([runner, number, scriptLine] { return runner->runner->runLine(number, scriptLine); }));
}

void QueryConsole::show(const QString &command, const ConsoleAnswer &answer)
{
    m_last = answer;
    const int n = m_strip->partitionCount();
    if (answer.ok || !answer.partitions.isEmpty())
        m_strip->flash(answer.partitions, answer.broadcast);
    else
        m_strip->clear();
    QString html = QStringLiteral("<p style='margin-top:6px'><b>&gt; %1</b>").arg(command.toHtmlEscaped());
    if (!answer.scriptLine.isEmpty() && !command.trimmed().startsWith(QLatin1Char('{')))
        html += QStringLiteral("<br><span style='color:%1; font-size:small'>%2</span>")
                    .arg(Palette::hint.name(), QString::fromUtf8(answer.scriptLine).toHtmlEscaped());
    if (!answer.ok) {
        m_routing->setText(answer.scriptLine.isEmpty() ? tr("not sent") : answer.routingText(n));
        html += QStringLiteral("<br><span style='color:%1'>%2</span>").arg(Palette::error.name(), tr("Error: %1").arg(answer.error).toHtmlEscaped());
    } else {
        const QString routing = answer.routingText(n);
        m_routing->setText(routing);
        const QColor colour = answer.broadcast ? Palette::broadcast : Palette::routed;
        html += QStringLiteral("<br><span style='color:%1'>%2</span>").arg(colour.name(), routing.toHtmlEscaped());
        for (const QString &line : answer.lines)
            html += QStringLiteral("<br><span style='white-space:pre'>%1</span>").arg(line.toHtmlEscaped());
        for (const QString &line : answer.plan) // the planner's work, muted: how the answer was found
            html += QStringLiteral("<br><span style='color:%1; font-size:small; white-space:pre'>%2</span>").arg(Palette::plan.name(), line.toHtmlEscaped());
    }
    m_output->append(html + QStringLiteral("</p>"));
    emit answered(answer);
}

bool QueryConsole::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up) {
            m_input->setText(m_history.previous(m_input->text()));
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            m_input->setText(m_history.next());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace partlab
