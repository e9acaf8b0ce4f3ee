// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef TESTHTTPSERVER_H
#define TESTHTTPSERVER_H

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qpointer.h>
#include <QtCore/qurl.h>
#include <QtNetwork/qhostaddress.h>
#include <QtNetwork/qtcpserver.h>
#include <QtNetwork/qtcpsocket.h>

#include <functional>
#include <memory>

// A scripted HTTP/1.1 server for tests: an in-process QTcpServer on a loopback address. Each
// request is answered by a Script: bytes written with delays, chunked or raw, ending with a
// close, a reset (abort) or a stall. It gives byte-exact control over what a real server would
// never do on purpose: splits anywhere, garbage, resets and stalls.

struct TestHttpRequest
{
    QByteArray method;
    QByteArray path;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive, empty if absent
    bool hasHeader(const QByteArray &name) const;
};

class TestHttpScript
{
public:
    struct Step
    {
        enum Action { Write, Close, Abort, Stall, Generate };
        Action action = Write;
        int delayMs = 0;
        QByteArray bytes;
        std::shared_ptr<std::function<QByteArray()>> producer; // Generate only
    };

    //! Status line and headers; chunked adds Transfer-Encoding: chunked, else the caller
    //! gives Content-Length or ends with close(). Connection: close is always sent.
    TestHttpScript &head(int status, const QByteArray &contentType, bool chunked = true,
                         const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {});
    //! A complete response with a Content-Length body, then close.
    TestHttpScript &respond(int status, const QByteArray &contentType, const QByteArray &body,
                            const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {});
    TestHttpScript &raw(const QByteArray &bytes); // written as is
    TestHttpScript &chunk(const QByteArray &bytes); // one HTTP chunk
    TestHttpScript &bytewise(const QByteArray &bytes, int delayMs = 1); // one chunk per byte
    TestHttpScript &wait(int ms); // delay before the next step
    TestHttpScript &endChunks(); // "0\r\n\r\n"
    TestHttpScript &close(); // graceful close
    TestHttpScript &abort(); // connection reset
    TestHttpScript &stall(); // keep the socket open, silent
    //! Writes what producer() returns, as is, until it returns an empty array, keeping at most
    //! 256 KiB queued in the socket: long or endless streams with constant server memory.
    TestHttpScript &generate(std::function<QByteArray()> producer);

    QList<Step> steps;

private:
    int m_pendingDelay = 0;
    void add(Step::Action action, const QByteArray &bytes = {});
};

class TestHttpServer : public QTcpServer
{
    Q_OBJECT
public:
    using Handler = std::function<TestHttpScript(const TestHttpRequest &)>;

    explicit TestHttpServer(Handler handler = {},
                            const QHostAddress &address = QHostAddress::LocalHost,
                            QObject *parent = nullptr);
    ~TestHttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QUrl url(const QString &path = QStringLiteral("/graphql")) const;
    //! The scheme url() uses ("http"; "https" for a subclass that encrypts its sockets).
    void setUrlScheme(const QString &scheme) { m_scheme = scheme; }

    QList<TestHttpRequest> requests; // every request received, in order
    int openConnections() const { return m_open; }
    int disconnections() const { return m_disconnections; }

Q_SIGNALS:
    void requestReceived();
    void clientDisconnected();

private:
    void onNewConnection();
    void readRequest(QTcpSocket *socket);
    void runScript(QPointer<QTcpSocket> socket, QList<TestHttpScript::Step> steps);

    Handler m_handler;
    QHostAddress m_address;
    QString m_scheme = QStringLiteral("http");
    int m_open = 0;
    int m_disconnections = 0;
};

//! gzip (RFC 1952) compression that can be flushed per part, for streaming tests.
class TestGzipStream
{
public:
    TestGzipStream();
    ~TestGzipStream();
    QByteArray compress(const QByteArray &bytes, bool finish = false);

private:
    struct State;
    State *d;
};

#endif // TESTHTTPSERVER_H
