#include "messageflowview.h"

#include "model/numberformat.h"
#include "session/simulationsession.h"
#include "views/palette.h"

#include <QEasingCurve>
#include <QPainter>
#include <QPainterPath>
#include <QVariantAnimation>

#include <cmath>

namespace partlab {

namespace {
constexpr int kMaxCells = 32; ///< partition cells drawn; more partitions show a window around the target

/** Where the token is between @p a and @p b at @p t in [0, 1]. */
QPointF lerp(QPointF a, QPointF b, double t)
{
    return a + (b - a) * qBound(0.0, t, 1.0);
}
} // namespace

MessageFlowView::MessageFlowView(QWidget *parent)
    : QWidget(parent)
    , m_animation(new QVariantAnimation(this))
{
    setAutoFillBackground(true);
    setToolTip(tr("Step mode: pause the run and press F10 (Step) to send one message; it is shown as the engine routed it."));
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(kTravelMs);
    m_animation->setEasingCurve(QEasingCurve::InOutSine);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        m_progress = v.toDouble();
        update();
    });
}

void MessageFlowView::setSession(SimulationSession *session)
{
    m_session = session;
    connect(session, &SimulationSession::stepApplied, this, &MessageFlowView::onStepApplied);
    connect(session, &SimulationSession::runStarted, this, &MessageFlowView::clear);
    connect(session, &SimulationSession::configChanged, this, [this] {
        // A resize (or any new configuration): the message shown was routed for the old N.
        if (m_message && m_session && m_message->partitions != m_session->partitions())
            clear();
    });
}

void MessageFlowView::onStepApplied()
{
    if (const std::optional<SteppedMessage> latest = m_session ? m_session->lastSteppedMessage() : std::nullopt)
        showMessage(*latest);
}

void MessageFlowView::clear()
{
    m_animation->stop();
    m_message.reset();
    m_progress = 0.0;
    update();
}

void MessageFlowView::showMessage(const SteppedMessage &message)
{
    m_message = message;
    m_animation->stop();
    m_progress = 0.0;
    m_animation->start();
    emit messageArrived();
    update();
}

void MessageFlowView::finishAnimation()
{
    m_animation->stop();
    m_progress = 1.0;
    update();
}

QString MessageFlowView::hashName(const QString &partitioner)
{
    if (partitioner == QLatin1String("xap") || partitioner == QLatin1String("flink"))
        return QStringLiteral("hashCode");
    if (partitioner == QLatin1String("kafka"))
        return QStringLiteral("murmur2");
    if (partitioner == QLatin1String("redis"))
        return QStringLiteral("crc16");
    if (partitioner == QLatin1String("cassandra"))
        return tr("token");
    if (partitioner == QLatin1String("ring"))
        return tr("ring position");
    if (partitioner == QLatin1String("wallaroo"))
        return QStringLiteral("MD5");
    if (partitioner == QLatin1String("hazelcast"))
        return tr("murmur3 of the serialized key");
    if (partitioner == QLatin1String("elasticsearch"))
        return tr("murmur3 of the UTF-16 routing");
    return tr("64-bit key");
}

QString MessageFlowView::stepLabel(const QString &stepName)
{
    if (stepName == QLatin1String("slot"))
        return tr("slot");
    if (stepName == QLatin1String("routing_shard"))
        return tr("routing shard");
    return tr("key group");
}

void MessageFlowView::paintText(QPainter &p, const QRectF &r, int flags, const QString &text)
{
    p.drawText(r, flags, text);
    m_painted << text;
}

void MessageFlowView::paintEvent(QPaintEvent *)
{
    m_painted.clear();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const int line = fm.height();
    const QRectF area = QRectF(rect()).adjusted(12, 10, -12, -10);

    if (!m_message) {
        p.setPen(Palette::textMuted);
        paintText(p, area, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Step mode: pause the run (Space) and press F10 (Step).\n"
                      "Each step sends one message, and this view follows it from the key extractor "
                      "through the partitioner into its partition."));
        return;
    }
    const SteppedMessage &m = *m_message;
    const QString key = QString::fromStdString(m.key);

    // Three stages on top, the partitions underneath.
    const double gap = 28;
    const double stageW = (area.width() - 2 * gap) / 3.0;
    const double stageH = 4.4 * line;
    QRectF stages[3];
    for (int i = 0; i < 3; ++i)
        stages[i] = QRectF(area.left() + i * (stageW + gap), area.top(), stageW, stageH);
    const double trackY = area.top() + stageH + 0.9 * line; // the token travels under the stages
    const double cellsTop = area.top() + stageH + 3.2 * line;
    const double cellH = qBound(1.6 * line, area.bottom() - cellsTop - 1.4 * line, 2.6 * line);

    // Which partitions to draw: all, or a window around the target.
    const int n = qMax(1, m.partitions);
    const int target = qBound(0, m.route.partition, n - 1);
    const int shown = qMin(n, kMaxCells);
    const int first = qBound(0, target - shown / 2, n - shown);
    const double cellW = area.width() / shown;
    const auto cellRect = [&](int partition) {
        return QRectF(area.left() + (partition - first) * cellW + 2, cellsTop, cellW - 4, cellH);
    };

    const double t = m_progress;
    const bool atExtractor = t >= 0.22, atPartitioner = t >= 0.55, arrived = t >= 0.97;

    const auto drawStage = [&](const QRectF &r, const QString &title, const QStringList &lines, bool active) {
        p.setPen(QPen(active ? Palette::active : Palette::stageBorder, active ? 2 : 1));
        p.setBrush(Palette::stage);
        p.drawRoundedRect(r, 6, 6);
        p.setPen(Palette::textMuted);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        paintText(p, r.adjusted(8, 4, -8, 0), Qt::AlignLeft | Qt::AlignTop, title);
        p.setFont(font());
        p.setPen(Palette::text);
        for (int i = 0; i < lines.size(); ++i)
            paintText(p, QRectF(r.left() + 8, r.top() + 4 + (i + 1.15) * line, r.width() - 16, line), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(lines[i], Qt::ElideRight, int(r.width() - 16)));
    };

    drawStage(stages[0], tr("Message #%1").arg(fmt::count(qulonglong(m.sequence))),
              {tr("key: %1").arg(key), tr("value %1, volume %2").arg(fmt::shortest(m.value), fmt::shortest(m.volume))},
              t < 0.22);
    drawStage(stages[1], tr("Key extractor"),
              atExtractor ? QStringList{tr("partition key:"), QStringLiteral("\u201c%1\u201d").arg(key)} : QStringList{tr("waiting…")},
              atExtractor && !atPartitioner);
    QStringList routed;
    if (atPartitioner) {
        routed << tr("%1 = %2").arg(hashName(m.partitioner), m.route.hashText.isEmpty() ? QString::number(m.route.hash) : m.route.hashText);
        if (!m.route.stepName.isEmpty())
            routed << tr("%1 %2").arg(stepLabel(m.route.stepName)).arg(m.route.step);
        routed << tr("→ partition %1 of %2").arg(m.route.partition).arg(m.partitions);
    } else {
        routed << tr("waiting…");
    }
    drawStage(stages[2], tr("Partitioner: %1").arg(m.partitioner), routed, atPartitioner && !arrived);

    // Arrows between the stages and down to the partitions.
    p.setPen(QPen(Palette::stageBorder, 1.5));
    for (int i = 0; i < 2; ++i) {
        const double y = stages[i].center().y();
        p.drawLine(QPointF(stages[i].right() + 3, y), QPointF(stages[i + 1].left() - 3, y));
        p.drawLine(QPointF(stages[i + 1].left() - 9, y - 5), QPointF(stages[i + 1].left() - 3, y));
        p.drawLine(QPointF(stages[i + 1].left() - 9, y + 5), QPointF(stages[i + 1].left() - 3, y));
    }

    // Partition cells.
    p.setPen(Palette::textMuted);
    paintText(p, QRectF(area.left(), cellsTop - 1.3 * line, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               shown < n ? tr("State partitions %1–%2 of %3").arg(first).arg(first + shown - 1).arg(n) : tr("State partitions"));
    for (int i = first; i < first + shown; ++i) {
        const QRectF r = cellRect(i);
        const bool hit = arrived && i == target;
        p.setPen(QPen(hit ? Palette::hot : Palette::stageBorder, hit ? 2.5 : 1));
        p.setBrush(hit ? Palette::targetFill : Palette::stage);
        p.drawRoundedRect(r, 4, 4);
        p.setPen(hit ? Palette::hot : Palette::textMuted);
        if (cellW >= fm.horizontalAdvance(QString::number(i)) + 6)
            paintText(p, r, Qt::AlignCenter, QString::number(i));
    }
    if (arrived) {
        p.setPen(Palette::hot);
        paintText(p, QRectF(area.left(), cellsTop + cellH + 0.2 * line, area.width(), line), Qt::AlignCenter,
                   tr("“%1” is applied on partition %2: every message with this key goes there, in order.").arg(key).arg(target));
    }

    // The token: the message (its key) travelling along the path.
    const QPointF path[4] = {{stages[0].center().x(), trackY}, {stages[1].center().x(), trackY},
                             {stages[2].center().x(), trackY}, cellRect(target).center()};
    QPointF at;
    if (t < 0.22)
        at = lerp(path[0], path[1], t / 0.22);
    else if (t < 0.55)
        at = lerp(path[1], path[2], (t - 0.22) / 0.33);
    else
        at = lerp(path[2], path[3], (t - 0.55) / 0.42);
    const QString label = fm.elidedText(key, Qt::ElideRight, 140);
    const double tokenW = fm.horizontalAdvance(label) + 16;
    const QRectF token(at.x() - tokenW / 2.0, at.y() - (line + 6) / 2.0, tokenW, line + 6);
    if (!arrived) {
        p.setPen(Qt::NoPen);
        p.setBrush(Palette::active);
        p.drawRoundedRect(token, 8, 8);
        p.setPen(Palette::textOnColor);
        paintText(p, token, Qt::AlignCenter, label);
    }
}

} // namespace partlab
