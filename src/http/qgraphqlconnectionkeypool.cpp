// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlconnectionkeypool_p.h"

#include <QtNetwork/qnetworkrequest.h>

namespace {
constexpr char KeyPrefix[] = "qgraphql-stream-";
}

std::shared_ptr<QGraphQLConnectionKeyPool> QGraphQLConnectionKeyPool::create()
{
    return std::shared_ptr<QGraphQLConnectionKeyPool>(new QGraphQLConnectionKeyPool);
}

std::unique_ptr<QGraphQLConnectionKeyPool::Lease> QGraphQLConnectionKeyPool::acquire()
{
    qsizetype slot = m_inUse.indexOf(false);
    if (slot < 0) {
        slot = m_inUse.size();
        m_inUse.append(true);
    } else {
        m_inUse[slot] = true;
    }
    return std::unique_ptr<Lease>(new Lease(shared_from_this(), slot));
}

qsizetype QGraphQLConnectionKeyPool::leasedCount() const
{
    return m_inUse.count(true);
}

QGraphQLConnectionKeyPool::Lease::Lease(std::shared_ptr<QGraphQLConnectionKeyPool> pool,
                                        qsizetype slot)
    : m_pool(std::move(pool)), m_slot(slot)
{ }

QGraphQLConnectionKeyPool::Lease::~Lease()
{
    m_pool->m_inUse[m_slot] = false;
}

QByteArray QGraphQLConnectionKeyPool::Lease::key() const
{
    return KeyPrefix + QByteArray::number(m_slot);
}

// For cleartext HTTP the peer verify name is never used to verify anything, but QNAM adds it
// to the key of its connection pool: requests with different names never share a connection.
void QGraphQLConnectionKeyPool::Lease::apply(QNetworkRequest *request) const
{
    request->setPeerVerifyName(QString::fromLatin1(key()));
}
