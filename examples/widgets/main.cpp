// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// Widgets example: qgraphql-widgets-example [--smoke-test SCREENSHOT.png] URL
// With --smoke-test it logs in, posts a message, waits until the live subscription delivers
// it back, saves a screenshot and exits 0 (1 after 20 s without it).

#include "messagewindow.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qtimer.h>
#include <QtWidgets/qapplication.h>

#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
            { u"smoke-test"_s, u"Run unattended, save a screenshot to <file>."_s, u"file"_s });
    parser.addPositionalArgument(u"url"_s, u"The demo server's GraphQL endpoint."_s);
    parser.process(app);
    const QUrl url(parser.positionalArguments().value(0, u"http://127.0.0.1:4000/graphql"_s));

    MessageWindow window(url);
    window.resize(480, 360);
    window.show();

    if (parser.isSet(u"smoke-test"_s)) {
        const QString screenshot = parser.value(u"smoke-test"_s);
        const QString text = u"hello from the widgets example"_s;
        // Post once the feed is live and the plain GET has shown the shared session cookie.
        auto pending = std::make_shared<int>(2);
        const auto postWhenReady = [&window, text, pending] {
            if (--*pending == 0)
                window.post(text);
        };
        QObject::connect(&window, &MessageWindow::feedConnected, &window, postWhenReady);
        QObject::connect(&window, &MessageWindow::whoAmIAnswered, &window,
                         [postWhenReady](const QString &name) {
                             if (name.isEmpty()) { // the GET did not carry the login cookie
                                 qWarning("smoke test: the GET was not logged in");
                                 QCoreApplication::exit(1);
                                 return;
                             }
                             postWhenReady();
                         });
        QObject::connect(&window, &MessageWindow::messageReceived, &window,
                         [&window, screenshot, text](const QString &author, const QString &t) {
                             if (t != text)
                                 return;
                             qInfo("live message from %s arrived", qPrintable(author));
                             QCoreApplication::exit(window.grab().save(screenshot) ? 0 : 1);
                         });
        QTimer::singleShot(20000, &app, [] {
            qWarning("smoke test: no live message within 20 s");
            QCoreApplication::exit(1);
        });
        window.logIn(u"ada"_s);
    }
    return app.exec();
}
