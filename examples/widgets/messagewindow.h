// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef MESSAGEWINDOW_H
#define MESSAGEWINDOW_H

#include <QtCore/qpointer.h>
#include <QtCore/qurl.h>
#include <QtWidgets/qwidget.h>

class QGraphQLHttpTransport;
class QGraphQLResult;
class QGraphQLSubscription;
class QGraphQLTransportError;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;

// A message feed on the demo server. One QNetworkAccessManager, and so one cookie jar, serves
// both the GraphQL transport and the application's own plain HTTP request: the session
// cookie set by the login mutation is sent by the live subscription and by a GET.
class MessageWindow : public QWidget
{
    Q_OBJECT

public:
    explicit MessageWindow(const QUrl &endpoint, QWidget *parent = nullptr);

    void logIn(const QString &name);
    void post(const QString &text);

Q_SIGNALS:
    void loggedIn(const QString &name);
    void whoAmIAnswered(const QString &name); // from the application's own GET
    void feedConnected(); // the subscription's response has started
    void messageReceived(const QString &author, const QString &text);

private:
    void subscribeToMessages();
    void askWhoAmI();
    void onMessage(const QGraphQLResult &result);
    void onSubscriptionError(const QGraphQLTransportError &error);
    void showStatus(const QString &text);

    QUrl m_endpoint;
    QNetworkAccessManager *m_network;
    QGraphQLHttpTransport *m_transport;
    QPointer<QGraphQLSubscription> m_subscription;

    QLineEdit *m_nameEdit;
    QPushButton *m_loginButton;
    QLabel *m_whoAmI;
    QListWidget *m_messages;
    QLineEdit *m_messageEdit;
    QPushButton *m_postButton;
    QLabel *m_status;
};

#endif // MESSAGEWINDOW_H
