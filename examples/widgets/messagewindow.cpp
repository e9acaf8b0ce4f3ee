// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "messagewindow.h"

#include <QGraphQL/qgraphqlhttptransport.h>

#include <QtCore/qjsondocument.h>
#include <QtCore/qurlquery.h>
#include <QtNetwork/qnetworkaccessmanager.h>
#include <QtNetwork/qnetworkreply.h>
#include <QtWidgets/qboxlayout.h>
#include <QtWidgets/qlabel.h>
#include <QtWidgets/qlineedit.h>
#include <QtWidgets/qlistwidget.h>
#include <QtWidgets/qpushbutton.h>

using namespace Qt::StringLiterals;

MessageWindow::MessageWindow(const QUrl &endpoint, QWidget *parent)
    : QWidget(parent), m_endpoint(endpoint), m_network(new QNetworkAccessManager(this)),
      m_transport(new QGraphQLHttpTransport(endpoint, this)), m_nameEdit(new QLineEdit(u"ada"_s)),
      m_loginButton(new QPushButton(tr("Log in"))), m_whoAmI(new QLabel(tr("Not logged in"))),
      m_messages(new QListWidget), m_messageEdit(new QLineEdit),
      m_postButton(new QPushButton(tr("Post"))), m_status(new QLabel)
{
    setWindowTitle(tr("QGraphQL messages"));
    // The application's manager carries the transport's requests too: one cookie jar.
    m_transport->setNetworkAccessManager(m_network);
    m_transport->setHeartbeatTimeout(15000);

    auto *loginRow = new QHBoxLayout;
    loginRow->addWidget(new QLabel(tr("Name:")));
    loginRow->addWidget(m_nameEdit);
    loginRow->addWidget(m_loginButton);
    auto *postRow = new QHBoxLayout;
    postRow->addWidget(m_messageEdit);
    postRow->addWidget(m_postButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(loginRow);
    layout->addWidget(m_whoAmI);
    layout->addWidget(m_messages);
    layout->addLayout(postRow);
    layout->addWidget(m_status);
    m_postButton->setEnabled(false);
    m_messageEdit->setPlaceholderText(tr("Say something"));

    connect(m_loginButton, &QPushButton::clicked, this, [this] { logIn(m_nameEdit->text()); });
    connect(m_postButton, &QPushButton::clicked, this, [this] {
        post(m_messageEdit->text());
        m_messageEdit->clear();
    });
    connect(m_messageEdit, &QLineEdit::returnPressed, m_postButton, &QPushButton::click);
    showStatus(tr("Log in to join the feed at %1").arg(endpoint.toString()));
}

void MessageWindow::logIn(const QString &name)
{
    QGraphQLReply *reply = m_transport->execute(QGraphQLRequest(
            u"mutation($name: String!) { login(username: $name, password: \"secret\") { name } }"_s,
            { { u"name"_s, name } }));
    connect(reply, &QGraphQLReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QGraphQLReply::finished, this, [this, reply] {
        if (reply->error().isError()) {
            showStatus(tr("Login failed: %1").arg(reply->error().message()));
            return;
        }
        const QGraphQLResult result = reply->result();
        if (result.hasErrors()) {
            showStatus(tr("Login refused: %1").arg(result.errors().first().message()));
            return;
        }
        const QString name = result.data()["login"_L1]["name"_L1].toString();
        showStatus(tr("Logged in as %1").arg(name));
        m_postButton->setEnabled(true);
        Q_EMIT loggedIn(name);
        subscribeToMessages(); // now with the session cookie
        askWhoAmI();
    });
}

void MessageWindow::post(const QString &text)
{
    QGraphQLReply *reply = m_transport->execute(
            QGraphQLRequest(u"mutation($text: String!) { postMessage(text: $text) { id } }"_s,
                            { { u"text"_s, text } }));
    connect(reply, &QGraphQLReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QGraphQLReply::errorOccurred, this, [this](const QGraphQLTransportError &e) {
        showStatus(tr("Posting failed: %1").arg(e.message()));
    });
}

void MessageWindow::subscribeToMessages()
{
    if (m_subscription)
        m_subscription->deleteLater(); // aborts the old stream
    m_subscription = m_transport->subscribe(
            QGraphQLRequest(u"subscription { messageAdded { author text } }"_s));
    connect(m_subscription, &QGraphQLSubscription::resultReceived, this, &MessageWindow::onMessage);
    connect(m_subscription, &QGraphQLSubscription::errorOccurred, this,
            &MessageWindow::onSubscriptionError);
    connect(m_subscription, &QGraphQLSubscription::stateChanged, this,
            [this](QGraphQLOperation::State state) {
                if (state == QGraphQLOperation::Active)
                    Q_EMIT feedConnected();
            });
    connect(m_subscription, &QGraphQLSubscription::finished, m_subscription, &QObject::deleteLater);
}

// The application's own request, through the same manager: the login's session cookie is
// in the shared jar, so the server knows who asks.
void MessageWindow::askWhoAmI()
{
    QUrl url = m_endpoint;
    url.setQuery(QUrlQuery { { u"query"_s, u"{ me { name } }"_s } });
    QNetworkReply *reply = m_network->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QJsonValue me = QJsonDocument::fromJson(reply->readAll())["data"_L1]["me"_L1];
        const QString name = me["name"_L1].toString();
        m_whoAmI->setText(name.isEmpty() ? tr("The server does not know us")
                                         : tr("Plain GET /graphql?query={me} says: %1").arg(name));
        Q_EMIT whoAmIAnswered(name);
    });
}

void MessageWindow::onMessage(const QGraphQLResult &result)
{
    if (result.hasErrors()) {
        showStatus(result.errors().first().message());
        return;
    }
    const QJsonValue message = result.data()["messageAdded"_L1];
    const QString author = message["author"_L1].toString();
    const QString text = message["text"_L1].toString();
    m_messages->addItem(u"%1: %2"_s.arg(author, text));
    m_messages->scrollToBottom();
    Q_EMIT messageReceived(author, text);
}

void MessageWindow::onSubscriptionError(const QGraphQLTransportError &error)
{
    showStatus(tr("The feed stopped: %1").arg(error.message()));
}

void MessageWindow::showStatus(const QString &text)
{
    m_status->setText(text);
}
