// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QGraphQLJsonScanner against its byte-by-byte definition (JsonScannerReference), on written
// and generated inputs cut into scan() calls in many ways: the fast path handles 64 bytes at a
// time and carries string and escape state from one block (and one call) to the next.

#include "jsonscannerreference.h"

#include <QtCore/qrandom.h>
#include <QtTest/qtest.h>

namespace {

QList<qsizetype> randomCuts(QRandomGenerator &random, qsizetype size, int maxCut)
{
    QList<qsizetype> cuts;
    for (qsizetype done = 0; done < size;) {
        const qsizetype n = qMin<qsizetype>(size - done, 1 + random.bounded(maxCut));
        cuts.append(n);
        done += n;
    }
    return cuts;
}

// The cuts that matter: one call; two calls at every split point (so that blocks start at
// every offset of the input); random calls, short and long; one byte per call.
QByteArray compareAllCuts(QByteArrayView input, QRandomGenerator &random)
{
    const qsizetype size = input.size();
    QList<QList<qsizetype>> cutLists;
    cutLists.append(QList<qsizetype> { size });
    const qsizetype everySplitUpTo = size <= 1024 ? size : 130;
    for (qsizetype s = 1; s < qMin(size, everySplitUpTo + 1); ++s)
        cutLists.append(QList<qsizetype> { s, size - s });
    for (int i = 0; i < 4; ++i)
        cutLists.append(randomCuts(random, size, i % 2 ? 8 : 200));
    cutLists.append(QList<qsizetype>(size, 1));
    for (const QList<qsizetype> &cuts : std::as_const(cutLists)) {
        const QByteArray error = compareWithReference(input, cuts);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

// Bytes from the scanner's alphabet, heavy in what it must get right: quotes, backslash runs
// of every length (in and out of strings), braces and brackets, white space.
QByteArray byteSoup(QRandomGenerator &random, qsizetype size)
{
    static const char alphabet[] = "\"\"\"\\{{[}}] \n\t\ra:,0";
    QByteArray out;
    if (random.bounded(8) != 0)
        out += random.bounded(2) ? '{' : '[';
    while (out.size() < size) {
        const int pick = random.bounded(20);
        if (pick == 0) {
            const int run = random.bounded(4) ? 1 + random.bounded(4) : 1 + random.bounded(140);
            out += QByteArray(run, '\\');
        } else if (pick == 1) {
            out += QByteArray(1 + random.bounded(100), 'x'); // long plain stretches
        } else {
            out += alphabet[random.bounded(int(sizeof(alphabet) - 1))];
        }
    }
    if (random.bounded(2) == 0)
        return out;
    // Often enough, close what is open: braces, with a quote now and then in case a string is.
    JsonScannerReference reference;
    reference.scan(out);
    for (int i = 1; i < 400 && !reference.hasValue() && !reference.isInvalid(); ++i) {
        const char c = i % 80 ? '}' : '"';
        out += c;
        reference.scan(QByteArrayView(&c, 1));
    }
    return out;
}

QByteArray jsonString(QRandomGenerator &random)
{
    QByteArray s = "\"";
    const int parts = random.bounded(6);
    for (int i = 0; i < parts; ++i) {
        switch (random.bounded(6)) {
        case 0:
            s += "\\\"";
            break;
        case 1: // an even run: the quote after it closes the string
            s += QByteArray(2 * (1 + random.bounded(70)), '\\');
            break;
        case 2: // an odd run, then the escaped byte
            s += QByteArray(2 * random.bounded(70) + 1, '\\') + (random.bounded(2) ? "\"" : "n");
            break;
        case 3:
            s += "{[}] ";
            break;
        default:
            s += QByteArray(random.bounded(90), 'a' + char(random.bounded(26)));
            break;
        }
    }
    return s + '"';
}

QByteArray jsonValue(QRandomGenerator &random, int depth)
{
    const int pick = depth > 6 ? random.bounded(3) : random.bounded(6);
    switch (pick) {
    case 0:
        return jsonString(random);
    case 1:
        return QByteArray::number(random.bounded(100000));
    case 2:
        return random.bounded(2) ? "true" : "null";
    default:
        break;
    }
    const bool object = pick != 3;
    QByteArray out(1, object ? '{' : '[');
    const int n = random.bounded(6);
    for (int i = 0; i < n; ++i) {
        if (i)
            out += random.bounded(4) ? "," : " ,\n ";
        if (object)
            out += jsonString(random) + ':';
        out += jsonValue(random, depth + 1);
    }
    return out + (object ? '}' : ']');
}

// A JSON object or array, then sometimes white space, then sometimes more bytes.
QByteArray jsonDocument(QRandomGenerator &random)
{
    QByteArray out = random.bounded(4) ? QByteArray() : QByteArray(random.bounded(70), ' ');
    out += random.bounded(2) ? QByteArray("{\"data\":") + jsonValue(random, 1) + '}'
                             : '[' + jsonValue(random, 1) + ']';
    if (random.bounded(2))
        out += QByteArray(random.bounded(130), random.bounded(2) ? ' ' : '\n');
    if (random.bounded(4) == 0)
        out += byteSoup(random, random.bounded(20));
    return out;
}

QByteArray mutate(QRandomGenerator &random, QByteArray bytes)
{
    static const char swaps[] = "\"\\{}[] a";
    const int n = 1 + random.bounded(3);
    for (int i = 0; i < n && !bytes.isEmpty(); ++i)
        bytes[random.bounded(bytes.size())] = swaps[random.bounded(int(sizeof(swaps) - 1))];
    return bytes;
}

} // namespace

class tst_JsonScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void written_data();
    void written();
    void generated_data();
    void generated();
    void blockEdges();
};

void tst_JsonScanner::written_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("valueEnd"); // -1: none
    QTest::addColumn<bool>("complete");

    const QByteArray pad(100, 'a');
    QTest::newRow("empty") << QByteArray() << -1ll << false;
    QTest::newRow("object") << QByteArray("{}") << 2ll << true;
    QTest::newRow("trailing white space") << QByteArray(" [1]\r\n ") << 4ll << true;
    QTest::newRow("second value") << QByteArray("{}{}") << 2ll << false;
    QTest::newRow("top-level string") << QByteArray("\"{}\"") << -1ll << false;
    QTest::newRow("escaped quote") << "{\"" + pad + "\\\"}\"}" << 107ll << true;
    QTest::newRow("escaped backslash") << "{\"" + pad + "\\\\\"}" << 106ll << true;
    QTest::newRow("backslash outside a string")
            << "{" + pad + "\\\"" + pad + "\"}" << 205ll << true;
    QTest::newRow("backslash before an opening quote")
            << "{\"a\":\\\"" + pad + "}\"}" << 110ll << true;
    QTest::newRow("long odd run") << "{\"" + QByteArray(131, '\\') + "\"" + pad + "\"}" << 236ll
                                  << true;
    QTest::newRow("long even run") << "{\"" + QByteArray(130, '\\') + "\"}" << 134ll << true;
    QTest::newRow("unterminated string") << "{\"" + pad + "}" << -1ll << false;
    QTest::newRow("garbage after") << "[" + pad + "] x" << 102ll << false;
    QTest::newRow("deep") << QByteArray(300, '[') + QByteArray(300, ']') << 600ll << true;
    QTest::newRow("too many closes") << "{" + pad + "}}" << 102ll << false;
}

void tst_JsonScanner::written()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, valueEnd);
    QFETCH(bool, complete);

    QGraphQLJsonScanner scanner;
    scanner.scan(input);
    QCOMPARE(scanner.valueEnd(), valueEnd);
    QCOMPARE(scanner.hasValue(), valueEnd >= 0);
    QCOMPARE(scanner.isComplete(), complete);

    QRandomGenerator random(1);
    const QByteArray error = compareAllCuts(input, random);
    QVERIFY2(error.isEmpty(), error.constData());
}

void tst_JsonScanner::generated_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("byte soup") << 0;
    QTest::newRow("JSON") << 1;
    QTest::newRow("mutated JSON") << 2;
}

void tst_JsonScanner::generated()
{
    QFETCH(int, kind);
    QRandomGenerator random(20260401 + kind); // fixed seed: reproducible
    int complete = 0;
    int invalid = 0;
    int open = 0;
    for (int i = 0; i < 400; ++i) {
        QByteArray input;
        if (kind == 0)
            input = byteSoup(random, random.bounded(i % 10 ? 300 : 3000));
        else if (kind == 1)
            input = jsonDocument(random);
        else
            input = mutate(random, jsonDocument(random));
        const QByteArray error = compareAllCuts(input, random);
        QVERIFY2(error.isEmpty(), error.constData());

        JsonScannerReference reference;
        reference.scan(input);
        complete += reference.isComplete();
        invalid += reference.isInvalid();
        open += !reference.isComplete() && !reference.isInvalid();
    }
    // The inputs reach every outcome, so that a difference in any of them would show.
    qDebug("complete %d, invalid %d, still open %d", complete, invalid, open);
    QVERIFY(complete >= 20);
    QVERIFY(invalid >= 20);
    QVERIFY(open >= 20 || kind == 1);
}

// Values whose quotes, backslash runs and last brace fall on either side of every 64-byte
// block edge.
void tst_JsonScanner::blockEdges()
{
    QRandomGenerator random(7);
    const QByteArrayList endings = {
        "\"}", "\\\"\"}", "\\\\\"}", "\\\\\\\"\"}", "\"}}", "\"]", "\"} ", "\"}x",
    };
    for (int lead = 0; lead < 140; ++lead) {
        for (const QByteArray &ending : endings) {
            for (int run = 0; run < 3; ++run) {
                const QByteArray input = "{\"" + QByteArray(lead, 'a') + QByteArray(run, '\\')
                        + ending + QByteArray(70, ' ') + "}";
                const QByteArray error = compareAllCuts(input, random);
                QVERIFY2(error.isEmpty(), error.constData());
            }
        }
        const QByteArray nested = QByteArray(lead % 5 + 1, '[') + QByteArray(lead, ' ')
                + QByteArray(lead % 5 + 1, ']');
        const QByteArray error = compareAllCuts(nested, random);
        QVERIFY2(error.isEmpty(), error.constData());
    }
}

QTEST_GUILESS_MAIN(tst_JsonScanner)

#include "tst_jsonscanner.moc"
