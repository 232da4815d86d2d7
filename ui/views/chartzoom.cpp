#include "chartzoom.h"

#include <qcustomplot.h>

#include <algorithm>

#include <QAbstractAxis>
#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>

namespace partlab::ChartZoom {

namespace {

double g_factor = 1.0;
const char *const kBaseWidth = "partlabBaseWidth";
const char *const kAppliedFactor = "partlabZoomApplied";
const char *const kHooked = "partlabZoomHooked";
const char *const kAxisTitle = "partlabAxisTitle";
const char *const kLegendScale = "partlabLegendScale";
const char *const kTitleOf = "partlabTitleOfAxis";

/** @p pen at the width it had before any zoom, times the factor (cosmetic 0-width pens stay). */
QPen scaled(QObject *owner, QPen pen)
{
    if (pen.style() == Qt::NoPen)
        return pen;
    QVariant base = owner->property(kBaseWidth);
    if (!base.isValid()) {
        base = pen.widthF();
        owner->setProperty(kBaseWidth, base);
    }
    if (base.toDouble() > 0.0)
        pen.setWidthF(base.toDouble() * g_factor);
    return pen;
}

void applyTo(QCustomPlot *plot)
{
    const QFont font = plot->font();
    QFont bold = font;
    bold.setBold(true);
    for (QCPAxisRect *rect : plot->axisRects()) {
        for (QCPAxis *axis : rect->axes()) {
            axis->setTickLabelFont(font);
            axis->setSelectedTickLabelFont(bold);
            axis->setLabelFont(font);
            axis->setSelectedLabelFont(bold);
        }
    }
    if (plot->legend)
        plot->legend->setFont(font);
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable *p = plot->plottable(i);
        p->setPen(scaled(p, p->pen()));
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        QCPAbstractItem *item = plot->item(i);
        if (auto *text = qobject_cast<QCPItemText *>(item))
            text->setFont(font);
        else if (auto *line = qobject_cast<QCPItemStraightLine *>(item))
            line->setPen(scaled(line, line->pen()));
        else if (auto *segment = qobject_cast<QCPItemLine *>(item))
            segment->setPen(scaled(segment, segment->pen()));
    }
}

/**
 * The title of @p axis written inside its chart, at the top on the axis's side: for a chart too
 * short for its vertical title (a strip under another chart), which would otherwise show numbers
 * without saying what they count. Created when @p create, else nullptr when there is none.
 */
QCPItemText *insideTitle(QCustomPlot *plot, QCPAxis *axis, bool create)
{
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)); text && text->property(kTitleOf).value<quintptr>() == quintptr(axis))
            return text;
    if (!create)
        return nullptr;
    const bool right = axis->axisType() == QCPAxis::atRight;
    auto *text = new QCPItemText(plot);
    text->setProperty(kTitleOf, QVariant::fromValue(quintptr(axis)));
    text->setClipAxisRect(axis->axisRect());
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setAxisRect(axis->axisRect());
    text->position->setCoords(right ? 1.0 : 0.0, 0.0);
    text->setPositionAlignment((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    text->setPadding(QMargins(4, 1, 4, 1));
    QColor background = plot->palette().color(QPalette::Base);
    background.setAlpha(160); // bars and lines under it stay visible
    text->setBrush(background);
    text->setSelectable(false);
    return text;
}

/**
 * As many value ticks as the axis has room for: a short chart (a small screen, a large zoom)
 * gets 2 or 3 instead of labels printed over each other.
 */
void fitTickCounts(QCustomPlot *plot)
{
    for (QCPAxisRect *rect : plot->axisRects()) {
        for (QCPAxis *axis : rect->axes(QCPAxis::atLeft | QCPAxis::atRight)) {
            const int line = QFontMetrics(axis->tickLabelFont()).height();
            const int count = std::clamp(rect->height() / std::max(1, 2 * line), 2, 5);
            if (axis->ticker()->tickCount() != count)
                axis->ticker()->setTickCount(count);
            // Whole-number labels over a span below a few units would repeat ("0, 1, 1"): an empty
            // or nearly empty chart counts 0..4 instead (its values still fit).
            if (axis->scaleType() == QCPAxis::stLinear && axis->numberFormat().startsWith(QLatin1Char('f'))
                && axis->numberPrecision() == 0 && axis->range().size() < 4.0)
                axis->setRange(axis->range().lower, axis->range().lower + 4.0);
            // A vertical title longer than its axis runs into the next chart: shown only when it fits.
            QString title = axis->property(kAxisTitle).toString();
            if (!axis->label().isEmpty() && axis->label() != title) { // set (again) by its view
                title = axis->label();
                axis->setProperty(kAxisTitle, title);
            }
            const bool fits = QFontMetrics(axis->labelFont()).horizontalAdvance(title) <= rect->height();
            const QString shown = fits ? title : QString();
            if (axis->label() != shown)
                axis->setLabel(shown);
            // Too long for its axis: written across the chart's top corner instead.
            QCPItemText *inside = insideTitle(plot, axis, !fits && !title.isEmpty());
            if (inside) {
                inside->setVisible(!fits);
                if (inside->text() != title)
                    inside->setText(title);
                inside->setFont(axis->labelFont());
                inside->setColor(axis->labelColor());
            }
        }
    }
}

/** Before each replot: only when the factor or the chart's contents changed since the last time. */
void hook(QCustomPlot *plot)
{
    if (plot->property(kHooked).toBool())
        return;
    plot->setProperty(kHooked, true);
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] {
        fitTickCounts(plot);
        const QString signature = QStringLiteral("%1/%2/%3/%4").arg(g_factor).arg(plot->plottableCount()).arg(plot->itemCount()).arg(plot->font().pointSizeF());
        if (plot->property(kAppliedFactor).toString() == signature)
            return;
        plot->setProperty(kAppliedFactor, signature);
        applyTo(plot);
    });
}

/** The view's font times the legend scale set on it (1 when none is). */
QFont legendFont(const QChartView *view)
{
    QFont font = view->font();
    const QVariant scale = view->property(kLegendScale);
    if (!scale.isValid() || scale.toDouble() == 1.0)
        return font;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale.toDouble());
    else
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * scale.toDouble())));
    return font;
}

void applyTo(QChartView *view)
{
    QChart *chart = view->chart();
    if (!chart)
        return;
    const QFont font = view->font();
    QFont bold = font;
    bold.setBold(true);
    chart->legend()->setFont(legendFont(view));
    chart->setTitleFont(bold);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series)) // QSplineSeries too
            line->setPen(scaled(line, line->pen()));
        else if (auto *scatter = qobject_cast<QScatterSeries *>(series)) {
            QVariant base = scatter->property(kBaseWidth);
            if (!base.isValid()) {
                base = scatter->markerSize();
                scatter->setProperty(kBaseWidth, base);
            }
            scatter->setMarkerSize(base.toDouble() * g_factor);
        }
    }
}

} // namespace

double factor()
{
    return g_factor;
}

void setFactor(QWidget *root, double factor)
{
    g_factor = factor;
    apply(root);
}

void setLegendScale(QWidget *chartView, double scale)
{
    chartView->setProperty(kLegendScale, scale);
    auto *view = qobject_cast<QChartView *>(chartView);
    if (!view || !view->chart())
        return;
    const QFont font = legendFont(view);
    if (view->chart()->legend()->font() != font)
        view->chart()->legend()->setFont(font);
}

void apply(QWidget *root)
{
    for (QCustomPlot *plot : root->findChildren<QCustomPlot *>()) {
        hook(plot);
        plot->setProperty(kAppliedFactor, QVariant());
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    for (QChartView *view : root->findChildren<QChartView *>())
        applyTo(view);
}

} // namespace partlab::ChartZoom
