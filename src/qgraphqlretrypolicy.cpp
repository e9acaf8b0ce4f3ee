// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlretrypolicy.h"

#include <QtCore/qrandom.h>

#include <cmath>

bool QGraphQLRetryPolicy::isRetryable(const QGraphQLTransportError &error)
{
    switch (error.kind()) {
    case QGraphQLTransportError::NetworkError:
    case QGraphQLTransportError::Timeout:
        return true;
    case QGraphQLTransportError::HttpStatusError: {
        const int status = error.httpStatusCode();
        return status == 502 || status == 503 || status == 504;
    }
    default:
        return false;
    }
}

int QGraphQLRetryPolicy::delayFor(int attempt) const
{
    const double base = qMin(double(m_maxDelay),
                             m_initialDelay * std::pow(m_multiplier, qMax(0, attempt - 1)));
    const double spread
            = base * m_jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    return int(qBound(0.0, base + spread, double(m_maxDelay)));
}

bool QGraphQLRetryPolicy::operator==(const QGraphQLRetryPolicy &other) const
{
    return m_maxAttempts == other.m_maxAttempts && m_initialDelay == other.m_initialDelay
            && m_maxDelay == other.m_maxDelay && m_multiplier == other.m_multiplier
            && m_jitter == other.m_jitter;
}
