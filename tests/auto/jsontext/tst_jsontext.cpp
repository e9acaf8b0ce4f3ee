// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QGraphQLJsonText against QJsonDocument, input by input: compact() must give Qt's verdict for
// every input (written edge cases, and generated ones: numbers, every two-byte string, UTF-8
// sequences, nesting depths, white space around every token), and on success text that Qt reads
// as the same document, with no white space outside strings, that compacts to itself. indented()
// must write what QJsonDocument::Indented writes whenever Qt would write the same compact text.

#include "protocol/qgraphqljsontext_p.h"

#include "../shared/jsonwhitespace.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qrandom.h>
#include <QtTest/qtest.h>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

bool qtAccepts(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError && (document.isObject() || document.isArray());
}

// Puts \a space around every structural byte outside strings (compact, valid input).
QByteArray spaced(QByteArrayView json, QByteArrayView space)
{
    QByteArray out = space.toByteArray();
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (c == '\\')
                out += json[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
        } else if (QByteArrayView("{}[],:").contains(c)) {
            out += space;
            out += c;
            out += space;
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray printable(const QByteArray &bytes)
{
    QByteArray out;
    for (char c : bytes.left(80)) {
        if (uchar(c) < 0x20 || uchar(c) >= 0x7f)
            out += "\\x" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
        else
            out += c;
    }
    return bytes.size() > 80 ? out + "..." : out;
}

// All the checks on one input; an empty result when they hold, else what failed.
QByteArray check(const QByteArray &input)
{
    const QByteArray prefix = "prefix";
    QByteArray out = prefix;
    QGraphQLJsonText::Error error;
    const bool accepted = QGraphQLJsonText::compact(input, &out, &error);
    const QByteArray what = " for " + printable(input);
    if (accepted != qtAccepts(input))
        return (accepted ? "accepted what Qt rejects" : "rejected what Qt accepts: ")
                + error.message.toUtf8() + " at " + QByteArray::number(error.offset) + what;
    if (!accepted) {
        if (out != prefix)
            return "the output was not restored" + what;
        if (error.offset < 0 || error.offset > input.size() || error.message.isEmpty())
            return "bad error " + QByteArray::number(error.offset) + what;
        return {};
    }
    if (!out.startsWith(prefix))
        return "the output lost its prefix" + what;
    const QByteArray compacted = out.mid(prefix.size());
    if (QJsonDocument::fromJson(compacted) != QJsonDocument::fromJson(input))
        return "a different document: " + printable(compacted) + what;
    if (hasSpaceOutsideStrings(compacted))
        return "white space left: " + printable(compacted) + what;
    QByteArray again;
    if (!QGraphQLJsonText::compact(compacted, &again) || again != compacted)
        return "compact(out) != out: " + printable(again) + what;

    const QJsonDocument document = QJsonDocument::fromJson(input);
    const QByteArray pretty = QGraphQLJsonText::indented(compacted);
    if (document.toJson(QJsonDocument::Compact) == compacted) {
        if (pretty != document.toJson(QJsonDocument::Indented))
            return "indented() differs from Qt's: " + printable(pretty) + what;
    } else {
        // Keys out of order, or numbers and strings Qt writes differently: the same document
        // and, without the indentation, the same text.
        if (QJsonDocument::fromJson(pretty) != document)
            return "indented() is a different document: " + printable(pretty) + what;
        QByteArray back;
        if (!QGraphQLJsonText::compact(pretty, &back) || back != compacted)
            return "indented() changed the text: " + printable(pretty) + what;
    }
    return {};
}

} // namespace

class tst_JsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differential_data();
    void differential();
    void numbers();
    void twoByteStrings();
    void utf8Sequences();
    void escapes();
    void nesting();
    void whiteSpaceEverywhere();
    void errorOffsets_data();
    void errorOffsets();
    void fastPathCopiesInput();
    void appendsToOutput();
    void keptTextCapacity();
    void indented_data();
    void indented();
    void randomDocuments();
};

void tst_JsonText::differential_data()
{
    QTest::addColumn<QByteArray>("input");

    const auto row = [](const char *name, const QByteArray &input) {
        QTest::newRow(name) << input;
    };
    // Documents.
    row("empty object", "{}");
    row("empty array", "[]");
    row("graphql result", R"({"data":{"zeta":1,"alpha":[true,false,null,"x",-1.5e3]}})");
    row("duplicate keys", R"({"a":1,"a":2})");
    row("unsorted keys", R"({"b":{"z":1,"y":[{"d":4,"c":3}]},"a":0})");
    row("pretty", "{\n    \"a\": [\n        1,\n        2\n    ],\n\t\"b\" :\r\n {}\n}\n");
    row("spaces around", "  \t\r\n[1]\n\n  ");
    row("unicode", "{\"s\":\"h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80\"}");
    row("escapes", R"({"s":"\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00"})");
    row("escaped quote then brace", R"(["a\"}]",1])");
    row("backslash run", R"(["\\\\\\","\\\""])");
    row("long string", "[\"" + QByteArray(1000, 'x') + "\"]");
    row("long string with escapes",
        "[\"" + QByteArray(100, 'x') + "\\n" + QByteArray(37, 'y') + "\"]");
    row("strings of every length", [] {
        QByteArray a = "[";
        for (int i = 0; i < 70; ++i)
            a += (i ? ",\"" : "\"") + QByteArray(i, 'a' + i % 26) + '"';
        return a + ']';
    }());
    // Byte order mark.
    row("bom", "\xef\xbb\xbf[]");
    row("bom and space", "\xef\xbb\xbf  {\"a\":1}");
    row("bom alone", "\xef\xbb\xbf");
    row("bom twice", "\xef\xbb\xbf\xef\xbb\xbf[]");
    row("bom after space", " \xef\xbb\xbf[]");
    row("half bom", "\xef\xbb[]");
    // Top level.
    row("empty input", "");
    row("only space", "   ");
    row("number", "1");
    row("string", "\"a\"");
    row("null", "null");
    row("true", "true");
    row("nul byte", QByteArray("\0", 1));
    row("trailing nul", QByteArray("[]\0", 3));
    row("leading nul", QByteArray("\0[]", 3));
    row("garbage", "[] x");
    row("two values", "[][]");
    row("two objects", "{} {}");
    row("vertical tab", "\v[]");
    row("form feed", "[\f]");
    row("form feed after", "{}\f");
    row("non-breaking space", "\xc2\xa0[]");
    // Structure.
    row("trailing comma array", "[1,]");
    row("trailing comma object", R"({"a":1,})");
    row("leading comma", "[,1]");
    row("double comma", "[1,,2]");
    row("object comma", "{,}");
    row("missing comma", "[1 2]");
    row("missing colon", R"({"a" 1})");
    row("missing value", R"({"a":})");
    row("missing member comma", R"({"a":1 "b":2})");
    row("number key", R"({1:2})");
    row("unquoted key", R"({a:2})");
    row("mismatched close", "[}");
    row("mismatched close object", R"({"a":1])");
    row("unclosed array", "[1");
    row("unclosed object", R"({"a":1)");
    row("unclosed after comma", "[1,");
    row("unclosed after colon", R"({"a":)");
    row("unclosed after key", R"({"a")");
    row("extra close", "[]]");
    row("colon in array", "[1:2]");
    row("comma after colon", R"({"a":,1})");
    // Literals.
    row("literals", "[true,false,null]");
    row("short null", "[nul]");
    row("null at end", "[null");
    row("true at end", "[true");
    row("tru", "[tru]");
    row("nulll", "[nulll]");
    row("True", "[True]");
    row("nan", "[NaN]");
    row("infinity", "[Infinity]");
    // Strings.
    row("control characters", "[\"\x01\x02\x1f\t\n\r\"]");
    row("nul in string", QByteArray("[\"a\0b\"]", 7));
    row("unterminated string", "[\"a");
    row("string ends at end", "[\"a\"");
    row("unterminated key", "{\"a");
    row("quote at end", "[\"");
    row("del", "[\"\x7f\"]");
}

void tst_JsonText::differential()
{
    QFETCH(QByteArray, input);
    const QByteArray failure = check(input);
    QVERIFY2(failure.isEmpty(), failure.constData());
}

void tst_JsonText::numbers()
{
    // Every run of up to five bytes over the number alphabet, and some long ones.
    const QByteArray alphabet = "-+0123.eE";
    QList<QByteArray> numbers { "" };
    for (int length = 1, first = 0; length <= 5; ++length) {
        const qsizetype last = numbers.size();
        for (qsizetype i = first; i < last; ++i) {
            for (char c : alphabet)
                numbers.append(numbers.at(i) + c);
        }
        first = last;
    }
    numbers += { "1e400",
                 "-1e400",
                 "1e-400",
                 "1e-320",
                 "2.4e-324",
                 "2.5e-324",
                 "4.9e-324",
                 "1.7976931348623157e308",
                 "1.7976931348623158e308",
                 "1.7976931348623159e308",
                 "1.8e308",
                 "1e308",
                 "1e99",
                 "1e100",
                 "1e-99",
                 "1e-100",
                 "0e99999999999",
                 "1e99999999999",
                 "9223372036854775807",
                 "9223372036854775808",
                 "-9223372036854775808",
                 "-9223372036854775809",
                 "18446744073709551616",
                 "123456789012345678901234567890",
                 "0.0000000000001e-320",
                 "1E+2",
                 "1e-02",
                 "00",
                 "01",
                 "-01",
                 "0x10",
                 "1_000",
                 "1,5",
                 ".",
                 "-",
                 "+",
                 "1.5.3",
                 "--1" };
    numbers += "1" + QByteArray(199, '0');
    numbers += "1" + QByteArray(300, '0');
    numbers += "1" + QByteArray(308, '0');
    numbers += "1" + QByteArray(309, '0');
    numbers += "0." + QByteArray(300, '0') + "1e-10";
    numbers += "0." + QByteArray(196, '0') + "1e-99";
    numbers += "0." + QByteArray(330, '0') + "1";
    numbers += "-0." + QByteArray(196, '0') + "1e-99";
    numbers += QByteArray(199, '9') + "e99";
    numbers += QByteArray(200, '9') + "e99";
    numbers += QByteArray(210, '9') + "e99";
    int checked = 0;
    for (const QByteArray &n : std::as_const(numbers)) {
        for (const QByteArray &input :
             { "[" + n + "]", "{\"k\":" + n + "}", "[" + n + " ]", "[" + n + ",1]", "[" + n }) {
            const QByteArray failure = check(input);
            QVERIFY2(failure.isEmpty(), failure.constData());
            ++checked;
        }
    }
    QVERIFY(checked > 70000);
}

void tst_JsonText::twoByteStrings()
{
    // Every pair of bytes in a string, and every byte alone, as a value and as a key.
    for (int a = 0; a < 256; ++a) {
        for (int b = -1; b < 256; ++b) {
            QByteArray s(1, char(a));
            if (b >= 0)
                s += char(b);
            for (const QByteArray &input : { "[\"" + s + "\"]", "{\"" + s + "\":0}" }) {
                const QByteArray failure = check(input);
                QVERIFY2(failure.isEmpty(), failure.constData());
            }
        }
    }
}

void tst_JsonText::utf8Sequences()
{
    // Lead bytes with every second byte, and the boundaries of each range; then strings long
    // enough for the 16-byte scan, with the sequence at every position.
    QList<QByteArray> sequences;
    for (int lead = 0xc0; lead < 0x100; ++lead) {
        for (int second = 0x70; second < 0xd0; ++second) {
            for (const char *rest : { "", "\x80", "\xbf", "\x80\x80", "\xbf\xbf", "\x7f\x80",
                                      "\x80\xc0", "\x80\x80\x80" }) {
                sequences.append(QByteArray(1, char(lead)) + char(second) + rest);
            }
        }
    }
    for (const QByteArray &seq : std::as_const(sequences)) {
        const QByteArray failure = check("[\"" + seq + "\"]");
        QVERIFY2(failure.isEmpty(), failure.constData());
    }
    for (const QByteArray &seq :
         { "\xc3\xa9"_ba, "\xe2\x82\xac"_ba, "\xf0\x9f\x98\x80"_ba, "\xed\xa0\x80"_ba, "\xc3"_ba,
           "\xe2\x82"_ba, "\xf4\x90\x80\x80"_ba, "\xef\xbf\xbf"_ba, "\x80"_ba }) {
        for (int at = 0; at < 40; ++at) {
            for (int tail : { 0, 1, 2, 3, 20 }) {
                const QByteArray input
                        = "[\"" + QByteArray(at, 'a') + seq + QByteArray(tail, 'b') + "\"]";
                const QByteArray failure = check(input);
                QVERIFY2(failure.isEmpty(), failure.constData());
                const QByteArray cut = input.left(input.size() - 2 - tail); // ends in the text
                const QByteArray cutFailure = check(cut);
                QVERIFY2(cutFailure.isEmpty(), cutFailure.constData());
            }
        }
    }
}

void tst_JsonText::escapes()
{
    // A backslash before every byte; \u with every kind of digit at every place; escapes at
    // the end of the input.
    for (int c = 0; c < 256; ++c) {
        const QByteArray failure = check("[\"\\" + QByteArray(1, char(c)) + "\"]");
        QVERIFY2(failure.isEmpty(), failure.constData());
    }
    for (const char *digits : { "0000", "00e9", "D800", "dfff", "FFFF", "12g4", "123", "12", "1",
                                "", "0x12", "+123", " 123", "123\"" }) {
        for (int pad = 0; pad < 20; pad += 7) {
            const QByteArray input = "[\"" + QByteArray(pad, 'p') + "\\u" + digits + "\"]";
            const QByteArray failure = check(input);
            QVERIFY2(failure.isEmpty(), failure.constData());
            QVERIFY2(check(input.chopped(2)).isEmpty(), input.constData());
            QVERIFY2(check(input.chopped(3)).isEmpty(), input.constData());
        }
    }
    for (const char *input :
         { "[\"\\", "[\"\\\"", "[\"\\\\", "[\"\\u", "[\"\\u12", "[\"\\\"]", "[\"\\\\\"]" }) {
        const QByteArray failure = check(input);
        QVERIFY2(failure.isEmpty(), failure.constData());
    }
}

void tst_JsonText::nesting()
{
    for (int depth : { 1, 2, 100, 1023, 1024, 1025, 1026, 3000 }) {
        const QByteArray arrays = QByteArray(depth, '[') + QByteArray(depth, ']');
        QByteArray objects;
        for (int i = 0; i < depth; ++i)
            objects += "{\"a\":";
        objects += '1' + QByteArray(depth, '}');
        QByteArray mixed;
        for (int i = 0; i < depth; ++i)
            mixed += i % 2 ? "{\"k\":" : "[0,";
        mixed += "null";
        for (int i = depth - 1; i >= 0; --i)
            mixed += i % 2 ? '}' : ']';
        for (const QByteArray &input : { arrays, objects, mixed, spaced(arrays, " "),
                                         arrays.chopped(1), "[" + arrays + "]" }) {
            const QByteArray failure = check(input);
            QVERIFY2(failure.isEmpty(), failure.constData());
        }
    }
    // Depth goes down as well as up: many containers side by side stay shallow.
    QByteArray wide = "[";
    for (int i = 0; i < 2000; ++i)
        wide += i ? ",[[]]" : "[[]]";
    QVERIFY(check(wide + "]").isEmpty());
    QGraphQLJsonText::Error error;
    QByteArray out;
    QVERIFY(!QGraphQLJsonText::compact(QByteArray(1025, '[') + QByteArray(1025, ']'), &out,
                                       &error));
    QCOMPARE(error.offset, qsizetype(1024));
    QCOMPARE(error.message, u"too deeply nested document"_s);
}

void tst_JsonText::whiteSpaceEverywhere()
{
    const QByteArray documents[] = {
        R"({"data":{"zeta":1,"alpha":[true,false,null,"x y",-1.5e3,{}]},"errors":[]})",
        R"([[],{},[[{"a":[1,2,{"b":"c"}]}]],"\"",0])",
    };
    for (const QByteArray &document : documents) {
        for (const char *space :
             { " ", "\t", "\r\n", "\n    ", " \t\r\n ", "\v", "\f", "\x00", "\xc2\xa0" }) {
            const QByteArray input
                    = spaced(document, QByteArrayView(space, qMax<qsizetype>(1, qstrlen(space))));
            const QByteArray failure = check(input);
            QVERIFY2(failure.isEmpty(), failure.constData());
            QByteArray out;
            if (QGraphQLJsonText::compact(input, &out))
                QCOMPARE(out, document);
        }
    }
}

void tst_JsonText::errorOffsets_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("message");

    QTest::newRow("invalid UTF-8")
            << "{\"s\":\"ab\xc3\x28\"}"_ba << qsizetype(8) << u"invalid UTF8 string"_s;
    QTest::newRow("lone continuation")
            << "[\"\x80\"]"_ba << qsizetype(2) << u"invalid UTF8 string"_s;
    QTest::newRow("missing value")
            << R"({"payload":})"_ba << qsizetype(11) << u"object is missing after a comma"_s;
    QTest::newRow("not JSON") << "hello"_ba << qsizetype(0) << u"illegal value"_s;
    QTest::newRow("garbage") << "{}  x"_ba << qsizetype(4)
                             << u"garbage at the end of the document"_s;
    QTest::newRow("truncated") << R"({"a":[1,)"_ba << qsizetype(8) << u"unterminated array"_s;
    QTest::newRow("unterminated string")
            << R"({"a":"xyz)"_ba << qsizetype(9) << u"unterminated string"_s;
    QTest::newRow("illegal number") << "[1,-x]"_ba << qsizetype(3) << u"illegal number"_s;
    QTest::newRow("big number") << "[1e400]"_ba << qsizetype(1) << u"illegal number"_s;
    QTest::newRow("bad escape") << R"(["ab\u12x4"])"_ba << qsizetype(4)
                                << u"invalid escape sequence"_s;
    QTest::newRow("missing separator")
            << "[1 2]"_ba << qsizetype(3) << u"missing value separator"_s;
    QTest::newRow("missing colon")
            << R"({"a" 1})"_ba << qsizetype(5) << u"missing name separator"_s;
    QTest::newRow("trailing comma")
            << R"({"a":1,})"_ba << qsizetype(7) << u"object is missing after a comma"_s;
    QTest::newRow("bad literal") << "[nul]"_ba << qsizetype(1) << u"illegal value"_s;
}

void tst_JsonText::errorOffsets()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, offset);
    QFETCH(QString, message);
    QByteArray out;
    QGraphQLJsonText::Error error;
    QVERIFY(!QGraphQLJsonText::compact(input, &out, &error));
    QCOMPARE(error.offset, offset);
    QCOMPARE(error.message, message);
    QVERIFY(out.isEmpty());
    // Qt's offset is at the offending byte or one past it, except that it names the end of a
    // bad number or escape, where compact() names its start.
    QJsonParseError qtError;
    QJsonDocument::fromJson(input, &qtError);
    if (!QTest::currentDataTag()
        || (qstrcmp(QTest::currentDataTag(), "big number") != 0
            && qstrcmp(QTest::currentDataTag(), "bad escape") != 0)) {
        QVERIFY2(qtError.offset == offset || qtError.offset == offset + 1,
                 qPrintable(QString::number(qtError.offset)));
    }
}

void tst_JsonText::fastPathCopiesInput()
{
    const QByteArray input = R"({"data":{"zeta":1,"text":"a b\n\"c\"","list":[1.50,-0,1e5]}})";
    QByteArray out;
    QVERIFY(QGraphQLJsonText::compact(input, &out));
    QCOMPARE(out, input);
    QByteArray pretty = "\xef\xbb\xbf \n" + spaced(input, "\n  ") + "\r\n";
    out.clear();
    QVERIFY(QGraphQLJsonText::compact(pretty, &out));
    QCOMPARE(out, input);
}

void tst_JsonText::appendsToOutput()
{
    QByteArray out = "[";
    QVERIFY(QGraphQLJsonText::compact(" {\"a\" : 1} ", &out));
    out += ',';
    QVERIFY(QGraphQLJsonText::compact("[ 2 ]", &out));
    QVERIFY(!QGraphQLJsonText::compact("[ 2 ", &out));
    out += ']';
    QCOMPARE(out, R"([{"a":1},[2]])"_ba);
    // A shared output is detached, not written through.
    QByteArray shared = out;
    QVERIFY(QGraphQLJsonText::compact("[3]", &out));
    QCOMPARE(shared, R"([{"a":1},[2]])"_ba);
    QVERIFY(!QGraphQLJsonText::compact("[", &shared));
    QCOMPARE(shared, R"([{"a":1},[2]])"_ba);
}

void tst_JsonText::keptTextCapacity()
{
    // The text is kept with results: an empty output does not end with room to spare, neither
    // from rounding up nor from the white space dropped.
    const QByteArray compactText
            = "[" + QByteArray("1,").repeated(2500) + "\"" + QByteArray(5000, 'x') + "\"]";
    QByteArray out;
    QVERIFY(QGraphQLJsonText::compact(compactText, &out));
    QCOMPARE(out, compactText);
    QVERIFY2(out.capacity() <= out.size() + 64, QByteArray::number(out.capacity()).constData());
    const QByteArray pretty = spaced(compactText, "\n            ");
    out = QByteArray();
    QVERIFY(QGraphQLJsonText::compact(pretty, &out));
    QCOMPARE(out, compactText);
    QVERIFY2(out.capacity() <= out.size() + out.size() / 8 + 64,
             QByteArray::number(out.capacity()).constData());
    out = QByteArray();
    QVERIFY(!QGraphQLJsonText::compact(pretty.left(pretty.lastIndexOf(']')), &out));
    QVERIFY(out.isEmpty());
    QCOMPARE(out.capacity(), 0);
}

void tst_JsonText::indented_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty object") << "{}"_ba
                                  << "{\n}\n"_ba;
    QTest::newRow("empty array") << "[]"_ba
                                 << "[\n]\n"_ba;
    QTest::newRow("nested") << R"({"a":{},"b":[],"c":[{}],"d":[1,[2,[]]]})"_ba
                            << "{\n    \"a\": {\n    },\n    \"b\": [\n    ],\n    \"c\": [\n"
                               "        {\n        }\n    ],\n    \"d\": [\n        1,\n"
                               "        [\n            2,\n            [\n            ]\n"
                               "        ]\n    ]\n}\n"_ba;
    QTest::newRow("order and numbers kept")
            << R"({"z":1.50,"a":"x,\"y\":[{}]","m":1e5})"_ba
            << "{\n    \"z\": 1.50,\n    \"a\": \"x,\\\"y\\\":[{}]\",\n    \"m\": 1e5\n}\n"_ba;
}

void tst_JsonText::indented()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(QGraphQLJsonText::indented(input), expected);
    QVERIFY(check(input).isEmpty());
}

void tst_JsonText::randomDocuments()
{
    // Random documents from a small grammar, pretty-printed by Qt, with random bytes changed.
    QRandomGenerator random(20260401);
    const std::function<QJsonValue(int)> value = [&](int depth) -> QJsonValue {
        switch (depth > 5 ? random.bounded(4) : random.bounded(7)) {
        case 0:
            return random.bounded(100000) / double(1 + random.bounded(1000));
        case 1: {
            QString s;
            for (int i = random.bounded(20); i > 0; --i)
                s += QChar(char16_t(random.bounded(2) ? 0x20 + random.bounded(0x60)
                                                      : 1 + random.bounded(0x3000)));
            return s;
        }
        case 2:
            return random.bounded(2) == 1;
        case 3:
            return QJsonValue::Null;
        case 4:
        case 5: {
            QJsonObject o;
            for (int i = random.bounded(6); i > 0; --i)
                o.insert(QString::number(random.bounded(1000)), value(depth + 1));
            return o;
        }
        default: {
            QJsonArray a;
            for (int i = random.bounded(6); i > 0; --i)
                a.append(value(depth + 1));
            return a;
        }
        }
    };
    for (int i = 0; i < 2000; ++i) {
        const QJsonValue root = value(random.bounded(2) ? 4 : 0);
        QJsonDocument document
                = root.isArray() ? QJsonDocument(root.toArray()) : QJsonDocument(root.toObject());
        QByteArray input = document.toJson(random.bounded(2) ? QJsonDocument::Compact
                                                             : QJsonDocument::Indented);
        QByteArray failure = check(input);
        QVERIFY2(failure.isEmpty(), failure.constData());
        for (int j = 0; j < 4 && !input.isEmpty(); ++j) {
            input[random.bounded(input.size())] = char(random.bounded(256));
            failure = check(input);
            QVERIFY2(failure.isEmpty(), failure.constData());
        }
    }
}

QTEST_GUILESS_MAIN(tst_JsonText)

#include "tst_jsontext.moc"
