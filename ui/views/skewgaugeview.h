#pragma once

#include <QWidget>

namespace partlab {

/**
 * The skew gauge: load of the busiest partition divided by the mean load (1 = perfectly even,
 * N = everything on one partition). The dial runs from 1 to max(4, N) on a square-root scale,
 * green up to 1.25, amber up to 2, red beyond; the busiest partition and its share are written
 * underneath.
 */
class SkewGaugeView : public QWidget
{
    Q_OBJECT

public:
    static constexpr double kEvenLimit = 1.25;
    static constexpr double kWarnLimit = 2.0;

    explicit SkewGaugeView(QWidget *parent = nullptr);

    /** @p skew = max/mean (0 = no data yet); @p busiest and @p share (0..1) describe the busiest partition. */
    void setSkew(double skew, int partitions, int busiest, double share);
    double skew() const { return m_skew; }

    QSize sizeHint() const override { return {260, 200}; }
    QSize minimumSizeHint() const override { return {230, 150}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double dialMaximum() const;
    double angleFor(double value) const;

    double m_skew = 0.0;
    int m_partitions = 1;
    int m_busiest = -1;
    double m_share = 0.0;
};

} // namespace partlab
