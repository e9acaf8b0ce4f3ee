// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QML example: qgraphql-qml-example [--smoke-test SCREENSHOT.png] URL
// With --smoke-test it posts a message once the feed is live, waits until the subscription
// delivers it back, saves a screenshot and exits 0 (1 after 20 s without it).

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qtimer.h>
#include <QtGui/qguiapplication.h>
#include <QtQml/qqmlapplicationengine.h>
#include <QtQuick/qquickwindow.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
            { u"smoke-test"_s, u"Run unattended, save a screenshot to <file>."_s, u"file"_s });
    parser.addPositionalArgument(
            u"url"_s,
            u"The demo server's GraphQL endpoint: http://…/graphql, or ws://…/graphql for "
            "GraphQL over WebSocket."_s);
    parser.process(app);
    const bool smokeTest = parser.isSet(u"smoke-test"_s);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(QGRAPHQL_QML_IMPORT_DIR)); // the build tree's modules
    engine.setInitialProperties({
            { u"endpoint"_s,
              QUrl(parser.positionalArguments().value(0, u"http://127.0.0.1:4000/graphql"_s)) },
            { u"smokeTest"_s, smokeTest },
    });
    engine.load(QUrl(u"qrc:/QGraphQLExample/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;

    if (smokeTest) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        const QString screenshot = parser.value(u"smoke-test"_s);
        QObject::connect(window, SIGNAL(liveMessageArrived(QString)), &app, SLOT(quit()));
        QObject::connect(&app, &QCoreApplication::aboutToQuit, window,
                         [window, screenshot] { window->grabWindow().save(screenshot); });
        QTimer::singleShot(20000, &app, [] {
            qWarning("smoke test: no live message within 20 s");
            QCoreApplication::exit(1);
        });
    }
    return app.exec();
}
