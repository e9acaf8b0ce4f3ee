// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLRETRYPOLICY_H
#define QGRAPHQLRETRYPOLICY_H

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqltransporterror.h>

#include <QtCore/qmetatype.h>
#include <QtCore/qobjectdefs.h>

//! When and how often a subscription that failed for a network reason resubscribes.
//!
//! Off by default (maxAttempts() == 0). A subscription is retried after a NetworkError (refused,
//! reset, DNS, a stream that ended before its close delimiter), a Timeout (request or
//! heartbeat) or an HTTP 502, 503 or 504; never after a GraphQL, protocol or server error, nor
//! after cancel(). Attempt n waits min(maxDelay, initialDelay * multiplier^(n-1)), spread by
//! +/- jitter (a fraction), before it starts. The count starts again once a response streams.
class QGRAPHQL_EXPORT QGraphQLRetryPolicy
{
    Q_GADGET
    Q_PROPERTY(int maxAttempts READ maxAttempts WRITE setMaxAttempts)
    Q_PROPERTY(int initialDelay READ initialDelay WRITE setInitialDelay)
    Q_PROPERTY(int maxDelay READ maxDelay WRITE setMaxDelay)
    Q_PROPERTY(double multiplier READ multiplier WRITE setMultiplier)
    Q_PROPERTY(double jitter READ jitter WRITE setJitter)

public:
    QGraphQLRetryPolicy() = default;
    explicit QGraphQLRetryPolicy(int maxAttempts) : m_maxAttempts(qMax(0, maxAttempts)) { }

    bool isEnabled() const { return m_maxAttempts > 0; }

    //! Attempts after the first failure; 0 turns retrying off.
    int maxAttempts() const { return m_maxAttempts; }
    void setMaxAttempts(int attempts) { m_maxAttempts = qMax(0, attempts); }

    //! Milliseconds before the first attempt (default 500).
    int initialDelay() const { return m_initialDelay; }
    void setInitialDelay(int milliseconds) { m_initialDelay = qMax(0, milliseconds); }

    //! The longest wait between attempts, in milliseconds (default 30000).
    int maxDelay() const { return m_maxDelay; }
    void setMaxDelay(int milliseconds) { m_maxDelay = qMax(0, milliseconds); }

    //! Growth of the delay from one attempt to the next (default 2).
    double multiplier() const { return m_multiplier; }
    void setMultiplier(double multiplier) { m_multiplier = qMax(1.0, multiplier); }

    //! Random spread of each delay, as a fraction of it (default 0.2: +/- 20 %).
    double jitter() const { return m_jitter; }
    void setJitter(double jitter) { m_jitter = qBound(0.0, jitter, 1.0); }

    //! Whether a failure with \a error is worth another attempt.
    static bool isRetryable(const QGraphQLTransportError &error);
    //! The delay before attempt \a attempt (1-based), jitter included.
    int delayFor(int attempt) const;

    bool operator==(const QGraphQLRetryPolicy &other) const;
    bool operator!=(const QGraphQLRetryPolicy &other) const { return !(*this == other); }

private:
    int m_maxAttempts = 0;
    int m_initialDelay = 500;
    int m_maxDelay = 30000;
    double m_multiplier = 2.0;
    double m_jitter = 0.2;
};

Q_DECLARE_TYPEINFO(QGraphQLRetryPolicy, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(QGraphQLRetryPolicy)

#endif // QGRAPHQLRETRYPOLICY_H
