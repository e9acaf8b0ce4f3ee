// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Smoke tests of the examples: each runs offscreen against the real demo server, must see
// live data arrive through its subscription, and leaves a screenshot that is not blank.

#include "demoserverfixture.h"

#include <QtCore/qprocess.h>
#include <QtCore/qset.h>
#include <QtCore/qtemporarydir.h>
#include <QtGui/qimage.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

class tst_Examples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveDataAndScreenshot_data();
    void liveDataAndScreenshot();
};

void tst_Examples::liveDataAndScreenshot_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<bool>("webSocket"); // the demo server's ws:// URL
    QTest::addRow("widgets") << QStringLiteral(QGRAPHQL_WIDGETS_EXAMPLE_PATH) << false;
#ifdef QGRAPHQL_QML_EXAMPLE_PATH
    QTest::addRow("qml") << QStringLiteral(QGRAPHQL_QML_EXAMPLE_PATH) << false;
#ifdef QGRAPHQL_EXAMPLES_WEBSOCKET
    QTest::addRow("qml over WebSocket") << QStringLiteral(QGRAPHQL_QML_EXAMPLE_PATH) << true;
#endif
#endif
}

void tst_Examples::liveDataAndScreenshot()
{
    QFETCH(QString, program);
    QFETCH(bool, webSocket);
    DemoServerFixture server;
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString screenshot = dir.filePath(u"screenshot.png"_s);

    QProcess example;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    example.setProcessEnvironment(environment);
    example.setProcessChannelMode(QProcess::MergedChannels);
    QUrl url = server.url;
    if (webSocket)
        url.setScheme(u"ws"_s);
    example.start(program, { u"--smoke-test"_s, screenshot, url.toString() });
    QVERIFY2(example.waitForStarted(30000), qPrintable(example.errorString()));
    QVERIFY(example.waitForFinished(60000));
    const QByteArray output = example.readAll();
    QVERIFY2(example.exitStatus() == QProcess::NormalExit && example.exitCode() == 0,
             output.constData());

    const QImage image(screenshot);
    QVERIFY2(!image.isNull(), "no screenshot");
    QVERIFY(image.width() >= 100 && image.height() >= 100);
    QSet<QRgb> colors;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colors.insert(image.pixel(x, y));
    }
    // A blank (single-colour) window fails; text, borders and the list give many colours.
    QVERIFY2(colors.size() >= 8, qPrintable(u"only %1 colours"_s.arg(colors.size())));
}

QTEST_MAIN(tst_Examples)
#include "tst_examples.moc"
