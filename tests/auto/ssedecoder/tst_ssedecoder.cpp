// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "protocol/qgraphqlssedecoder_p.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qrandom.h>
#include <QtCore/qregularexpression.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

using Decoder = QGraphQLSseDecoder;
using Status = QGraphQLSseDecoder::Status;

namespace {

constexpr qsizetype DefaultMax = QGraphQL::DefaultMaxPartSize;

QByteArray escaped(const QByteArray &bytes)
{
    QByteArray out;
    for (char c : bytes) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\0')
            out += "\\0";
        else
            out += c;
    }
    return out;
}

// Events as text, so that QCOMPARE shows what differs.
QByteArray ev(const QByteArray &type, const QByteArray &data, const QByteArray &id = {})
{
    QByteArray text = "[" + type + "] " + escaped(data);
    if (!id.isEmpty())
        text += " #" + escaped(id);
    return text;
}
QByteArray ev(const QGraphQLSseEvent &event)
{
    return ev(event.type, event.data, event.id);
}
const QByteArray Eof = "eof"; // all bytes fed, nothing pending
const QByteArray EofInside = "eof inside an event"; // all bytes fed, an event is incomplete
const QByteArray Error = "error";

struct Decoded
{
    QByteArrayList events;
    QList<qint64> offsets;
    qint64 retry = -1;
    QByteArray lastId;
};

class Recorder
{
public:
    explicit Recorder(qsizetype maxEventSize = DefaultMax) : decoder(maxEventSize) { }

    void feed(QByteArrayView bytes)
    {
        decoder.feed(bytes);
        fed += bytes.size();
        drain();
    }

    void drain()
    {
        while (!failed) {
            switch (decoder.next()) {
            case Status::NeedMoreData:
                return;
            case Status::Event:
                out.events.append(ev(decoder.event()));
                out.offsets.append(decoder.event().offset);
                continue;
            case Status::Error:
                if (!decoder.hasError() || decoder.errorString().isEmpty())
                    out.events.append("Error but no hasError()/errorString()");
                failed = true;
                if (decoder.next() != Status::Error)
                    out.events.append("Error is not final");
                return;
            }
        }
    }

    Decoded finish()
    {
        Decoded result = out;
        result.events.append(failed ? Error : decoder.isInsideEvent() ? EofInside : Eof);
        if (decoder.bytesFed() != fed)
            result.events.append("bytesFed() is " + QByteArray::number(decoder.bytesFed()));
        result.retry = decoder.retry();
        result.lastId = decoder.lastEventId();
        return result;
    }

    Decoder decoder;
    Decoded out;
    qint64 fed = 0;
    bool failed = false;
};

Decoded decodeCut(const QByteArray &stream, const QList<qsizetype> &cuts,
                  qsizetype maxEventSize = DefaultMax)
{
    Recorder recorder(maxEventSize);
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        recorder.feed(QByteArrayView(stream).sliced(from, cut - from));
        from = cut;
    }
    recorder.feed(QByteArrayView(stream).sliced(from));
    return recorder.finish();
}

Decoded decodeWhole(const QByteArray &stream, qsizetype maxEventSize = DefaultMax)
{
    return decodeCut(stream, {}, maxEventSize);
}

qint64 namedOffset(const QString &message)
{
    const QRegularExpressionMatch match = QRegularExpression(u"byte (\\d+)"_s).match(message);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

// graphql-yoga 5.24 answering a countdown subscription over SSE (environment.md §4.1).
const QByteArray YogaCountdown = ":\n\n"
                                 "event: next\ndata: {\"data\":{\"countdown\":2}}\n\n"
                                 "event: next\ndata: {\"data\":{\"countdown\":1}}\n\n"
                                 "event: next\ndata: {\"data\":{\"countdown\":0}}\n\n"
                                 "event: complete\ndata:\n\n";

} // namespace

class tst_SseDecoder : public QObject
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
    void lineEndingsAreEquivalent_data();
    void lineEndingsAreEquivalent();
    void idAndRetry();
    void eventOffsets();
    void maxEventSize_data();
    void maxEventSize();
    void longLineIsBounded();
    void longCommentIsNotStored();
    void errorIsFinal();
    void largeStreamIsLinear();
    void graphqlStep_data();
    void graphqlStep();
    void yogaEndToEnd();

private:
    void addStreamRows();
};

void tst_SseDecoder::initialState()
{
    Decoder decoder;
    QCOMPARE(decoder.next(), Status::NeedMoreData);
    QVERIFY(!decoder.hasError());
    QVERIFY(!decoder.isInsideEvent());
    QCOMPARE(decoder.retry(), qint64(-1));
    QCOMPARE(decoder.lastEventId(), QByteArray());
    QCOMPARE(decoder.bytesFed(), qint64(0));
    QCOMPARE(decoder.bufferedBytes(), qsizetype(0));
    decoder.feed({});
    QCOMPARE(decoder.next(), Status::NeedMoreData);
}

void tst_SseDecoder::addStreamRows()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArrayList>("expected");

    const QByteArray next2 = R"({"data":{"countdown":2}})";
    const QByteArray next1 = R"({"data":{"countdown":1}})";
    const QByteArray next0 = R"({"data":{"countdown":0}})";

    QTest::addRow("empty") << QByteArray() << QByteArrayList { Eof };
    QTest::addRow("yoga countdown")
            << YogaCountdown
            << QByteArrayList { ev("next", next2), ev("next", next1), ev("next", next0),
                                ev("complete", ""), Eof };
    QTest::addRow("yoga keep-alive only") << QByteArray(":\n\n:\n\n") << QByteArrayList { Eof };
    QTest::addRow("yoga countdown CRLF")
            << QByteArray(YogaCountdown).replace("\n", "\r\n")
            << QByteArrayList { ev("next", next2), ev("next", next1), ev("next", next0),
                                ev("complete", ""), Eof };
    QTest::addRow("yoga countdown CR")
            << QByteArray(YogaCountdown).replace("\n", "\r")
            << QByteArrayList { ev("next", next2), ev("next", next1), ev("next", next0),
                                ev("complete", ""), Eof };
    QTest::addRow("mixed line ends")
            << QByteArray("event: next\r\ndata: a\rdata: b\n\r\n"
                          "data: c\r\r"
                          "data: d\n\r"
                          "data: e\r\n\n")
            << QByteArrayList { ev("next", "a\nb"), ev("", "c"), ev("", "d"), ev("", "e"), Eof };
    QTest::addRow("CR then LF is one line end")
            << QByteArray("data: a\r\ndata: b\r\n\r\n") << QByteArrayList { ev("", "a\nb"), Eof };
    QTest::addRow("LF then CR is two line ends")
            << QByteArray("data: a\n\rdata: b\n\n")
            << QByteArrayList { ev("", "a"), ev("", "b"), Eof };
    QTest::addRow("multi-line data") << QByteArray("data: {\ndata: \"a\": 1\ndata: }\n\n")
                                     << QByteArrayList { ev("", "{\n\"a\": 1\n}"), Eof };
    QTest::addRow("empty data lines")
            << QByteArray("data\ndata:\ndata: \n\n") << QByteArrayList { ev("", "\n\n"), Eof };
    QTest::addRow("data ending in an empty line")
            << QByteArray("data: a\ndata:\n\n") << QByteArrayList { ev("", "a\n"), Eof };
    QTest::addRow("no space after the colon")
            << QByteArray("event:next\ndata:{}\n\n") << QByteArrayList { ev("next", "{}"), Eof };
    QTest::addRow("only one space is removed")
            << QByteArray("data:  a \n\n") << QByteArrayList { ev("", " a "), Eof };
    QTest::addRow("colon in the value")
            << QByteArray("data: a: b:c\n\n") << QByteArrayList { ev("", "a: b:c"), Eof };
    QTest::addRow("comments everywhere")
            << QByteArray(": hello\n:\nevent: next\n: inside\ndata: x\n:\n\n: after\n\n")
            << QByteArrayList { ev("next", "x"), Eof };
    QTest::addRow("comment with CRLF")
            << QByteArray(":ka\r\n\r\ndata: x\r\n\r\n") << QByteArrayList { ev("", "x"), Eof };
    QTest::addRow("unknown fields ignored")
            << QByteArray("foo: bar\nevent: next\nDATA: no\n data: no\ndata: yes\n\n")
            << QByteArrayList { ev("next", "yes"), Eof };
    QTest::addRow("last event field wins") << QByteArray("event: a\nevent: next\ndata: x\n\n")
                                           << QByteArrayList { ev("next", "x"), Eof };
    QTest::addRow("type is reset after dispatch")
            << QByteArray("event: next\ndata: x\n\ndata: y\n\n")
            << QByteArrayList { ev("next", "x"), ev("", "y"), Eof };
    QTest::addRow("empty event field")
            << QByteArray("event:\ndata: x\n\n") << QByteArrayList { ev("", "x"), Eof };
    QTest::addRow("named event without data (lenient)")
            << QByteArray("event: complete\n\n") << QByteArrayList { ev("complete", ""), Eof };
    QTest::addRow("fields without data or event are not dispatched")
            << QByteArray("id: 1\n\nretry: 10\n\nfoo\n\n") << QByteArrayList { Eof };
    QTest::addRow("blank lines first")
            << QByteArray("\n\n\r\n\rdata: x\n\n") << QByteArrayList { ev("", "x"), Eof };
    QTest::addRow("id persists") << QByteArray("id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n")
                                 << QByteArrayList { ev("", "a", "7"), ev("", "b", "7"),
                                                     ev("", "c"), Eof };
    QTest::addRow("id with NUL ignored")
            << QByteArray("id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n", 32)
            << QByteArrayList { ev("", "a", "1"), ev("", "b", "1"), Eof };
    QTest::addRow("id set in an undispatched block still counts")
            << QByteArray("id: 3\n\ndata: a\n\n") << QByteArrayList { ev("", "a", "3"), Eof };
    QTest::addRow("BOM skipped") << QByteArray("\xEF\xBB\xBF"
                                               "event: next\ndata: x\n\n")
                                 << QByteArrayList { ev("next", "x"), Eof };
    QTest::addRow("BOM then comment")
            << QByteArray("\xEF\xBB\xBF:\n\ndata: x\n\n") << QByteArrayList { ev("", "x"), Eof };
    QTest::addRow("only one BOM skipped") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                        "data: x\n\ndata: y\n\n")
                                          << QByteArrayList { ev("", "y"), Eof };
    QTest::addRow("BOM prefix is not a BOM") << QByteArray("\xEF\xBB"
                                                           "data: x\n\ndata: y\n\n")
                                             << QByteArrayList { ev("", "y"), Eof };
    QTest::addRow("BOM only") << QByteArray("\xEF\xBB\xBF") << QByteArrayList { Eof };
    QTest::addRow("UTF-8 data") << QByteArray("data: {\"s\":\"h\xC3\xA9llo \xE2\x82\xAC\"}\n\n")
                                << QByteArrayList { ev("", "{\"s\":\"h\xC3\xA9llo \xE2\x82\xAC\"}"),
                                                    Eof };
    QTest::addRow("unterminated event")
            << QByteArray("data: a\n\ndata: b\n") << QByteArrayList { ev("", "a"), EofInside };
    QTest::addRow("unterminated line")
            << QByteArray("data: a\n\ndata: b") << QByteArrayList { ev("", "a"), EofInside };
    QTest::addRow("unterminated comment is no event")
            << QByteArray("data: a\n\n: keep") << QByteArrayList { ev("", "a"), Eof };
    QTest::addRow("event ended by CR at the very end")
            << QByteArray("data: a\r\r") << QByteArrayList { ev("", "a"), Eof };
}

void tst_SseDecoder::decode_data()
{
    addStreamRows();
}

void tst_SseDecoder::decode()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);
    QCOMPARE(decodeWhole(stream).events, expected);
}

void tst_SseDecoder::everySplitPoint_data()
{
    addStreamRows();
}

// The events must not depend on how the bytes are cut into reads: two feeds, cut at every
// offset (also between CR and LF, and inside the BOM), give what one feed gives.
void tst_SseDecoder::everySplitPoint()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);

    const Decoded whole = decodeWhole(stream);
    QCOMPARE(whole.events, expected);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        const Decoded split = decodeCut(stream, { cut });
        if (split.events != whole.events || split.offsets != whole.offsets
            || split.retry != whole.retry || split.lastId != whole.lastId) {
            qWarning("Split at byte %lld differs", qlonglong(cut));
            QCOMPARE(split.events, whole.events);
            QCOMPARE(split.offsets, whole.offsets);
            QCOMPARE(split.retry, whole.retry);
            QCOMPARE(split.lastId, whole.lastId);
        }
    }
}

void tst_SseDecoder::oneBytePerFeed_data()
{
    addStreamRows();
}

void tst_SseDecoder::oneBytePerFeed()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);

    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < stream.size(); ++i)
        cuts.append(i);
    const Decoded bytewise = decodeCut(stream, cuts);
    QCOMPARE(bytewise.events, expected);
    QCOMPARE(bytewise.offsets, decodeWhole(stream).offsets);
}

void tst_SseDecoder::randomChunks_data()
{
    addStreamRows();
}

void tst_SseDecoder::randomChunks()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);

    QRandomGenerator rng(20260501);
    for (int round = 0; round < 50; ++round) {
        QList<qsizetype> cuts;
        for (qsizetype at = 0; at < stream.size();) {
            at += 1 + rng.bounded(8);
            if (at < stream.size())
                cuts.append(at);
        }
        QCOMPARE(decodeCut(stream, cuts).events, expected);
    }
}

void tst_SseDecoder::lineEndingsAreEquivalent_data()
{
    QTest::addColumn<QByteArray>("lf");
    QTest::newRow("yoga") << YogaCountdown;
    QTest::newRow("fields") << QByteArray(": c\nid: 1\nretry: 5\nevent: x\ndata: a\ndata\n\n"
                                          "data: b\n\n\n\n");
}

// The same stream written with LF, CRLF or CR gives the same events and fields.
void tst_SseDecoder::lineEndingsAreEquivalent()
{
    QFETCH(QByteArray, lf);
    const Decoded expected = decodeWhole(lf);
    for (const char *end : { "\r\n", "\r" }) {
        const Decoded other = decodeWhole(QByteArray(lf).replace("\n", end));
        QCOMPARE(other.events, expected.events);
        QCOMPARE(other.retry, expected.retry);
        QCOMPARE(other.lastId, expected.lastId);
    }
}

void tst_SseDecoder::idAndRetry()
{
    Decoder decoder;
    decoder.feed("retry: 3000\nid: abc\n\n");
    QCOMPARE(decoder.next(), Status::NeedMoreData);
    QCOMPARE(decoder.retry(), qint64(3000));
    QCOMPARE(decoder.lastEventId(), QByteArray("abc"));

    decoder.feed("retry: 12a\nretry: -5\nretry:\nretry: 1.5\ndata: x\n\n");
    QCOMPARE(decoder.next(), Status::Event);
    QCOMPARE(decoder.retry(), qint64(3000)); // none of them was all digits
    QCOMPARE(decoder.event().id, QByteArray("abc"));
    QCOMPARE(decoder.event().data, QByteArray("x"));

    decoder.feed("retry:250\nid:\ndata: y\n\n");
    QCOMPARE(decoder.next(), Status::Event);
    QCOMPARE(decoder.retry(), qint64(250));
    QCOMPARE(decoder.event().id, QByteArray()); // an empty id resets it
    QCOMPARE(decoder.lastEventId(), QByteArray());

    decoder.feed("retry: 99999999999999999999999\n\n");
    QCOMPARE(decoder.next(), Status::NeedMoreData);
    QCOMPARE(decoder.retry(), qint64(250)); // overflow: ignored
}

void tst_SseDecoder::eventOffsets()
{
    // Offsets are those of the event's first field line, comments and BOM included in counting.
    const QByteArray stream = "\xEF\xBB\xBF:\n\nevent: next\ndata: 1\n\n: c\r\n\r\ndata: 2\r\n\r\n";
    const Decoded decoded = decodeWhole(stream);
    QCOMPARE(decoded.events, (QByteArrayList { ev("next", "1"), ev("", "2"), Eof }));
    QCOMPARE(decoded.offsets,
             (QList<qint64> { stream.indexOf("event"), stream.indexOf("data: 2") }));
}

void tst_SseDecoder::maxEventSize_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qsizetype>("max");
    QTest::addColumn<QByteArrayList>("expected");

    // "data: 0123456789" is 16 bytes.
    QTest::addRow("at the limit") << QByteArray("data: 0123456789\n\n") << qsizetype(16)
                                  << QByteArrayList { ev("", "0123456789"), Eof };
    QTest::addRow("one byte over")
            << QByteArray("data: 0123456789X\n\n") << qsizetype(16) << QByteArrayList { Error };
    QTest::addRow("over without a line end")
            << QByteArray("data: 0123456789X") << qsizetype(16) << QByteArrayList { Error };
    QTest::addRow("lines add up (line ends count one byte)")
            << QByteArray("data: 0123\ndata: 0123\n\n") << qsizetype(20)
            << QByteArrayList { Error };
    QTest::addRow("lines add up to the limit")
            << QByteArray("data: 0123\ndata: 012\n\n") << qsizetype(20)
            << QByteArrayList { ev("", "0123\n012"), Eof };
    QTest::addRow("the limit is per event")
            << QByteArray("data: 0123456789\n\ndata: 0123456789\n\n") << qsizetype(16)
            << QByteArrayList { ev("", "0123456789"), ev("", "0123456789"), Eof };
    QTest::addRow("comments do not count") << QByteArray(
            ": " + QByteArray(100, 'k') + "\ndata: x\n: " + QByteArray(100, 'k') + "\n\n")
                                           << qsizetype(16) << QByteArrayList { ev("", "x"), Eof };
    QTest::addRow("events before the error are delivered")
            << QByteArray("data: a\n\nevent: next\ndata: " + QByteArray(100, 'x') + "\n\n")
            << qsizetype(50) << QByteArrayList { ev("", "a"), Error };
}

void tst_SseDecoder::maxEventSize()
{
    QFETCH(QByteArray, stream);
    QFETCH(qsizetype, max);
    QFETCH(QByteArrayList, expected);

    QCOMPARE(decodeWhole(stream, max).events, expected);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut)
        QCOMPARE(decodeCut(stream, { cut }, max).events, expected);
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < stream.size(); ++i)
        cuts.append(i);
    QCOMPARE(decodeCut(stream, cuts, max).events, expected);

    if (expected.endsWith(Error)) {
        Decoder decoder(max);
        decoder.feed(stream);
        while (decoder.next() == Status::Event) { }
        QVERIFY(decoder.hasError());
        QVERIFY2(decoder.errorString().contains(QString::number(max)),
                 qPrintable(decoder.errorString()));
        // The message names where the event began.
        const qint64 offset = namedOffset(decoder.errorString());
        QVERIFY2(offset >= 0, qPrintable(decoder.errorString()));
        QVERIFY(stream.mid(offset).startsWith("data") || stream.mid(offset).startsWith("event"));
    }
}

// A huge line fed in small reads is refused once it passes the limit, before it is held whole.
void tst_SseDecoder::longLineIsBounded()
{
    const qsizetype max = 64 * 1024;
    Decoder decoder(max);
    decoder.feed("event: next\ndata: ");
    const QByteArray chunk(1000, 'x');
    qsizetype fed = 0;
    Status status = Status::NeedMoreData;
    while (status == Status::NeedMoreData && fed < 10 * max) {
        decoder.feed(chunk);
        fed += chunk.size();
        status = decoder.next();
        QVERIFY(decoder.bufferedBytes() <= max + chunk.size());
    }
    QCOMPARE(status, Status::Error);
    QVERIFY(fed <= max + chunk.size());
    QCOMPARE(decoder.bufferedBytes(), qsizetype(0));
    QVERIFY(decoder.errorString().contains(u"maximum event size"_s));
}

void tst_SseDecoder::longCommentIsNotStored()
{
    Decoder decoder(1024);
    decoder.feed(":");
    const QByteArray chunk(4096, 'k');
    for (int i = 0; i < 1000; ++i) {
        decoder.feed(chunk);
        QCOMPARE(decoder.next(), Status::NeedMoreData);
        QVERIFY(decoder.bufferedBytes() <= chunk.size());
    }
    decoder.feed("\ndata: ok\n\n");
    QCOMPARE(decoder.next(), Status::Event);
    QCOMPARE(decoder.event().data, QByteArray("ok"));
}

void tst_SseDecoder::errorIsFinal()
{
    Decoder decoder(8);
    decoder.feed("data: 123456789\n\n");
    QCOMPARE(decoder.next(), Status::Error);
    const QString message = decoder.errorString();
    decoder.feed("data: x\n\n");
    QCOMPARE(decoder.next(), Status::Error);
    QCOMPARE(decoder.errorString(), message);
    QCOMPARE(decoder.bytesFed(), qint64(17 + 9));
}

// Many events and one very long event, fed in reads of various sizes: linear time (a rescan from
// the start of the buffer on every read would take minutes here) and a small buffer.
void tst_SseDecoder::largeStreamIsLinear()
{
    QByteArray stream;
    for (int i = 0; i < 20000; ++i)
        stream += "event: next\ndata: {\"data\":{\"n\":" + QByteArray::number(i) + "}}\n\n:\n\n";
    const QByteArray big(8 * 1024 * 1024, 'x');
    stream += "event: next\ndata: " + big + "\r\n\r\n";

    QElapsedTimer timer;
    timer.start();
    for (qsizetype chunkSize : { qsizetype(1), qsizetype(7), qsizetype(1500), qsizetype(65536) }) {
        Decoder decoder;
        qsizetype events = 0;
        qsizetype maxBuffered = 0;
        const qsizetype limit = chunkSize == 1 ? 2 * 1024 * 1024 : stream.size();
        for (qsizetype at = 0; at < limit; at += chunkSize) {
            decoder.feed(QByteArrayView(stream).sliced(at, qMin(chunkSize, stream.size() - at)));
            Status status;
            while ((status = decoder.next()) == Status::Event) {
                ++events;
                maxBuffered = qMax(maxBuffered, decoder.bufferedBytes());
            }
            QCOMPARE(status, Status::NeedMoreData);
            if (at < stream.size() - big.size() - 100)
                maxBuffered = qMax(maxBuffered, decoder.bufferedBytes());
        }
        if (limit == stream.size()) {
            QCOMPARE(events, qsizetype(20001));
            QCOMPARE(decoder.event().data.size(), big.size());
        }
        QVERIFY2(maxBuffered < 8192 + chunkSize, QByteArray::number(maxBuffered).constData());
    }
    QVERIFY2(timer.elapsed() < 60000, QByteArray::number(timer.elapsed()).constData());
}

void tst_SseDecoder::graphqlStep_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("result"); // QGraphQLResult::toJson() of Next, else empty

    const int Ignored = QGraphQLSseStep::Ignored, Next = QGraphQLSseStep::Next,
              Complete = QGraphQLSseStep::Complete, Malformed = QGraphQLSseStep::Malformed;

    QTest::addRow("next") << QByteArray("next") << QByteArray(R"({"data":{"countdown":2}})") << Next
                          << QByteArray(R"({"data":{"countdown":2}})");
    QTest::addRow("next with errors")
            << QByteArray("next")
            << QByteArray(R"({"data":null,"errors":[{"message":"boom","path":["a"]}]})") << Next
            << QByteArray(R"({"data":null,"errors":[{"message":"boom","path":["a"]}]})");
    QTest::addRow("next with only errors")
            << QByteArray("next") << QByteArray(R"({"errors":[{"message":"bad"}]})") << Next
            << QByteArray(R"({"errors":[{"message":"bad"}]})");
    QTest::addRow("next multi-line JSON")
            << QByteArray("next") << QByteArray("{\n\"data\":\n{\"a\":1}\n}") << Next
            << QByteArray(R"({"data":{"a":1}})");
    QTest::addRow("next incremental payload")
            << QByteArray("next")
            << QByteArray(R"({"incremental":[{"data":{"slow":"late"},"path":[]}],"hasNext":false})")
            << Next << QByteArray(R"({"hasNext":false})");
    QTest::addRow("next final hasNext false")
            << QByteArray("next") << QByteArray(R"({"hasNext":false})") << Next
            << QByteArray(R"({"hasNext":false})");
    QTest::addRow("complete") << QByteArray("complete") << QByteArray() << Complete << QByteArray();
    QTest::addRow("complete with data")
            << QByteArray("complete") << QByteArray("whatever") << Complete << QByteArray();
    QTest::addRow("unnamed with data") << QByteArray() << QByteArray(R"({"data":{"x":1}})") << Next
                                       << QByteArray(R"({"data":{"x":1}})");
    QTest::addRow("message with data") << QByteArray("message") << QByteArray(R"({"data":{"x":1}})")
                                       << Next << QByteArray(R"({"data":{"x":1}})");
    QTest::addRow("unnamed empty data") << QByteArray() << QByteArray() << Ignored << QByteArray();
    QTest::addRow("unnamed blank data")
            << QByteArray() << QByteArray(" \n") << Ignored << QByteArray();
    QTest::addRow("other type") << QByteArray("ping") << QByteArray("{}") << Ignored
                                << QByteArray();
    QTest::addRow("case matters") << QByteArray("Next") << QByteArray(R"({"data":{}})") << Ignored
                                  << QByteArray();
    QTest::addRow("next without data")
            << QByteArray("next") << QByteArray() << Malformed << QByteArray();
    QTest::addRow("next invalid JSON")
            << QByteArray("next") << QByteArray("{\"data\":") << Malformed << QByteArray();
    QTest::addRow("next not an object")
            << QByteArray("next") << QByteArray("[1]") << Malformed << QByteArray();
    QTest::addRow("next wrong shape")
            << QByteArray("next") << QByteArray(R"({"foo":1})") << Malformed << QByteArray();
    QTest::addRow("unnamed invalid JSON")
            << QByteArray() << QByteArray("hello") << Malformed << QByteArray();
}

void tst_SseDecoder::graphqlStep()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, data);
    QFETCH(int, kind);
    QFETCH(QByteArray, result);

    QGraphQLSseEvent event;
    event.type = type;
    event.data = data;
    event.offset = 42;
    const QGraphQLSseStep step = QGraphQLSseDecoder::graphqlStep(event);
    QCOMPARE(int(step.kind), kind);
    if (kind == QGraphQLSseStep::Malformed) {
        QVERIFY(!step.message.isEmpty());
        QCOMPARE(namedOffset(step.message), qint64(42));
    }
    if (kind == QGraphQLSseStep::Next) {
        QCOMPARE(step.payload.toJsonValue().toObject(), QJsonDocument::fromJson(data).object());
        const QGraphQLResult converted
                = QGraphQLResult::fromJson(step.payload.toJsonValue().toObject());
        QCOMPARE(QJsonDocument(converted.toJson()).toJson(QJsonDocument::Compact), result);
        QCOMPARE(converted.hasNext(), step.payload.member("hasNext").toBool());
    }
}

// Yoga's exact bytes, one byte per read, through decoder and step mapping.
void tst_SseDecoder::yogaEndToEnd()
{
    Decoder decoder;
    QList<int> countdown;
    bool completed = false;
    for (char c : YogaCountdown) {
        decoder.feed(QByteArrayView(&c, 1));
        while (decoder.next() == Status::Event) {
            const QGraphQLSseStep step = QGraphQLSseDecoder::graphqlStep(decoder.event());
            QVERIFY(!completed);
            if (step.kind == QGraphQLSseStep::Complete) {
                completed = true;
                continue;
            }
            QCOMPARE(int(step.kind), int(QGraphQLSseStep::Next));
            countdown.append(step.payload.member("data").member("countdown").toJsonValue().toInt());
        }
    }
    QVERIFY(completed);
    QCOMPARE(countdown, (QList<int> { 2, 1, 0 }));
    QVERIFY(!decoder.isInsideEvent());
}

QTEST_GUILESS_MAIN(tst_SseDecoder)
#include "tst_ssedecoder.moc"
