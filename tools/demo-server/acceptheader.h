// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef ACCEPTHEADER_H
#define ACCEPTHEADER_H

#include <QtCore/qbytearray.h>

//! What a request's Accept header allows, decided as Apollo Router's content negotiation
//! does: multipart subscriptions need a multipart/mixed range whose subscriptionSpec
//! parameter is 1.0 (quoted or not, other parameters such as boundary=graphql allowed);
//! JSON is allowed by no Accept header, */*, application/*, application/json or
//! application/graphql-response+json.
struct AcceptHeader
{
    bool json = false; //!< some JSON response is acceptable
    bool plainJson = false; //!< application/json in particular (the usual answer)
    bool multipartSubscription = false;
    bool eventStream = false; //!< text/event-stream: GraphQL over SSE
    //! text/event-stream ranks above multipart (higher q, or the same q and listed first)
    bool preferEventStream = false;

    static AcceptHeader parse(const QByteArray &value);
};

#endif // ACCEPTHEADER_H
