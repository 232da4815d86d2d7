#pragma once

class QWidget;

namespace partlab {

/**
 * The presentation zoom for charts. Widgets follow the application font by themselves; chart
 * axes, legends, marker texts and line widths do not (QCustomPlot and Qt Charts copy fonts and
 * pens when a chart is built), so ChartZoom::apply() walks a window's charts and sets them from
 * the current factor: fonts from the chart widget's (zoomed) font, pens at their original width
 * times the factor. QCustomPlot charts also re-check before each replot, so graphs added later
 * (a new advisor result, a new marker) get the zoom too.
 */
namespace ChartZoom {

/** The factor in use (1 = 100 %). */
double factor();
/** Sets the factor and applies it to every chart under @p root. */
void setFactor(QWidget *root, double factor);
/** Applies the current factor to every chart under @p root (e.g. a window built after setFactor). */
void apply(QWidget *root);
/**
 * The legend of the Qt Charts view @p chartView in @p scale times the view's font (a very short
 * chart makes room so): set now, and kept by every later apply() and zoom step.
 */
void setLegendScale(QWidget *chartView, double scale);

} // namespace ChartZoom
} // namespace partlab
