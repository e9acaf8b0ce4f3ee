// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Runs the real qgraphql binary against the real demo server and against a scripted fault
// server in this process, and checks its stdout lines, stderr and exit status. The fault
// server lives in this process, so every wait runs the event loop instead of blocking.

#include "demoserverfixture.h"
#include "testhttpserver.h"
#include "testtlsserver.h"

#include <QtCore/qcryptographichash.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtimer.h>
#include <QtCore/qprocess.h>
#include <QtCore/qstandardpaths.h>
#include <QtNetwork/qsslkey.h>
#include <QtNetwork/qsslsocket.h>
#include <QtTest/qtest.h>

#include <csignal>
#include <sys/stat.h>
#include <functional>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(TestHttpScript)

namespace {

constexpr int RunTimeoutMs = 120000; // generous: a loaded 2-core CI machine

struct CliResult
{
    bool finished = false;
    int exitCode = -1;
    QList<QByteArray> lines; // stdout, split into lines
    QByteArray stdErr;

    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\nstdout:\n" + lines.join('\n')
                + "\nstderr:\n" + stdErr;
    }
};

//! A running qgraphql process whose output is collected while the event loop runs.
class CliProcess
{
public:
    explicit CliProcess(const QStringList &arguments, const QByteArray &stdinData = {})
    {
        m_process.setProgram(QStringLiteral(QGRAPHQL_CLI_PATH));
        m_process.setArguments(arguments);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                         [this] { m_stdout += m_process.readAllStandardOutput(); });
        m_process.start();
        if (!stdinData.isNull())
            m_process.write(stdinData);
        m_process.closeWriteChannel();
    }

    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    QList<QByteArray> lines() const
    {
        QList<QByteArray> lines = m_stdout.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }
    QByteArray stdErr() { return m_stderr += m_process.readAllStandardError(); }

    //! Runs the event loop until \a condition holds or the timeout expires.
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs = RunTimeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!condition()) {
            if (timer.hasExpired(timeoutMs))
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
        return true;
    }

    CliResult finish(int timeoutMs = RunTimeoutMs)
    {
        CliResult result;
        result.finished = waitFor([this] { return !isRunning(); }, timeoutMs);
        m_stdout += m_process.readAllStandardOutput();
        result.exitCode
                = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        result.lines = lines();
        result.stdErr = stdErr();
        return result;
    }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

CliResult runCli(const QStringList &arguments, const QByteArray &stdinData = {})
{
    return CliProcess(arguments, stdinData).finish();
}

QJsonObject json(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

const QByteArray MultipartType = "multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0";
QByteArray part(const QByteArray &json)
{
    return "\r\ncontent-type: application/json\r\n\r\n" + json + "\r\n--graphql";
}

} // namespace

#define VERIFY_RUN(result) \
    QVERIFY2((result).finished, "qgraphql did not finish: " + (result).describe())

class tst_QGraphQLCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void help();
    void version();
    void usageErrors_data();
    void usageErrors();
    void documentRefused_data();
    void documentRefused();

    void query();
    void documentFromFileWithOperationName();
    void documentFromStdin();
    void graphqlErrorsExitZero();
    void httpErrorFromDemoServer();
    void headers();
    void include();
    void cookieJarRoundTrip();
    void cookieOption();
    void cookieJarFromCurl();
    void subscriptionStreamsLive();
    void subscriptionWithVariablesAndAlias();
    void messageFeedAndInterrupt();
    void serverTransportError();
    void demoOption();
    void printSchema_data();
    void printSchema();
    void printSchemaFailures_data();
    void printSchemaFailures();
    void sseSubscriptionFromDemoServer();

    void requestOnTheWire();
    void persistedGetOnTheWire();
    void faults_data();
    void faults();
    void connectionRefused();
    void retryResubscribes();

    void graphqlResponseWith4xxIsPrinted_data();
    void graphqlResponseWith4xxIsPrinted();
    void serverTextIsPrinted_data();
    void serverTextIsPrinted();
    void failOnErrors();
    void countEndsSubscription();
    void maxTime();
    void sigtermExits143();
    void verbose();

    void headersFromFile();
    void headersFromStdin();
    void repeatedHeadersCombined();
    void cacertAndInsecure();

    void networkErrorsNameTheCause();
    void tlsErrorNamesHostAndProblem();
    void operationNameHintOnlyWhereItHelps();

    void pretty();

    void cookieJarOwnerOnly();
    void docsMatchHelp();

private:
    QString demoUrl() const { return m_demo.url.toString(); }
    DemoServerFixture m_demo;
    TestHttpServer *m_faultServer = nullptr;
    TestHttpServer::Handler m_faultHandler;
};

void tst_QGraphQLCli::initTestCase()
{
    // Heartbeats every 50 ms: they must never reach stdout.
    QVERIFY(m_demo.start({ u"--heartbeat-interval"_s, u"50"_s }));
    m_faultServer = new TestHttpServer([this](const TestHttpRequest &request) {
        return m_faultHandler ? m_faultHandler(request)
                              : TestHttpScript().respond(500, "text/plain", "no handler");
    });
    QVERIFY(m_faultServer->isListening());
}

void tst_QGraphQLCli::cleanupTestCase()
{
    m_demo.stop();
    delete m_faultServer;
}

void tst_QGraphQLCli::help()
{
    const CliResult result = runCli({ u"--help"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    const QByteArray text = result.lines.join('\n');
    QVERIFY2(text.contains("Usage: "), text);
    QVERIFY(text.contains("URL"));
    QVERIFY(text.contains("DOCUMENT"));
    for (const char *option :
         { "--variables", "--operation-name", "--header", "--cookie", "--cookie-jar", "--timeout",
           "--heartbeat-timeout", "--max-part-size", "--include", "--demo", "--help", "--version",
           "--fail-on-errors", "--count", "--max-time", "--verbose", "-V,", "-v,", "143" })
        QVERIFY2(text.contains(option), option);
    for (const char *option : { "--print-schema", "--pretty", "--cacert", "--insecure", "-k," })
        QVERIFY2(text.contains(option), option);
}

void tst_QGraphQLCli::version()
{
    const CliResult result = runCli({ u"--version"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines.size(), 1);
    QVERIFY2(result.lines.first().startsWith("qgraphql 0."), result.describe());

    // As curl: -V is the version, -v is --verbose.
    const CliResult shortOption = runCli({ u"-V"_s });
    VERIFY_RUN(shortOption);
    QCOMPARE(shortOption.exitCode, 0);
    QCOMPARE(shortOption.lines, result.lines);
}

void tst_QGraphQLCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");

    const QString url = u"http://127.0.0.1:1/graphql"_s;
    const QString doc = u"{ hello }"_s;
    QTest::addRow("nothing") << QStringList() << "expected URL and DOCUMENT"_ba;
    QTest::addRow("no document") << QStringList { url } << "expected URL and DOCUMENT"_ba;
    QTest::addRow("extra argument")
            << QStringList { url, doc, u"x"_s } << "unexpected argument \"x\""_ba;
    QTest::addRow("unknown option") << QStringList { u"--nope"_s, url, doc } << "nope"_ba;
    QTest::addRow("missing option value")
            << QStringList { url, doc, u"--variables"_s } << "variables"_ba;
    QTest::addRow("not http") << QStringList { u"ftp://example.com/"_s, doc } << "invalid URL"_ba;
    QTest::addRow("URL without ://") << QStringList {
        u"http//host/graphql"_s, doc
    } << "invalid URL \"http//host/graphql\": expected an absolute http://, https://, ws:// or wss:// URL"_ba;
    QTest::addRow("URL with a space") << QStringList { u"http://host/my graphql"_s, doc }
                                      << "invalid URL \"http://host/my graphql\""_ba;
    QTest::addRow("relative URL") << QStringList { u"/graphql"_s, doc }
                                  << "invalid URL \"/graphql\""_ba;
    QTest::addRow("document and variables both on stdin")
            << QStringList { u"--variables"_s, u"@-"_s, url, u"-"_s }
            << "the document and variables cannot both be read from stdin"_ba;
    QTest::addRow("variables not JSON") << QStringList { u"--variables"_s, u"{a:1}"_s, url, doc }
                                        << "--variables is not valid JSON"_ba;
    QTest::addRow("variables not an object") << QStringList { u"--variables"_s, u"[1]"_s, url, doc }
                                             << "--variables must be a JSON object"_ba;
    QTest::addRow("variables file missing")
            << QStringList { u"--variables"_s, u"@/nonexistent/vars.json"_s, url, doc }
            << "cannot read variables"_ba;
    QTest::addRow("header without colon") << QStringList { u"--header"_s, u"X-A"_s, url, doc }
                                          << "--header expects \"Name: value\""_ba;
    QTest::addRow("cookie without value") << QStringList { u"--cookie"_s, u"abc"_s, url, doc }
                                          << "--cookie expects \"NAME=VALUE\""_ba;
    QTest::addRow("timeout not a number") << QStringList { u"--timeout"_s, u"soon"_s, url, doc }
                                          << "--timeout expects a number of seconds"_ba;
    QTest::addRow("negative heartbeat timeout")
            << QStringList { u"--heartbeat-timeout"_s, u"-1"_s, url, doc }
            << "--heartbeat-timeout expects a number of seconds"_ba;
    QTest::addRow("max part size zero") << QStringList { u"--max-part-size"_s, u"0"_s, url, doc }
                                        << "--max-part-size expects a positive number"_ba;
    QTest::addRow("document file missing")
            << QStringList { url, u"@/nonexistent/q.graphql"_s } << "cannot read the document"_ba;
    QTest::addRow("print-schema with DOCUMENT") << QStringList { u"--print-schema"_s, url, doc }
                                                << "--print-schema takes no DOCUMENT"_ba;
    QTest::addRow("print-schema with --demo and DOCUMENT")
            << QStringList { u"--demo"_s, u"--print-schema"_s, doc }
            << "--print-schema takes no DOCUMENT"_ba;
    QTest::addRow("print-schema without URL")
            << QStringList { u"--print-schema"_s } << "expected URL"_ba;
    QTest::addRow("demo with absolute URL")
            << QStringList { u"--demo"_s, url, doc } << "give no absolute URL"_ba;
    QTest::addRow("get with a mutation")
            << QStringList { u"--get"_s, url, u"mutation { a }"_s }
            << "--get sends queries only: a mutation changes data or streams, and goes as POST"_ba;
    QTest::addRow("get with a subscription")
            << QStringList { u"-G"_s, url, u"query Q { a } subscription S { a }"_s,
                             u"--operation-name"_s, u"S"_s }
            << "--get sends queries only: a subscription"_ba;
}

void tst_QGraphQLCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);

    const CliResult result = runCli(arguments);
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.lines.isEmpty(), result.describe());
    QVERIFY2(result.stdErr.startsWith("qgraphql: "), result.describe());
    QVERIFY2(result.stdErr.contains(message), result.describe());
}

void tst_QGraphQLCli::documentRefused_data()
{
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QByteArray>("message");

    QTest::addRow("syntax error")
            << QStringList() << u"# comment\n{\n  hello(name: \"x\"\n}"_s
            << "(line 4, column 1): Syntax Error: Expected Name, found \"}\"."_ba;
    QTest::addRow("unterminated string")
            << QStringList() << u"{ hello(name: \"abc) }"_s
            << "(line 1, column 22): Syntax Error: Unterminated string."_ba;
    QTest::addRow("unterminated block string")
            << QStringList() << u"{ hello(name: \"\"\"abc\"\") }"_s
            << "(line 1, column 26): Syntax Error: Unterminated string."_ba;
    QTest::addRow("empty") << QStringList() << u"  # nothing\n"_s << "line 2, column 1"_ba;
    QTest::addRow("two operations, no name")
            << QStringList() << u"query A { a } query B { b }"_s << "--operation-name"_ba;
    QTest::addRow("unknown operation name")
            << QStringList { u"--operation-name"_s, u"C"_s } << u"query A { a } query B { b }"_s
            << "Unknown operation named \"C\""_ba;
    QTest::addRow("only fragments")
            << QStringList() << u"fragment F on Query { a }"_s << "no operation"_ba;
}

void tst_QGraphQLCli::documentRefused()
{
    QFETCH(QStringList, extraArguments);
    QFETCH(QString, document);
    QFETCH(QByteArray, message);

    m_faultServer->requests.clear();
    const CliResult result = runCli(extraArguments << m_faultServer->url().toString() << document);
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.lines.isEmpty(), result.describe());
    QVERIFY2(result.stdErr.contains(message), result.describe());
    QVERIFY2(m_faultServer->requests.isEmpty(), "a refused document must not be sent");
}

void tst_QGraphQLCli::query()
{
    const CliResult result = runCli({ demoUrl(), u"{ hello(name: \"Qt\") }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"hello":"Hello, Qt!"}})"_ba });
    QCOMPARE(result.stdErr, QByteArray());
}

void tst_QGraphQLCli::documentFromFileWithOperationName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile document(dir.filePath(u"ops.graphql"_s));
    QVERIFY(document.open(QIODevice::WriteOnly));
    document.write(R"(# Several operations; the CLI runs the one it is told to.
query Greet($who: String) {
  ...Greeting
  # a comment with { braces } and "quotes"
}
mutation Post {
  postMessage(text: """
      A block string
        with "quotes" and # no comment
  """) { text }
}
subscription Count { countdown(from: 1, intervalMs: 10) }
fragment Greeting on Query { greeting: hello(name: $who) __typename }
)");
    document.close();
    QFile variables(dir.filePath(u"vars.json"_s));
    QVERIFY(variables.open(QIODevice::WriteOnly));
    variables.write(R"({"who": "file"})");
    variables.close();

    const QString documentArgument = u"@"_s + document.fileName();
    CliResult result = runCli({ u"--operation-name"_s, u"Greet"_s, u"--variables"_s,
                                u"@"_s + variables.fileName(), demoUrl(), documentArgument });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines,
             QList<QByteArray> {
                     R"({"data":{"__typename":"Query","greeting":"Hello, file!"}})"_ba });

    result = runCli({ u"--operation-name"_s, u"Post"_s, demoUrl(), documentArgument });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(
            result.lines,
            QList<QByteArray> {
                    R"({"data":{"postMessage":{"text":"A block string\n  with \"quotes\" and # no comment"}}})"_ba });

    // The operation's type decides: this one is a subscription, streamed.
    result = runCli({ u"--operation-name"_s, u"Count"_s, demoUrl(), documentArgument });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines,
             (QList<QByteArray> { R"({"data":{"countdown":1}})"_ba,
                                  R"({"data":{"countdown":0}})"_ba }));
}

void tst_QGraphQLCli::documentFromStdin()
{
    const CliResult result
            = runCli({ u"--variables"_s, u"{\"n\": \"stdin\"}"_s, demoUrl(), u"-"_s },
                     "query ($n: String!) { hello(name: $n) }\n");
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"hello":"Hello, stdin!"}})"_ba });
}

void tst_QGraphQLCli::graphqlErrorsExitZero()
{
    const CliResult result
            = runCli({ demoUrl(),
                       u"mutation { login(username: \"ada\", password: \"wrong\") { name } }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0); // GraphQL errors inside a result are not a failure
    QCOMPARE(result.lines.size(), 1);
    const QJsonObject response = json(result.lines.first());
    QCOMPARE(response.value("data"_L1).toObject().value("login"_L1), QJsonValue::Null);
    QCOMPARE(response.value("errors"_L1).toArray().first()["message"_L1].toString(),
             u"Invalid username or password"_s);
    QVERIFY(!response.contains("extensions"_L1)); // absent members are left out
    QCOMPARE(result.stdErr, QByteArray());
}

void tst_QGraphQLCli::httpErrorFromDemoServer()
{
    const CliResult result = runCli({ demoUrl(), u"{ hello nope }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    // The 400 carries a GraphQL response: printed as a result, then the status fails the run.
    QCOMPARE(result.lines.size(), 1);
    QVERIFY2(json(result.lines.first()).value("errors"_L1).isArray(), result.describe());
    QVERIFY2(result.stdErr.contains("HTTP 400"), result.describe());
    QVERIFY2(result.stdErr.contains("Cannot query field \"nope\" on type \"Query\""),
             result.describe());
    QCOMPARE(result.stdErr.count('\n'), 1); // one readable line
}

void tst_QGraphQLCli::headers()
{
    const CliResult result
            = runCli({ u"--header"_s, u"X-Demo: forty two"_s, u"-H"_s, u"X-Other:2"_s, demoUrl(),
                       u"{ a: requestHeader(name: \"x-demo\") b: requestHeader(name: \"X-Other\") "
                       "c: requestHeader(name: \"x-missing\") }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines,
             QList<QByteArray> { R"({"data":{"a":"forty two","b":"2","c":null}})"_ba });
}

void tst_QGraphQLCli::include()
{
    const CliResult result = runCli({ u"--include"_s, demoUrl(), u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines.size(), 1); // stdout stays clean for scripts
    QVERIFY2(result.stdErr.startsWith("HTTP 200 OK\n"), result.describe());
    QVERIFY2(result.stdErr.toLower().contains("\ncontent-type: application/json\n"),
             result.describe());

    const CliResult failed = runCli({ u"-i"_s, demoUrl(), u"{ nope }"_s });
    VERIFY_RUN(failed);
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.stdErr.startsWith("HTTP 400 Bad Request\n"), failed.describe());
}

void tst_QGraphQLCli::cookieJarRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString jar = dir.filePath(u"cookies.txt"_s);

    CliResult result
            = runCli({ u"--cookie-jar"_s, jar, demoUrl(),
                       u"mutation { login(username: \"ada\", password: \"secret\") { name } }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"login":{"name":"ada"}}})"_ba });

    QFile file(jar);
    QVERIFY2(file.open(QIODevice::ReadOnly), "the cookie jar was not written");
    const QByteArray text = file.readAll();
    QVERIFY2(text.startsWith("# Netscape HTTP Cookie File"), text);
    QByteArray cookieLine;
    for (const QByteArray &line : text.split('\n')) {
        if (line.contains("qgraphql_session"))
            cookieLine = line;
    }
    // curl's format: HttpOnly marker, host-only domain, path, secure, expiry, name, value.
    const QList<QByteArray> fields = cookieLine.split('\t');
    QCOMPARE(fields.size(), 7);
    QCOMPARE(fields.at(0), "#HttpOnly_127.0.0.1"_ba);
    QCOMPARE(fields.at(1), "FALSE"_ba);
    QCOMPARE(fields.at(2), "/"_ba);
    QCOMPARE(fields.at(3), "FALSE"_ba);
    QVERIFY(fields.at(4).toLongLong() > QDateTime::currentSecsSinceEpoch());
    QCOMPARE(fields.at(5), "qgraphql_session"_ba);
    QVERIFY(!fields.at(6).isEmpty());
    QCOMPARE(file.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());

    // The next run reads the jar and is logged in.
    result = runCli({ u"--cookie-jar"_s, jar, demoUrl(), u"{ me { name } }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"me":{"name":"ada"}}})"_ba });

    // Logging out clears the cookie from the jar.
    result = runCli({ u"--cookie-jar"_s, jar, demoUrl(), u"mutation { logout }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"logout":true}})"_ba });
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(!file.readAll().contains("qgraphql_session"), "the expired cookie was kept");
}

void tst_QGraphQLCli::cookieOption()
{
    QTemporaryDir dir;
    const QString jar = dir.filePath(u"cookies.txt"_s);
    CliResult result
            = runCli({ u"--cookie-jar"_s, jar, demoUrl(),
                       u"mutation { login(username: \"bob\", password: \"secret\") { name } }"_s });
    QCOMPARE(result.exitCode, 0);
    QFile file(jar);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray token;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.contains("qgraphql_session"))
            token = line.split('\t').last();
    }
    QVERIFY(!token.isEmpty());

    result = runCli({ u"--cookie"_s, u"qgraphql_session="_s + QString::fromLatin1(token), u"-b"_s,
                      u"flavour=oat"_s, demoUrl(),
                      u"{ me { name } c: requestHeader(name: \"cookie\") }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    const QJsonObject data = json(result.lines.value(0)).value("data"_L1).toObject();
    QCOMPARE(data.value("me"_L1).toObject().value("name"_L1).toString(), u"bob"_s);
    QVERIFY2(data.value("c"_L1).toString().contains("flavour=oat"_L1), result.describe());
}

void tst_QGraphQLCli::cookieJarFromCurl()
{
    // A jar as curl -c writes it: comments, a domain cookie, an HttpOnly host cookie, an
    // expired cookie (not sent) and a cookie for another host (not sent).
    QTemporaryDir dir;
    const QString jar = dir.filePath(u"curl.txt"_s);
    QFile file(jar);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# Netscape HTTP Cookie File\n"
               "# https://curl.se/docs/http-cookies.html\n"
               "# This file was generated by libcurl! Edit at your own risk.\n\n"
               "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tabc\n"
               "127.0.0.1\tFALSE\t/graphql\tFALSE\t4102444800\ttheme\tdark\n"
               "127.0.0.1\tFALSE\t/\tFALSE\t1000\told\tgone\n"
               "example.com\tFALSE\t/\tFALSE\t0\tother\thost\n");
    file.close();
    const CliResult result = runCli(
            { u"--cookie-jar"_s, jar, demoUrl(), u"{ requestHeader(name: \"cookie\") }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    const QString cookies = json(result.lines.value(0))["data"_L1]["requestHeader"_L1].toString();
    QVERIFY2(cookies.contains("sid=abc"_L1), qPrintable(cookies));
    QVERIFY2(cookies.contains("theme=dark"_L1), qPrintable(cookies));
    QVERIFY2(!cookies.contains("old"_L1), qPrintable(cookies));
    QVERIFY2(!cookies.contains("other"_L1), qPrintable(cookies));

    // Written back: the cookies are kept (the expired one dropped), in the same format.
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY2(written.contains("#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tabc\n"), written);
    QVERIFY2(written.contains("example.com\tFALSE\t/\tFALSE\t0\tother\thost\n"), written);
    QVERIFY2(!written.contains("\told\t"), written);
}

void tst_QGraphQLCli::subscriptionStreamsLive()
{
    CliProcess process({ demoUrl(), u"subscription { countdown(from: 3, intervalMs: 400) }"_s });
    // The first result is printed (and flushed) while the stream is still running.
    QVERIFY2(
            CliProcess::waitFor([&] { return !process.lines().isEmpty() || !process.isRunning(); }),
            "no output");
    QVERIFY2(process.isRunning(), "the first result was only seen at exit");
    QCOMPARE(process.lines().first(), R"({"data":{"countdown":3}})"_ba);

    const CliResult result = process.finish();
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    // Heartbeats every 50 ms were on the wire; none is printed.
    QCOMPARE(result.lines,
             (QList<QByteArray> {
                     R"({"data":{"countdown":3}})"_ba, R"({"data":{"countdown":2}})"_ba,
                     R"({"data":{"countdown":1}})"_ba, R"({"data":{"countdown":0}})"_ba }));
    QCOMPARE(result.stdErr, QByteArray());
}

void tst_QGraphQLCli::subscriptionWithVariablesAndAlias()
{
    const CliResult result = runCli({ u"--variables"_s, u"{\"from\": 2}"_s, demoUrl(),
                                      u"subscription Count($from: Int!, $ms: Int = 20) {\n"
                                      "  left: countdown(from: $from, intervalMs: $ms) }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines,
             (QList<QByteArray> { R"({"data":{"left":2}})"_ba, R"({"data":{"left":1}})"_ba,
                                  R"({"data":{"left":0}})"_ba }));
}

void tst_QGraphQLCli::messageFeedAndInterrupt()
{
    CliProcess subscriber({ u"--include"_s, demoUrl(),
                            u"subscription { messageAdded { text author __typename } }"_s });
    // --include prints the head once the response started: the server has the subscriber.
    QVERIFY2(CliProcess::waitFor([&] {
                 return subscriber.stdErr().contains("HTTP 200") || !subscriber.isRunning();
             }),
             subscriber.stdErr());
    QVERIFY(subscriber.isRunning());

    const CliResult post
            = runCli({ demoUrl(), u"mutation { postMessage(text: \"hi all\") { id } }"_s });
    QCOMPARE(post.exitCode, 0);
    QVERIFY(CliProcess::waitFor([&] { return !subscriber.lines().isEmpty(); }));
    QCOMPARE(
            subscriber.lines().first(),
            R"({"data":{"messageAdded":{"__typename":"Message","author":"anonymous","text":"hi all"}}})"_ba);

    // Ctrl-C cancels the stream cleanly.
    QVERIFY(::kill(pid_t(subscriber.pid()), SIGINT) == 0);
    const CliResult result = subscriber.finish();
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 130);
    QVERIFY2(result.stdErr.contains("qgraphql: interrupted; the request was cancelled"),
             result.describe());
    QCOMPARE(result.lines.size(), 1);
}

void tst_QGraphQLCli::serverTransportError()
{
    const CliResult result
            = runCli({ demoUrl(), u"subscription { failing(after: 2, intervalMs: 20) }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(
            result.lines,
            (QList<QByteArray> { R"({"data":{"failing":1}})"_ba, R"({"data":{"failing":2}})"_ba }));
    QVERIFY2(result.stdErr.contains("The failing subscription failed on purpose after 2 event(s)"),
             result.describe());
    QCOMPARE(result.stdErr.count('\n'), 1);
}

void tst_QGraphQLCli::demoOption()
{
    CliResult result = runCli({ u"--demo"_s, u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"hello":"Hello, world!"}})"_ba });

    result = runCli({ u"--demo"_s, u"/graphql"_s,
                      u"subscription { countdown(from: 1, intervalMs: 10) }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines.size(), 2);

    // Ctrl-C during a --demo stream: the client cancels and stops its server.
    CliProcess process({ u"--demo"_s, u"subscription { clock(intervalMs: 50) }"_s });
    QVERIFY(CliProcess::waitFor(
            [&] { return !process.lines().isEmpty() || !process.isRunning(); }));
    QVERIFY(process.isRunning());
    QVERIFY(::kill(pid_t(process.pid()), SIGINT) == 0);
    result = process.finish();
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 130);
}

void tst_QGraphQLCli::requestOnTheWire()
{
    m_faultServer->requests.clear();
    m_faultHandler = [](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk("\r\n--graphql" + part("{}"))
                .chunk(part(R"({"payload":{"data":{"n":1}}})"))
                .chunk("--\r\n")
                .endChunks()
                .close();
    };
    const CliResult result
            = runCli({ u"--variables"_s, u"{\"x\": [1, \"two\"]}"_s, u"--operation-name"_s, u"S"_s,
                       u"--header"_s, u"Authorization: Bearer t0k"_s, u"--cookie"_s, u"a=b"_s,
                       m_faultServer->url().toString(),
                       u"query Q { q } subscription S($x: [ID]) { n(x: $x) }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"n":1}})"_ba });
    QCOMPARE(m_faultServer->requests.size(), 1);
    const TestHttpRequest request = m_faultServer->requests.first();
    QCOMPARE(request.method, "POST"_ba);
    QVERIFY(request.header("content-type").startsWith("application/json"));
    QVERIFY2(request.header("accept").contains("multipart/mixed"), request.header("accept"));
    QVERIFY2(request.header("accept").contains("subscriptionSpec"), request.header("accept"));
    QCOMPARE(request.header("authorization"), "Bearer t0k"_ba);
    QCOMPARE(request.header("cookie"), "a=b"_ba);
    const QJsonObject body = json(request.body);
    QCOMPARE(body.value("operationName"_L1).toString(), u"S"_s);
    QCOMPARE(body.value("variables"_L1).toObject(),
             (QJsonObject { { u"x"_s, QJsonArray { 1, u"two"_s } } }));
    QVERIFY(body.value("query"_L1).toString().contains("subscription S"_L1));
}

void tst_QGraphQLCli::persistedGetOnTheWire()
{
    m_faultServer->requests.clear();
    m_faultHandler = [](const TestHttpRequest &request) {
        const QByteArray body = request.path.contains("query=")
                ? R"({"data":{"a":1}})"_ba
                : R"({"errors":[{"message":"PersistedQueryNotFound"}]})"_ba;
        return TestHttpScript().respond(200, "application/json", body);
    };
    const QString document = u"query Q($n: Int) { a(n: $n) }"_s;
    const CliResult result = runCli({ u"--persisted"_s, u"-G"_s, u"--variables"_s, u"{\"n\": 1}"_s,
                                      m_faultServer->url().toString(), document });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"a":1}})"_ba });
    QCOMPARE(m_faultServer->requests.size(), 2);
    const QByteArray hash
            = QCryptographicHash::hash(document.toUtf8(), QCryptographicHash::Sha256).toHex();
    for (const TestHttpRequest &request : std::as_const(m_faultServer->requests)) {
        QCOMPARE(request.method, "GET"_ba);
        QCOMPARE(request.header("apollo-require-preflight"), "true"_ba);
        QVERIFY2(request.path.contains(hash), request.path);
        QVERIFY2(request.path.contains("variables="), request.path);
    }
    QVERIFY(!m_faultServer->requests.at(0).path.contains("query="));
}

void tst_QGraphQLCli::faults_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("document");
    QTest::addColumn<TestHttpScript>("script");
    QTest::addColumn<int>("resultLines");
    QTest::addColumn<QByteArray>("message");

    const QString query = u"{ hello }"_s;
    const QString subscription = u"subscription { n }"_s;
    const QByteArray opening = "\r\n--graphql" + part("{}");

    QTest::addRow("HTTP 500 with GraphQL errors")
            << QStringList() << query
            << TestHttpScript().respond(500, "application/json",
                                        R"({"errors":[{"message":"database down"}]})")
            << 0 << "HTTP 500 Internal Server Error: database down"_ba;
    QTest::addRow("HTTP 404 with HTML")
            << QStringList() << query
            << TestHttpScript().respond(404, "text/html", "<h1>Not here</h1>") << 0
            << "HTTP 404 Not Found"_ba;
    QTest::addRow("HTTP 406 for a subscription")
            << QStringList() << subscription
            << TestHttpScript().respond(
                       406, "application/json",
                       R"({"errors":[{"message":"'accept' header must be one of: multipart"}]})")
            << 1 << "HTTP 406 Not Acceptable: 'accept' header must be one of"_ba;
    // graphql-yoga's answer to a multipart subscription request: the server names what it offers.
    QTest::addRow("HTTP 406 from an SSE-only server")
            << QStringList() << subscription
            << TestHttpScript().respond(406, "text/plain", "",
                                        { { "Accept", "text/event-stream" } })
            << 0
            << "HTTP 406 Not Acceptable (the server offers: text/event-stream); the server streams subscriptions over Server-Sent Events: try --protocol sse"_ba;
    QTest::addRow("HTTP 415 for an SSE subscription")
            << QStringList { u"--protocol"_s, u"sse"_s } << subscription
            << TestHttpScript().respond(415, "text/plain", "Unsupported Media Type") << 0
            << "HTTP 415 Unsupported Media Type: Unsupported Media Type; the server streams subscriptions as multipart: try --protocol multipart"_ba;
    QTest::addRow("HTTP 406 from a server that offers the protocol asked for")
            << QStringList() << subscription
            << TestHttpScript().respond(406, "text/plain", "",
                                        { { "Accept", "multipart/mixed;subscriptionSpec=1.0" } })
            << 0
            << "HTTP 406 Not Acceptable (the server offers: multipart/mixed;subscriptionSpec=1.0)\n"_ba;
    QTest::addRow("wrong content type")
            << QStringList() << query << TestHttpScript().respond(200, "text/html", "<html></html>")
            << 0 << "Unexpected response content type \"text/html\""_ba;
    QTest::addRow("wrong content type for a subscription")
            << QStringList() << subscription
            << TestHttpScript().respond(200, "text/plain", "event: next\n") << 0
            << "Unexpected response content type \"text/plain\""_ba;
    QTest::addRow("event stream ended early")
            << QStringList { u"--protocol"_s, u"sse"_s } << subscription
            << TestHttpScript().respond(200, "text/event-stream",
                                        "event: next\ndata: {\"data\":{\"n\":1}}\n\nevent: next\n")
            << 1 << "The stream ended before its complete event after 1 result(s)"_ba;
    QTest::addRow("malformed JSON body")
            << QStringList() << query
            << TestHttpScript().respond(200, "application/json", R"({"data":{"hello":)") << 0
            << "JSON"_ba;
    QTest::addRow("malformed JSON part")
            << QStringList() << subscription
            << TestHttpScript()
                       .head(200, MultipartType)
                       .chunk(opening)
                       .chunk(part(R"({"payload":{"data":{"n":1}}})"))
                       .chunk(part(R"({"payload":{"data":)"))
                       .chunk(part("{}")) // completes the delimiter after the bad part
                       .stall()
            << 1 << "JSON"_ba;
    QTest::addRow("stream ended early") << QStringList() << subscription
                                        << TestHttpScript()
                                                   .head(200, MultipartType)
                                                   .chunk(opening)
                                                   .chunk(part(R"({"payload":{"data":{"n":1}}})"))
                                                   .chunk(part(R"({"payload":{"data":{"n":2}}})"))
                                                   .endChunks()
                                                   .close()
                                        << 2 << "The stream ended before its close delimiter"_ba;
    QTest::addRow("connection reset mid-stream")
            << QStringList() << subscription
            << TestHttpScript()
                       .head(200, MultipartType)
                       .chunk(opening)
                       .chunk(part(R"({"payload":{"data":{"n":1}}})"))
                       .wait(100)
                       .abort()
            << 1 << "The stream ended before its close delimiter"_ba;
    QTest::addRow("heartbeat timeout")
            << QStringList { u"--heartbeat-timeout"_s, u"0.5"_s } << subscription
            << TestHttpScript()
                       .head(200, MultipartType)
                       .chunk(opening)
                       .chunk(part(R"({"payload":{"data":{"n":1}}})"))
                       .stall()
            << 1 << "Heartbeat timeout: nothing received from the server for 500 ms"_ba;
    QTest::addRow("query timeout")
            << QStringList { u"--timeout"_s, u"0.5"_s } << query << TestHttpScript().stall() << 0
            << "The request did not complete within 500 ms"_ba;
    QTest::addRow("subscription start timeout")
            << QStringList { u"--timeout"_s, u"0.5"_s } << subscription << TestHttpScript().stall()
            << 0 << "did not start the response within 500 ms"_ba;
    QTest::addRow("body larger than --max-part-size")
            << QStringList { u"--max-part-size"_s, u"100"_s } << query
            << TestHttpScript().respond(200, "application/json",
                                        R"({"data":{"hello":")" + QByteArray(500, 'x') + R"("}})")
            << 0 << "100 bytes"_ba;
    QTest::addRow("server transport error")
            << QStringList() << subscription
            << TestHttpScript()
                       .head(200, MultipartType)
                       .chunk(opening)
                       .chunk(part(R"({"payload":null,"errors":[{"message":"subgraph gone"}]})"))
                       .chunk("--\r\n")
                       .endChunks()
                       .close()
            << 0 << "subgraph gone"_ba;
}

void tst_QGraphQLCli::faults()
{
    QFETCH(QStringList, options);
    QFETCH(QString, document);
    QFETCH(TestHttpScript, script);
    QFETCH(int, resultLines);
    QFETCH(QByteArray, message);

    m_faultHandler = [script](const TestHttpRequest &) {
        return script;
    };
    const CliResult result = runCli(options << m_faultServer->url().toString() << document);
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.lines.size(), resultLines);
    QVERIFY2(result.stdErr.startsWith("qgraphql: "), result.describe());
    QVERIFY2(result.stdErr.contains(message), result.describe());
    QCOMPARE(result.stdErr.count('\n'), 1); // one readable line
}

void tst_QGraphQLCli::connectionRefused()
{
    // A port that was just free: nobody listens there.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const quint16 port = server.serverPort();
    server.close();
    const CliResult result = runCli({ u"http://127.0.0.1:%1/graphql"_s.arg(port), u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.stdErr.toLower().contains("refused"), result.describe());
}

void tst_QGraphQLCli::retryResubscribes()
{
    m_faultServer->requests.clear();
    m_faultHandler = [this](const TestHttpRequest &) {
        if (m_faultServer->requests.size() == 1) // streams one result, then the connection drops
            return TestHttpScript()
                    .head(200, MultipartType)
                    .chunk("\r\n--graphql" + part(R"({"payload":{"data":{"n":1}}})"))
                    .wait(50)
                    .abort();
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk("\r\n--graphql" + part(R"({"payload":{"data":{"n":2}}})") + "--\r\n")
                .endChunks()
                .close();
    };
    const CliResult result = runCli(
            { u"--retry"_s, u"3"_s, m_faultServer->url().toString(), u"subscription { n }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines,
             (QList<QByteArray> { R"({"data":{"n":1}})"_ba, R"({"data":{"n":2}})"_ba }));
    QVERIFY2(result.stdErr.contains("reconnecting in"), result.describe());
    QVERIFY2(result.stdErr.contains("attempt 1 of 3"), result.describe());
    QCOMPARE(m_faultServer->requests.size(), 2);

    const CliResult refused = runCli(
            { u"--retry"_s, u"x"_s, m_faultServer->url().toString(), u"subscription { n }"_s });
    VERIFY_RUN(refused);
    QCOMPARE(refused.exitCode, 2);
}

void tst_QGraphQLCli::graphqlResponseWith4xxIsPrinted_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<QByteArray>>("lines");

    const QByteArray errors
            = R"({"errors":[{"message":"Variable \"$n\" got invalid value","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]})";
    const QByteArray printed = errors; // as the server wrote it
    QTest::addRow("graphql-response+json 400") << 400 << "application/graphql-response+json"_ba
                                               << errors << QList<QByteArray> { printed };
    QTest::addRow("json 422 with errors")
            << 422 << "application/json"_ba << errors << QList<QByteArray> { printed };
    QTest::addRow("json 401 without errors") << 401 << "application/json"_ba
                                             << R"({"message":"no"})"_ba << QList<QByteArray>();
    QTest::addRow("html 403") << 403 << "text/html"_ba
                              << "<h1>no</h1>"_ba << QList<QByteArray>();
    QTest::addRow("json 500 with errors: not a 4xx")
            << 500 << "application/json"_ba << errors << QList<QByteArray>();
}

void tst_QGraphQLCli::graphqlResponseWith4xxIsPrinted()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QList<QByteArray>, lines);

    m_faultHandler = [=](const TestHttpRequest &) {
        return TestHttpScript().respond(status, contentType, body);
    };
    const CliResult result
            = runCli({ m_faultServer->url().toString(), u"query ($n: Int) { a(n: $n) }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.lines, lines);
    QVERIFY2(result.stdErr.startsWith("qgraphql: HTTP " + QByteArray::number(status)),
             result.describe());
    QCOMPARE(result.stdErr.count('\n'), 1);
}

// The server's member order and every number as sent, in every framing: a JSON body, Apollo
// multipart, SSE and @defer merging. White space between tokens is dropped, nothing else.
void tst_QGraphQLCli::serverTextIsPrinted_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<TestHttpScript>("script");
    QTest::addColumn<QList<QByteArray>>("lines");

    const QByteArray sent = R"({"data": {"zeta": 1, "alpha": {"y": 2, "b": 3}, )"
                            R"("big": 12345678901234567890, "neg": -9223372036854775809, )"
                            R"("pi": 3.14159265358979323846, "s": "a\u00e9 \"q\""}})";
    const QByteArray printed = R"({"data":{"zeta":1,"alpha":{"y":2,"b":3},)"
                               R"("big":12345678901234567890,"neg":-9223372036854775809,)"
                               R"("pi":3.14159265358979323846,"s":"a\u00e9 \"q\""}})";
    QTest::addRow("JSON body") << u"{ zeta }"_s
                               << TestHttpScript().respond(200, "application/json", sent)
                               << QList<QByteArray> { printed };
    QTest::addRow("multipart subscription")
            << u"subscription { zeta }"_s
            << TestHttpScript()
                       .head(200, MultipartType)
                       .chunk("\r\n--graphql" + part("{ \"payload\" : " + sent + " }"))
                       .chunk(part(R"({"payload":{"data":{"z":1,"a":2}}})") + "--\r\n")
                       .endChunks()
                       .close()
            << QList<QByteArray> { printed, R"({"data":{"z":1,"a":2}})" };
    QTest::addRow("SSE subscription")
            << u"subscription { zeta }"_s
            << TestHttpScript().respond(200, "text/event-stream",
                                        "event: next\ndata: " + sent
                                                + "\n\nevent: complete\ndata:\n\n")
            << QList<QByteArray> { printed };
    QTest::addRow("@defer merged in order")
            << u"{ z ... @defer { big } }"_s
            << TestHttpScript()
                       .head(200, "multipart/mixed; boundary=\"-\"; deferSpec=20220824")
                       .chunk("\r\n---\r\nContent-Type: application/json\r\n\r\n"
                              R"({"data":{"z":{"y":1,"b":2}},"hasNext":true})"
                              "\r\n---\r\nContent-Type: application/json\r\n\r\n"
                              R"({"incremental":[{"data":{"big":12345678901234567890,"a":0},)"
                              R"("path":["z"]}],"hasNext":false})"
                              "\r\n-----\r\n")
                       .endChunks()
                       .close()
            << QList<QByteArray> {
                   R"({"data":{"z":{"y":1,"b":2}},"hasNext":true})",
                   R"({"data":{"z":{"y":1,"b":2,"big":12345678901234567890,"a":0}},"hasNext":false})"
               };
}

void tst_QGraphQLCli::serverTextIsPrinted()
{
    QFETCH(QString, document);
    QFETCH(TestHttpScript, script);
    QFETCH(QList<QByteArray>, lines);

    m_faultHandler = [=](const TestHttpRequest &) { return script; };
    const CliResult result = runCli({ m_faultServer->url().toString(), document });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, lines);
}

void tst_QGraphQLCli::failOnErrors()
{
    const QString wrongLogin
            = u"mutation { login(username: \"ada\", password: \"wrong\") { name } }"_s;
    CliResult result = runCli({ u"--fail-on-errors"_s, demoUrl(), wrongLogin });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(result.lines.size(), 1); // printed first
    QVERIFY(json(result.lines.first()).contains("errors"_L1));

    result = runCli({ demoUrl(), wrongLogin }); // without the option: 0
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);

    result = runCli({ u"--fail-on-errors"_s, demoUrl(), u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);

    // Errors in one event of a stream: every event is printed, then 3.
    m_faultHandler = [](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk("\r\n--graphql" + part(R"({"payload":{"data":{"n":1}}})"))
                .chunk(part(R"({"payload":{"data":null,"errors":[{"message":"bad"}]}})"))
                .chunk(part(R"({"payload":{"data":{"n":3}}})") + "--\r\n")
                .endChunks()
                .close();
    };
    result = runCli(
            { u"--fail-on-errors"_s, m_faultServer->url().toString(), u"subscription { n }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(result.lines.size(), 3);

    // A transport failure keeps 1.
    m_faultHandler = [](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk("\r\n--graphql"
                       + part(R"({"payload":{"data":null,"errors":[{"message":"bad"}]}})"))
                .abort();
    };
    result = runCli(
            { u"--fail-on-errors"_s, m_faultServer->url().toString(), u"subscription { n }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
}

void tst_QGraphQLCli::countEndsSubscription()
{
    // An endless stream: --count ends it cleanly after N results.
    CliResult result = runCli(
            { u"--count"_s, u"3"_s, demoUrl(), u"subscription { clock(intervalMs: 20) }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines.size(), 3);
    QCOMPARE(result.stdErr, QByteArray());

    // The connection is closed by the client, which then exits 0.
    m_faultServer->requests.clear();
    const int disconnectionsBefore = m_faultServer->disconnections();
    m_faultHandler = [](const TestHttpRequest &) {
        return TestHttpScript()
                .head(200, MultipartType)
                .chunk("\r\n--graphql" + part(R"({"payload":{"data":{"n":1}}})"))
                .chunk(part(R"({"payload":{"data":{"n":2}}})"))
                .stall();
    };
    result = runCli(
            { u"--count"_s, u"1"_s, m_faultServer->url().toString(), u"subscription { n }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"n":1}})"_ba });
    QVERIFY(CliProcess::waitFor(
            [&] { return m_faultServer->disconnections() > disconnectionsBefore; }));

    result = runCli({ u"--count"_s, u"many"_s, demoUrl(), u"subscription { clock }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
}

void tst_QGraphQLCli::maxTime()
{
    // A query that never answers.
    m_faultHandler = [](const TestHttpRequest &) {
        return TestHttpScript().stall();
    };
    CliResult result = runCli(
            { u"--max-time"_s, u"0.5"_s, m_faultServer->url().toString(), u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.stdErr.contains(
                     "qgraphql: the operation did not finish within --max-time 0.5 s"),
             result.describe());

    // A subscription that keeps streaming: its results are printed until the limit.
    result = runCli(
            { u"--max-time"_s, u"1"_s, demoUrl(), u"subscription { clock(intervalMs: 50) }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(!result.lines.isEmpty(), result.describe());
    QVERIFY2(result.stdErr.contains("--max-time 1 s"), result.describe());

    // Within the limit: 0.
    result = runCli({ u"--max-time"_s, u"30"_s, demoUrl(), u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);

    result = runCli({ u"--max-time"_s, u"soon"_s, demoUrl(), u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
}

void tst_QGraphQLCli::sigtermExits143()
{
    CliProcess process({ demoUrl(), u"subscription { clock(intervalMs: 50) }"_s });
    QVERIFY(CliProcess::waitFor(
            [&] { return !process.lines().isEmpty() || !process.isRunning(); }));
    QVERIFY(process.isRunning());
    QVERIFY(::kill(pid_t(process.pid()), SIGTERM) == 0);
    const CliResult result = process.finish();
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 143);
    QVERIFY2(result.stdErr.contains("the request was cancelled"), result.describe());
}

void tst_QGraphQLCli::verbose()
{
    QTemporaryDir dir;
    const QString jar = dir.filePath(u"cookies.txt"_s);
    CliResult result
            = runCli({ u"-v"_s, u"-H"_s, u"Authorization: Bearer s3cr3t-token"_s, u"-H"_s,
                       u"X-Visible: yes"_s, u"--cookie-jar"_s, jar, demoUrl(),
                       u"mutation { login(username: \"ada\", password: \"secret\") { name } }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines.size(), 1); // stdout stays clean
    const QByteArray err = result.stdErr;
    QVERIFY2(err.startsWith("> POST /graphql HTTP/1.1\n"), err);
    QVERIFY2(err.contains("> Host: 127.0.0.1:"), err);
    // Header names as sent (the transport lowercases them, as HTTP/2 does).
    QVERIFY2(err.toLower().contains("> x-visible: yes\n"), err);
    QVERIFY2(err.toLower().contains("> authorization: <redacted>\n"), err);
    QVERIFY2(err.contains("\n< HTTP/1.1 200 OK\n"), err);
    QVERIFY2(err.toLower().contains("< set-cookie: <redacted>\n"), err);
    QVERIFY2(!err.contains("s3cr3t"), err);
    QVERIFY2(!err.contains("qgraphql_session"), err);

    // The session cookie, sent from the jar, is redacted too.
    result = runCli({ u"--verbose"_s, u"--cookie-jar"_s, jar, u"-b"_s, u"extra=visible"_s,
                      demoUrl(), u"{ me { name } }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"me":{"name":"ada"}}})"_ba });
    QVERIFY2(result.stdErr.toLower().contains("> cookie: <redacted>\n"), result.stdErr);
    QVERIFY2(!result.stdErr.contains("qgraphql_session"), result.stdErr);
    QVERIFY2(!result.stdErr.contains("visible"), result.stdErr);
}

// The demo server's schema as graphql-js printSchema(buildClientSchema(introspection)) prints
// it (tests/interop checks the same text against graphql-js itself).
static const QByteArray DemoSchemaSdl = R"(type Query {
  """A greeting."""
  hello(name: String = "world"): String!

  """The server's clock, ISO 8601 UTC."""
  serverTime: String!

  """The logged-in user (session cookie), or null."""
  me: User

  """The latest messages posted."""
  messages(last: Int = 10): [Message!]!

  """The value of one of the request's HTTP headers, or null."""
  requestHeader(name: String!): String
}

type Mutation {
  """Password "secret" for any user; sets the qgraphql_session cookie."""
  login(username: String!, password: String!): User

  """Ends the session."""
  logout: Boolean!

  """Posts to the feed of the messageAdded subscription."""
  postMessage(text: String!): Message!
}

type Subscription {
  """The server time, every intervalMs, until cancelled."""
  clock(intervalMs: Int = 1000): String!

  """from, from-1, ... 0, one every intervalMs, then the stream completes."""
  countdown(from: Int!, intervalMs: Int = 1000): Int!

  """Every message postMessage posts, until cancelled."""
  messageAdded: Message!

  """
  Counts 1..after, then ends with a transport-level error {"payload":null,"errors":[...]}.
  """
  failing(after: Int = 1, intervalMs: Int = 200): Int
}

type User {
  id: ID!
  name: String!
}

type Message {
  id: ID!
  text: String!
  author: String!
  postedAt: String!
}
)";

void tst_QGraphQLCli::printSchema_data()
{
    QTest::addColumn<bool>("demo");
    QTest::addRow("URL") << false;
    QTest::addRow("--demo") << true;
}

void tst_QGraphQLCli::printSchema()
{
    const CliResult help = runCli({ u"--help"_s });
    QVERIFY2(help.lines.join('\n').contains("--print-schema"), help.describe());
    QFETCH(bool, demo);
    const CliResult result = runCli(demo ? QStringList { u"--demo"_s, u"--print-schema"_s }
                                         : QStringList { u"--print-schema"_s, demoUrl() });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.stdErr.isEmpty(), result.describe());
    const QByteArray sdl = result.lines.join('\n') + '\n';
    // A few types exactly, then the whole text.
    QVERIFY2(sdl.startsWith("type Query {\n  \"\"\"A greeting.\"\"\"\n  hello(name: String = "
                            "\"world\"): String!\n"),
             sdl);
    QVERIFY2(sdl.contains("\n\ntype User {\n  id: ID!\n  name: String!\n}\n\ntype Message {\n"),
             sdl);
    QVERIFY2(sdl.contains("  countdown(from: Int!, intervalMs: Int = 1000): Int!\n"), sdl);
    QVERIFY2(!sdl.contains("schema {") && !sdl.contains("scalar ") && !sdl.contains("__")
                     && !sdl.contains("directive @"),
             sdl);
    QCOMPARE(sdl, DemoSchemaSdl);
}

void tst_QGraphQLCli::printSchemaFailures_data()
{
    QTest::addColumn<TestHttpScript>("script");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("GraphQL errors")
            << TestHttpScript().respond(
                       200, "application/json",
                       R"({"errors":[{"message":"GraphQL introspection is not allowed"}]})")
            << "introspection failed: GraphQL introspection is not allowed"_ba;
    QTest::addRow("no __schema") << TestHttpScript().respond(200, "application/json",
                                                             R"({"data":{"__schema":null}})")
                                 << "the introspection result has no __schema.types list"_ba;
    QTest::addRow("HTTP 500") << TestHttpScript().respond(500, "text/plain", "down")
                              << "HTTP 500 Internal Server Error"_ba;
}

void tst_QGraphQLCli::printSchemaFailures()
{
    QFETCH(TestHttpScript, script);
    QFETCH(QByteArray, message);
    m_faultHandler = [script](const TestHttpRequest &) {
        return script;
    };
    const CliResult result = runCli({ u"--print-schema"_s, m_faultServer->url().toString() });
    m_faultHandler = {};
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.lines.isEmpty(), result.describe());
    QVERIFY2(result.stdErr.contains(message), result.describe());
}

// --protocol sse against the demo server: GraphQL over SSE end to end.
void tst_QGraphQLCli::sseSubscriptionFromDemoServer()
{
    const CliResult result = runCli({ u"--protocol"_s, u"sse"_s, u"-i"_s, demoUrl(),
                                      u"subscription { countdown(from: 2, intervalMs: 20) }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(
            result.lines,
            (QList<QByteArray> { R"({"data":{"countdown":2}})"_ba, R"({"data":{"countdown":1}})"_ba,
                                 R"({"data":{"countdown":0}})"_ba }));
    QVERIFY2(result.stdErr.contains("content-type: text/event-stream"), result.describe());
}

void tst_QGraphQLCli::headersFromFile()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"headers.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# secrets, kept off the command line\n"
               "Authorization: Bearer from-file\r\n"
               "\n"
               "   \n"
               "X-Api-Key:k1\n"
               "#X-Commented: no\n");
    file.close();
    m_faultServer->requests.clear();
    m_faultHandler = [](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "application/json", R"({"data":{"a":1}})");
    };
    CliResult result = runCli({ u"-H"_s, u"@"_s + file.fileName(), u"-H"_s, u"X-Extra: 2"_s,
                                m_faultServer->url().toString(), u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_faultServer->requests.size(), 1);
    const TestHttpRequest request = m_faultServer->requests.first();
    QCOMPARE(request.header("authorization"), "Bearer from-file"_ba);
    QCOMPARE(request.header("x-api-key"), "k1"_ba);
    QCOMPARE(request.header("x-extra"), "2"_ba);
    QVERIFY(!request.hasHeader("x-commented"));
    QVERIFY(!request.hasHeader("#x-commented"));

    // A malformed line is named by its number, not shown (it may hold a secret).
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("X-Ok: 1\nBearer s3cret\n");
    file.close();
    result = runCli(
            { u"-H"_s, u"@"_s + file.fileName(), m_faultServer->url().toString(), u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.contains("line 2"), result.describe());
    QVERIFY2(!result.stdErr.contains("s3cret"), result.describe());

    result = runCli({ u"-H"_s, u"@/nonexistent/headers.txt"_s, m_faultServer->url().toString(),
                      u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.contains("cannot read headers"), result.describe());
}

void tst_QGraphQLCli::headersFromStdin()
{
    m_faultServer->requests.clear();
    m_faultHandler = [](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "application/json", R"({"data":{"a":1}})");
    };
    CliResult result = runCli({ u"-H"_s, u"@-"_s, m_faultServer->url().toString(), u"{ a }"_s },
                              "# from a secret store\nAuthorization: Bearer from-stdin\n");
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_faultServer->requests.size(), 1);
    QCOMPARE(m_faultServer->requests.first().header("authorization"), "Bearer from-stdin"_ba);

    // The document on stdin too: stdin can be read once.
    m_faultServer->requests.clear();
    result = runCli({ u"-H"_s, u"@-"_s, m_faultServer->url().toString(), u"-"_s },
                    "Authorization: Bearer x\n");
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.contains("cannot both be read from stdin"), result.describe());
    QVERIFY(m_faultServer->requests.isEmpty());
}

void tst_QGraphQLCli::repeatedHeadersCombined()
{
    m_faultServer->requests.clear();
    m_faultHandler = [](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "application/json", R"({"data":{"a":1}})");
    };
    const CliResult result
            = runCli({ u"-H"_s, u"X-Tag: one"_s, u"-H"_s, u"X-Other: z"_s, u"-H"_s, u"x-tag: two"_s,
                       m_faultServer->url().toString(), u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_faultServer->requests.size(), 1);
    const TestHttpRequest request = m_faultServer->requests.first();
    QCOMPARE(request.header("x-tag"), "one, two"_ba); // both values, in order
    QCOMPARE(request.header("x-other"), "z"_ba);
    int tags = 0;
    for (const auto &[name, value] : request.headers)
        tags += name.compare("x-tag", Qt::CaseInsensitive) == 0;
    QCOMPARE(tags, 1);
}

void tst_QGraphQLCli::cacertAndInsecure()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey key;
    if (!makeTestCertificate(dir, &certificate, &key))
        QSKIP("openssl is needed to make the test certificate");
    QFile certFile(dir.filePath(u"cert.pem"_s));
    QFile keyFile(dir.filePath(u"key.pem"_s));

    TlsTestHttpServer server(certificate, key, [](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "application/json", R"({"data":{"a":1}})");
    });
    QVERIFY(server.isListening());
    const QString url = server.url().toString();
    QVERIFY(url.startsWith("https://"_L1));

    // Not trusted by default.
    CliResult result = runCli({ url, u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.lines.isEmpty());
    QCOMPARE(server.requests.size(), 0);

    // Trusted with --cacert.
    result = runCli({ u"--cacert"_s, certFile.fileName(), url, u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.lines, QList<QByteArray> { R"({"data":{"a":1}})"_ba });
    QVERIFY2(!result.stdErr.contains("warning"), result.describe());

    // -k: not verified, with a warning each run.
    for (const QString &option : { u"-k"_s, u"--insecure"_s }) {
        result = runCli({ option, url, u"{ a }"_s });
        VERIFY_RUN(result);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.lines.size(), 1);
        QVERIFY2(result.stdErr.contains("qgraphql: warning: --insecure"), result.describe());
    }

    // A --cacert file that is not PEM, or missing: usage errors.
    result = runCli({ u"--cacert"_s, keyFile.fileName() + u".missing"_s, url, u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QFile notPem(dir.filePath(u"not.pem"_s));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("hello\n");
    notPem.close();
    result = runCli({ u"--cacert"_s, notPem.fileName(), url, u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.contains("no PEM certificate"), result.describe());
}

void tst_QGraphQLCli::networkErrorsNameTheCause()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    CliResult result = runCli({ u"http://127.0.0.1:%1/graphql"_s.arg(port), u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.stdErr,
             "qgraphql: cannot connect to 127.0.0.1:" + QByteArray::number(port)
                     + " (Connection refused)\n");

    // .invalid never resolves (RFC 2606): the host is named.
    result = runCli({ u"http://no-such-host.invalid/graphql"_s, u"{ hello }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.stdErr.startsWith("qgraphql: cannot resolve the host \"no-such-host.invalid\""),
             result.describe());
}

void tst_QGraphQLCli::tlsErrorNamesHostAndProblem()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey key;
    if (!makeTestCertificate(dir, &certificate, &key))
        QSKIP("openssl is needed to make the test certificate");
    TlsTestHttpServer server(certificate, key, [](const TestHttpRequest &) {
        return TestHttpScript().respond(200, "application/json", R"({"data":{"a":1}})");
    });
    QVERIFY(server.isListening());
    const CliResult result = runCli({ server.url().toString(), u"{ a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 1);
    const QByteArray expected = "qgraphql: TLS handshake with 127.0.0.1:"
            + QByteArray::number(server.serverPort()) + " failed: ";
    QVERIFY2(result.stdErr.startsWith(expected), result.describe());
    QVERIFY2(result.stdErr.contains("self-signed") || result.stdErr.contains("self signed"),
             result.describe());
    QCOMPARE(result.stdErr.count('\n'), 1);
}

void tst_QGraphQLCli::operationNameHintOnlyWhereItHelps()
{
    const QString url = m_faultServer->url().toString();
    CliResult result = runCli({ url, u"query A { a } query B { b }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.contains("(use --operation-name)"), result.describe());

    result = runCli({ url, u"fragment F on Query { a }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(!result.stdErr.contains("--operation-name"), result.describe());

    result = runCli({ u"--operation-name"_s, u"C"_s, url, u"query A { a } query B { b }"_s });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(!result.stdErr.contains("(use --operation-name)"), result.describe());
}

void tst_QGraphQLCli::pretty()
{
    // The default stays compact: one line per result.
    const QString document = u"subscription { countdown(from: 1, intervalMs: 10) }"_s;
    CliResult result = runCli({ demoUrl(), document });
    VERIFY_RUN(result);
    QCOMPARE(result.lines,
             (QList<QByteArray> { R"({"data":{"countdown":1}})"_ba,
                                  R"({"data":{"countdown":0}})"_ba }));

    result = runCli({ u"--pretty"_s, demoUrl(), document });
    VERIFY_RUN(result);
    QCOMPARE(result.exitCode, 0);
    const QByteArray text = result.lines.join('\n') + '\n';
    QVERIFY2(result.lines.size() > 2, text); // indented over several lines
    QVERIFY2(text.contains("\n    \"data\": {\n"), text);
    // Each result is a whole JSON document; documents end with "}" on a line of its own.
    QList<QByteArray> documents = text.split('\n');
    QList<QJsonObject> objects;
    QByteArray current;
    for (const QByteArray &line : std::as_const(documents)) {
        current += line + '\n';
        if (line == "}") {
            QJsonParseError error;
            const QJsonDocument parsed = QJsonDocument::fromJson(current, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, current);
            objects.append(parsed.object());
            current.clear();
        }
    }
    QVERIFY2(current.trimmed().isEmpty(), text);
    QCOMPARE(objects,
             (QList<QJsonObject> { json(R"({"data":{"countdown":1}})"),
                                   json(R"({"data":{"countdown":0}})") }));
}

void tst_QGraphQLCli::cookieJarOwnerOnly()
{
    QTemporaryDir dir;
    const QString created = dir.filePath(u"new.txt"_s);
    const QString existing = dir.filePath(u"existing.txt"_s);
    {
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\told\tx\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                    | QFile::ReadOther));
    }
    for (const QString &jar : { created, existing }) {
        // umask 0: without care the jar would be world-readable.
        QProcess process;
        process.setProgram(QStringLiteral(QGRAPHQL_CLI_PATH));
        process.setArguments(
                { u"--cookie-jar"_s, jar, demoUrl(),
                  u"mutation { login(username: \"ada\", password: \"secret\") { name } }"_s });
        process.setChildProcessModifier([] { ::umask(0); });
        process.start();
        QVERIFY(CliProcess::waitFor([&] { return process.state() == QProcess::NotRunning; }));
        QCOMPARE(process.exitCode(), 0);
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(jar).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        QFile file(jar);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("qgraphql_session"));
    }
}

void tst_QGraphQLCli::docsMatchHelp()
{
    const QString readmePath = QFINDTESTDATA("../../README.md");
    const QString cliDocPath = QFINDTESTDATA("../../doc/cli.md");
    QFile readmeFile(readmePath);
    QFile cliDocFile(cliDocPath);
    QVERIFY2(readmeFile.open(QIODevice::ReadOnly), qPrintable(readmePath));
    QVERIFY2(cliDocFile.open(QIODevice::ReadOnly), qPrintable(cliDocPath));
    const QByteArray readme = readmeFile.readAll();
    const QByteArray cliDoc = cliDocFile.readAll();

    const CliResult help = runCli({ u"--help"_s });
    QCOMPARE(help.exitCode, 0);
    // Every option --help lists is documented in doc/cli.md and named in the README.
    int options = 0;
    for (const QByteArray &line : help.lines) {
        const QByteArray trimmed = line.trimmed();
        if (!line.startsWith("  -") || line.startsWith("   "))
            continue;
        for (QByteArray word : trimmed.split(' ')) {
            word = word.endsWith(',') ? word.chopped(1) : word;
            if (!word.startsWith("--"))
                continue;
            ++options;
            QVERIFY2(cliDoc.contains("`" + word) || cliDoc.contains(", " + word),
                     "doc/cli.md does not document " + word);
            QVERIFY2(readme.contains(word), "README.md does not name " + word);
        }
    }
    QVERIFY2(options >= 20, help.lines.join('\n'));
    // The same usage lines and exit codes in all three.
    const QByteArray helpText = help.lines.join('\n');
    for (const QByteArray usage :
         { "qgraphql [options] URL DOCUMENT"_ba, "qgraphql --demo [options] [URL] DOCUMENT"_ba,
           "qgraphql --print-schema [options] URL"_ba }) {
        QVERIFY2(helpText.contains(usage), usage);
        QVERIFY2(cliDoc.contains(usage), usage);
        QVERIFY2(readme.contains(usage), usage);
    }
    for (const QByteArray code : { "130"_ba, "143"_ba, "Server-Sent Events"_ba }) {
        QVERIFY2(helpText.contains(code), code);
        QVERIFY2(cliDoc.contains(code), code);
        QVERIFY2(readme.contains(code), code);
    }
    QVERIFY(helpText.contains("3 with --fail-on-errors"));
    QVERIFY(cliDoc.contains("| 3 |"));
    QVERIFY(readme.contains("**3**"));
    // GraphQL that a spec-following server accepts: countdown(from:) is Int!.
    QVERIFY(!readme.contains("$from: Int)"));
    QVERIFY(!cliDoc.contains("$from: Int)"));
    // First contact: the licence and what to install.
    QVERIFY(readme.contains("LGPL-3.0-only"));
    QVERIFY(QFile::exists(QFINDTESTDATA("../../LICENSE")));
    QVERIFY(QFile::exists(QFINDTESTDATA("../../LICENSE.GPL-3")));
    for (const QByteArray option :
         { "QGRAPHQL_BUILD_TESTS"_ba, "QGRAPHQL_BUILD_BENCHMARKS"_ba, "QGRAPHQL_BUILD_QML"_ba,
           "QGRAPHQL_BUILD_EXAMPLES"_ba, "qt6-base-dev"_ba, "qt6-declarative-dev"_ba })
        QVERIFY2(readme.contains(option), option);
}

QTEST_GUILESS_MAIN(tst_QGraphQLCli)
#include "tst_qgraphqlcli.moc"
