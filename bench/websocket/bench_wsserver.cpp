// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// WebSocket load server for bench/run.sh: GraphQL over WebSocket (graphql-transport-ws) on
// 127.0.0.1, QWebSocketServer in one thread. The workload is chosen by the socket's URL, as the
// HTTP load server's is by the request's:
//
//   bench_wsserver <port-file>     listens on an ephemeral port, written to the file
//   /stream?size=S&count=N         on subscribe: N next messages whose payload is benchJson(S)
//                                  ({"data":{"seq":i,"text":…,"items":[…]}}), then complete;
//                                  at most 1 MiB is queued in the socket at a time
//   /latency?count=N&interval=MS   one next every MS ms carrying the server's CLOCK_MONOTONIC
//                                  time (ns) taken just before sending: "t":"<ns>"
//
// A figure for the client, not for this server: Qt WebSockets frames every message itself
// (no pre-built block as the HTTP load server writes), so it may be the bottleneck of a run.

#include "../common/benchpayload.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qtimer.h>
#include <QtCore/qurlquery.h>
#include <QtWebSockets/qwebsocket.h>
#include <QtWebSockets/qwebsocketserver.h>

#include <time.h>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxQueued = 1024 * 1024;

qint64 monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

QString message(const char *type, const QString &id, const QByteArray &payload = {})
{
    QByteArray text = R"({"id":")" + id.toUtf8() + R"(","type":")" + type + '"';
    if (!payload.isEmpty())
        text += ",\"payload\":" + payload;
    return QString::fromUtf8(text + '}');
}

// One client socket: acknowledges connection_init, answers pings, and runs the workload of its
// URL for each subscribe.
class Session : public QObject
{
public:
    explicit Session(QWebSocket *socket) : m_socket(socket)
    {
        m_socket->setParent(this);
        const QUrlQuery query(m_socket->requestUrl());
        m_latency = m_socket->requestUrl().path() == "/latency"_L1;
        m_count = query.queryItemValue(u"count"_s).toInt();
        m_size = query.queryItemValue(u"size"_s).toInt();
        m_interval = qMax(1, query.queryItemValue(u"interval"_s).toInt());
        connect(m_socket, &QWebSocket::textMessageReceived, this, &Session::onMessage);
        connect(m_socket, &QWebSocket::bytesWritten, this, [this](qint64 n) {
            m_queued = qMax<qint64>(0, m_queued - n);
            if (!m_latency)
                sendStream();
        });
        connect(m_socket, &QWebSocket::disconnected, this, &QObject::deleteLater);
        m_timer.setInterval(m_interval);
        connect(&m_timer, &QTimer::timeout, this, [this] { sendTimed(); });
    }

private:
    void onMessage(const QString &text)
    {
        const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = m.value("type"_L1).toString();
        if (type == "connection_init"_L1) {
            m_socket->sendTextMessage(u"{\"type\":\"connection_ack\"}"_s);
        } else if (type == "ping"_L1) {
            m_socket->sendTextMessage(u"{\"type\":\"pong\"}"_s);
        } else if (type == "subscribe"_L1) {
            m_id = m.value("id"_L1).toString();
            m_sent = 0;
            if (m_latency)
                m_timer.start();
            else
                sendStream();
        } else if (type == "complete"_L1) {
            m_timer.stop();
            m_sent = m_count;
        }
    }

    void send(const QString &text) { m_queued += m_socket->sendTextMessage(text); }

    void sendStream()
    {
        while (!m_id.isEmpty() && m_sent < m_count && m_queued < MaxQueued) {
            const std::string json = benchJson(
                    size_t(m_size), R"({"data":{"seq":)" + std::to_string(m_sent) + R"(,"text":")",
                    "]}}");
            send(message("next", m_id, QByteArray::fromStdString(json)));
            if (++m_sent == m_count)
                finish();
        }
    }

    void sendTimed()
    {
        const QByteArray payload = R"({"data":{"tick":{"seq":)" + QByteArray::number(m_sent)
                + R"(,"t":")" + QByteArray::number(monotonicNs()) + R"("}}})";
        send(message("next", m_id, payload));
        if (++m_sent >= m_count) {
            m_timer.stop();
            finish();
        }
    }

    void finish()
    {
        send(message("complete", m_id));
        m_id.clear();
    }

    QWebSocket *m_socket;
    QTimer m_timer;
    QString m_id;
    bool m_latency = false;
    int m_count = 0;
    int m_size = 100;
    int m_interval = 10;
    int m_sent = 0;
    qint64 m_queued = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <port-file>\n", argv[0]);
        return 2;
    }
    QWebSocketServer server(u"bench"_s, QWebSocketServer::NonSecureMode);
    server.setSupportedSubprotocols({ u"graphql-transport-ws"_s });
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *socket = server.nextPendingConnection())
            new Session(socket);
    });
    const QString portFile = QString::fromLocal8Bit(argv[1]);
    QFile tmp(portFile + u".tmp"_s);
    if (!tmp.open(QIODevice::WriteOnly))
        return 1;
    tmp.write(QByteArray::number(server.serverPort()));
    tmp.close();
    QFile::rename(portFile + u".tmp"_s, portFile);
    return QCoreApplication::exec();
}
