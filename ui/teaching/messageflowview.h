#pragma once

#include "runtime/simulationrunner.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QVariantAnimation;

namespace partlab {

class SimulationSession;

/**
 * Step mode made visible: the message the last step (F10) really submitted travels from the
 * key extractor (its key) through the partitioner (the hash, the slot or key group, the
 * partition) into its partition. Everything shown comes from SimulationRunner's record of that
 * message, taken when the runtime routed it: no canned animation.
 *
 * Follows the session's stepApplied() signal: each new stepped message starts the animation
 * again. The view is cleared when a new run starts or the partition count changes, so it never
 * shows a message routed for another N or another run.
 */
class MessageFlowView : public QWidget
{
    Q_OBJECT

public:
    /** Milliseconds one message takes from the source to its partition. */
    static constexpr int kTravelMs = 1400;

    explicit MessageFlowView(QWidget *parent = nullptr);

    void setSession(SimulationSession *session);
    /** Shows (and animates) @p message now; called for every applied step. */
    void showMessage(const SteppedMessage &message);
    /** The message on display, if any. */
    const std::optional<SteppedMessage> &message() const { return m_message; }
    /** 0 at the source, 1 in the partition. */
    double progress() const { return m_progress; }
    /** Every text the last paint drew, in order (what a reader sees: the locale test reads it). */
    const QStringList &paintedTexts() const { return m_painted; }
    /** Jumps to the end of the animation (screenshots, tests). */
    void finishAnimation();
    /** Shows the "press F10" explanation again. */
    void clear();

    QSize sizeHint() const override { return {900, 200}; }
    QSize minimumSizeHint() const override { return {520, 150}; }

signals:
    /** A new stepped message arrived (the dock shows itself). */
    void messageArrived();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintText(QPainter &p, const QRectF &r, int flags, const QString &text);
    void onStepApplied();
    /** The name of the raw hash a partitioner computes ("hashCode", "murmur2", ...). */
    static QString hashName(const QString &partitioner);
    /** The intermediate step explain() names ("slot", "key_group", "routing_shard"), in words. */
    static QString stepLabel(const QString &stepName);

    QPointer<SimulationSession> m_session;
    QVariantAnimation *m_animation;
    std::optional<SteppedMessage> m_message;
    double m_progress = 0.0;
    QStringList m_painted;
};

} // namespace partlab
