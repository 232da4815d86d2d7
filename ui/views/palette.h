#pragma once
// The UI's one palette: every colour a view, chart, model or dialog paints, named by its role.
// Views take a role (Palette::error, Palette::routed, ...), never a literal: one hue means one
// thing everywhere (the error red of the configuration, the space controls and the console is the
// same), and changing a colour is one line here. Structural colours (window, text of ordinary
// widgets, chart axes and grid) come from the QStyle's palette and are not listed.

#include <QColor>
#include <QString>

#include <array>

namespace partlab {

struct Palette
{
    // ---- Tones (Open Color shades and a few others); the roles below pick from these. ----
    static constexpr QColor blue{0x1c, 0x7e, 0xd6};
    static constexpr QColor blueDark{0x19, 0x71, 0xc2};
    static constexpr QColor blueDeep{0x18, 0x64, 0xab};
    static constexpr QColor blueLight{0x74, 0xc0, 0xfc};
    static constexpr QColor bluePale{0xa5, 0xd8, 0xff};
    static constexpr QColor red{0xe0, 0x31, 0x31};
    static constexpr QColor redDark{0xc9, 0x2a, 0x2a};
    static constexpr QColor redPale{0xff, 0xe3, 0xe3};
    static constexpr QColor green{0x2f, 0x9e, 0x44};
    static constexpr QColor greenLight{0x40, 0xc0, 0x57};
    static constexpr QColor greenPale{0xb2, 0xf2, 0xbb};
    static constexpr QColor orange{0xf0, 0x8c, 0x00};
    static constexpr QColor orangePale{0xff, 0xd8, 0xa8};
    static constexpr QColor yellow{0xfa, 0xb0, 0x05};
    static constexpr QColor amber{0x8a, 0x6d, 0x00};
    static constexpr QColor violet{0x70, 0x48, 0xe8};
    static constexpr QColor teal{0x0c, 0x8d, 0x7b};
    static constexpr QColor pink{0xd6, 0x33, 0x6c};
    static constexpr QColor brown{0x5c, 0x3d, 0x1e};
    static constexpr QColor olive{0xb0, 0x86, 0x00};
    static constexpr QColor cyan{0x00, 0xa3, 0xe0};
    static constexpr QColor slate{0x5c, 0x70, 0x80};
    static constexpr QColor white{0xff, 0xff, 0xff};
    static constexpr QColor gray1{0xf1, 0xf3, 0xf5};
    static constexpr QColor gray2{0xe9, 0xec, 0xef};
    static constexpr QColor gray5{0xad, 0xb5, 0xbd};
    static constexpr QColor gray6{0x86, 0x8e, 0x96};
    static constexpr QColor gray650{0x6c, 0x75, 0x7d};
    static constexpr QColor gray7{0x49, 0x50, 0x57};
    static constexpr QColor gray9{0x21, 0x25, 0x29};

    // ---- Text and states ----
    /** What cannot run or failed: inline problems, the console's errors, a hot share, "worse". */
    static constexpr QColor error = redDark;
    /** A caution that does not block: a lesson's load note, a rebalance preview's warning row. */
    static constexpr QColor warning = amber;
    /** Dark text painted on charts and views (labels, the selected bar's outline). */
    static constexpr QColor text = gray9;
    /** Secondary text: explanations, the previous run's captions, markers' labels. */
    static constexpr QColor textSecondary = gray7;
    /** Muted text drawn on a view (the message path's captions). */
    static constexpr QColor textMuted = gray650;
    /** Hints and notes in the console; dashed marker lines. */
    static constexpr QColor hint = gray6;
    /** Text on a coloured fill (a token, a lit cell). */
    static constexpr QColor textOnColor = white;
    /** A link-like button (the console's examples). */
    static constexpr QColor link = blueDeep;
    /** The query plan's lines in the console. */
    static constexpr QColor plan = slate;
    /** Better / worse in a comparison. */
    static constexpr QColor better = green;
    static constexpr QColor worse = error;

    /** A boxed note: what to watch for in a lesson step (pale yellow), the hot keys' advice (pale blue). */
    static constexpr QColor watchBackground{0xff, 0xf8, 0xe1};
    static constexpr QColor watchBorder{0xf0, 0xd7, 0x8c};
    static constexpr QColor adviceBackground{0xee, 0xf6, 0xff};
    static constexpr QColor adviceBorder{0xb8, 0xd6, 0xf5};

    // ---- Live charts ----
    /** Messages per second: the load bars and the throughput line. */
    static constexpr QColor rate = blue;
    static constexpr QColor queueDepth = violet;
    static constexpr QColor keys = teal;
    /** A hot partition's bar, a partition the message path lands on, out-of-order points. */
    static constexpr QColor hot = red;
    /** The outline of the selected partition. */
    static constexpr QColor selected = gray9;
    /** Resize markers on the throughput chart: the dashed line and its label. */
    static constexpr QColor marker = gray6;
    static constexpr QColor markerText = gray7;
    /** Latency percentiles. */
    static constexpr QColor p50 = green;
    static constexpr QColor p90 = blue;
    static constexpr QColor p99 = orange;
    static constexpr QColor p999 = red;
    /** The skew gauge's zones: even, uneven, skewed. */
    static constexpr QColor gaugeEven = greenLight;
    static constexpr QColor gaugeWarn = yellow;
    static constexpr QColor gaugeSkewed = red;
    /** A label's background over a chart (white, a little transparent). */
    static constexpr QColor labelBackground{0xff, 0xff, 0xff, 210};
    /** The fill of a marker drawn on a curve. */
    static constexpr QColor markerFill = white;
    /** Text on the dark and on the bright end of the capacity grid's thermal gradient. */
    static constexpr QColor onDarkCell{0xf0, 0xf0, 0xf0};
    static constexpr QColor onBrightCell{0x20, 0x20, 0x20};

    /** One colour per partitioner (advisor; the same in every teaching chart), by registry order. */
    static constexpr std::array<QColor, 11> series = {blue, red, green, orange, violet, teal, pink, gray6, brown, olive, cyan};
    /** The two sides of the A/B comparison. */
    static constexpr QColor sideA = blue;
    static constexpr QColor sideB = orange;

    // ---- FIFO order ----
    static constexpr QColor inOrder = blue;
    static constexpr QColor outOfOrder = red;
    /** An out-of-order row in the FIFO table: pale background, dark red text. */
    static constexpr QColor outOfOrderRow = redPale;
    static constexpr QColor outOfOrderRowText{0x8b, 0x00, 0x00};

    // ---- Message path ----
    static constexpr QColor stage = gray1;
    static constexpr QColor stageBorder = gray5;
    static constexpr QColor active = blue;
    /** The partition the message lands on: border and text (hot), its pale fill. */
    static constexpr QColor targetFill = redPale;

    // ---- The partitioned space ----
    /** A routed operation (one partition) and a broadcast (all of them). */
    static constexpr QColor routed = blue;
    static constexpr QColor broadcast = orange;
    /** A partition cell no operation touched lately, and its border. */
    static constexpr QColor idle = gray2;
    static constexpr QColor cellBorder = gray5;
    static constexpr QColor entries = green;
    static constexpr QColor spaceP50 = blueLight;
    static constexpr QColor spaceP99 = blueDark;
    /** The previous run, drawn pale behind this one. */
    static constexpr QColor previousEntries = greenPale;
    static constexpr QColor previousRouted = bluePale;
    static constexpr QColor previousBroadcast = orangePale;
    static constexpr QColor previousP50 = gray2;
    static constexpr QColor previousP99 = gray5;
    static constexpr QColor previousLine = gray6;

    // ---- Redis Cluster ----
    static constexpr QColor predicted{0x4c, 0x78, 0xa8};
    static constexpr QColor measured{0xf5, 0x85, 0x18};
    /** The connect dialog's probe result and an unreachable node. */
    static constexpr QColor connectionOk{0x1b, 0x7f, 0x3b};
    static constexpr QColor connectionWarning{0xa1, 0x5c, 0x00};
    static constexpr QColor connectionError{0xb0, 0x00, 0x20};

    // ---- The application icon ----
    static constexpr QColor iconBackground{0x1b, 0x3a, 0x57};
    static constexpr QColor iconRoute = bluePale;
    static constexpr QColor iconKey{0xff, 0xd4, 0x3b};
    static constexpr QColor iconBar{0x4d, 0xab, 0xf7};
    static constexpr QColor iconHotBar{0xff, 0x6b, 0x6b};

    /** A style sheet that sets the text colour: "color: #rrggbb;". */
    static QString textStyle(const QColor &color) { return QStringLiteral("color: %1;").arg(color.name()); }
    /** A QLabel style sheet for a boxed note: @p background, a 1 px @p border, rounded, padded. */
    static QString boxStyle(const QColor &background, const QColor &border)
    {
        return QStringLiteral("QLabel { background: %1; border: 1px solid %2; border-radius: 4px; padding: 6px; }")
            .arg(background.name(), border.name());
    }
    /** @p color with alpha @p alpha (0..255). */
    static QColor withAlpha(QColor color, int alpha)
    {
        color.setAlpha(alpha);
        return color;
    }
};

} // namespace partlab
