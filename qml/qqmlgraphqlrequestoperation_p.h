// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLREQUESTOPERATION_P_H
#define QQMLGRAPHQLREQUESTOPERATION_P_H

#include "qqmlgraphqloperationbase_p.h"

// What Query and Mutation share: run() sends the operation; status goes Loading, then Ready
// or Error; data and errors follow each result; finished() marks the end of a run. Running
// again while a run is loading replaces it.
class QQmlGraphQLRequestOperation : public QQmlGraphQLOperationBase
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)

public:
    enum Status {
        Idle, // never run
        Loading, // running
        Ready, // the last run completed; data and errors hold its result
        Error, // the last run failed: see errorString
    };
    Q_ENUM(Status)

    explicit QQmlGraphQLRequestOperation(QObject *parent = nullptr);

    Status status() const { return m_status; }

    Q_INVOKABLE void run();

Q_SIGNALS:
    void statusChanged();
    void finished();

private:
    void setStatus(Status status);
    Status m_status = Idle;
};

// QML: Query { transport; query; variables; operationName; autoRun; data; errors; status;
// errorString; run(); onFinished: … }. With autoRun, it runs when the component is complete
// and again whenever query, variables, operationName or transport change.
class QQmlGraphQLQuery : public QQmlGraphQLRequestOperation
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Query)
    Q_PROPERTY(bool autoRun READ autoRun WRITE setAutoRun NOTIFY autoRunChanged)

public:
    explicit QQmlGraphQLQuery(QObject *parent = nullptr);

    bool autoRun() const { return m_autoRun; }
    void setAutoRun(bool autoRun);

    void componentComplete() override;

Q_SIGNALS:
    void autoRunChanged();

protected:
    void requestChanged() override;

private:
    bool m_autoRun = false;
};

// QML: Mutation { transport; query; variables; operationName; data; errors; status;
// errorString; run(); run(variables); onFinished: … }
class QQmlGraphQLMutation : public QQmlGraphQLRequestOperation
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Mutation)

public:
    explicit QQmlGraphQLMutation(QObject *parent = nullptr);

    //! Runs; with an argument, sets variables first.
    Q_INVOKABLE void run(const QVariant &variables = QVariant());
};

#endif // QQMLGRAPHQLREQUESTOPERATION_P_H
