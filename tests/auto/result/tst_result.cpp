// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QGraphQLResult as a value that keeps the server's text: rawJson(), value(), rawValue(), the
// number rules, Qt values built on first use (also from several threads), setters.

#include <QGraphQL/qgraphqlresult.h>

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// The response of the documentation: members out of alphabetical order, numbers no double holds.
const QByteArray Sent = R"({"data": {"zeta": 1, "alpha": {"y": 2, "b": 3}, )"
                        R"("big": 12345678901234567890, "neg": -9223372036854775809, )"
                        R"("pi": 3.14159265358979323846, "items": [{"id": "a"}, {"id": "b"}]}})";
const QByteArray Compact = R"({"data":{"zeta":1,"alpha":{"y":2,"b":3},)"
                           R"("big":12345678901234567890,"neg":-9223372036854775809,)"
                           R"("pi":3.14159265358979323846,"items":[{"id":"a"},{"id":"b"}]}})";

QGraphQLResult received(const QByteArray &text = Sent)
{
    QString error;
    const QGraphQLResult result = QGraphQLResult::fromRawJson(text, &error);
    if (!error.isEmpty())
        qFatal("Bad JSON in the test: %s", qPrintable(error));
    return result;
}

} // namespace

class tst_Result : public QObject
{
    Q_OBJECT

private slots:
    void rawJsonKeepsOrderAndNumbers();
    void indented();
    void value_data();
    void value();
    void pathViews();
    void numberRules();
    void dataIsBuiltFromTheText();
    void hasErrorsAndValidity_data();
    void hasErrorsAndValidity();
    void fromRawJsonRejects_data();
    void fromRawJsonRejects();
    void settersLeaveTheText();
    void resultsFromQtValues();
    void equality();
    void readFromSeveralThreads();
};

void tst_Result::rawJsonKeepsOrderAndNumbers()
{
    const QGraphQLResult result = received();
    QCOMPARE(result.rawJson(), Compact);
    QCOMPARE(result.rawValue(u""_s), Compact.mid(8, Compact.size() - 9));
    const QGraphQLResult copy = result; // shares the text
    QCOMPARE(copy.rawJson().constData(), result.rawJson().constData());
}

void tst_Result::indented()
{
    const QGraphQLResult result = received(R"({"data":{"b":1,"a":[1.50,{}]}})");
    QCOMPARE(result.rawJson(QJsonDocument::Indented),
             "{\n    \"data\": {\n        \"b\": 1,\n        \"a\": [\n            1.50,\n"
             "            {\n            }\n        ]\n    }\n}\n"_ba);
}

void tst_Result::value_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QJsonValue>("value");

    QTest::addRow("member") << u"zeta"_s << "1"_ba << QJsonValue(1);
    QTest::addRow("nested") << u"alpha.b"_s << "3"_ba << QJsonValue(3);
    QTest::addRow("object in order") << u"alpha"_s << R"({"y":2,"b":3})"_ba
                                     << QJsonValue(QJsonObject { { "y"_L1, 2 }, { "b"_L1, 3 } });
    QTest::addRow("list index") << u"items.1.id"_s << R"("b")"_ba << QJsonValue(u"b"_s);
    QTest::addRow("big integer") << u"big"_s << "12345678901234567890"_ba
                                 << QJsonValue(12345678901234567890.0);
    QTest::addRow("below int64") << u"neg"_s << "-9223372036854775809"_ba
                                 << QJsonValue(-9223372036854775809.0);
    QTest::addRow("long decimal") << u"pi"_s << "3.14159265358979323846"_ba
                                  << QJsonValue(3.14159265358979323846);
    QTest::addRow("missing member")
            << u"nope"_s << QByteArray() << QJsonValue(QJsonValue::Undefined);
    QTest::addRow("index past the end")
            << u"items.2"_s << QByteArray() << QJsonValue(QJsonValue::Undefined);
    QTest::addRow("index into an object")
            << u"alpha.0"_s << QByteArray() << QJsonValue(QJsonValue::Undefined);
    QTest::addRow("member of a number")
            << u"zeta.x"_s << QByteArray() << QJsonValue(QJsonValue::Undefined);
    QTest::addRow("negative index")
            << u"items.-1"_s << QByteArray() << QJsonValue(QJsonValue::Undefined);
}

void tst_Result::value()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, raw);
    QFETCH(QJsonValue, value);

    const QGraphQLResult result = received();
    QCOMPARE(result.rawValue(path), raw);
    QCOMPARE(result.value(path), value);
    // The same answers from a result built from Qt values (where the text is toJson()'s).
    const QGraphQLResult fromValues = QGraphQLResult::fromJson(result.toJson());
    QCOMPARE(fromValues.value(path), value);
    QCOMPARE(fromValues.rawValue(path).isEmpty(), raw.isEmpty());
}

// Every kind of string view names the same path, also with non-ASCII member names.
void tst_Result::pathViews()
{
    const QGraphQLResult result = received("{\"data\":{\"caf\xC3\xA9\":{\"n\":[10,11]},\"a\":1}}");
    QCOMPARE(result.value(u"caf\u00e9.n.1"_s), QJsonValue(11));
    QCOMPARE(result.value(QStringView(u"caf\u00e9.n.1")), QJsonValue(11));
    QCOMPARE(result.value(QUtf8StringView("caf\xC3\xA9.n.0")), QJsonValue(10));
    QCOMPARE(result.value(QLatin1StringView("caf\xE9.n.0")), QJsonValue(10));
    QCOMPARE(result.value("a"), QJsonValue(1));
    QCOMPARE(result.rawValue("caf\xC3\xA9"), "{\"n\":[10,11]}"_ba);
    QVERIFY(result.value(u"a."_s).isUndefined());
    QVERIFY(result.value(u".a"_s).isUndefined());
    QVERIFY(result.value(u"caf\u00e9.n.01x"_s).isUndefined());
}

// What doc/cpp-api.md promises under "Numbers and member order".
void tst_Result::numberRules()
{
    const QGraphQLResult result = received(
            R"({"data":{"small":42,"int64":9007199254740993,"huge":12345678901234567890}})");
    QCOMPARE(result.value(u"small"_s).toInteger(), 42);
    QCOMPARE(result.value(u"int64"_s).toInteger(), 9007199254740993LL);
    QCOMPARE(result.value(u"huge"_s).toDouble(), 12345678901234567890.0);
    QCOMPARE(result.data().toObject().value("int64"_L1).toInteger(), 9007199254740993LL);
    QCOMPARE(result.rawValue(u"huge"_s), "12345678901234567890"_ba);
    // data() and value() agree, whatever was built first.
    QCOMPARE(result.data().toObject().value("huge"_L1), result.value(u"huge"_s));
}

void tst_Result::dataIsBuiltFromTheText()
{
    const QGraphQLResult result = received();
    const QJsonValue expected = QJsonDocument::fromJson(Sent).object().value("data"_L1);
    QCOMPARE(result.data(), expected);
    QCOMPARE(result.data(), expected); // built once, the same after
    QVERIFY(result.errors().isEmpty());
    QVERIFY(!result.hasErrors());
    QVERIFY(result.extensions().isEmpty());
    QCOMPARE(result.toJson(), QJsonDocument::fromJson(Sent).object());
}

void tst_Result::hasErrorsAndValidity_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("hasErrors");
    QTest::addColumn<bool>("hasNext");

    QTest::addRow("data") << R"({"data":{}})"_ba << true << false << false;
    QTest::addRow("data null and errors")
            << R"({"data":null,"errors":[{"message":"x"}]})"_ba << true << true << false;
    QTest::addRow("empty errors") << R"({"errors":[]})"_ba << true << false << false;
    QTest::addRow("errors not a list") << R"({"errors":{}})"_ba << false << false << false;
    QTest::addRow("neither") << R"({"extensions":{}})"_ba << false << false << false;
    QTest::addRow("hasNext") << R"({"data":{},"hasNext":true})"_ba << true << false << true;
    QTest::addRow("duplicate: the last counts")
            << R"({"errors":[{"message":"x"}],"errors":[]})"_ba << true << false << false;
}

void tst_Result::hasErrorsAndValidity()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(bool, hasErrors);
    QFETCH(bool, hasNext);

    const QGraphQLResult result = received(text);
    QCOMPARE(result.isValid(), valid);
    QCOMPARE(result.hasErrors(), hasErrors);
    QCOMPARE(result.hasNext(), hasNext);
    QCOMPARE(result.errors().isEmpty(), !hasErrors);
    // The same as a result read from Qt values.
    const QGraphQLResult fromValues
            = QGraphQLResult::fromJson(QJsonDocument::fromJson(text).object());
    QCOMPARE(fromValues.isValid(), valid);
    QCOMPARE(fromValues.hasErrors(), hasErrors);
}

void tst_Result::fromRawJsonRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");

    QTest::addRow("invalid JSON") << R"({"data":)"_ba << u"Invalid JSON at byte"_s;
    QTest::addRow("invalid UTF-8") << "{\"data\":\"\xC3\x28\"}"_ba << u"Invalid JSON at byte 9"_s;
    QTest::addRow("an array") << "[]"_ba << u"Expected a JSON object"_s;
    QTest::addRow("empty") << QByteArray() << u"Invalid JSON at byte 0"_s;
}

void tst_Result::fromRawJsonRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);

    QString message;
    const QGraphQLResult result = QGraphQLResult::fromRawJson(text, &message);
    QVERIFY(!result.isValid());
    QVERIFY2(message.startsWith(error), qPrintable(message));
    QCOMPARE(result.rawJson(), "{}"_ba);
}

void tst_Result::settersLeaveTheText()
{
    QGraphQLResult result = received(
            R"({"data":{"b":1,"a":2},"errors":[{"message":"m"}],"extensions":{"cost":1}})");
    const QGraphQLResult before = result;
    result.setHasNext(true);
    // Every other member stays; the text is now toJson()'s, keys sorted.
    QCOMPARE(
            result.rawJson(),
            R"({"data":{"a":2,"b":1},"errors":[{"message":"m"}],"extensions":{"cost":1},"hasNext":true})"_ba);
    QCOMPARE(result.errors().size(), 1);
    // The copy taken before is untouched.
    QCOMPARE(before.rawJson(),
             R"({"data":{"b":1,"a":2},"errors":[{"message":"m"}],"extensions":{"cost":1}})"_ba);
    QVERIFY(!before.hasNext());

    QGraphQLResult withData = received();
    withData.setData(QJsonObject { { "x"_L1, 1 } });
    QCOMPARE(withData.value(u"x"_s), QJsonValue(1));
    QCOMPARE(withData.rawJson(), R"({"data":{"x":1}})"_ba);
}

void tst_Result::resultsFromQtValues()
{
    QGraphQLResult result;
    QVERIFY(!result.isValid());
    QCOMPARE(result.rawJson(), "{}"_ba);
    QVERIFY(result.rawValue(u""_s).isEmpty());
    result.setData(QJsonObject { { "n"_L1, 1 } });
    QCOMPARE(result.rawJson(), R"({"data":{"n":1}})"_ba);
    QCOMPARE(result.value(u"n"_s), QJsonValue(1));
    QCOMPARE(result.rawValue(u"n"_s), "1"_ba);
    QGraphQLResult untouched; // the shared empty result did not change
    QVERIFY(untouched.data().isUndefined());
}

void tst_Result::equality()
{
    // Same values, different text: equal (member order and spacing do not count).
    QCOMPARE(received(R"({"data":{"a":1,"b":2}})"), received(R"({"data": {"b":2, "a":1}})"));
    QCOMPARE(
            received(R"({"data":{"a":1}})"),
            QGraphQLResult::fromJson(QJsonObject { { "data"_L1, QJsonObject { { "a"_L1, 1 } } } }));
    QVERIFY(received(R"({"data":{"a":1}})") != received(R"({"data":{"a":2}})"));
}

// A result handed to other threads: each reads the Qt values, built once, without a race
// (run under the sanitizers in CI).
void tst_Result::readFromSeveralThreads()
{
    for (int round = 0; round < 20; ++round) {
        const QGraphQLResult result = received();
        const QJsonValue expected = QJsonDocument::fromJson(Sent).object().value("data"_L1);
        std::atomic<int> good { 0 };
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back([result, &expected, &good] {
                if (result.data() == expected && result.value(u"alpha.y"_s) == QJsonValue(2)
                    && result.errors().isEmpty() && result.rawJson() == Compact)
                    ++good;
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(good.load(), 4);
    }
}

QTEST_GUILESS_MAIN(tst_Result)

#include "tst_result.moc"
