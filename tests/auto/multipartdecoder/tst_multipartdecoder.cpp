// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "protocol/qgraphqlmultipartdecoder_p.h"

#include <QtCore/qrandom.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

using Decoder = QGraphQLMultipartDecoder;

namespace {

constexpr qsizetype KiB = 1024;
constexpr qsizetype MiB = 1024 * KiB;
constexpr qsizetype DefaultMaxPartSize = QGraphQL::DefaultMaxPartSize; // the constructor's default

// Events as text, so that QCOMPARE shows what differs.
QByteArray part(const QByteArray &contentType, const QByteArray &body)
{
    return "part [" + contentType + "] " + body;
}
QByteArray jsonPart(const QByteArray &body)
{
    return part("application/json", body);
}
const QByteArray Closed = "closed";
const QByteArray Eof = "eof"; // all bytes fed, the decoder still wants more
const QByteArray ErrorMalformed = "error Malformed";
const QByteArray ErrorTooLarge = "error PartTooLarge";

const char *kindName(Decoder::ErrorKind kind)
{
    switch (kind) {
    case Decoder::ErrorKind::None:
        return "None";
    case Decoder::ErrorKind::Malformed:
        return "Malformed";
    case Decoder::ErrorKind::PartTooLarge:
        return "PartTooLarge";
    }
    return "?";
}

struct Decoded
{
    QByteArrayList events;
    QList<qint64> offsets; // partOffset() of every part
};

// Feeds a decoder and records what next() hands out, copying every part at once (the views are
// only valid until the next call).
class Recorder
{
public:
    explicit Recorder(const QByteArray &boundary, qsizetype maxPartSize = DefaultMaxPartSize)
        : decoder(boundary, maxPartSize)
    { }

    // Returns the events this feed produced.
    QByteArrayList feed(QByteArrayView bytes)
    {
        const qsizetype before = out.events.size();
        decoder.feed(bytes);
        fed += bytes.size();
        drain();
        return out.events.mid(before);
    }

    void drain()
    {
        while (true) {
            const Decoder::Event event = decoder.next();
            if (ended) {
                // Closed and Error are final: next() must keep saying so.
                if (event != terminal)
                    out.events.append("unexpected event after the end");
                return;
            }
            switch (event) {
            case Decoder::Event::NeedMoreData:
                return;
            case Decoder::Event::Part:
                out.events.append(
                        part(decoder.partContentType(), decoder.partBody().toByteArray()));
                out.offsets.append(decoder.partOffset());
                continue;
            case Decoder::Event::Closed:
                if (!decoder.isClosed() || decoder.hasError())
                    out.events.append("Closed but isClosed() is false");
                out.events.append(Closed);
                break;
            case Decoder::Event::Error:
                if (!decoder.hasError() || decoder.errorString().isEmpty())
                    out.events.append("Error but no hasError()/errorString()");
                out.events.append(QByteArray("error ") + kindName(decoder.errorKind()));
                break;
            }
            ended = true;
            terminal = event;
            return;
        }
    }

    Decoded finish()
    {
        Decoded result = out;
        if (!ended)
            result.events.append(Eof);
        if (decoder.bytesFed() != fed)
            result.events.append("bytesFed() is " + QByteArray::number(decoder.bytesFed())
                                 + ", expected " + QByteArray::number(fed));
        return result;
    }

    Decoder decoder;
    Decoded out;
    bool ended = false;
    Decoder::Event terminal = Decoder::Event::NeedMoreData;
    qint64 fed = 0;
};

// Decodes stream fed in pieces that end at the given (ascending) offsets.
Decoded decodeCut(const QByteArray &boundary, const QByteArray &stream,
                  const QList<qsizetype> &cuts)
{
    Recorder recorder(boundary);
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        recorder.feed(QByteArrayView(stream).sliced(from, cut - from));
        from = cut;
    }
    recorder.feed(QByteArrayView(stream).sliced(from));
    return recorder.finish();
}

Decoded decodeWhole(const QByteArray &boundary, const QByteArray &stream)
{
    return decodeCut(boundary, stream, {});
}

// Apollo Router chunks (apollo-router/src/protocols/multipart.rs): the first one carries the
// leading CRLF and the first delimiter, every chunk ends with the next delimiter, and the CRLF or
// "--" completing that delimiter arrives with the next chunk.
QByteArray routerFirst(const QByteArray &json)
{
    return "\r\n--graphql\r\ncontent-type: application/json\r\n\r\n" + json + "\r\n--graphql";
}
QByteArray routerNext(const QByteArray &json)
{
    return "\r\ncontent-type: application/json\r\n\r\n" + json + "\r\n--graphql";
}
const QByteArray RouterEnd = "--\r\n";

// Strawberry and the protocol documentation: the delimiter comes first.
QByteArray delimiterFirst(const QByteArray &json, const QByteArray &eol = "\r\n")
{
    return eol + "--graphql" + eol + "Content-Type: application/json" + eol + eol + json;
}

// Strawberry at HEAD: Content-Length and charset, chunks end with the next delimiter.
QByteArray strawberryChunk(const QByteArray &json)
{
    return "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
            + QByteArray::number(json.size()) + "\r\n\r\n" + json + "\r\n--graphql";
}

const QByteArray N1 = R"({"payload":{"data":{"n":1}}})";
const QByteArray N2 = R"({"payload":{"data":{"n":2}}})";
const QByteArray N3 = R"({"payload":{"data":{"n":3}}})";
const QByteArray Heartbeat = "{}";

// graphql-yoga 5.24.1 with @defer, boundary "-" (notes/environment.md §4.1).
const QByteArray YogaFirst = "{\"data\":{\"hello\":\"world\"},\"hasNext\":true}";
const QByteArray YogaSecond
        = "{\"incremental\":[{\"data\":{\"slow\":\"late\"},\"path\":[]}],\"hasNext\":false}";
const QByteArray YogaChunk1 = "\r\n---\r\nContent-Type: application/json; charset=utf-8\r\n"
                              "Content-Length: 41\r\n\r\n"
        + YogaFirst + "\r\n---";
const QByteArray YogaChunk2 = "\r\nContent-Type: application/json; charset=utf-8\r\n"
                              "Content-Length: 68\r\n\r\n"
        + YogaSecond + "\r\n---";
const QByteArray YogaChunk3 = "--\r\n";

// @apollo/server 5.5.1 with @defer, incrementalSpec=v0.2 (notes/environment.md §4.2).
const QByteArray ApolloServerFirst
        = R"({"data":{"hello":"world"},"pending":[{"id":"0","path":[]}],"hasNext":true})";
const QByteArray ApolloServerSecond
        = R"({"hasNext":false,"incremental":[{"data":{"slow":"late"},"id":"0"}],"completed":[{"id":"0"}]})";
const QByteArray ApolloServerChunk1
        = "\r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n" + ApolloServerFirst
        + "\r\n---\r\n";
const QByteArray ApolloServerChunk2 = "content-type: application/json; charset=utf-8\r\n\r\n"
        + ApolloServerSecond + "\r\n-----\r\n";

// A payload of about `size` bytes with plenty of JSON structure.
QByteArray bigPayload(qsizetype size, int seed)
{
    QByteArray json = R"({"payload":{"data":{"items":[)";
    for (int i = 0; json.size() < size; ++i) {
        if (i)
            json += ',';
        json += R"({"id":)" + QByteArray::number(seed * 100000 + i) + R"(,"name":"item-)"
                + QByteArray::number(i) + R"( \"quoted\" {[","tags":["a","b\\"]})";
    }
    return json + "]}}}";
}

const QByteArray Utf8Text = "h\xC3\xA9llo w\xC3\xB6rld \xF0\x9F\x98\x80 \xE4\xB8\x96\xE7\x95\x8C";
const QByteArray Utf8Json = R"({"payload":{"data":{"s":")" + Utf8Text + R"("}}})";

// Adds the representative streams shared by decode(), everySplitPoint(), oneBytePerFeed() and
// randomChunks(): every framing seen in the wild plus the edge cases, with the events that one
// whole feed must give.
void addStreamRows()
{
    QTest::addColumn<QByteArray>("boundary");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArrayList>("expected");

    // Framings.
    QTest::addRow("router framing")
            << "graphql"_ba
            << routerFirst(Heartbeat) + routerNext(N1) + routerNext(Heartbeat)
                    + routerNext(R"({"payload":{"data":{"newPost":{"id":123,"title":"Hello!"}}}})")
                    + RouterEnd
            << QByteArrayList {
                   jsonPart(Heartbeat), jsonPart(N1), jsonPart(Heartbeat),
                   jsonPart(R"({"payload":{"data":{"newPost":{"id":123,"title":"Hello!"}}}})"),
                   Closed
               };
    QTest::addRow("router framing, final event with the close delimiter")
            << "graphql"_ba
            << routerFirst(N1) + "\r\ncontent-type: application/json\r\n\r\n" + N2
                    + "\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), jsonPart(N2), Closed };
    QTest::addRow("router framing, Eof marker")
            << "graphql"_ba
            << routerFirst(N1) + "\r\ncontent-type: application/json\r\n\r\n{}\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), jsonPart(Heartbeat), Closed };
    QTest::addRow("router framing, empty stream")
            << "graphql"_ba
            << "\r\n--graphql\r\ncontent-type: application/json\r\n\r\n{}\r\n--graphql--\r\n"_ba
            << QByteArrayList { jsonPart(Heartbeat), Closed };
    QTest::addRow("router framing, transport error")
            << "graphql"_ba
            << routerFirst(Heartbeat)
                    + routerNext(R"({"payload":null,"errors":[{"message":"subgraph gone"}]})")
                    + RouterEnd
            << QByteArrayList {
                   jsonPart(Heartbeat),
                   jsonPart(R"({"payload":null,"errors":[{"message":"subgraph gone"}]})"), Closed
               };
    QTest::addRow("protocol documentation example")
            << "graphql"_ba
            << "--graphql\r\nContent-Type: application/json\r\n\r\n{}\r\n"
               "--graphql\r\nContent-Type: application/json\r\n\r\n"
               "{\"payload\": {\"data\": { \"newPost\": { \"id\": 123, \"title\": "
               "\"Hello!\"}}}}\r\n"
               "--graphql--\r\n"_ba
            << QByteArrayList { jsonPart(Heartbeat),
                                jsonPart("{\"payload\": {\"data\": { \"newPost\": { \"id\": 123, "
                                         "\"title\": \"Hello!\"}}}}"),
                                Closed };
    QTest::addRow("delimiter-first framing")
            << "graphql"_ba
            << delimiterFirst(Heartbeat) + delimiterFirst(N1) + delimiterFirst(N2)
                    + "\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(Heartbeat), jsonPart(N1), jsonPart(N2), Closed };
    QTest::addRow("strawberry: content-length, preamble heartbeat, empty last part")
            << "graphql"_ba
            << strawberryChunk(Heartbeat) + strawberryChunk(N1) + strawberryChunk(Heartbeat)
                    + strawberryChunk(N2) + "\r\n--graphql--\r\n"
            << QByteArrayList { part("application/json; charset=utf-8", N1),
                                part("application/json; charset=utf-8", Heartbeat),
                                part("application/json; charset=utf-8", N2), part("", ""), Closed };
    QTest::addRow("old strawberry: LF before the next delimiter")
            << "graphql"_ba
            << delimiterFirst(N1 + "\n") + delimiterFirst(Heartbeat + "\n") + "\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), jsonPart(Heartbeat), Closed };
    QTest::addRow("LF-only line breaks")
            << "graphql"_ba
            << "--graphql\nContent-Type: application/json\n\n" + N1
                    + "\n--graphql\nContent-Type: application/json\n\n{}\n--graphql--\n"
            << QByteArrayList { jsonPart(N1), jsonPart(Heartbeat), Closed };
    QTest::addRow("LF-only, delimiter first")
            << "graphql"_ba
            << delimiterFirst(N1, "\n") + delimiterFirst(N2, "\n") + "\n--graphql--\n"
            << QByteArrayList { jsonPart(N1), jsonPart(N2), Closed };
    QTest::addRow("graphql-yoga: boundary -, content-length")
            << "-"_ba << YogaChunk1 + YogaChunk2 + YogaChunk3
            << QByteArrayList { part("application/json; charset=utf-8", YogaFirst),
                                part("application/json; charset=utf-8", YogaSecond), Closed };
    QTest::addRow("apollo server: incrementalSpec v0.2")
            << "-"_ba << ApolloServerChunk1 + ApolloServerChunk2
            << QByteArrayList { part("application/json; charset=utf-8", ApolloServerFirst),
                                part("application/json; charset=utf-8", ApolloServerSecond),
                                Closed };

    // Preamble, epilogue and empty parts.
    QTest::addRow("preamble and epilogue")
            << "graphql"_ba
            << "This is the preamble.\r\n--graphqlish is no delimiter\r\n--graphql-x neither\r\n"
               " --graphql\r\n--graphql\r\ncontent-type: application/json\r\n\r\n"
                    + N1
                    + "\r\n--graphql--\r\nThis is the epilogue.\r\n--graphql\r\n"
                      "content-type: application/json\r\n\r\n"
                    + N2 + "\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), Closed };
    QTest::addRow("heartbeat after the close delimiter")
            << "graphql"_ba << routerFirst(N1) + "--\r\n" + routerNext(Heartbeat) + routerNext(N2)
            << QByteArrayList { jsonPart(N1), Closed };
    QTest::addRow("close delimiter without line break")
            << "graphql"_ba << delimiterFirst(N1) + "\r\n--graphql--"
            << QByteArrayList { jsonPart(N1), Closed };
    QTest::addRow("empty part right before the close delimiter")
            << "graphql"_ba
            << "--graphql\r\n--graphql--"_ba << QByteArrayList { part("", ""), Closed };
    QTest::addRow("empty part after a part")
            << "graphql"_ba << routerFirst(N1) + "\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), part("", ""), Closed };
    QTest::addRow("empty parts with headers")
            << "graphql"_ba
            << "--graphql\r\ncontent-type: application/json\r\n\r\n\r\n"
               "--graphql\r\ncontent-type: application/json\r\n\r\n--graphql--\r\n"_ba
            << QByteArrayList { jsonPart(""), jsonPart(""), Closed };
    QTest::addRow("part without headers, blank line")
            << "graphql"_ba
            << "--graphql\r\n\r\n" + N1 + "\r\n--graphql--\r\n"
            << QByteArrayList { part("", N1), Closed };
    QTest::addRow("part without headers, no blank line")
            << "graphql"_ba
            << "--graphql\r\n" + N1 + "\r\n--graphql\r\n[1,2]\r\n--graphql--\r\n"
            << QByteArrayList { part("", N1), part("", "[1,2]"), Closed };
    QTest::addRow("headers: mixed case, charset, other headers")
            << "graphql"_ba
            << "--graphql\r\nCONTENT-type:   Application/JSON ; Charset=\"UTF-8\"  \r\n"
               "X-Other: content-type: text/plain\r\nContent-Length : 28\r\n\r\n"
                    + N1
                    + "\r\n--graphql\r\ncontent-type:application/json;charset=utf-8\r\n\r\n{}\r\n"
                      "--graphql--\r\n"
            << QByteArrayList { part("Application/JSON ; Charset=\"UTF-8\"", N1),
                                part("application/json;charset=utf-8", Heartbeat), Closed };
    QTest::addRow("transport padding after the boundary")
            << "graphql"_ba
            << "--graphql  \t \r\ncontent-type: application/json\r\n\r\n" + N1
                    + "\r\n--graphql\t\r\ncontent-type: application/json\r\n\r\n" + N2
                    + "\r\n--graphql \n\n{}\r\n--graphql--  \r\n"
            << QByteArrayList { jsonPart(N1), jsonPart(N2), part("", Heartbeat), Closed };

    // The boundary inside the body.
    QTest::addRow("boundary inside a JSON string")
            << "graphql"_ba
            << routerFirst(R"({"payload":{"data":{"s":"--graphql"}}})")
                    + routerNext(R"({"payload":{"data":{"s":"\n--graphql\r\n--graphql--\r\n"}}})")
                    + routerNext(R"({"payload":{"data":{"s":"--graphql--","t":"\r\n--graphql"}}})")
                    + RouterEnd
            << QByteArrayList {
                   jsonPart(R"({"payload":{"data":{"s":"--graphql"}}})"),
                   jsonPart(R"({"payload":{"data":{"s":"\n--graphql\r\n--graphql--\r\n"}}})"),
                   jsonPart(R"({"payload":{"data":{"s":"--graphql--","t":"\r\n--graphql"}}})"),
                   Closed
               };
    QTest::addRow("boundary inside pretty-printed JSON")
            << "graphql"_ba
            << delimiterFirst("{\r\n  \"payload\": {\r\n\"--graphql\": {\"s\": \"--graphql--\"}\r\n"
                              "  }\r\n}")
                    + "\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart("{\r\n  \"payload\": {\r\n\"--graphql\": {\"s\": "
                                         "\"--graphql--\"}\r\n  }\r\n}"),
                                Closed };
    QTest::addRow("escapes and brackets inside strings")
            << "graphql"_ba
            << routerFirst(R"({"payload":{"data":{"s":"q\"}\\","t":"}]\\\"{[","u":"\\\\"}}})")
                    + RouterEnd
            << QByteArrayList {
                   jsonPart(R"({"payload":{"data":{"s":"q\"}\\","t":"}]\\\"{[","u":"\\\\"}}})"),
                   Closed
               };
    QTest::addRow("boundary lookalikes in a text part")
            << "graphql"_ba
            << "--graphql\r\ncontent-type: text/plain\r\n\r\nhello\r\n--graphqlx\r\n--graphql-\r\n"
               " --graphql\r\n--graph\r\nworld\r\n--graphql--\r\n"_ba
            << QByteArrayList {
                   part("text/plain",
                        "hello\r\n--graphqlx\r\n--graphql-\r\n --graphql\r\n--graph\r\nworld"),
                   Closed
               };
    QTest::addRow("multi-byte UTF-8")
            << "graphql"_ba << routerFirst(Utf8Json) + routerNext(Utf8Json) + RouterEnd
            << QByteArrayList { jsonPart(Utf8Json), jsonPart(Utf8Json), Closed };
    QTest::addRow("white space around the JSON value")
            << "graphql"_ba
            << "--graphql\r\ncontent-type: application/json\r\n\r\n \t" + N1
                    + " \t\r\n\r\n--graphql\r\ncontent-type: application/json\r\n\r\n{}  \n"
                      "--graphql--"
            << QByteArrayList { jsonPart(" \t" + N1), jsonPart(Heartbeat), Closed };
    {
        const QByteArray big1 = bigPayload(6 * KiB, 1);
        const QByteArray big2 = bigPayload(9 * KiB, 2);
        QTest::addRow("large parts") << "graphql"_ba
                                     << routerFirst(big1) + routerNext(Heartbeat) + routerNext(big2)
                        + routerNext(big1) + RouterEnd
                                     << QByteArrayList { jsonPart(big1), jsonPart(Heartbeat),
                                                         jsonPart(big2), jsonPart(big1), Closed };
    }

    // Streams that end early or are malformed.
    QTest::addRow("no close delimiter")
            << "graphql"_ba << routerFirst(N1) + "\r\ncontent-type: appl"
            << QByteArrayList { jsonPart(N1), Eof };
    QTest::addRow("body cut off") << "graphql"_ba
                                  << routerFirst(N1) + routerNext(R"({"payload":{"da)").chopped(11)
                                  << QByteArrayList { jsonPart(N1), Eof };
    QTest::addRow("empty stream") << "graphql"_ba << QByteArray() << QByteArrayList { Eof };
    QTest::addRow("preamble only") << "graphql"_ba
                                   << "\r\n--graphq\r\n-- graphql\r\n"_ba << QByteArrayList { Eof };
    QTest::addRow("malformed header line")
            << "graphql"_ba
            << routerFirst(N1) + "\r\ncontent-type application/json\r\n\r\n{}\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), ErrorMalformed };
    QTest::addRow("header with an empty name")
            << "graphql"_ba
            << "--graphql\r\n: application/json\r\n\r\n{}\r\n--graphql--\r\n"_ba
            << QByteArrayList { ErrorMalformed };
    QTest::addRow("invalid content-length")
            << "graphql"_ba
            << "--graphql\r\nContent-Length: 2x\r\n\r\n{}\r\n--graphql--\r\n"_ba
            << QByteArrayList { ErrorMalformed };
    QTest::addRow("content-length too short")
            << "graphql"_ba
            << "--graphql\r\nContent-Length: 5\r\n\r\n{\"a\":1}\r\n--graphql--\r\n"_ba
            << QByteArrayList { part("", "{\"a\":"), ErrorMalformed };
    QTest::addRow("content-length too long")
            << "graphql"_ba
            << "--graphql\r\nContent-Length: 10\r\n\r\n{}\r\n--graphql--\r\n"_ba
            << QByteArrayList { part("", "{}\r\n--grap"), ErrorMalformed };
    QTest::addRow("data after the JSON value")
            << "graphql"_ba
            << "--graphql\r\ncontent-type: application/json\r\n\r\n" + N1
                    + " trailing\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), ErrorMalformed };
    QTest::addRow("second JSON value in a part")
            << "graphql"_ba << routerFirst(N1 + "\r\n" + N2) + RouterEnd
            << QByteArrayList { jsonPart(N1), ErrorMalformed };
}

} // namespace

class tst_MultipartDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialState();
    void decode_data();
    void decode();
    void everySplitPoint_data();
    void everySplitPoint();
    void oneBytePerFeed_data();
    void oneBytePerFeed();
    void randomChunks_data();
    void randomChunks();
    void earlyEmission_data();
    void earlyEmission();
    void earlyPartNotRepeated_data();
    void earlyPartNotRepeated();
    void insidePart();
    void partOffset();
    void multiByteUtf8Split();
    void errorMessages();
    void endIsFinal();
    void partTooLarge_data();
    void partTooLarge();
    void longPreambleIsBounded_data();
    void longPreambleIsBounded();
    void largePayloadWithDefaultCap_data();
    void largePayloadWithDefaultCap();
    void manyPartsKeepTheBufferSmall();
};

void tst_MultipartDecoder::initialState()
{
    Decoder decoder("graphql");
    QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
    QVERIFY(!decoder.isClosed());
    QVERIFY(!decoder.hasError());
    QVERIFY(!decoder.isInsidePart());
    QCOMPARE(decoder.errorKind(), Decoder::ErrorKind::None);
    QCOMPARE(decoder.bytesFed(), qint64(0));
    QCOMPARE(decoder.bufferedBytes(), qsizetype(0));
    decoder.feed({});
    QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
}

void tst_MultipartDecoder::decode_data()
{
    addStreamRows();
}

void tst_MultipartDecoder::decode()
{
    QFETCH(QByteArray, boundary);
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);

    QCOMPARE(decodeWhole(boundary, stream).events, expected);
}

void tst_MultipartDecoder::everySplitPoint_data()
{
    addStreamRows();
}

// The sequence of events must not depend on how the bytes are cut into reads: two feeds, cut at
// every offset, give what one feed gives (parts may come out earlier, but never differ).
void tst_MultipartDecoder::everySplitPoint()
{
    QFETCH(QByteArray, boundary);
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);

    const Decoded whole = decodeWhole(boundary, stream);
    QCOMPARE(whole.events, expected);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        const Decoded split = decodeCut(boundary, stream, { cut });
        if (split.events != whole.events || split.offsets != whole.offsets) {
            qWarning("Split at byte %lld differs", qlonglong(cut));
            QCOMPARE(split.events, whole.events);
            QCOMPARE(split.offsets, whole.offsets);
        }
    }
}

void tst_MultipartDecoder::oneBytePerFeed_data()
{
    addStreamRows();
}

void tst_MultipartDecoder::oneBytePerFeed()
{
    QFETCH(QByteArray, boundary);
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);

    const Decoded whole = decodeWhole(boundary, stream);
    QCOMPARE(whole.events, expected);
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < stream.size(); ++i)
        cuts.append(i);
    const Decoded bytewise = decodeCut(boundary, stream, cuts);
    QCOMPARE(bytewise.events, whole.events);
    QCOMPARE(bytewise.offsets, whole.offsets);
}

void tst_MultipartDecoder::randomChunks_data()
{
    addStreamRows();
}

void tst_MultipartDecoder::randomChunks()
{
    QFETCH(QByteArray, boundary);
    QFETCH(QByteArray, stream);

    const Decoded whole = decodeWhole(boundary, stream);
    QRandomGenerator random(20260401); // fixed seed: reproducible
    for (int round = 0; round < 200; ++round) {
        QList<qsizetype> cuts;
        const int maxChunk = 1 + random.bounded(round % 2 ? 8 : 64);
        for (qsizetype at = random.bounded(maxChunk) + 1; at < stream.size();
             at += random.bounded(maxChunk) + 1)
            cuts.append(at);
        const Decoded chunked = decodeCut(boundary, stream, cuts);
        if (chunked.events != whole.events || chunked.offsets != whole.offsets) {
            qWarning() << "Round" << round << "cuts" << cuts;
            QCOMPARE(chunked.events, whole.events);
            QCOMPARE(chunked.offsets, whole.offsets);
        }
    }
}

// Latency: a part is handed out as soon as its bytes are complete, not when the next chunk
// arrives (notes/environment.md §2, wundergraph/cosmo#1579).
void tst_MultipartDecoder::earlyEmission_data()
{
    QTest::addColumn<QByteArray>("boundary");
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QList<QByteArrayList>>("expectedPerChunk");

    QTest::addRow("router framing")
            << "graphql"_ba
            << QByteArrayList { routerFirst(N1), routerNext(N2), routerNext(Heartbeat), RouterEnd }
            << QList<QByteArrayList> {
                   { jsonPart(N1) }, { jsonPart(N2) }, { jsonPart(Heartbeat) }, { Closed }
               };
    QTest::addRow("router framing, exact first chunk")
            << "graphql"_ba
            << QByteArrayList { "\r\n--graphql\r\ncontent-type: application/json\r\n\r\n"
                                "{\"payload\":{\"data\":{\"n\":1}}}\r\n--graphql"_ba,
                                "--\r\n"_ba }
            << QList<QByteArrayList> { { jsonPart(N1) }, { Closed } };
    QTest::addRow("router framing, final event")
            << "graphql"_ba
            << QByteArrayList { routerFirst(N1),
                                "\r\ncontent-type: application/json\r\n\r\n" + N2
                                        + "\r\n--graphql--\r\n" }
            << QList<QByteArrayList> { { jsonPart(N1) }, { jsonPart(N2), Closed } };
    QTest::addRow("delimiter-first framing")
            << "graphql"_ba
            << QByteArrayList { "\r\n--graphql\r\nContent-Type: application/json\r\n\r\n"
                                "{\"payload\":{\"data\":{\"n\":1}}}"_ba,
                                delimiterFirst(N2), delimiterFirst(Heartbeat),
                                "\r\n--graphql--\r\n" }
            << QList<QByteArrayList> {
                   { jsonPart(N1) }, { jsonPart(N2) }, { jsonPart(Heartbeat) }, { Closed }
               };
    QTest::addRow("delimiter-first framing, LF only")
            << "graphql"_ba
            << QByteArrayList { delimiterFirst(N1, "\n"), delimiterFirst(N2, "\n"),
                                "\n--graphql--\n" }
            << QList<QByteArrayList> { { jsonPart(N1) }, { jsonPart(N2) }, { Closed } };
    QTest::addRow("delimiter-first framing, line break sent with the part")
            << "graphql"_ba
            << QByteArrayList { delimiterFirst(N1) + "\r\n", delimiterFirst(N2).mid(2) + "\r",
                                "\n--graphql--\r\n" }
            << QList<QByteArrayList> { { jsonPart(N1) }, { jsonPart(N2) }, { Closed } };
    QTest::addRow("graphql-yoga") << "-"_ba << QByteArrayList { YogaChunk1, YogaChunk2, YogaChunk3 }
                                  << QList<QByteArrayList> {
                                         { part("application/json; charset=utf-8", YogaFirst) },
                                         { part("application/json; charset=utf-8", YogaSecond) },
                                         { Closed },
                                     };
    QTest::addRow("apollo server")
            << "-"_ba << QByteArrayList { ApolloServerChunk1, ApolloServerChunk2 }
            << QList<QByteArrayList> {
                   { part("application/json; charset=utf-8", ApolloServerFirst) },
                   { part("application/json; charset=utf-8", ApolloServerSecond), Closed },
               };
    QTest::addRow("strawberry") << "graphql"_ba
                                << QByteArrayList { strawberryChunk(Heartbeat), strawberryChunk(N1),
                                                    strawberryChunk(Heartbeat),
                                                    "\r\n--graphql--\r\n" }
                                << QList<QByteArrayList> {
                                       {},
                                       { part("application/json; charset=utf-8", N1) },
                                       { part("application/json; charset=utf-8", Heartbeat) },
                                       { part("", ""), Closed },
                                   };
    QTest::addRow("part split inside the JSON value")
            << "graphql"_ba
            << QByteArrayList { routerFirst(N1).first(60), routerFirst(N1).sliced(60),
                                routerNext(N2) + RouterEnd }
            << QList<QByteArrayList> { {}, { jsonPart(N1) }, { jsonPart(N2), Closed } };
}

void tst_MultipartDecoder::earlyEmission()
{
    QFETCH(QByteArray, boundary);
    QFETCH(QByteArrayList, chunks);
    QFETCH(QList<QByteArrayList>, expectedPerChunk);
    QCOMPARE(chunks.size(), expectedPerChunk.size());

    Recorder recorder(boundary);
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const QByteArrayList events = recorder.feed(chunks.at(i));
        if (events != expectedPerChunk.at(i)) {
            qWarning("After chunk %lld", qlonglong(i));
            QCOMPARE(events, expectedPerChunk.at(i));
        }
    }
}

// After a part was handed out early, the rest of the stream, however it is cut, must not hand it
// out again.
void tst_MultipartDecoder::earlyPartNotRepeated_data()
{
    QTest::addColumn<QByteArray>("boundary");
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("rest");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::addRow("router framing")
            << "graphql"_ba << routerFirst(N1) << routerNext(N2) + routerNext(N3) + RouterEnd
            << QByteArrayList { jsonPart(N1), jsonPart(N2), jsonPart(N3), Closed };
    QTest::addRow("delimiter-first framing")
            << "graphql"_ba << delimiterFirst(N1)
            << delimiterFirst(N2) + delimiterFirst(N3) + "\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), jsonPart(N2), jsonPart(N3), Closed };
    QTest::addRow("delimiter-first framing, white space follows")
            << "graphql"_ba << delimiterFirst(N1)
            << " \t\r\n\r\n" + delimiterFirst(N2) + "\n\r\n--graphql--\r\n"
            << QByteArrayList { jsonPart(N1), jsonPart(N2), Closed };
    QTest::addRow("graphql-yoga") << "-"_ba << YogaChunk1 << YogaChunk2 + YogaChunk3
                                  << QByteArrayList {
                                         part("application/json; charset=utf-8", YogaFirst),
                                         part("application/json; charset=utf-8", YogaSecond),
                                         Closed,
                                     };
}

void tst_MultipartDecoder::earlyPartNotRepeated()
{
    QFETCH(QByteArray, boundary);
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, rest);
    QFETCH(QByteArrayList, expected);

    // The rest in one piece, and one byte at a time.
    for (const bool bytewise : { false, true }) {
        Recorder recorder(boundary);
        QCOMPARE(recorder.feed(first), expected.first(1));
        QVERIFY(!recorder.decoder.isInsidePart());
        if (bytewise) {
            for (char c : rest)
                recorder.feed(QByteArrayView(&c, 1));
        } else {
            recorder.feed(rest);
        }
        QCOMPARE(recorder.finish().events, expected);
    }
}

void tst_MultipartDecoder::insidePart()
{
    Decoder decoder("graphql");
    const QByteArray stream = routerFirst(N1) + routerNext(N2) + RouterEnd;
    const qsizetype headersStart = stream.indexOf("content-type");
    decoder.feed(QByteArrayView(stream).first(headersStart - 3)); // "\r\n--graphq"
    QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
    QVERIFY(!decoder.isInsidePart());
    decoder.feed(QByteArrayView(stream).sliced(headersStart - 3, 3)); // "l\r\n"
    QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
    QVERIFY(decoder.isInsidePart());
    decoder.feed(QByteArrayView(stream).sliced(headersStart, 20));
    QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
    QVERIFY(decoder.isInsidePart());
    const qsizetype n1End = stream.indexOf(N1) + N1.size();
    decoder.feed(QByteArrayView(stream).sliced(headersStart + 20, n1End - 1 - headersStart - 20));
    QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
    QVERIFY(decoder.isInsidePart());
    decoder.feed(QByteArrayView(stream).sliced(n1End - 1, 1)); // the closing brace
    QCOMPARE(decoder.next(), Decoder::Event::Part);
    QCOMPARE(decoder.partBody().toByteArray(), N1);
    QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
    QVERIFY(!decoder.isInsidePart());
    decoder.feed(QByteArrayView(stream).sliced(n1End));
    QCOMPARE(decoder.next(), Decoder::Event::Part);
    QCOMPARE(decoder.partBody().toByteArray(), N2);
    QCOMPARE(decoder.next(), Decoder::Event::Closed);
    QVERIFY(!decoder.isInsidePart());
    QVERIFY(decoder.isClosed());
}

// partOffset() is where the body starts in the whole stream, also after the decoder dropped
// consumed bytes from its buffer.
void tst_MultipartDecoder::partOffset()
{
    QList<QByteArray> bodies;
    for (int i = 0; i < 40; ++i)
        bodies.append(i % 3 ? bigPayload(1 * KiB + 37 * i, i) : Heartbeat);
    QByteArray stream = routerFirst(bodies.first());
    QList<qint64> offsets { stream.size() - 11 - bodies.first().size() };
    for (qsizetype i = 1; i < bodies.size(); ++i) {
        offsets.append(stream.size() + routerNext(bodies.at(i)).indexOf(bodies.at(i)));
        stream += routerNext(bodies.at(i));
    }
    stream += RouterEnd;
    for (qsizetype i = 0; i < bodies.size(); ++i)
        QCOMPARE(stream.mid(offsets.at(i), bodies.at(i).size()), bodies.at(i));

    for (const qsizetype readSize :
         { qsizetype(1), qsizetype(7), qsizetype(1000), stream.size() }) {
        Recorder recorder("graphql");
        for (qsizetype at = 0; at < stream.size(); at += readSize)
            recorder.feed(QByteArrayView(stream).sliced(at, qMin(readSize, stream.size() - at)));
        const Decoded decoded = recorder.finish();
        QCOMPARE(decoded.events.size(), bodies.size() + 1);
        QCOMPARE(decoded.events.last(), Closed);
        QCOMPARE(decoded.offsets, offsets);
    }
}

void tst_MultipartDecoder::multiByteUtf8Split()
{
    const QByteArray stream = delimiterFirst(Utf8Json) + "\r\n--graphql--\r\n";
    const qsizetype textStart = stream.indexOf(Utf8Text);
    for (qsizetype cut = textStart; cut <= textStart + Utf8Text.size(); ++cut) {
        Decoder decoder("graphql");
        decoder.feed(QByteArrayView(stream).first(cut));
        QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
        decoder.feed(QByteArrayView(stream).sliced(cut));
        QCOMPARE(decoder.next(), Decoder::Event::Part);
        QCOMPARE(decoder.partBody().toByteArray(), Utf8Json);
        QVERIFY(QString::fromUtf8(decoder.partBody()).contains(u"h\u00e9llo w\u00f6rld"_s));
        QCOMPARE(decoder.next(), Decoder::Event::Closed);
    }
}

void tst_MultipartDecoder::errorMessages()
{
    {
        Decoder decoder("graphql");
        const QByteArray stream = routerFirst(N1) + "\r\nbad header line\r\n\r\n{}\r\n--graphql--";
        decoder.feed(stream);
        QCOMPARE(decoder.next(), Decoder::Event::Part);
        QCOMPARE(decoder.next(), Decoder::Event::Error);
        QCOMPARE(decoder.errorKind(), Decoder::ErrorKind::Malformed);
        QVERIFY2(
                decoder.errorString().contains(u"byte %1"_s.arg(stream.indexOf("bad header line"))),
                qPrintable(decoder.errorString()));
        QVERIFY2(decoder.errorString().contains("bad header line"_L1),
                 qPrintable(decoder.errorString()));
        QVERIFY(decoder.partBody().isEmpty());
    }
    {
        Decoder decoder("graphql");
        decoder.feed("--graphql\r\nContent-Length: 1\r\n\r\n{}\r\n--graphql--");
        QCOMPARE(decoder.next(), Decoder::Event::Part);
        QCOMPARE(decoder.partBody().toByteArray(), "{"_ba);
        QCOMPARE(decoder.next(), Decoder::Event::Error);
        QCOMPARE(decoder.errorKind(), Decoder::ErrorKind::Malformed);
        QVERIFY2(decoder.errorString().contains("byte 33"_L1), qPrintable(decoder.errorString()));
    }
    {
        Decoder decoder("graphql", 100);
        decoder.feed("--graphql\r\nContent-Length: 101\r\n\r\n");
        QCOMPARE(decoder.next(), Decoder::Event::Error);
        QCOMPARE(decoder.errorKind(), Decoder::ErrorKind::PartTooLarge);
        QVERIFY2(decoder.errorString().contains("100"_L1), qPrintable(decoder.errorString()));
    }
    {
        // Exactly at the limit is fine.
        Decoder decoder("graphql", 100);
        const QByteArray body = R"({"s":")" + QByteArray(100 - 8, 'x') + R"("})";
        QCOMPARE(body.size(), 100);
        decoder.feed("--graphql\r\n\r\n" + body + "\r\n--graphql--");
        QCOMPARE(decoder.next(), Decoder::Event::Part);
        QCOMPARE(decoder.partBody().toByteArray(), body);
        QCOMPARE(decoder.next(), Decoder::Event::Closed);
    }
}

// Closed and Error are final; bytes fed afterwards are counted and dropped.
void tst_MultipartDecoder::endIsFinal()
{
    {
        Decoder decoder("graphql");
        decoder.feed(routerFirst(N1) + RouterEnd);
        QCOMPARE(decoder.next(), Decoder::Event::Part);
        QCOMPARE(decoder.next(), Decoder::Event::Closed);
        const qint64 fed = decoder.bytesFed();
        decoder.feed(routerNext(N2));
        QCOMPARE(decoder.next(), Decoder::Event::Closed);
        QCOMPARE(decoder.next(), Decoder::Event::Closed);
        QCOMPARE(decoder.bytesFed(), fed + routerNext(N2).size());
        QCOMPARE(decoder.bufferedBytes(), qsizetype(0));
        QVERIFY(decoder.isClosed());
        QVERIFY(!decoder.hasError());
    }
    {
        Decoder decoder("graphql");
        decoder.feed("--graphql\r\nnot a header\r\n\r\n");
        QCOMPARE(decoder.next(), Decoder::Event::Error);
        decoder.feed(delimiterFirst(N1) + "\r\n--graphql--\r\n");
        QCOMPARE(decoder.next(), Decoder::Event::Error);
        QCOMPARE(decoder.bufferedBytes(), qsizetype(0));
        QVERIFY(decoder.hasError());
        QVERIFY(!decoder.isClosed());
    }
}

// A peer that never sends a delimiter must not make the decoder hold more than about one part.
void tst_MultipartDecoder::partTooLarge_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QByteArray>("pattern"); // repeated to fill every read

    const QByteArray headers = "\r\n--graphql\r\ncontent-type: application/json\r\n\r\n";
    QTest::addRow("body without line breaks") << headers << "x"_ba;
    QTest::addRow("body with line breaks") << headers << QByteArray(99, 'x') + '\n';
    QTest::addRow("body with CRLF and dashes") << headers << "--graphq\r\n-"_ba;
    QTest::addRow("JSON string that never ends") << headers + R"({"payload":{"data":{"s":")"
                                                 << "x"_ba;
    QTest::addRow("JSON nesting that never ends") << headers << R"({"a":[)"_ba;
    QTest::addRow("white space after an early part") << headers + Heartbeat << " \r\n"_ba;
    QTest::addRow("part without headers") << "--graphql\r\n{"_ba
                                          << "x"_ba;
    QTest::addRow("header line without line break") << "--graphql\r\nX-Padding: "_ba
                                                    << "x"_ba;
    QTest::addRow("endless header lines") << "--graphql\r\n"_ba
                                          << "X-Header: value\r\n"_ba;
    QTest::addRow("content-length above the limit")
            << "--graphql\r\nContent-Length: 2097152\r\n\r\n"_ba
            << "x"_ba;
    QTest::addRow("content-length, LF only") << "--graphql\nContent-Length: 1048577\n\n"_ba
                                             << "x"_ba;
}

void tst_MultipartDecoder::partTooLarge()
{
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, pattern);

    QByteArray read;
    read.reserve(MiB);
    while (read.size() < MiB)
        read += pattern;
    read.truncate(MiB);

    Decoder decoder("graphql", MiB);
    qsizetype maxBuffered = 0;
    int errorAfterReads = -1;
    auto drain = [&](int reads) {
        Decoder::Event event;
        while ((event = decoder.next()) == Decoder::Event::Part) { }
        if (event == Decoder::Event::Error && errorAfterReads < 0)
            errorAfterReads = reads;
        maxBuffered = qMax(maxBuffered, decoder.bufferedBytes());
    };
    decoder.feed(prefix);
    drain(0);
    for (int i = 1; i <= 64; ++i) { // 64 MiB, read by read
        decoder.feed(read);
        maxBuffered = qMax(maxBuffered, decoder.bufferedBytes());
        drain(i);
    }
    QCOMPARE(decoder.next(), Decoder::Event::Error);
    QCOMPARE(decoder.errorKind(), Decoder::ErrorKind::PartTooLarge);
    QVERIFY(!decoder.errorString().isEmpty());
    QVERIFY2(errorAfterReads >= 0 && errorAfterReads <= 2, QByteArray::number(errorAfterReads));
    QVERIFY2(maxBuffered < 3 * MiB, QByteArray::number(maxBuffered));
    QCOMPARE(decoder.bytesFed(), qint64(prefix.size() + 64 * MiB));
}

// The preamble has no size limit, but it is not kept: the buffer stays small, and a delimiter
// after it still works.
void tst_MultipartDecoder::longPreambleIsBounded_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addRow("no line breaks") << "x"_ba;
    QTest::addRow("lines") << QByteArray(99, 'x') + "\r\n";
    QTest::addRow("boundary lookalikes") << "--graphqlx\r\n--graphq\n"_ba;
}

void tst_MultipartDecoder::longPreambleIsBounded()
{
    QFETCH(QByteArray, pattern);

    QByteArray read;
    while (read.size() < MiB)
        read += pattern;
    read.truncate(MiB);
    read.replace(read.size() - 2, 2, "\r\n");

    Decoder decoder("graphql", MiB);
    qsizetype maxBuffered = 0;
    for (int i = 0; i < 64; ++i) {
        decoder.feed(read);
        maxBuffered = qMax(maxBuffered, decoder.bufferedBytes());
        QCOMPARE(decoder.next(), Decoder::Event::NeedMoreData);
    }
    QVERIFY2(maxBuffered < 3 * MiB, QByteArray::number(maxBuffered));
    const QByteArray tail
            = "--graphql\r\ncontent-type: application/json\r\n\r\n" + N1 + "\r\n--graphql--\r\n";
    decoder.feed(tail);
    QCOMPARE(decoder.next(), Decoder::Event::Part);
    QCOMPARE(decoder.partBody().toByteArray(), N1);
    QCOMPARE(decoder.partOffset(), qint64(64 * MiB + tail.indexOf(N1)));
    QCOMPARE(decoder.next(), Decoder::Event::Closed);
}

void tst_MultipartDecoder::largePayloadWithDefaultCap_data()
{
    QTest::addColumn<bool>("contentLength");
    QTest::addColumn<qsizetype>("readSize");
    QTest::addRow("router framing, 64 KiB reads") << false << 64 * KiB;
    QTest::addRow("router framing, one read") << false << qsizetype(0);
    QTest::addRow("content-length, 64 KiB reads") << true << 64 * KiB;
}

void tst_MultipartDecoder::largePayloadWithDefaultCap()
{
    QFETCH(bool, contentLength);
    QFETCH(qsizetype, readSize);

    QByteArray blob(8 * MiB, 'x');
    for (qsizetype i = 0; i < blob.size(); i += 4096)
        blob[i] = '-'; // dashes, never at a line start
    const QByteArray json = R"({"payload":{"data":{"blob":")" + blob + R"("}}})";
    QByteArray stream;
    if (contentLength) {
        stream = "\r\n--graphql" + strawberryChunk(json) + strawberryChunk(Heartbeat) + "--\r\n";
    } else {
        stream = routerFirst(json) + routerNext(Heartbeat) + RouterEnd;
    }
    if (readSize == 0)
        readSize = stream.size();

    Decoder decoder("graphql"); // the default maximum part size
    QByteArrayList contentTypes;
    QList<qsizetype> sizes;
    bool bodyMatches = false;
    Decoder::Event event = Decoder::Event::NeedMoreData;
    for (qsizetype at = 0; at < stream.size() && event == Decoder::Event::NeedMoreData;
         at += readSize) {
        decoder.feed(QByteArrayView(stream).sliced(at, qMin(readSize, stream.size() - at)));
        while ((event = decoder.next()) == Decoder::Event::Part) {
            if (sizes.isEmpty())
                bodyMatches = decoder.partBody() == json;
            sizes.append(decoder.partBody().size());
            contentTypes.append(decoder.partContentType());
        }
    }
    QCOMPARE(event, Decoder::Event::Closed);
    QCOMPARE(sizes, (QList<qsizetype> { json.size(), Heartbeat.size() }));
    QVERIFY(bodyMatches);
    QCOMPARE(contentTypes.first(),
             contentLength ? "application/json; charset=utf-8"_ba : "application/json"_ba);
}

// Consumed parts are dropped: a long subscription does not grow the buffer.
void tst_MultipartDecoder::manyPartsKeepTheBufferSmall()
{
    QByteArray stream = routerFirst(Heartbeat);
    for (int i = 0; i < 20000; ++i)
        stream += routerNext(i % 2 ? Heartbeat
                                   : R"({"payload":{"data":{"n":)" + QByteArray::number(i) + "}}}");
    stream += RouterEnd;

    Decoder decoder("graphql");
    qsizetype maxBuffered = 0;
    int parts = 0;
    Decoder::Event event = Decoder::Event::NeedMoreData;
    for (qsizetype at = 0; at < stream.size(); at += 1000) {
        decoder.feed(QByteArrayView(stream).sliced(at, qMin<qsizetype>(1000, stream.size() - at)));
        maxBuffered = qMax(maxBuffered, decoder.bufferedBytes());
        while ((event = decoder.next()) == Decoder::Event::Part)
            ++parts;
    }
    QCOMPARE(event, Decoder::Event::Closed);
    QCOMPARE(parts, 20001);
    QVERIFY2(maxBuffered < 16 * KiB, QByteArray::number(maxBuffered));
}

QTEST_GUILESS_MAIN(tst_MultipartDecoder)

#include "tst_multipartdecoder.moc"
