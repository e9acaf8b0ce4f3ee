// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLSUBSCRIPTION_P_H
#define QQMLGRAPHQLSUBSCRIPTION_P_H

#include "qqmlgraphqloperationbase_p.h"

// QML: Subscription { transport; query; variables; operationName; active; data; errors;
// status; errorString; errorKind; httpStatusCode; restart(); onResultReceived: (data, errors)
// => …; onFinished: … }
//
// active: true starts the subscription (once the component is complete), false cancels it,
// true again resubscribes. Changing query, variables, operationName or transport while
// active resubscribes. active keeps the value the application gave it; status tells whether
// the stream is running. restart() subscribes again while active (a new stream replaces the
// running one, as a change of variables does); while inactive it does nothing.
class QQmlGraphQLSubscription : public QQmlGraphQLOperationBase
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Subscription)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)

public:
    enum Status {
        Idle, // not active
        Connecting, // request sent, waiting for the response
        Active, // streaming
        Finished, // the server ended the stream normally
        Error, // the stream failed: see errorString
    };
    Q_ENUM(Status)

    explicit QQmlGraphQLSubscription(QObject *parent = nullptr);

    bool isActive() const { return m_active; }
    void setActive(bool active);
    Status status() const { return m_status; }

    //! While active: drops the running stream (if any) silently and subscribes again with the
    //! current query and variables; no finished() for the dropped stream. Does nothing while
    //! not active.
    Q_INVOKABLE void restart();

    void componentComplete() override;

Q_SIGNALS:
    void activeChanged();
    void statusChanged();
    //! Once per payload; data and errors are also the new values of the properties.
    void resultReceived(const QVariant &data, const QVariant &errors);
    //! The stream ended, for any reason: the server finished it, it failed, or active was set
    //! to false. Not emitted when a change of query or variables resubscribes.
    void finished();
    //! The stream failed for a network reason and resubscribes in \a delay ms (attempt number
    //! \a attempt) because the transport's retryAttempts allows it; status is Connecting.
    void reconnecting(int attempt, int delay, const QString &errorString);

protected:
    void requestChanged() override;

private:
    void subscribe();
    void setStatus(Status status);

    bool m_active = false;
    Status m_status = Idle;
};

#endif // QQMLGRAPHQLSUBSCRIPTION_P_H
