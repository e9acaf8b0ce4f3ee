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
#include <QtQml/qjsvalue.h>
#include <QtQml/qqml.h>
#include <QtQml/qqmlparserstatus.h>

#include <memory>
#include <optional>
#include <vector>

// What Query, Mutation and Subscription share: the request members, the latest result as
// plain JS values, the failure (errorString, errorKind, httpStatusCode), and ownership of the
// running C++ operations (one, or several for a Mutation).
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
    Q_PROPERTY(QVariant errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(QGraphQLTransportError::Kind errorKind READ errorKind NOTIFY errorKindChanged)
    Q_PROPERTY(int httpStatusCode READ httpStatusCode NOTIFY httpStatusCodeChanged)

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
    QVariant errors() const { return m_errors; }
    QString errorString() const { return m_errorString; }
    //! The kind of the last failure; NoError while running, after success, and for a failure
    //! before any request (no transport, no query).
    QGraphQLTransportError::Kind errorKind() const { return m_errorKind; }
    //! The HTTP status of the failed response (0 when none arrived); 0 unless failed.
    int httpStatusCode() const { return m_httpStatusCode; }

    void classBegin() override { }
    void componentComplete() override;

Q_SIGNALS:
    void transportChanged();
    void queryChanged();
    void variablesChanged();
    void operationNameChanged();
    //! The whole result, as it arrived (C++ only: ResultListModel's source connects to it).
    void resultArrived(const QGraphQLResult &result);
    void dataChanged();
    void errorsChanged();
    void errorStringChanged();
    void errorKindChanged();
    void httpStatusCodeChanged();

protected:
    //! query, variables, operationName or transport changed (after componentComplete()).
    virtual void requestChanged() { }

    bool isComplete() const { return m_complete; }
    //! Start a query or mutation (transport->execute()) next to the running operations, or a
    //! subscription (transport->subscribe()) replacing (and silently aborting) them. Return
    //! null, with errorString set, when there is no transport or no query.
    QGraphQLReply *startReply();
    QGraphQLSubscription *startSubscription();
    //! The operation started last, or null.
    QGraphQLOperation *operation() const
    {
        return m_operations.empty() ? nullptr : m_operations.back().get();
    }
    //! The operations that have not finished, oldest first.
    QList<QGraphQLOperation *> runningOperations() const;
    //! Aborts the operations, if any, without any signal.
    void dropOperation();
    //! Forgets \a operation (deleted later), from inside its finished() for example.
    void releaseOperation(QGraphQLOperation *operation);
    void setResult(const QGraphQLResult &result);
    void setErrorString(const QString &errorString);
    //! errorString, errorKind and httpStatusCode back to empty, NoError and 0.
    void clearFailure();
    //! True when \a operation failed or was cancelled; errorString, errorKind and
    //! httpStatusCode then describe its error.
    bool takeFailure(const QGraphQLOperation *operation);

private:
    using OperationPtr = std::unique_ptr<QGraphQLOperation, void (*)(QGraphQLOperation *)>;

    //! The request to send, or nullopt (errorString set).
    std::optional<QGraphQLRequest> prepareRequest();
    void setFailure(QGraphQLTransportError::Kind kind, int httpStatusCode);

    QPointer<QGraphQLTransport> m_transport;
    QString m_query;
    QVariantMap m_variables;
    QString m_operationName;
    QVariant m_data;
    QVariant m_errors;
    QJSValue m_jsonParse; // the engine's JSON.parse, looked up once
    QString m_errorString;
    QGraphQLTransportError::Kind m_errorKind = QGraphQLTransportError::NoError;
    int m_httpStatusCode = 0;
    bool m_complete = false;
    std::vector<OperationPtr> m_operations;
};

#endif // QQMLGRAPHQLOPERATIONBASE_P_H
