#pragma once

#include <QLabel>

namespace partlab {

/**
 * A one-line label that shrinks instead of widening its window: when its text does not fit it is
 * drawn with "…" at the end and the whole text becomes the tooltip. Its minimum width is a few
 * characters, its preferred width the whole text.
 */
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(const QString &text = QString(), QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    /** Whether the text is drawn shortened at the current width. */
    bool isElided() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateToolTip();

    QString m_ownToolTip;
    bool m_toolTipIsText = false;
};

} // namespace partlab
