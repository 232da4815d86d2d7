#pragma once

#include <QComboBox>
#include <QFrame>
#include <QScrollArea>
#include <QScrollBar>

namespace partlab {

/**
 * A vertical-only scroll area as wide as its content needs (a form whose fields shrink to the
 * dock but not below their minimum): the dock never cuts a field off at its edge.
 */
class FitWidthScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;
    QSize minimumSizeHint() const override
    {
        const int content = widget() ? widget()->minimumSizeHint().width() : 0;
        return {content + verticalScrollBar()->sizeHint().width() + 2 * frameWidth(), 80};
    }
};

/**
 * Wraps a dense panel so that it scrolls instead of forcing its size on the window: the panel
 * still gets its preferred size when there is room, and the scroll area's own minimum is small,
 * so a dock or tab holding it never makes the main window wider or taller than the screen.
 * With @p fitWidth it scrolls vertically only and is as wide as the panel's minimum.
 */
inline QScrollArea *scrollable(QWidget *content, bool fitWidth = false)
{
    // Choice lists with long entries ("VWAP (volume-weighted average price)") may get narrower
    // than their longest entry; the open list still shows every entry whole.
    for (QComboBox *combo : content->findChildren<QComboBox *>()) {
        if (combo->sizeAdjustPolicy() == QComboBox::AdjustToContentsOnFirstShow) {
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(10);
        }
    }
    QScrollArea *scroll = fitWidth ? new FitWidthScrollArea : new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    if (fitWidth)
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    else
        scroll->setMinimumSize(120, 80);
    return scroll;
}

} // namespace partlab

#include <QLayout>
#include <QVBoxLayout>

namespace partlab {

/**
 * The same for a page that must stay the object callers know (a tab page): its layout and the
 * widgets it manages move into a scroll area inside @p page.
 */
inline void scrollWithin(QWidget *page)
{
    QLayout *layout = page->layout();
    if (!layout)
        return;
    auto *content = new QWidget;
    content->setLayout(layout); // moves the layout and reparents the widgets it manages
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scrollable(content));
}

} // namespace partlab
