// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Draws the figures of one bench/run.sh run as PNG plots for doc/performance.md: reads the
// bench-results.json that bench/node/run-all.mjs writes and paints with QPainter on a QImage,
// on the offscreen platform (no display needed).
//
//   bench_plot <bench-results.json> <output-dir> [--scale N]
//
// Writes into <output-dir>, 800x450 each (times N), the plots whose figures the file holds:
//   performance-endtoend.png  payloads/s and CPU per payload, QGraphQL and Apollo Client 4,
//                             ~100 B and 16 KiB payloads
//   performance-scale.png     RSS and idle CPU against concurrent subscriptions, HTTP/1.1 and
//                             HTTP/2
//   performance-decoder.png   the decoder alone, MB/s by part size and read size
//   performance-sweep.png     both clients end to end against payload size
//   performance-consumer.png  a consumer reading one field of every result: the library
//                             through data() and value(), QML, Apollo Client 4; payloads/s and
//                             CPU per payload with the GUI thread's share

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qlocale.h>
#include <QtGui/qguiapplication.h>
#include <QtGui/qimage.h>
#include <QtGui/qpainter.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr int Width = 800;
constexpr int Height = 450;
constexpr double Missing = std::numeric_limits<double>::quiet_NaN();

// Okabe-Ito colours: told apart with the common colour-vision deficiencies.
const QColor Blue(0x00, 0x72, 0xb2);
const QColor Orange(0xe6, 0x9f, 0x00);
const QColor Vermilion(0xd5, 0x5e, 0x00);
const QColor SkyBlue(0x56, 0xb4, 0xe9);
const QColor Ink(0x22, 0x22, 0x22);
const QColor Muted(0x6b, 0x6b, 0x6b);
const QColor GridLine(0xe6, 0xe6, 0xe6);

QFont font(int pixelSize, QFont::Weight weight = QFont::Normal)
{
    QFont f(u"DejaVu Sans"_s);
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(pixelSize);
    f.setWeight(weight);
    return f;
}

QString grouped(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

// Enough decimals to tell the value apart at a glance, not more.
QString figure(double value)
{
    const double magnitude = std::abs(value);
    return grouped(value, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3);
}

// Lines of one pixel on pixel centres: sharp, not smeared over two rows.
double crisp(double coordinate)
{
    return std::floor(coordinate) + 0.5;
}

struct Axis
{
    double min = 0;
    double max = 1;
    double step = 0.2; // linear axes only
    bool log = false;

    // Where value lies between the pixel positions of min (from) and max (to).
    double map(double value, double from, double to) const
    {
        const double t = log
                ? (std::log10(value) - std::log10(min)) / (std::log10(max) - std::log10(min))
                : (value - min) / (max - min);
        return from + t * (to - from);
    }

    QList<double> ticks() const
    {
        QList<double> out;
        if (log) {
            for (double v = min; v <= max * 1.001; v *= 10)
                out.append(v);
        } else {
            for (int i = 0; min + i * step <= max + step / 1000; ++i)
                out.append(min + i * step);
        }
        return out;
    }

    QString label(double value) const
    {
        if (log)
            return value >= 1 ? grouped(value) : QString::number(value, 'g', 1);
        if (max >= 10000)
            return value == 0 ? u"0"_s : grouped(value / 1000) + u"k"_s;
        const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step)));
        return grouped(value, decimals);
    }
};

// From 0 to a round number above largest (with room for value labels), about five steps.
Axis linearAxis(double largest)
{
    const double top = qMax(largest, 1e-9) * 1.15;
    const double raw = top / 5;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (const double m : { 1.0, 2.0, 2.5, 5.0 }) {
        if (raw <= m * magnitude) {
            step = m * magnitude;
            break;
        }
    }
    Axis axis;
    axis.step = step;
    axis.max = std::ceil(top / step) * step;
    return axis;
}

// Whole decades around smallest..largest.
Axis logAxis(double smallest, double largest)
{
    Axis axis;
    axis.log = true;
    axis.min = std::pow(10, std::floor(std::log10(smallest)));
    axis.max = std::pow(10, std::ceil(std::log10(largest)));
    if (axis.max <= axis.min)
        axis.max = axis.min * 10;
    return axis;
}

struct LegendEntry
{
    QString text;
    QColor color;
    enum Swatch { Box, Line, DashedLine } swatch = Box;
};

class Chart
{
public:
    Chart(int scale, const QString &title, const QString &subtitle)
        : m_image(QSize(Width, Height) * scale, QImage::Format_RGB32)
    {
        m_image.setDevicePixelRatio(scale);
        m_image.fill(Qt::white);
        p.begin(&m_image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        p.setPen(Ink);
        p.setFont(font(17, QFont::Bold));
        p.drawText(QRectF(20, 12, Width - 40, 24), Qt::AlignLeft | Qt::AlignVCenter, title);
        p.setPen(Muted);
        p.setFont(font(12));
        p.drawText(QRectF(20, 38, Width - 40, 18), Qt::AlignLeft | Qt::AlignVCenter, subtitle);
    }

    bool save(const QString &path)
    {
        p.end();
        if (!m_image.save(path, "PNG")) {
            std::fprintf(stderr, "bench_plot: cannot write %s\n", qPrintable(path));
            return false;
        }
        std::fprintf(stderr, "bench_plot: wrote %s\n", qPrintable(path));
        return true;
    }

    // One row of swatches and names, right-aligned at right.
    void legend(double right, double top, const QList<LegendEntry> &entries)
    {
        p.setFont(font(12));
        const QFontMetricsF metrics(p.font());
        double width = 0;
        for (const LegendEntry &e : entries)
            width += 22 + metrics.horizontalAdvance(e.text) + 16;
        double x = right - width + 16;
        for (const LegendEntry &e : entries) {
            const double mid = top + 8;
            if (e.swatch == LegendEntry::Box) {
                p.fillRect(QRectF(x, mid - 6, 14, 12), e.color);
            } else {
                p.setPen(QPen(e.color, 2.5,
                              e.swatch == LegendEntry::DashedLine ? Qt::DashLine : Qt::SolidLine));
                p.drawLine(QPointF(x - 2, mid), QPointF(x + 16, mid));
            }
            p.setPen(Ink);
            const double textWidth = metrics.horizontalAdvance(e.text);
            p.drawText(QRectF(x + 22, top, textWidth + 2, 16), Qt::AlignLeft | Qt::AlignVCenter,
                       e.text);
            x += 22 + textWidth + 16;
        }
    }

    void footer(const QString &text)
    {
        p.setPen(Muted);
        p.setFont(font(10));
        p.drawText(QRectF(20, Height - 20, Width - 40, 14), Qt::AlignRight | Qt::AlignVCenter,
                   text);
    }

    // A heading centred over the span left..right.
    void heading(double left, double right, double top, const QString &text)
    {
        p.setPen(Ink);
        p.setFont(font(13, QFont::DemiBold));
        p.drawText(QRectF(left, top, right - left, 18), Qt::AlignCenter, text);
    }

    // Grid lines and tick labels of a vertical axis, optionally its name turned on its side.
    void yAxis(const QRectF &plot, const Axis &axis, const QString &name = {})
    {
        p.setFont(font(11));
        for (const double v : axis.ticks()) {
            const double y = crisp(axis.map(v, plot.bottom(), plot.top()));
            p.setPen(QPen(GridLine, 1));
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            p.setPen(Muted);
            p.drawText(QRectF(plot.left() - 56, y - 8, 50, 16), Qt::AlignRight | Qt::AlignVCenter,
                       axis.label(v));
        }
        if (axis.log) { // faint lines at 2..9 of each decade
            p.setPen(QPen(GridLine.lighter(104), 1, Qt::DotLine));
            for (double decade = axis.min; decade < axis.max; decade *= 10) {
                for (int m = 2; m <= 9; ++m) {
                    const double y = crisp(axis.map(decade * m, plot.bottom(), plot.top()));
                    p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
                }
            }
        }
        p.setPen(QPen(Ink, 1));
        const double base = crisp(plot.bottom());
        p.drawLine(QPointF(plot.left(), base), QPointF(plot.right(), base));
        if (!name.isEmpty()) {
            p.save();
            p.translate(plot.left() - 62, plot.center().y());
            p.rotate(-90);
            p.setPen(Ink);
            p.setFont(font(12));
            p.drawText(QRectF(-plot.height() / 2 - 40, -16, plot.height() + 80, 16),
                       Qt::AlignCenter, name);
            p.restore();
        }
    }

    // Groups along the bottom, one bar per series in each, each labelled with its value.
    struct Bars
    {
        QString name;
        QColor color;
        QList<double> values; // one per group; Missing where there is none
        QList<double> inner = {}; // optional part of each bar, drawn darker from the base
    };
    void bars(const QRectF &plot, const Axis &axis, const QStringList &groups,
              const QList<Bars> &series, const std::function<QString(double)> &text = figure)
    {
        const double groupWidth = plot.width() / groups.size();
        const double barWidth = qMin(56.0, groupWidth * 0.72 / series.size());
        for (int g = 0; g < groups.size(); ++g) {
            const double centre = plot.left() + groupWidth * (g + 0.5);
            double x = centre - barWidth * series.size() / 2;
            for (const Bars &s : series) {
                const double v = s.values.value(g, Missing);
                if (std::isnan(v)) {
                    p.setPen(Muted);
                    p.setFont(font(11));
                    p.drawText(QRectF(x, plot.bottom() - 18, barWidth, 16), Qt::AlignCenter,
                               u"n/a"_s);
                } else {
                    const double top = axis.map(v, plot.bottom(), plot.top());
                    p.fillRect(QRectF(x + 1, top, barWidth - 2, plot.bottom() - top), s.color);
                    const double part = s.inner.value(g, Missing);
                    if (!std::isnan(part)) {
                        const double partTop = axis.map(part, plot.bottom(), plot.top());
                        p.fillRect(QRectF(x + 1, partTop, barWidth - 2, plot.bottom() - partTop),
                                   s.color.darker(160));
                    }
                    p.setPen(Ink);
                    p.setFont(font(11));
                    p.drawText(QRectF(x - 20, top - 17, barWidth + 40, 15),
                               Qt::AlignHCenter | Qt::AlignBottom, text(v));
                }
                x += barWidth;
            }
            p.setPen(Ink);
            p.setFont(font(12));
            p.drawText(QRectF(centre - groupWidth / 2, plot.bottom() + 5, groupWidth, 16),
                       Qt::AlignCenter, groups.at(g));
        }
        const double base = crisp(plot.bottom());
        p.setPen(QPen(Ink, 1));
        p.drawLine(QPointF(plot.left(), base), QPointF(plot.right(), base));
    }

    // A log-scaled horizontal axis: decade ticks and labels, and its name below.
    void xAxisLog(const QRectF &plot, const Axis &axis, const QString &name)
    {
        p.setFont(font(11));
        for (const double v : axis.ticks()) {
            const double x = crisp(axis.map(v, plot.left(), plot.right()));
            p.setPen(QPen(GridLine, 1));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            p.setPen(QPen(Ink, 1));
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
            p.setPen(Muted);
            p.drawText(QRectF(x - 30, plot.bottom() + 6, 60, 14), Qt::AlignCenter, axis.label(v));
        }
        p.setPen(Ink);
        p.setFont(font(12));
        p.drawText(QRectF(plot.left() - 40, plot.bottom() + 22, plot.width() + 80, 16),
                   Qt::AlignCenter, name);
    }

    // A dotted horizontal line at value, named at its left end (where lines rise from).
    void threshold(const QRectF &plot, const Axis &axis, double value, const QString &name)
    {
        if (value > axis.max || value < axis.min)
            return;
        const double y = crisp(axis.map(value, plot.bottom(), plot.top()));
        p.setPen(QPen(Muted, 1.2, Qt::DotLine));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setFont(font(10));
        p.drawText(QRectF(plot.left() + 4, y - 15, plot.width() - 8, 13),
                   Qt::AlignLeft | Qt::AlignBottom, name);
    }

    // Points joined by lines, with markers; each point labelled with its value, above when
    // its series is the higher one there, else below, so that two series do not collide.
    struct Line
    {
        QColor color;
        Qt::PenStyle style = Qt::SolidLine;
        QList<QPointF> points; // data coordinates
        bool labels = true;
    };
    void lines(const QRectF &plot, const Axis &x, const Axis &y, const QList<Line> &series)
    {
        const auto toPixel = [&](QPointF v) {
            return QPointF(x.map(v.x(), plot.left(), plot.right()),
                           y.map(v.y(), plot.bottom(), plot.top()));
        };
        for (const Line &s : series) {
            QPolygonF polygon;
            for (const QPointF &v : s.points)
                polygon.append(toPixel(v));
            p.setPen(QPen(s.color, 2.5, s.style, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPolyline(polygon);
            p.setPen(QPen(Qt::white, 1.5));
            p.setBrush(s.color);
            for (const QPointF &point : polygon)
                p.drawEllipse(point, 4.5, 4.5);
        }
        p.setBrush(Qt::NoBrush);
        p.setFont(font(11));
        for (const Line &s : series) {
            if (!s.labels)
                continue;
            for (const QPointF &v : s.points) {
                bool highest = true;
                for (const Line &other : series) {
                    if (&other == &s || !other.labels)
                        continue;
                    for (const QPointF &o : other.points) {
                        if (o.x() == v.x() && o.y() > v.y())
                            highest = false;
                    }
                }
                const QPointF at = toPixel(v);
                const QRectF box = highest ? QRectF(at.x() - 40, at.y() - 22, 80, 15)
                                           : QRectF(at.x() - 40, at.y() + 7, 80, 15);
                p.setPen(s.color.darker(130));
                p.drawText(box, Qt::AlignCenter, figure(v.y()));
            }
        }
    }

    QPainter p;

private:
    QImage m_image;
};

QString footerText(const QJsonObject &results)
{
    const QDateTime started
            = QDateTime::fromString(results.value("started"_L1).toString(), Qt::ISODateWithMs);
    QString text = u"bench/run.sh"_s;
    if (started.isValid())
        text += u", run of "_s + started.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    return text;
}

// Throughput and CPU per payload, the two clients side by side, one panel per payload size.
bool plotEndToEnd(const QJsonObject &results, int scale, const QString &path)
{
    const QJsonArray entries = results.value("throughput"_L1).toArray();
    if (entries.isEmpty())
        return true;
    const QStringList clients = { u"QGraphQL"_s, u"Apollo Client 4"_s };
    QStringList cases;
    for (const QJsonValue &e : entries) {
        const QString name = e["case"_L1].toString();
        if (!cases.contains(name))
            cases.append(name);
    }
    // figures[client][case]: payloads/s and CPU µs per payload of the median run.
    QList<QList<double>> rate(clients.size(), QList<double>(cases.size(), Missing));
    QList<QList<double>> cpu = rate;
    int repetitions = 0;
    for (const QJsonValue &e : entries) {
        const qsizetype c = clients.indexOf(e["client"_L1].toString());
        const qsizetype k = cases.indexOf(e["case"_L1].toString());
        const QJsonObject median = e["median"_L1].toObject();
        repetitions = qMax(repetitions, int(e["runs"_L1].toArray().size()));
        if (c < 0 || median.isEmpty())
            continue;
        const double payloads = median["payloads"_L1].toDouble();
        rate[c][k] = median["rate"_L1].toDouble();
        cpu[c][k] = payloads > 0 ? median["cpu"_L1].toDouble() / payloads * 1e6 : Missing;
    }

    Chart chart(scale, u"End to end over loopback: QGraphQL and Apollo Client 4"_s,
                u"One subscription reads the whole stream; %1. Each panel has its own scale."_s.arg(
                        repetitions > 1 ? u"median of %1 runs"_s.arg(repetitions) : u"one run"_s));
    chart.legend(Width - 20, 62, { { clients[0], Blue }, { clients[1], Orange } });

    struct Metric
    {
        QString heading;
        const QList<QList<double>> *values;
    };
    const QList<Metric> metrics = { { u"payloads/s (higher is better)"_s, &rate },
                                    { u"CPU µs per payload (lower is better)"_s, &cpu } };
    const int panels = int(metrics.size() * cases.size());
    const double slot = (Width - 40.0) / panels;
    for (int m = 0; m < metrics.size(); ++m) {
        const double left = 20 + slot * cases.size() * m;
        chart.heading(left + 44, left + slot * cases.size() - 6, 92, metrics[m].heading);
        for (int k = 0; k < cases.size(); ++k) {
            const QList<double> values = { (*metrics[m].values)[0][k], (*metrics[m].values)[1][k] };
            double largest = 0;
            for (const double v : values)
                largest = std::isnan(v) ? largest : qMax(largest, v);
            const Axis axis = linearAxis(largest);
            const QRectF plot(left + slot * k + 50, 130, slot - 66, Height - 130 - 70);
            chart.yAxis(plot, axis);
            chart.bars(
                    plot, axis, { cases[k] + u" payloads"_s },
                    { { clients[0], Blue, { values[0] } }, { clients[1], Orange, { values[1] } } },
                    [](double v) { return figure(v); });
            if (!std::isnan(values[0]) && !std::isnan(values[1]) && values[1] > 0) {
                chart.p.setPen(Muted);
                chart.p.setFont(font(11));
                chart.p.drawText(
                        QRectF(plot.left() - 20, plot.bottom() + 22, plot.width() + 40, 14),
                        Qt::AlignCenter,
                        u"QGraphQL / Apollo: %1x"_s.arg(values[0] / values[1], 0, 'f', 2));
            }
        }
    }
    chart.footer(footerText(results));
    return chart.save(path);
}

// RSS and idle CPU against the number of concurrent subscriptions, one line per protocol.
bool plotScale(const QJsonObject &results, int scale, const QString &path)
{
    struct Protocol
    {
        QString key;
        QString name;
        QColor color;
        QList<QPointF> rssOpen;
        QList<QPointF> rssPeak;
        QList<QPointF> idleCpu;
    };
    QList<Protocol> protocols
            = { { u"h2"_s, u"HTTP/2 (one connection)"_s, Blue, {}, {}, {} },
                { u"http/1.1"_s, u"HTTP/1.1 (one connection each)"_s, Vermilion, {}, {}, {} } };
    double idleSeconds = 0;
    for (const QJsonValue &v : results.value("scale"_L1).toArray()) {
        const QJsonObject r = v.toObject();
        for (Protocol &protocol : protocols) {
            if (r["proto"_L1].toString() != protocol.key)
                continue;
            const double subs = r["subs"_L1].toDouble();
            protocol.rssOpen.append({ subs, r["rssOpenKiB"_L1].toDouble() / 1024 });
            protocol.rssPeak.append({ subs, r["hwmKiB"_L1].toDouble() / 1024 });
            const double idle = r["idleSeconds"_L1].toDouble();
            idleSeconds = qMax(idleSeconds, idle);
            if (idle > 0)
                protocol.idleCpu.append({ subs, r["idleCpu"_L1].toDouble() / idle * 100 });
        }
    }
    double maxSubs = 0;
    double maxRss = 0;
    double minCpu = std::numeric_limits<double>::max();
    double maxCpu = 0;
    for (const Protocol &protocol : protocols) {
        for (const QPointF &point : protocol.rssPeak) {
            maxSubs = qMax(maxSubs, point.x());
            maxRss = qMax(maxRss, point.y());
        }
        for (const QPointF &point : protocol.idleCpu) {
            minCpu = qMin(minCpu, qMax(point.y(), 1e-4));
            maxCpu = qMax(maxCpu, point.y());
        }
    }
    if (maxSubs == 0)
        return true;

    Chart chart(scale, u"Concurrent subscriptions in one process"_s,
                u"One transport; server heartbeat every 5 s, idle CPU over %1 s. Dotted: the "
                "targets for 1,000 subscriptions."_s.arg(idleSeconds, 0, 'f', 0));
    QList<LegendEntry> legend;
    for (const Protocol &protocol : protocols)
        legend.append({ protocol.name, protocol.color, LegendEntry::Line });
    chart.legend(Width - 20, 62, legend);

    const Axis x = logAxis(1, maxSubs);
    // The x axis sits inside the frame, so that the end points are not cut by it.
    const auto inset = [](const QRectF &frame) {
        return frame.adjusted(18, 0, -18, 0);
    };

    const QRectF memory(92, 118, 290, Height - 118 - 82);
    const Axis rssAxis = linearAxis(qMax(maxRss, 100.0));
    chart.heading(memory.left(), memory.right(), 92, u"Memory (RSS)"_s);
    chart.yAxis(memory, rssAxis, u"MiB"_s);
    chart.xAxisLog(inset(memory), x, u"subscriptions (log scale)"_s);
    chart.threshold(memory, rssAxis, 100, u"target: 100 MiB"_s);
    QList<Chart::Line> rssLines;
    for (const Protocol &protocol : protocols) {
        rssLines.append({ protocol.color, Qt::SolidLine, protocol.rssOpen, true });
        rssLines.append({ protocol.color, Qt::DashLine, protocol.rssPeak, false });
    }
    chart.lines(inset(memory), x, rssAxis, rssLines);
    chart.p.setPen(Muted);
    chart.p.setFont(font(10));
    chart.p.drawText(QRectF(memory.left() + 4, memory.top() + 2, memory.width() - 8, 28),
                     Qt::AlignLeft | Qt::AlignTop,
                     u"solid: all open and idle (labelled)\ndashed: peak while all stream live"_s);

    const QRectF cpu(488, 118, 290, Height - 118 - 82);
    const Axis cpuAxis = logAxis(minCpu, qMax(maxCpu, 1.0));
    chart.heading(cpu.left(), cpu.right(), 92, u"Idle CPU"_s);
    chart.yAxis(cpu, cpuAxis, u"% of one core (log scale)"_s);
    chart.xAxisLog(inset(cpu), x, u"subscriptions (log scale)"_s);
    chart.threshold(cpu, cpuAxis, 1, u"target: 1 %"_s);
    QList<Chart::Line> cpuLines;
    for (const Protocol &protocol : protocols)
        cpuLines.append({ protocol.color, Qt::SolidLine, protocol.idleCpu, true });
    chart.lines(inset(cpu), x, cpuAxis, cpuLines);

    chart.footer(footerText(results));
    return chart.save(path);
}

// The decoder alone: MB/s by part size (groups) and read size (bars), decoding alone and with
// the JSON parse of each part.
bool plotDecoder(const QJsonObject &results, int scale, const QString &path)
{
    const QJsonArray rows = results.value("decoder"_L1).toArray();
    if (rows.isEmpty())
        return true;
    QStringList works;
    QStringList parts;
    QStringList reads;
    for (const QJsonValue &row : rows) {
        if (row["work"_L1].toString().contains(u':'))
            continue; // "SSE: ...", "incremental: ...": the table has them; the plot is multipart
        for (auto [list, key] : { std::pair { &works, "work" }, std::pair { &parts, "part" },
                                  std::pair { &reads, "read" } }) {
            const QString value = row[QLatin1StringView(key)].toString();
            if (!list->contains(value))
                list->append(value);
        }
    }
    const auto value = [&](const QString &work, const QString &part, const QString &read) {
        for (const QJsonValue &row : rows) {
            if (row["work"_L1].toString() == work && row["part"_L1].toString() == part
                && row["read"_L1].toString() == read)
                return row["mbPerSecond"_L1].toDouble();
        }
        return Missing;
    };

    Chart chart(scale, u"The multipart decoder alone (bench_multipartdecoder)"_s,
                u"MB/s of stream fed (framing included), Apollo Router framing. Each panel has "
                "its own scale."_s);
    const QList<QColor> colours = { SkyBlue, Blue, Orange, Vermilion };
    QList<LegendEntry> legend;
    for (int r = 0; r < reads.size(); ++r)
        legend.append({ reads[r] + u" reads"_s, colours.value(r, Muted) });
    chart.legend(Width - 20, 62, legend);

    const double slot = (Width - 40.0) / works.size();
    for (int w = 0; w < works.size(); ++w) {
        QList<Chart::Bars> series;
        double largest = 0;
        for (int r = 0; r < reads.size(); ++r) {
            Chart::Bars bars { reads[r] + u" reads"_s, colours.value(r, Muted), {} };
            for (const QString &part : parts) {
                const double v = value(works[w], part, reads[r]);
                bars.values.append(v);
                largest = std::isnan(v) ? largest : qMax(largest, v);
            }
            series.append(bars);
        }
        const Axis axis = linearAxis(largest);
        const QRectF plot(20 + slot * w + 76, 118, slot - 100, Height - 118 - 72);
        chart.heading(plot.left(), plot.right(), 92, works[w]);
        chart.yAxis(plot, axis, u"MB/s"_s);
        QStringList groups;
        for (const QString &part : parts)
            groups.append(part + u" parts"_s);
        chart.bars(plot, axis, groups, series);
    }
    chart.footer(footerText(results));
    return chart.save(path);
}

// How the comparison changes with payload size: payloads/s of both clients (log-log, in
// thousands so that the labels stay short), and the
// ratios QGraphQL / Apollo of payloads/s and of CPU per payload.
bool plotSweep(const QJsonObject &results, int scale, const QString &path)
{
    const QJsonArray rows = results.value("sweep"_L1).toArray();
    QList<QPointF> ours, theirs, rateRatio, cpuRatio;
    const auto rate = [](const QJsonObject &m) {
        return m["payloads"_L1].toDouble() / m["seconds"_L1].toDouble();
    };
    const auto cpuPerPayload = [](const QJsonObject &m) {
        return m["cpu"_L1].toDouble() / m["payloads"_L1].toDouble();
    };
    for (const QJsonValue &row : rows) {
        const QJsonObject q = row["qgraphql"_L1].toObject();
        const QJsonObject a = row["apollo"_L1].toObject();
        if (q.isEmpty() || a.isEmpty())
            continue;
        const double size = row["size"_L1].toDouble();
        ours.append({ size, rate(q) / 1000 });
        theirs.append({ size, rate(a) / 1000 });
        rateRatio.append({ size, rate(q) / rate(a) });
        cpuRatio.append({ size, cpuPerPayload(q) / cpuPerPayload(a) });
    }
    if (ours.isEmpty())
        return true;
    double minRate = std::numeric_limits<double>::max();
    double maxRate = 0;
    double maxRatio = 1;
    for (const QList<QPointF> *list : { &ours, &theirs }) {
        for (const QPointF &point : *list) {
            minRate = qMin(minRate, point.y());
            maxRate = qMax(maxRate, point.y());
        }
    }
    for (const QList<QPointF> *list : { &rateRatio, &cpuRatio }) {
        for (const QPointF &point : *list)
            maxRatio = qMax(maxRatio, point.y());
    }

    Chart chart(scale, u"Payload size: QGraphQL and Apollo Client 4 end to end"_s,
                u"One subscription, about 16 MB of payloads per run, median of the runs."_s);
    const Axis x = logAxis(ours.first().x(), ours.last().x());
    const auto inset = [](const QRectF &frame) {
        return frame.adjusted(18, 0, -18, 0);
    };

    chart.legend(Width - 20, 62,
                 { { u"QGraphQL"_s, Blue, LegendEntry::Line },
                   { u"Apollo Client 4"_s, Orange, LegendEntry::Line } });
    const QRectF rates(112, 118, 270, Height - 118 - 82);
    const Axis rateAxis = logAxis(minRate, maxRate);
    chart.heading(rates.left(), rates.right(), 92, u"thousand payloads/s (log scale)"_s);
    chart.yAxis(rates, rateAxis);
    chart.xAxisLog(inset(rates), x, u"payload bytes (log scale)"_s);
    chart.lines(inset(rates), x, rateAxis,
                { { Blue, Qt::SolidLine, ours, false }, { Orange, Qt::SolidLine, theirs, false } });

    const QRectF ratios(488, 118, 290, Height - 118 - 82);
    const Axis ratioAxis = linearAxis(maxRatio);
    chart.heading(ratios.left(), ratios.right(), 92, u"QGraphQL / Apollo"_s);
    chart.yAxis(ratios, ratioAxis, u"ratio"_s);
    chart.xAxisLog(inset(ratios), x, u"payload bytes (log scale)"_s);
    chart.threshold(ratios, ratioAxis, 1, u"1x"_s);
    chart.lines(inset(ratios), x, ratioAxis,
                { { Blue, Qt::SolidLine, rateRatio, true },
                  { Vermilion, Qt::DashLine, cpuRatio, true } });
    chart.p.setPen(Muted);
    chart.p.setFont(font(10));
    chart.p.drawText(QRectF(ratios.left() + 4, ratios.top() + 2, ratios.width() - 8, 28),
                     Qt::AlignLeft | Qt::AlignTop,
                     u"solid: payloads/s (higher: ours faster)\n"
                     "dashed: CPU per payload (lower: ours cheaper)"_s);

    chart.footer(footerText(results));
    return chart.save(path);
}

// A consumer reading one field of every result: payloads/s and CPU per payload of each client,
// one panel per payload size; the darker part of a CPU bar is the GUI thread's share.
bool plotConsumer(const QJsonObject &results, int scale, const QString &path)
{
    const QJsonArray entries = results.value("consumer"_L1).toArray();
    if (entries.isEmpty())
        return true;
    QStringList clients;
    QStringList cases;
    for (const QJsonValue &e : entries) {
        const QString client = e["client"_L1].toString();
        const QString name = e["case"_L1].toString();
        if (!clients.contains(client))
            clients.append(client);
        if (!cases.contains(name))
            cases.append(name);
    }
    QList<QList<double>> rate(clients.size(), QList<double>(cases.size(), Missing));
    QList<QList<double>> cpu = rate;
    QList<QList<double>> gui = rate;
    int repetitions = 0;
    for (const QJsonValue &e : entries) {
        const qsizetype c = clients.indexOf(e["client"_L1].toString());
        const qsizetype k = cases.indexOf(e["case"_L1].toString());
        const QJsonObject median = e["median"_L1].toObject();
        repetitions = qMax(repetitions, int(e["runs"_L1].toArray().size()));
        const double payloads = median["payloads"_L1].toDouble();
        if (median.isEmpty() || payloads <= 0)
            continue;
        rate[c][k] = median["rate"_L1].toDouble();
        cpu[c][k] = median["cpu"_L1].toDouble() / payloads * 1e6;
        if (median.contains("guiCpu"_L1))
            gui[c][k] = median["guiCpu"_L1].toDouble() / payloads * 1e6;
    }

    Chart chart(scale, u"A consumer reading one field of every result"_s,
                u"data()[\"seq\"], value(u\"seq\"), QML data.seq, Apollo r.data.seq; %1. "
                "Darker: the GUI thread's share."_s.arg(
                        repetitions > 1 ? u"median of %1 runs"_s.arg(repetitions) : u"one run"_s));
    const QList<QColor> colors = { Blue, SkyBlue, Vermilion, Orange };
    QList<LegendEntry> legend;
    for (int c = 0; c < clients.size(); ++c) {
        QString name = clients[c];
        name = name.mid(name.indexOf(u':') + 1).trimmed();
        if (name.startsWith(u"onResultReceived"_s))
            name = u"QML"_s;
        else if (clients[c].startsWith(u"Apollo"_s))
            name = u"Apollo"_s;
        legend.append({ name, colors.value(c, Muted) });
    }
    chart.legend(Width - 20, 62, legend);

    struct Metric
    {
        QString heading;
        const QList<QList<double>> *values;
        const QList<QList<double>> *inner;
    };
    const QList<Metric> metrics = { { u"payloads/s (higher is better)"_s, &rate, nullptr },
                                    { u"CPU µs per payload (lower is better)"_s, &cpu, &gui } };
    const int panels = int(metrics.size() * cases.size());
    const double slot = (Width - 40.0) / panels;
    for (int m = 0; m < metrics.size(); ++m) {
        const double left = 20 + slot * cases.size() * m;
        chart.heading(left + 44, left + slot * cases.size() - 6, 92, metrics[m].heading);
        for (int k = 0; k < cases.size(); ++k) {
            double largest = 0;
            QList<Chart::Bars> series;
            for (int c = 0; c < clients.size(); ++c) {
                const double v = (*metrics[m].values)[c][k];
                largest = std::isnan(v) ? largest : qMax(largest, v);
                series.append({ clients[c],
                                colors.value(c, Muted),
                                { v },
                                metrics[m].inner ? QList<double> { (*metrics[m].inner)[c][k] }
                                                 : QList<double> {} });
            }
            const Axis axis = linearAxis(largest);
            const QRectF plot(left + slot * k + 50, 130, slot - 66, Height - 130 - 70);
            chart.yAxis(plot, axis);
            // Four narrow bars: thousands as "524k", so that the labels do not overlap.
            chart.bars(plot, axis, { cases[k] + u" payloads"_s }, series,
                       [](double v) { return v >= 10000 ? grouped(v / 1000) + u'k' : figure(v); });
        }
    }
    chart.footer(footerText(results));
    return chart.save(path);
}

} // namespace

int main(int argc, char **argv)
{
    // Text needs a QGuiApplication (fonts); the offscreen platform needs no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Draws PNG plots from the bench-results.json of bench/run.sh."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"results"_s, u"bench-results.json"_s);
    parser.addPositionalArgument(u"output-dir"_s, u"where the PNG files go"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"pixels per point (default 1: 800x450)"_s,
                                         u"N"_s, u"1"_s);
    parser.addOption(scaleOption);
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    const int scale = parser.value(scaleOption).toInt();
    if (args.size() != 2 || scale < 1 || scale > 4)
        parser.showHelp(2);

    QFile file(args[0]);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_plot: cannot read %s\n", qPrintable(args[0]));
        return 1;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject()) {
        std::fprintf(stderr, "bench_plot: %s: %s\n", qPrintable(args[0]),
                     qPrintable(error.errorString()));
        return 1;
    }
    const QDir out(args[1]);
    if (!out.mkpath(u"."_s)) {
        std::fprintf(stderr, "bench_plot: cannot create %s\n", qPrintable(args[1]));
        return 1;
    }
    const QJsonObject results = doc.object();
    if (!results.contains("throughput"_L1) && !results.contains("scale"_L1)
        && !results.contains("decoder"_L1)) {
        std::fprintf(stderr, "bench_plot: %s holds no figures to plot\n", qPrintable(args[0]));
        return 1;
    }
    bool ok = plotEndToEnd(results, scale, out.filePath(u"performance-endtoend.png"_s));
    ok = plotScale(results, scale, out.filePath(u"performance-scale.png"_s)) && ok;
    ok = plotDecoder(results, scale, out.filePath(u"performance-decoder.png"_s)) && ok;
    ok = plotSweep(results, scale, out.filePath(u"performance-sweep.png"_s)) && ok;
    ok = plotConsumer(results, scale, out.filePath(u"performance-consumer.png"_s)) && ok;
    return ok ? 0 : 1;
}
