// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// End-to-end client benchmark: QGraphQLHttpTransport::subscribe() over loopback through
// QNetworkAccessManager, against bench_loadserver (throughput, latency) or
// bench/node/scale-server.mjs (scale). Prints one JSON object per run on stdout; bench/run.sh
// collects them into tables.
//
//   bench_endtoend throughput <url>            count resultReceived until finished
//   bench_endtoend data <url>                  the same, reading r.data()["seq"] of each result
//   bench_endtoend value <url>                 the same, reading r.value(u"seq") of each result
//   bench_endtoend latency <url>               p50/p99 of receive time - server write time
//   (throughput, data, value and latency take a ws:// URL of bench_wsserver too: then the
//   subscription runs over QGraphQLWebSocketTransport)
//   bench_endtoend scale <base-url> <subs> <h1|h2> <idle-seconds> <live-payloads-per-sub>
//
// CPU is getrusage(RUSAGE_SELF) user+system, taken around the measured phase only; guiCpu is
// CLOCK_THREAD_CPUTIME_ID of the main thread (the one that runs the event loop and receives
// the results) over the same phase, without QNAM's HTTP thread; peak RSS is VmHWM from
// /proc/self/status (the whole process life).

#include <QGraphQL/qgraphqlhttptransport.h>
#include <QGraphQL/qgraphqlversion.h>
#ifdef QGRAPHQL_HAS_WEBSOCKETS
#include <QGraphQL/qgraphqlwebsockettransport.h>
#endif

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qtimer.h>
#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtNetwork/qnetworkreply.h>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <memory>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double cpuSeconds()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec
            + ru.ru_stime.tv_usec / 1e6;
}

// A field of /proc/self/status in KiB (VmHWM, VmRSS).
qint64 statusKiB(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// CPU time of the calling thread: the main thread's share of cpuSeconds().
double threadCpuSeconds()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

qint64 monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void raiseFileLimit()
{
    rlimit rl {};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

const QGraphQLRequest Request(u"subscription { tick { seq t } }"_s);

// HTTP, or the WebSocket transport for a ws:// URL (bench_wsserver).
std::unique_ptr<QGraphQLTransport> makeTransport(const QUrl &url)
{
#ifdef QGRAPHQL_HAS_WEBSOCKETS
    if (url.scheme() == "ws"_L1)
        return std::make_unique<QGraphQLWebSocketTransport>(url);
#endif
    return std::make_unique<QGraphQLHttpTransport>(url);
}

// What the consumer does with each result.
enum class Read {
    Nothing, // counts it
    Data, // r.data()["seq"]: builds the whole data tree
    Value, // r.value(u"seq"): one field, from the result's text
};

int throughput(const QUrl &url, Read read)
{
    const std::unique_ptr<QGraphQLTransport> transport = makeTransport(url);
    QElapsedTimer timer;
    qint64 results = 0;
    qint64 numbers = 0; // results whose "seq" was read as a number
    double sum = 0;
    const double cpu0 = cpuSeconds();
    const double gui0 = threadCpuSeconds();
    timer.start();
    QGraphQLSubscription *sub = transport->subscribe(Request);
    QObject::connect(sub, &QGraphQLSubscription::resultReceived, sub,
                     [&, read](const QGraphQLResult &r) {
                         ++results;
                         QJsonValue seq;
                         if (read == Read::Data)
                             seq = r.data()["seq"_L1];
                         else if (read == Read::Value)
                             seq = r.value(u"seq");
                         else
                             return;
                         if (seq.isDouble()) {
                             ++numbers;
                             sum += seq.toDouble();
                         }
                     });
    int rc = 0;
    QObject::connect(sub, &QGraphQLSubscription::finished, sub, [&] {
        const double seconds = timer.nsecsElapsed() / 1e9;
        const double cpu = cpuSeconds() - cpu0;
        const double guiCpu = threadCpuSeconds() - gui0;
        if (sub->state() != QGraphQLOperation::Finished) {
            std::fprintf(stderr, "subscription failed: %s\n", qPrintable(sub->error().message()));
            rc = 1;
        }
        if (read != Read::Nothing && numbers != results) {
            std::fprintf(stderr, "%lld of %lld results had a number in \"seq\"\n",
                         qlonglong(numbers), qlonglong(results));
            rc = 1;
        }
        print({ { "client"_L1, "qgraphql"_L1 },
                { "payloads"_L1, double(results) },
                { "fields"_L1, double(numbers) },
                { "seqSum"_L1, sum },
                { "seconds"_L1, seconds },
                { "cpu"_L1, cpu },
                { "guiCpu"_L1, guiCpu },
                { "hwmKiB"_L1, double(statusKiB("VmHWM")) } });
        QCoreApplication::exit(rc);
    });
    return QCoreApplication::exec();
}

int latency(const QUrl &url)
{
    const std::unique_ptr<QGraphQLTransport> transport = makeTransport(url);
    std::vector<double> us;
    QGraphQLSubscription *sub = transport->subscribe(Request);
    QObject::connect(sub, &QGraphQLSubscription::resultReceived, sub,
                     [&us](const QGraphQLResult &r) {
                         const qint64 now = monotonicNs();
                         const qint64 sent = r.data()["tick"_L1]["t"_L1].toString().toLongLong();
                         us.push_back((now - sent) / 1e3);
                     });
    QObject::connect(sub, &QGraphQLSubscription::finished, sub, [&] {
        const int rc = sub->state() == QGraphQLOperation::Finished ? 0 : 1;
        if (rc)
            std::fprintf(stderr, "subscription failed: %s\n", qPrintable(sub->error().message()));
        // The first few are warm-up (connection setup, first allocations).
        const size_t skip = std::min<size_t>(5, us.size());
        std::vector<double> v(us.begin() + qsizetype(skip), us.end());
        std::sort(v.begin(), v.end());
        const auto pct = [&v](double p) {
            return v.empty() ? -1.0 : v[std::min(v.size() - 1, size_t(p * (v.size() - 1) + 0.5))];
        };
        print({ { "client"_L1, "qgraphql"_L1 },
                { "count"_L1, double(v.size()) },
                { "p50us"_L1, pct(0.50) },
                { "p99us"_L1, pct(0.99) },
                { "maxus"_L1, v.empty() ? -1.0 : v.back() } });
        QCoreApplication::exit(rc);
    });
    return QCoreApplication::exec();
}

// Waits in the event loop until `done` holds or `ms` pass.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

void sleepInLoop(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int scale(const QUrl &base, int subs, bool http2, int idleSeconds, int livePerSub)
{
    raiseFileLimit();
    QUrl subUrl = base;
    subUrl.setPath(u"/sub"_s);
    QGraphQLHttpTransport transport(subUrl);
    transport.setHttp2Direct(http2);
    QNetworkAccessManager *nam = transport.networkAccessManager();

    const auto control = [&](const QString &path, const QString &query = QString()) {
        QUrl u = base;
        u.setPath(path);
        u.setQuery(query);
        QNetworkRequest req(u);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        if (http2)
            req.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
        QNetworkReply *reply = nam->post(req, "{}");
        if (!waitFor([reply] { return reply->isFinished(); }, 30000))
            std::fprintf(stderr, "%s: no answer\n", qPrintable(path));
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    };

    // Warm-up: QNAM's first request initialises its thread, TLS-less backends and caches.
    control(u"/query"_s);
    sleepInLoop(200);
    const qint64 rssBefore = statusKiB("VmRSS");

    std::vector<QGraphQLSubscription *> list;
    qint64 results = 0;
    int active = 0;
    int finished = 0;
    int failed = 0;
    QElapsedTimer openTimer;
    openTimer.start();
    for (int i = 0; i < subs; ++i) {
        QGraphQLSubscription *sub = transport.subscribe(Request);
        QObject::connect(sub, &QGraphQLSubscription::resultReceived, sub,
                         [&results](const QGraphQLResult &) { ++results; });
        QObject::connect(sub, &QGraphQLOperation::stateChanged, sub,
                         [&active](QGraphQLOperation::State s) {
                             if (s == QGraphQLOperation::Active)
                                 ++active;
                         });
        QObject::connect(sub, &QGraphQLOperation::finished, sub, [&, sub] {
            ++finished;
            if (sub->state() != QGraphQLOperation::Finished) {
                if (!failed++)
                    std::fprintf(stderr, "subscription failed: %s\n",
                                 qPrintable(sub->error().message()));
            }
        });
        list.push_back(sub);
    }
    const bool allOpen = waitFor([&] { return active + finished >= subs; }, 120000);
    const double openSeconds = openTimer.nsecsElapsed() / 1e9;
    // Every stream has its first heartbeat; let allocations settle.
    sleepInLoop(1000);
    const qint64 rssOpen = statusKiB("VmRSS");
    const QByteArray streams = control(u"/stats"_s);

    // Idle on heartbeats.
    const double cpu0 = cpuSeconds();
    QElapsedTimer idle;
    idle.start();
    sleepInLoop(idleSeconds * 1000);
    const double idleCpu = cpuSeconds() - cpu0;
    const double idleWall = idle.nsecsElapsed() / 1e9;

    // All live: every stream gets livePerSub payloads as fast as it is read, then ends.
    results = 0;
    const double cpu1 = cpuSeconds();
    QElapsedTimer live;
    live.start();
    control(u"/live"_s, u"count="_s + QString::number(livePerSub));
    waitFor([&] { return finished >= subs; }, 600000);
    const double liveSeconds = live.nsecsElapsed() / 1e9;
    const double liveCpu = cpuSeconds() - cpu1;

    print({ { "client"_L1, "qgraphql"_L1 },
            { "subs"_L1, subs },
            { "proto"_L1, http2 ? "h2"_L1 : "http/1.1"_L1 },
            { "allOpen"_L1, allOpen },
            { "failed"_L1, failed },
            { "openSeconds"_L1, openSeconds },
            { "rssBeforeKiB"_L1, double(rssBefore) },
            { "rssOpenKiB"_L1, double(rssOpen) },
            { "serverStats"_L1, QJsonDocument::fromJson(streams).object() },
            { "idleSeconds"_L1, idleWall },
            { "idleCpu"_L1, idleCpu },
            { "livePayloads"_L1, double(results) },
            { "liveExpected"_L1, double(qint64(subs) * livePerSub) },
            { "liveSeconds"_L1, liveSeconds },
            { "liveCpu"_L1, liveCpu },
            { "hwmKiB"_L1, double(statusKiB("VmHWM")) } });
    for (QGraphQLSubscription *sub : list)
        delete sub;
    return failed ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() >= 3 && args.at(1) == "throughput"_L1)
        return throughput(QUrl(args.at(2)), Read::Nothing);
    if (args.size() >= 3 && args.at(1) == "data"_L1)
        return throughput(QUrl(args.at(2)), Read::Data);
    if (args.size() >= 3 && args.at(1) == "value"_L1)
        return throughput(QUrl(args.at(2)), Read::Value);
    if (args.size() >= 3 && args.at(1) == "latency"_L1)
        return latency(QUrl(args.at(2)));
    if (args.size() >= 7 && args.at(1) == "scale"_L1)
        return scale(QUrl(args.at(2)), args.at(3).toInt(), args.at(4) == "h2"_L1,
                     args.at(5).toInt(), args.at(6).toInt());
    std::fprintf(stderr,
                 "usage: bench_endtoend throughput|data|value|latency <url>\n"
                 "       bench_endtoend scale <base-url> <subs> <h1|h2> <idle-s> <live-per-sub>\n");
    return 2;
}
