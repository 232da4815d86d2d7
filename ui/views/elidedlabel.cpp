#include "elidedlabel.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>

namespace partlab {

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setTextFormat(Qt::PlainText);
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    const QMargins m = contentsMargins();
    return {fm.horizontalAdvance(QStringLiteral("Abc…")) + m.left() + m.right(), fm.height() + m.top() + m.bottom()};
}

bool ElidedLabel::isElided() const
{
    return fontMetrics().horizontalAdvance(text()) > contentsRect().width();
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect r = contentsRect();
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, r.width());
    style()->drawItemText(&p, r, int(alignment()), palette(), isEnabled(), shown, foregroundRole());
    updateToolTip(); // the text may have changed since the last resize
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateToolTip();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateToolTip();
}

void ElidedLabel::updateToolTip()
{
    // The full text as tooltip only while it is cut; a tooltip set by the caller stays.
    if (!m_toolTipIsText)
        m_ownToolTip = toolTip();
    const bool elided = isElided();
    m_toolTipIsText = elided && m_ownToolTip.isEmpty();
    setToolTip(m_toolTipIsText ? text() : m_ownToolTip);
}

} // namespace partlab
