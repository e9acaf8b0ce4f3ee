// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The cost per event of a list fed by a subscription: QGraphQLResultListModel (what
// ResultListModel does in QML) against the plain JS-array approach of a QML handler,
// `messages = messages.concat([row])`, in a QJSEngine.
//
//   bench_resultlistmodel [events]     (default 100000)
//
// Every event is one result {"messageAdded": {id, author, text}}. The model gets it through
// addResult() with a listener on rowsInserted/rowsRemoved (as a view has); the JS side gets the
// row as a JS object (toScriptValue of the row's QVariantMap, as a QML handler gets data) and
// runs the handler. With maxCount 1000 the JS handler trims with slice(-1000). The table gives
// the mean time per event over all events, over the first and over the last tenth: constant
// cost per event means those two agree.

#include <QGraphQL/qgraphqlresultlistmodel.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qstring.h>
#if QGRAPHQL_BENCH_JS
#include <QtQml/qjsengine.h>
#include <QtQml/qjsvalue.h>
#endif

#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QJsonObject message(int n)
{
    return { { u"id"_s, QString::number(n) },
             { u"author"_s, u"user%1"_s.arg(n % 50) },
             { u"text"_s, u"message number %1, a line of chat text"_s.arg(n) } };
}

struct Figures
{
    double totalMs = 0;
    double firstUs = 0; // per event, first tenth
    double lastUs = 0; // per event, last tenth
    int rows = 0;
};

// Runs handle(n) for n in [0, events), timing the first and last tenths separately.
Figures run(int events, const std::function<void(int)> &handle)
{
    const int tenth = std::max(1, events / 10);
    Figures f;
    QElapsedTimer total, part;
    total.start();
    part.start();
    for (int n = 0; n < events; ++n) {
        if (n == tenth)
            f.firstUs = double(part.nsecsElapsed()) / 1000.0 / tenth;
        if (n == events - tenth)
            part.restart();
        handle(n);
    }
    f.lastUs = double(part.nsecsElapsed()) / 1000.0 / tenth;
    f.totalMs = double(total.nsecsElapsed()) / 1e6;
    return f;
}

Figures model(int events, QGraphQLResultListModel::Policy policy, int maxCount)
{
    QGraphQLResultListModel m;
    m.setPath(u"messageAdded"_s);
    m.setPolicy(policy);
    m.setKey(u"id"_s);
    m.setMaxCount(maxCount);
    qint64 seen = 0; // a listener, as a view
    QObject::connect(&m, &QAbstractItemModel::rowsInserted, &m,
                     [&seen](const QModelIndex &, int first, int last) { seen += last - first; });
    QObject::connect(&m, &QAbstractItemModel::rowsRemoved, &m,
                     [&seen](const QModelIndex &, int first, int last) { seen -= last - first; });
    Figures f = run(events, [&](int n) {
        QGraphQLResult result;
        result.setData(QJsonObject { { u"messageAdded"_s, message(n) } });
        m.addResult(result);
    });
    f.rows = m.count();
    return f;
}

#if QGRAPHQL_BENCH_JS
Figures js(int events, int maxCount)
{
    QJSEngine engine;
    engine.evaluate(u"var messages = [];"_s);
    QJSValue handler = engine.evaluate(
            maxCount > 0 ? u"(function(row) { messages = messages.concat([row]);"
                           u" if (messages.length > %1) messages = messages.slice(-%1); })"_s.arg(
                                   maxCount)
                         : u"(function(row) { messages = messages.concat([row]); })"_s);
    Figures f = run(events, [&](int n) {
        // What a QML handler gets: the result's data as JS values.
        handler.call({ engine.toScriptValue(message(n).toVariantMap()) });
    });
    f.rows = engine.evaluate(u"messages.length"_s).toInt();
    return f;
}
#endif

void print(const char *what, int events, int maxCount, const Figures &f)
{
    std::printf("| %s | %d | %s | %d | %.1f | %.3f | %.3f | %.3f |\n", what, events,
                maxCount ? QByteArray::number(maxCount).constData() : "unbounded", f.rows,
                f.totalMs, f.totalMs * 1000.0 / events, f.firstUs, f.lastUs);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int events = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int unboundedJs = std::min(events, 20000); // concat without a cap is O(n) per event

    std::printf("| approach | events | maxCount | rows at the end | total ms | µs/event | "
                "µs/event, first 10%% | µs/event, last 10%% |\n");
    std::printf("|---|---:|---|---:|---:|---:|---:|---:|\n");
    print("ResultListModel, Append", events, 1000,
          model(events, QGraphQLResultListModel::Append, 1000));
    print("ResultListModel, Prepend", events, 1000,
          model(events, QGraphQLResultListModel::Prepend, 1000));
    print("ResultListModel, Upsert by id", events, 1000,
          model(events, QGraphQLResultListModel::Upsert, 1000));
    print("ResultListModel, Append", events, 0, model(events, QGraphQLResultListModel::Append, 0));
#if QGRAPHQL_BENCH_JS
    print("JS array, `messages = messages.concat([row])` + `slice(-1000)`", events, 1000,
          js(events, 1000));
    print("JS array, `messages = messages.concat([row])`", unboundedJs, 0, js(unboundedJs, 0));
#else
    std::printf("(built without Qt6::Qml: no JS figures)\n");
#endif
    return 0;
}
