// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLREQUESTOPERATION_P_H
#define QQMLGRAPHQLREQUESTOPERATION_P_H

#include "qqmlgraphqloperationbase_p.h"

// What Query and Mutation share: run() sends the operation; status goes Loading, then Ready
// or Error; data and errors follow each result; finished() marks the end of a run; cancel()
// ends the running runs (Error, errorKind Cancelled, finished() for each). A Query's run
// replaces a run that is loading; a Mutation's runs are independent of each other.
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
        Error, // the last run failed or was cancelled: see errorString and errorKind
    };
    Q_ENUM(Status)

    explicit QQmlGraphQLRequestOperation(QObject *parent = nullptr);

    Status status() const { return m_status; }

    Q_INVOKABLE void run();
    //! Aborts the running run(s): each ends in Error with errorKind Cancelled and its own
    //! finished(). Does nothing when nothing runs.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void statusChanged();
    void finished();

protected:
    //! Starts a run next to those in flight (Mutation); run() drops them first (Query).
    void startRun();

private:
    void setStatus(Status status);
    Status m_status = Idle;
};

// QML: Query { transport; query; variables; operationName; autoRun; data; errors; status;
// errorString; errorKind; httpStatusCode; run(); cancel(); onFinished: … }. With autoRun, it runs
// when the component is complete and again whenever query, variables, operationName or transport
// change.
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
// errorString; errorKind; httpStatusCode; run(); run(variables); cancel(); onFinished: … }
//
// A run never cancels another (the server may already have applied it): each run ends with
// its own finished(), inside which data, errors, errorString, errorKind and httpStatusCode
// describe that run. status is Loading while any run is in flight, then tells how the run
// that ended last ended.
class QQmlGraphQLMutation : public QQmlGraphQLRequestOperation
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Mutation)

public:
    explicit QQmlGraphQLMutation(QObject *parent = nullptr);

    //! Runs; with an argument, sets variables first. Runs already in flight go on.
    Q_INVOKABLE void run(const QVariant &variables = QVariant());
};

#endif // QQMLGRAPHQLREQUESTOPERATION_P_H
