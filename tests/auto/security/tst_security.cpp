// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Security properties of the transport: TLS verification, credentials and redirects, the
// cookie jar's domain and path rules, and debug logging that never shows secrets. Two loopback
// addresses (127.0.0.1 and 127.0.0.2) stand for two origins.

#include <QGraphQL/qgraphqlhttptransport.h>

#include "testhttpserver.h"
#include "testtlsserver.h"
#include "testprobe.h"
#include "testwire.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qfile.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qprocess.h>
#include <QtCore/qstandardpaths.h>
#include <QtCore/qtemporarydir.h>
#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtNetwork/qnetworkcookiejar.h>
#include <QtNetwork/qsslconfiguration.h>
#include <QtNetwork/qsslkey.h>
#include <QtNetwork/qsslsocket.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace TestWire;

namespace {

QByteArray routerStream(int n)
{
    return routerStart() + routerPart("{}") + routerPart(payload(n)) + routerEnd();
}

TestHttpScript ok(const QList<std::pair<QByteArray, QByteArray>> &headers = {})
{
    return TestHttpScript().respond(200, "application/json", R"({"data":{"n":1}})", headers);
}

TestHttpScript redirect(int status, const QUrl &to)
{
    return TestHttpScript().respond(status, "text/plain", "moved",
                                    { { "Location", to.toEncoded() } });
}

// These cases also run under the sanitizers, several times slower.
constexpr int FinishTimeout = 20000;

// The cookie names of a Cookie header, sorted.
QStringList cookieNames(const QByteArray &header)
{
    QStringList names;
    for (const QByteArray &pair : header.split(';')) {
        const QByteArray trimmed = pair.trimmed();
        if (!trimmed.isEmpty())
            names.append(QString::fromLatin1(trimmed.left(trimmed.indexOf('='))));
    }
    names.sort();
    return names;
}

QNetworkCookie cookie(const QByteArray &name, const QString &domain, const QString &path = u"/"_s)
{
    QNetworkCookie c(name, "1");
    c.setDomain(domain);
    c.setPath(path);
    return c;
}

QStringList g_messages;
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(QString::fromLatin1(context.category ? context.category : "") + u": "_s
                      + message);
}

} // namespace

class tst_Security : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void tlsVerifiedByDefault_data();
    void tlsVerifiedByDefault();
    void tlsAcceptedWithApplicationCa_data();
    void tlsAcceptedWithApplicationCa();
    void tlsNameMismatchRefusedEvenWithCa();
    void httpsToHttpRedirectRefused();
    void redirectToOtherOriginDropsCredentials_data();
    void redirectToOtherOriginDropsCredentials();
    void redirectChainThatLeavesAndComesBack();
    void jarCookiesFollowDomainAndPath();
    void cookiesSetByOneOriginStayThere();
    void debugLoggingRedactsSecrets();

private:
    TestHttpServer *otherOrigin(); // on 127.0.0.2, or skips

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<TestHttpServer> m_other;
    std::unique_ptr<QGraphQLHttpTransport> m_transport;
};

void tst_Security::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
    QVERIFY(m_dir.isValid());
    QVERIFY2(makeTestCertificate(m_dir, &m_certificate, &m_key),
             "openssl is needed to make the test certificate");
}

void tst_Security::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->isListening());
    m_transport = std::make_unique<QGraphQLHttpTransport>(m_server->url());
}

void tst_Security::cleanup()
{
    m_transport.reset();
    m_other.reset();
    m_server.reset();
}

TestHttpServer *tst_Security::otherOrigin()
{
    m_other = std::make_unique<TestHttpServer>([](const TestHttpRequest &) { return ok(); },
                                               QHostAddress(u"127.0.0.2"_s));
    return m_other->isListening() ? m_other.get() : nullptr;
}

void tst_Security::tlsVerifiedByDefault_data()
{
    QTest::addColumn<bool>("execute");
    QTest::addRow("execute") << true;
    QTest::addRow("subscribe") << false;
}

void tst_Security::tlsVerifiedByDefault()
{
    QFETCH(bool, execute);
    TlsTestHttpServer server(m_certificate, m_key, {}, QHostAddress::LocalHost);
    server.setHandler([](const TestHttpRequest &) { return ok(); });
    QVERIFY(server.isListening());
    QGraphQLHttpTransport transport(server.url());
    QVERIFY(transport.sslConfiguration().peerVerifyMode() != QSslSocket::VerifyNone);
    transport.setHeader("Authorization", "Bearer secret");
    Probe run(execute ? static_cast<QGraphQLOperation *>(
                      transport.execute(QGraphQLRequest(u"{ n }"_s)))
                      : transport.subscribe(QGraphQLRequest(u"subscription { n }"_s)));
    QVERIFY(run.waitFinished(FinishTimeout));
    QCOMPARE(run.operation->state(), QGraphQLOperation::Failed);
    QCOMPARE(run.error().kind(), QGraphQLTransportError::NetworkError);
    QCOMPARE(run.error().networkError(), QNetworkReply::SslHandshakeFailedError);
    const QString message = run.error().message();
    QVERIFY2(message.contains("SSL handshake failed"_L1) && message.contains("self"_L1),
             qPrintable(message));
    QCOMPARE(run.results.size(), 0);
    QCOMPARE(server.requests.size(), 0); // not one byte of the request, nor its token
}

void tst_Security::tlsAcceptedWithApplicationCa_data()
{
    tlsVerifiedByDefault_data();
}

void tst_Security::tlsAcceptedWithApplicationCa()
{
    QFETCH(bool, execute);
    TlsTestHttpServer server(m_certificate, m_key, {}, QHostAddress::LocalHost);
    server.setHandler([execute](const TestHttpRequest &) {
        if (execute)
            return ok();
        return TestHttpScript().head(200, MultipartType).chunk(routerStream(1)).endChunks().close();
    });
    QGraphQLHttpTransport transport(server.url());
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(m_certificate);
    transport.setSslConfiguration(configuration);
    transport.setHeader("Authorization", "Bearer secret");
    Probe run(execute ? static_cast<QGraphQLOperation *>(
                      transport.execute(QGraphQLRequest(u"{ n }"_s)))
                      : transport.subscribe(QGraphQLRequest(u"subscription { n }"_s)));
    QVERIFY(run.waitFinished(FinishTimeout));
    QVERIFY2(run.operation->state() == QGraphQLOperation::Finished,
             qPrintable(run.error().message()));
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(server.encrypted, 1);
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(server.requests.first().header("Authorization"), "Bearer secret");

    // The CA was given to this transport only: another one still refuses the server.
    QGraphQLHttpTransport strict(server.url());
    Probe refused(strict.execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(refused.waitFinished(FinishTimeout));
    QCOMPARE(refused.error().networkError(), QNetworkReply::SslHandshakeFailedError);
}

void tst_Security::tlsNameMismatchRefusedEvenWithCa()
{
    // The certificate names 127.0.0.1; the server answers on 127.0.0.2.
    TlsTestHttpServer server(m_certificate, m_key, {}, QHostAddress(u"127.0.0.2"_s));
    if (!server.isListening())
        QSKIP("127.0.0.2 is not available on this machine");
    server.setHandler([](const TestHttpRequest &) { return ok(); });
    QGraphQLHttpTransport transport(server.url());
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(m_certificate);
    transport.setSslConfiguration(configuration);
    Probe run(transport.execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(run.waitFinished(FinishTimeout));
    QCOMPARE(run.error().kind(), QGraphQLTransportError::NetworkError);
    QCOMPARE(run.error().networkError(), QNetworkReply::SslHandshakeFailedError);
    QVERIFY2(run.error().message().contains("host name"_L1, Qt::CaseInsensitive),
             qPrintable(run.error().message()));
    QCOMPARE(server.requests.size(), 0);
}

void tst_Security::httpsToHttpRedirectRefused()
{
    TlsTestHttpServer server(m_certificate, m_key, {}, QHostAddress::LocalHost);
    server.setHandler([this](const TestHttpRequest &) { return redirect(307, m_server->url()); });
    m_server->setHandler([](const TestHttpRequest &) { return ok(); });
    QGraphQLHttpTransport transport(server.url());
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(m_certificate);
    transport.setSslConfiguration(configuration);
    transport.setHeader("Authorization", "Bearer secret");
    Probe run(transport.execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(run.waitFinished(FinishTimeout));
    QCOMPARE(run.error().kind(), QGraphQLTransportError::NetworkError);
    QVERIFY2(run.error().message().contains("insecure redirect"_L1),
             qPrintable(run.error().message()));
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(m_server->requests.size(), 0); // nothing went out in clear text
}

void tst_Security::redirectToOtherOriginDropsCredentials_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("execute");
    QTest::addColumn<bool>("otherPort"); // same address, other port: another origin too
    for (int status : { 301, 302, 303, 307, 308 })
        QTest::addRow("%d", status) << status << true << false;
    QTest::addRow("307, subscribe") << 307 << false << false;
    QTest::addRow("308, subscribe") << 308 << false << false;
    QTest::addRow("302, same host, other port") << 302 << true << true;
}

void tst_Security::redirectToOtherOriginDropsCredentials()
{
    QFETCH(int, status);
    QFETCH(bool, execute);
    QFETCH(bool, otherPort);
    TestHttpServer *other = nullptr;
    if (otherPort) {
        m_other = std::make_unique<TestHttpServer>([](const TestHttpRequest &) { return ok(); });
        other = m_other.get();
    } else if (!(other = otherOrigin())) {
        QSKIP("127.0.0.2 is not available on this machine");
    }
    other->setHandler([execute](const TestHttpRequest &) {
        if (execute)
            return ok();
        return TestHttpScript().head(200, MultipartType).chunk(routerStream(1)).endChunks().close();
    });
    m_server->setHandler(
            [&](const TestHttpRequest &) { return redirect(status, other->url(u"/landing"_s)); });

    m_transport->setHeader("Authorization", "Bearer transport-secret");
    m_transport->setHeader("X-Client", "qgraphql");
    m_transport->addCookie("static", "secret");
    QNetworkCookieJar *jar = m_transport->cookieJar();
    QVERIFY(jar->insertCookie(cookie("jar", u"127.0.0.1"_s)));
    if (!otherPort) // a cookie of the other origin itself is the jar's business: it goes there
        QVERIFY(jar->insertCookie(cookie("theirs", u"127.0.0.2"_s)));
    QGraphQLRequest request(execute ? u"{ n }"_s : u"subscription { n }"_s);
    request.setHeader("Cookie", "request=secret");
    Probe run(execute ? static_cast<QGraphQLOperation *>(m_transport->execute(request))
                      : m_transport->subscribe(request));
    QVERIFY(run.waitFinished(FinishTimeout));
    QVERIFY2(run.operation->state() == QGraphQLOperation::Finished,
             qPrintable(run.error().message()));
    QCOMPARE(run.results.size(), 1);

    const TestHttpRequest &first = m_server->requests.first();
    QCOMPARE(first.header("Authorization"), "Bearer transport-secret");
    QCOMPARE(cookieNames(first.header("Cookie")),
             (QStringList { u"jar"_s, u"request"_s, u"static"_s }));
    QCOMPARE(other->requests.size(), 1);
    const TestHttpRequest &redirected = other->requests.first();
    QCOMPARE(redirected.path, "/landing");
    QVERIFY(!redirected.hasHeader("Authorization"));
    // The jar's cookies follow the jar's rules: a cookie of a host goes to all its ports
    // (RFC 6265 cookies are not separated by port), as a browser sends it.
    QCOMPARE(cookieNames(redirected.header("Cookie")),
             otherPort ? QStringList { u"jar"_s } : QStringList { u"theirs"_s });
    QCOMPARE(redirected.header("X-Client"), "qgraphql"); // other headers do follow
}

void tst_Security::redirectChainThatLeavesAndComesBack()
{
    TestHttpServer *other = otherOrigin();
    if (!other)
        QSKIP("127.0.0.2 is not available on this machine");
    m_server->setHandler([&](const TestHttpRequest &request) {
        if (request.path == "/graphql")
            return redirect(302, other->url(u"/hop"_s));
        return ok();
    });
    other->setHandler(
            [&](const TestHttpRequest &) { return redirect(307, m_server->url(u"/back"_s)); });
    m_transport->setHeader("Authorization", "Bearer secret");
    m_transport->addCookie("static", "secret");
    QVERIFY(m_transport->cookieJar()->insertCookie(cookie("jar", u"127.0.0.1"_s)));
    Probe run(m_transport->execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(run.waitFinished(FinishTimeout));
    QVERIFY2(run.operation->state() == QGraphQLOperation::Finished,
             qPrintable(run.error().message()));

    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(other->requests.size(), 1);
    QVERIFY(!other->requests.first().hasHeader("Authorization"));
    QVERIFY(!other->requests.first().hasHeader("Cookie"));
    // Back on the first origin, but sent there by another one: the application's credentials
    // stay dropped for the rest of the chain (as fetch() drops Authorization for good). The
    // jar's cookies follow the jar's rules for each URL, as a browser's do.
    const TestHttpRequest &back = m_server->requests.at(1);
    QCOMPARE(back.path, "/back");
    QVERIFY(!back.hasHeader("Authorization"));
    QCOMPARE(cookieNames(back.header("Cookie")), QStringList { u"jar"_s });
}

void tst_Security::jarCookiesFollowDomainAndPath()
{
    TestHttpServer *other = otherOrigin();
    if (!other)
        QSKIP("127.0.0.2 is not available on this machine");
    m_server->setHandler([](const TestHttpRequest &) { return ok(); });
    QNetworkCookieJar *jar = m_transport->cookieJar();
    QNetworkCookie secure = cookie("secure", u"127.0.0.1"_s);
    secure.setSecure(true);
    QNetworkCookie expired = cookie("expired", u"127.0.0.1"_s);
    expired.setExpirationDate(QDateTime::currentDateTimeUtc().addDays(-1));
    for (const QNetworkCookie &c :
         { cookie("root", u"127.0.0.1"_s), cookie("scoped", u"127.0.0.1"_s, u"/graphql"_s),
           cookie("deeper", u"127.0.0.1"_s, u"/graphql/v2"_s),
           cookie("admin", u"127.0.0.1"_s, u"/admin"_s),
           cookie("prefix", u"127.0.0.1"_s, u"/graph"_s), // a path prefix, not a segment
           cookie("theirs", u"127.0.0.2"_s), cookie("foreign", u".example.com"_s), secure,
           expired }) {
        jar->insertCookie(c);
    }

    Probe here(m_transport->execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(here.waitFinished(FinishTimeout));
    QCOMPARE(cookieNames(m_server->requests.first().header("Cookie")),
             (QStringList { u"root"_s, u"scoped"_s }));

    m_transport->setUrl(other->url());
    Probe there(m_transport->execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(there.waitFinished(FinishTimeout));
    QCOMPARE(cookieNames(other->requests.first().header("Cookie")), QStringList { u"theirs"_s });

    m_transport->setUrl(m_server->url(u"/admin/graphql"_s));
    Probe admin(m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s)));
    QVERIFY(admin.waitFinished(FinishTimeout));
    QCOMPARE(cookieNames(m_server->requests.last().header("Cookie")),
             (QStringList { u"admin"_s, u"root"_s }));
}

void tst_Security::cookiesSetByOneOriginStayThere()
{
    TestHttpServer *other = otherOrigin();
    if (!other)
        QSKIP("127.0.0.2 is not available on this machine");
    other->setHandler([](const TestHttpRequest &) {
        // Two separate headers: the test server writes each one as given.
        return TestHttpScript().respond(200, "application/json", R"({"data":{"n":1}})",
                                        { { "Set-Cookie", "mine=1; Path=/" },
                                          { "Set-Cookie", "planted=1; Domain=127.0.0.1; Path=/" },
                                          { "Set-Cookie", "narrow=1; Path=/private" } });
    });
    m_server->setHandler([](const TestHttpRequest &) { return ok(); });
    m_transport->setUrl(other->url());
    Probe there(m_transport->execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(there.waitFinished(FinishTimeout));
    Probe again(m_transport->execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(again.waitFinished(FinishTimeout));
    QCOMPARE(cookieNames(other->requests.at(1).header("Cookie")), QStringList { u"mine"_s });

    m_transport->setUrl(m_server->url());
    Probe here(m_transport->execute(QGraphQLRequest(u"{ n }"_s)));
    QVERIFY(here.waitFinished(FinishTimeout));
    QVERIFY2(!m_server->requests.first().hasHeader("Cookie"),
             m_server->requests.first().header("Cookie").constData());
}

void tst_Security::debugLoggingRedactsSecrets()
{
    QLoggingCategory::setFilterRules(u"qgraphql.*.debug=true"_s);
    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
    });

    m_server->setHandler([](const TestHttpRequest &request) {
        if (request.path == "/start")
            return TestHttpScript().respond(
                    307, "text/plain", "moved",
                    { { "Location", "/graphql" }, { "Set-Cookie", "a=SECRET-SET-COOKIE-1" } });
        if (request.body.contains("subscription"))
            return TestHttpScript()
                    .head(200, MultipartType, true,
                          { { "Set-Cookie", "b=SECRET-SET-COOKIE-2; Path=/" } })
                    .chunk(routerStream(1))
                    .endChunks()
                    .close();
        if (request.body.contains("fail"))
            return TestHttpScript().respond(401, "application/json",
                                            R"({"errors":[{"message":"denied"}]})",
                                            { { "WWW-Authenticate", "Bearer" },
                                              { "Set-Cookie", "c=SECRET-SET-COOKIE-3" } });
        return ok({ { "Set-Cookie", "d=SECRET-SET-COOKIE-4; Path=/" } });
    });
    QUrl url = m_server->url(u"/start"_s);
    url.setUserName(u"user"_s);
    url.setPassword(u"SECRET-URL-PASSWORD"_s);
    m_transport->setUrl(url);
    m_transport->setHeader("Authorization", "Bearer SECRET-TOKEN");
    m_transport->setHeader("Proxy-Authorization", "Basic SECRET-PROXY");
    m_transport->addCookie("sid", "SECRET-STATIC-COOKIE");
    QVERIFY(m_transport->cookieJar()->insertCookie(QNetworkCookie("jar", "SECRET-JAR-COOKIE")));
    QNetworkCookie jarCookie("jar", "SECRET-JAR-COOKIE");
    jarCookie.setDomain(u"127.0.0.1"_s);
    jarCookie.setPath(u"/"_s);
    QVERIFY(m_transport->cookieJar()->insertCookie(jarCookie));

    QGraphQLRequest query(u"{ n }"_s);
    query.setHeader("Cookie", "req=SECRET-REQUEST-COOKIE");
    query.setHeader("authorization", "Bearer SECRET-REQUEST-TOKEN");
    Probe first(m_transport->execute(query));
    QVERIFY(first.waitFinished(FinishTimeout));
    m_transport->setUrl(m_server->url());
    Probe subscription(m_transport->subscribe(QGraphQLRequest(u"subscription { n }"_s)));
    QVERIFY(subscription.waitFinished(FinishTimeout));
    Probe failing(m_transport->execute(QGraphQLRequest(u"{ fail }"_s)));
    QVERIFY(failing.waitFinished(FinishTimeout));
    QCOMPARE(failing.error().kind(), QGraphQLTransportError::HttpStatusError);
    m_transport->setUrl(url);
    m_server->setHandler([](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "application/json", "not json at all");
    });
    Probe broken(m_transport->execute(query));
    QVERIFY(broken.waitFinished(FinishTimeout));

    // The servers saw the secrets, so they were there to be logged...
    QCOMPARE(m_server->requests.at(1).header("Authorization"), "Bearer SECRET-REQUEST-TOKEN");
    QVERIFY(m_server->requests.at(2).header("Cookie").contains("SECRET-JAR-COOKIE"));
    // ...and the log has the headers, by name only.
    const QString log = g_messages.join(u'\n');
    QVERIFY2(log.contains("Authorization"_L1, Qt::CaseInsensitive), qPrintable(log));
    QVERIFY2(log.contains("<redacted>"_L1), qPrintable(log));
    QVERIFY2(log.contains("Redirect"_L1), qPrintable(log));
    QVERIFY2(log.contains("failed"_L1), qPrintable(log));
    QVERIFY2(!log.contains("SECRET"_L1), qPrintable(log));
}

QTEST_GUILESS_MAIN(tst_Security)
#include "tst_security.moc"
