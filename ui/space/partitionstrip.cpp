#include "partitionstrip.h"

#include "views/palette.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace partlab {

namespace {
constexpr int kRowHeight = 22;
constexpr int kMaxRows = 4;
constexpr int kLabelledCellWidth = 20; ///< cells at least this wide show their partition number
} // namespace

PartitionStrip::PartitionStrip(QWidget *parent) : QWidget(parent)
{
    m_clock.start();
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumWidth(120);
}

void PartitionStrip::setPartitionCount(int partitions)
{
    if (partitions == int(m_cells.size()))
        return;
    m_cells.assign(std::size_t(std::max(0, partitions)), Cell{});
    m_latest.clear();
    updateGeometry();
    update();
}

void PartitionStrip::flash(const QList<int> &partitions, bool broadcast)
{
    const qint64 now = m_clock.elapsed();
    if (m_fadeMs == 0)
        std::fill(m_cells.begin(), m_cells.end(), Cell{});
    for (int p : partitions) {
        if (p >= 0 && p < int(m_cells.size()))
            m_cells[std::size_t(p)] = Cell{now, broadcast};
    }
    m_latest = partitions;
    update();
}

void PartitionStrip::clear()
{
    std::fill(m_cells.begin(), m_cells.end(), Cell{});
    m_latest.clear();
    update();
}

double PartitionStrip::intensity(int partition) const
{
    if (partition < 0 || partition >= int(m_cells.size()) || m_cells[std::size_t(partition)].litAtMs < 0)
        return 0.0;
    if (m_fadeMs == 0)
        return 1.0;
    const double age = double(m_clock.elapsed() - m_cells[std::size_t(partition)].litAtMs);
    return std::max(0.0, 1.0 - age / m_fadeMs);
}

bool PartitionStrip::isBroadcastLit(int partition) const
{
    return intensity(partition) > 0.0 && m_cells[std::size_t(partition)].broadcast;
}

QSize PartitionStrip::grid(int width) const
{
    const int n = std::max(1, int(m_cells.size()));
    int columns = std::max(1, std::min(n, width / kLabelledCellWidth));
    int rows = (n + columns - 1) / columns;
    if (rows > kMaxRows) {
        rows = kMaxRows;
        columns = (n + rows - 1) / rows;
    }
    return QSize(columns, rows);
}

int PartitionStrip::heightForWidth(int width) const
{
    return grid(width).height() * kRowHeight + 2;
}

QSize PartitionStrip::sizeHint() const
{
    return QSize(400, heightForWidth(width() > 0 ? width() : 400));
}

QSize PartitionStrip::minimumSizeHint() const
{
    return QSize(120, kRowHeight + 2);
}

void PartitionStrip::paintEvent(QPaintEvent *)
{
    if (m_cells.empty())
        return;
    QPainter painter(this);
    const QSize g = grid(width());
    const double cellWidth = double(width() - 1) / g.width();
    const bool labels = cellWidth >= kLabelledCellWidth - 0.5;
    QFont font = painter.font();
    font.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.8));
    painter.setFont(font);
    for (int p = 0; p < int(m_cells.size()); ++p) {
        const int row = p / g.width();
        const int column = p % g.width();
        const QRectF rect(1 + column * cellWidth, 1 + row * kRowHeight, cellWidth - 2, kRowHeight - 3);
        const double lit = intensity(p);
        QColor fill = Palette::idle;
        if (lit > 0.0) {
            const QColor hot = m_cells[std::size_t(p)].broadcast ? Palette::broadcast : Palette::routed;
            fill = QColor::fromRgbF(float(Palette::idle.redF() + (hot.redF() - Palette::idle.redF()) * lit),
                                    float(Palette::idle.greenF() + (hot.greenF() - Palette::idle.greenF()) * lit),
                                    float(Palette::idle.blueF() + (hot.blueF() - Palette::idle.blueF()) * lit));
        }
        painter.fillRect(rect, fill);
        if (cellWidth >= 6) {
            painter.setPen(Palette::cellBorder);
            painter.drawRect(rect);
        }
        if (m_fadeMs > 0 && lit > 0.0 && m_latest.contains(p) && cellWidth >= 6) {
            painter.setPen(QPen(Palette::selected, 2));
            painter.drawRect(rect.adjusted(1, 1, -1, -1));
        }
        if (labels) {
            painter.setPen(lit > 0.5 ? Palette::textOnColor : Palette::textSecondary);
            painter.drawText(rect, Qt::AlignCenter, QString::number(p));
        }
    }
}

} // namespace partlab
