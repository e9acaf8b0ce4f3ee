// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "testhttpserver.h"

#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qtimer.h>

#include <zlib.h>

QByteArray TestHttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool TestHttpRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void TestHttpScript::add(Step::Action action, const QByteArray &bytes)
{
    steps.append({ action, m_pendingDelay, bytes });
    m_pendingDelay = 0;
}

TestHttpScript &TestHttpScript::head(int status, const QByteArray &contentType, bool chunked,
                                     const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    // The library's reason phrases; empty for a status it does not name (RFC 9112 allows it).
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' '
            + QGraphQLTransportError::httpReasonPhrase(status).toLatin1() + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    for (const auto &[name, value] : extra)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n\r\n";
    return raw(head);
}

TestHttpScript &TestHttpScript::respond(int status, const QByteArray &contentType,
                                        const QByteArray &body,
                                        const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    auto headers = extra;
    headers.append({ "Content-Length", QByteArray::number(body.size()) });
    head(status, contentType, false, headers);
    raw(body);
    return close();
}

TestHttpScript &TestHttpScript::raw(const QByteArray &bytes)
{
    add(Step::Write, bytes);
    return *this;
}

TestHttpScript &TestHttpScript::chunk(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return *this; // an empty chunk would end the body
    return raw(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
}

TestHttpScript &TestHttpScript::bytewise(const QByteArray &bytes, int delayMs)
{
    for (char c : bytes) {
        chunk(QByteArray(1, c));
        wait(delayMs);
    }
    return *this;
}

TestHttpScript &TestHttpScript::wait(int ms)
{
    m_pendingDelay += ms;
    return *this;
}

TestHttpScript &TestHttpScript::endChunks()
{
    return raw("0\r\n\r\n");
}

TestHttpScript &TestHttpScript::close()
{
    add(Step::Close);
    return *this;
}

TestHttpScript &TestHttpScript::abort()
{
    add(Step::Abort);
    return *this;
}

TestHttpScript &TestHttpScript::stall()
{
    add(Step::Stall);
    return *this;
}

TestHttpScript &TestHttpScript::generate(std::function<QByteArray()> producer)
{
    add(Step::Generate);
    steps.last().producer = std::make_shared<std::function<QByteArray()>>(std::move(producer));
    return *this;
}

TestHttpServer::TestHttpServer(Handler handler, const QHostAddress &address, QObject *parent)
    : QTcpServer(parent), m_handler(std::move(handler)), m_address(address)
{
    connect(this, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
    if (!listen(address, 0))
        qWarning("TestHttpServer: cannot listen on %s: %s", qPrintable(address.toString()),
                 qPrintable(errorString()));
}

TestHttpServer::~TestHttpServer()
{
    close();
}

QUrl TestHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_scheme);
    url.setHost(m_address.toString());
    url.setPort(serverPort());
    url.setPath(path);
    return url;
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        ++m_open;
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_open;
            ++m_disconnections;
            socket->deleteLater();
            Q_EMIT clientDisconnected();
        });
    }
}

void TestHttpServer::readRequest(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    if (socket->property("answered").toBool())
        return; // one request per connection; ignore anything after it
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    TestHttpRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    const qsizetype length = request.header("Content-Length").toLongLong();
    if (buffer.size() - headerEnd - 4 < length) {
        socket->setProperty("buffer", buffer);
        return;
    }
    request.body = buffer.mid(headerEnd + 4, length);
    socket->setProperty("answered", true);
    requests.append(request);
    Q_EMIT requestReceived();
    TestHttpScript script = m_handler ? m_handler(request)
                                      : TestHttpScript().respond(404, "text/plain", "no handler");
    runScript(socket, script.steps);
}

void TestHttpServer::runScript(QPointer<QTcpSocket> socket, QList<TestHttpScript::Step> steps)
{
    while (!steps.isEmpty() && socket) {
        const TestHttpScript::Step step = steps.takeFirst();
        if (step.delayMs > 0) {
            auto *timer = new QTimer(socket);
            timer->setSingleShot(true);
            TestHttpScript::Step delayed = step;
            delayed.delayMs = 0;
            steps.prepend(delayed);
            connect(timer, &QTimer::timeout, this, [this, socket, steps, timer] {
                timer->deleteLater();
                runScript(socket, steps);
            });
            timer->start(step.delayMs);
            return;
        }
        switch (step.action) {
        case TestHttpScript::Step::Write:
            socket->write(step.bytes);
            socket->flush();
            break;
        case TestHttpScript::Step::Close:
            socket->disconnectFromHost();
            return;
        case TestHttpScript::Step::Abort:
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            socket->abort();
            return;
        case TestHttpScript::Step::Stall:
            return;
        case TestHttpScript::Step::Generate: {
            // Refill whenever the socket has written some: the queue stays below 256 KiB.
            auto connection = std::make_shared<QMetaObject::Connection>();
            auto done = std::make_shared<bool>(false);
            const auto pump = [this, socket, steps, producer = step.producer, connection, done] {
                while (socket && !*done && socket->bytesToWrite() < 256 * 1024) {
                    const QByteArray bytes = (*producer)();
                    if (bytes.isEmpty()) {
                        *done = true;
                        disconnect(*connection);
                        runScript(socket, steps);
                        return;
                    }
                    socket->write(bytes);
                }
            };
            *connection = connect(socket, &QTcpSocket::bytesWritten, this, pump);
            pump();
            return;
        }
        }
    }
}

struct TestGzipStream::State
{
    z_stream stream {};
};

TestGzipStream::TestGzipStream() : d(new State)
{
    deflateInit2(&d->stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

TestGzipStream::~TestGzipStream()
{
    deflateEnd(&d->stream);
    delete d;
}

QByteArray TestGzipStream::compress(const QByteArray &bytes, bool finish)
{
    QByteArray out;
    d->stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    d->stream.avail_in = uInt(bytes.size());
    char buffer[16384];
    do {
        d->stream.next_out = reinterpret_cast<Bytef *>(buffer);
        d->stream.avail_out = sizeof buffer;
        deflate(&d->stream, finish ? Z_FINISH : Z_SYNC_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - d->stream.avail_out));
    } while (d->stream.avail_out == 0);
    return out;
}
