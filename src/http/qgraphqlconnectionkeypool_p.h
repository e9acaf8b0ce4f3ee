// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLCONNECTIONKEYPOOL_P_H
#define QGRAPHQLCONNECTIONKEYPOOL_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkRequest;
QT_END_NAMESPACE

// QNAM keeps at most six connections per host and queues the rest, so long-lived streams would
// starve queries and each other. Each running subscription leases a key of its own, which QNAM
// folds into its connection-pool key; keys are reused once their lease ends.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLConnectionKeyPool
    : public std::enable_shared_from_this<QGraphQLConnectionKeyPool>
{
public:
    // One key, held from acquire() until the lease is destroyed (RAII). The lease keeps the
    // pool alive, so an operation may outlive its transport.
    class Lease
    {
    public:
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        ~Lease();

        QByteArray key() const;
        //! Separates \a request's connection from the shared pool.
        void apply(QNetworkRequest *request) const;

    private:
        friend class QGraphQLConnectionKeyPool;
        Lease(std::shared_ptr<QGraphQLConnectionKeyPool> pool, qsizetype slot);
        std::shared_ptr<QGraphQLConnectionKeyPool> m_pool;
        qsizetype m_slot;
    };

    static std::shared_ptr<QGraphQLConnectionKeyPool> create();
    std::unique_ptr<Lease> acquire();
    qsizetype leasedCount() const;

private:
    QGraphQLConnectionKeyPool() = default;
    QList<bool> m_inUse;
};

#endif // QGRAPHQLCONNECTIONKEYPOOL_P_H
