// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef DEMOSERVICE_H
#define DEMOSERVICE_H

#include "httpconnection.h"

#include <QGraphQL/qgraphqldocument.h>

#include <QtCore/qhash.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>

class EventStream;

//! What one request brings to the resolvers and what they add to its response.
struct RequestContext
{
    HttpRequest request;
    QString userName; //!< from the session cookie; empty when not logged in
    HttpHeaders responseHeaders; //!< Set-Cookie from login and logout
};

//! The demo's data and resolvers: sessions, the message feed, and one resolver per field.
//! Values are returned whole; DemoSchema shapes them to the selection.
class DemoService : public QObject
{
    Q_OBJECT
public:
    static constexpr char SessionCookie[] = "qgraphql_session";
    static constexpr char Password[] = "secret";

    struct FieldResult
    {
        QJsonValue value = QJsonValue::Null;
        QString errorMessage; //!< a field error: the value is null
        QString errorCode;

        static FieldResult of(const QJsonValue &json) { return { json, {}, {} }; }
        static FieldResult error(const QString &message, const QString &code)
        {
            return { QJsonValue::Null, message, code };
        }
    };

    explicit DemoService(QObject *parent = nullptr);

    //! Fills in userName from the request's session cookie.
    void authenticate(RequestContext *context) const;

    FieldResult resolve(const QString &typeName, const QGraphQLDocument::Field &field,
                        RequestContext *context);
    //! A stream for a subscription field, or nullptr with *error set.
    EventStream *subscribe(const QGraphQLDocument::Field &field, const RequestContext &context,
                           QString *error);

Q_SIGNALS:
    void messagePosted(const QJsonObject &message);

private:
    FieldResult login(const QJsonObject &arguments, RequestContext *context);
    FieldResult logout(RequestContext *context);
    FieldResult postMessage(const QString &text, const RequestContext &context);

    QHash<QByteArray, QString> m_sessions; // token -> user name
    QJsonArray m_messages;
    int m_nextMessageId = 1;
};

#endif // DEMOSERVICE_H
