// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef TESTWIRE_H
#define TESTWIRE_H

#include <QtCore/qbytearray.h>

// Bytes as GraphQL servers put them on the wire, for scripted responses.
namespace TestWire {

inline const QByteArray MultipartType
        = R"(multipart/mixed;boundary="graphql";subscriptionSpec="1.0")";

//! A subscription part numbered n: {"payload":{"data":{"n":n}}}.
inline QByteArray payload(int n)
{
    return R"({"payload":{"data":{"n":)" + QByteArray::number(n) + "}}}";
}

// Apollo Router framing: every chunk ends with the next delimiter.
inline QByteArray routerStart()
{
    return "\r\n--graphql";
}
inline QByteArray routerPart(const QByteArray &json)
{
    return "\r\ncontent-type: application/json\r\n\r\n" + json + "\r\n--graphql";
}
inline QByteArray routerEnd()
{
    return "--\r\n";
}

// Delimiter-first framing (the protocol documentation's example, Strawberry).
inline QByteArray leadingPart(const QByteArray &json)
{
    return "\r\n--graphql\r\nContent-Type: application/json\r\n\r\n" + json;
}
inline QByteArray leadingEnd()
{
    return "\r\n--graphql--\r\n";
}

//! One HTTP/1.1 chunk holding bytes, for scripts that write the chunk framing themselves.
inline QByteArray chunked(const QByteArray &bytes)
{
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

} // namespace TestWire

#endif // TESTWIRE_H
