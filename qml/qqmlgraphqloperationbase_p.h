// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLOPERATIONBASE_P_H
#define QQMLGRAPHQLOPERATIONBASE_P_H

#include "qqmlgraphqltransport_p.h"

#include <QGraphQL/qgraphqloperation.h>
#include <QGraphQL/qgraphqlreply.h>
#include <QGraphQL/qgraphqlsubscription.h>

#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqml.h>
#include <QtQml/qqmlparserstatus.h>

#include <memory>
#include <optional>

// What Query, Mutation and Subscription share: the request members, the latest result as
// plain JS values, the error string, and ownership of the running C++ operation.
class QQmlGraphQLOperationBase : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ANONYMOUS
    Q_PROPERTY(
            QGraphQLTransport *transport READ transport WRITE setTransport NOTIFY transportChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QVariantMap variables READ variables WRITE setVariables NOTIFY variablesChanged)
    Q_PROPERTY(QString operationName READ operationName WRITE setOperationName NOTIFY
                       operationNameChanged)
    Q_PROPERTY(QVariant data READ data NOTIFY dataChanged)
    Q_PROPERTY(QVariantList errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit QQmlGraphQLOperationBase(QObject *parent = nullptr);
    ~QQmlGraphQLOperationBase() override;

    QGraphQLTransport *transport() const { return m_transport; }
    void setTransport(QGraphQLTransport *transport);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    QVariantMap variables() const { return m_variables; }
    void setVariables(const QVariantMap &variables);
    QString operationName() const { return m_operationName; }
    void setOperationName(const QString &name);
    QVariant data() const { return m_data; }
    QVariantList errors() const { return m_errors; }
    QString errorString() const { return m_errorString; }

    void classBegin() override { }
    void componentComplete() override;

Q_SIGNALS:
    void transportChanged();
    void queryChanged();
    void variablesChanged();
    void operationNameChanged();
    void dataChanged();
    void errorsChanged();
    void errorStringChanged();

protected:
    //! query, variables, operationName or transport changed (after componentComplete()).
    virtual void requestChanged() { }

    bool isComplete() const { return m_complete; }
    //! Start a query or mutation (transport->execute()), or a subscription
    //! (transport->subscribe()), replacing (and silently aborting) a running operation. Return
    //! null, with errorString set, when there is no transport or no query.
    QGraphQLReply *startReply();
    QGraphQLSubscription *startSubscription();
    QGraphQLOperation *operation() const { return m_operation.get(); }
    //! Aborts the running operation, if any, without any signal.
    void dropOperation();
    void setResult(const QGraphQLResult &result);
    void setErrorString(const QString &errorString);
    //! True when \a operation failed; errorString then holds its error's message.
    bool takeFailure(const QGraphQLOperation *operation);

private:
    //! Drops the running operation; the request to send, or nullopt (errorString set).
    std::optional<QGraphQLRequest> prepareRequest();

    QPointer<QGraphQLTransport> m_transport;
    QString m_query;
    QVariantMap m_variables;
    QString m_operationName;
    QVariant m_data;
    QVariantList m_errors;
    QString m_errorString;
    bool m_complete = false;
    std::unique_ptr<QGraphQLOperation, void (*)(QGraphQLOperation *)> m_operation;
};

#endif // QQMLGRAPHQLOPERATIONBASE_P_H
