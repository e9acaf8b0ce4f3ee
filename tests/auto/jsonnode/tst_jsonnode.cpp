// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QGraphQLJsonNode: reading text nodes and expanded nodes, the Qt values it gives against
// QJsonDocument's for the same text, compact text (order and number text kept, zero-copy for a
// whole buffer), building, and the persistent arrays that later changes leave untouched.

#include "protocol/qgraphqljsonnode_p.h"

#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using Node = QGraphQLJsonNode;

class tst_JsonNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void types();
    void toJsonValueMatchesQt_data();
    void toJsonValueMatchesQt();
    void memberAtSizeKeysOnText();
    void memberByDecodedName();
    void duplicateNames();
    void slicesOfText();
    void compactRoundTripKeepsOrderAndNumbers();
    void zeroCopyForWholeBuffer();
    void fromJsonValue();
    void buildingKeepsOrder();
    void expandingKeepsChildrenText();
    void insertOverwritesInPlace();
    void copiesAreIndependent();
    void largeArrayPersistent();
    void largeObject();
    void memberForUpdate();
    void equality();
};

namespace {

// Qt's value for any JSON text, scalars included (parsed inside an array).
QJsonValue qtValue(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QJsonValue::Undefined);
    return document.array().at(0);
}

// Equal as Qt values, also in how a number is held (integer or double).
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    if (a.isDouble()) {
        const QJsonArray wrapA { a };
        const QJsonArray wrapB { b };
        return QJsonDocument(wrapA).toJson(QJsonDocument::Compact)
                == QJsonDocument(wrapB).toJson(QJsonDocument::Compact);
    }
    return a == b;
}

QList<QByteArray> corpus()
{
    return {
        "null",
        "true",
        "false",
        "0",
        "-0",
        "12345678901234567890",
        "-9223372036854775808",
        "9223372036854775807",
        "9223372036854775808",
        "1.0",
        "1.50",
        "-0.0",
        "1e300",
        "1E-5",
        "2.5e+3",
        "0.1",
        "123456789012345678901234567890.000",
        R"("")",
        R"("plain")",
        R"("esc \" \\ \/ \b \f \n \r \t")",
        R"("\u00e9\u4e2d\ud83d\ude00 é中😀")",
        R"("\ud800 lone")",
        "[]",
        "{}",
        R"([1,"two",{"three":3},[4,[5]],null,true])",
        R"({"b":1,"a":{"z":[1,2,{"y":"\u0041"}],"x":12345678901234567890},"c":-0})",
        R"({"dup":1,"dup":2})",
        R"({"k\"ey":1,"\u006Bey":2,"key":3})",
    };
}

} // namespace

void tst_JsonNode::types()
{
    QCOMPARE(Node().type(), Node::Type::Undefined);
    QVERIFY(Node().isUndefined());
    QCOMPARE(Node("null"_ba).type(), Node::Type::Null);
    QCOMPARE(Node("true"_ba).type(), Node::Type::Bool);
    QCOMPARE(Node("false"_ba).type(), Node::Type::Bool);
    QCOMPARE(Node("-1"_ba).type(), Node::Type::Number);
    QCOMPARE(Node("\"x\""_ba).type(), Node::Type::String);
    QCOMPARE(Node("[]"_ba).type(), Node::Type::Array);
    QCOMPARE(Node("{}"_ba).type(), Node::Type::Object);
    QCOMPARE(Node::object().type(), Node::Type::Object);
    QCOMPARE(Node::array().type(), Node::Type::Array);
    QVERIFY(Node("true"_ba).toBool());
    QVERIFY(!Node("false"_ba).toBool(true));
    QVERIFY(Node("null"_ba).toBool(true));
    QCOMPARE(Node(R"("a\nb")"_ba).toString(), u"a\nb"_s);
    QCOMPARE(Node("1"_ba).toString(), QString());
    QCOMPARE(Node("1"_ba).size(), 0);
    QVERIFY(Node("1"_ba).member("a").isUndefined());
    QVERIFY(Node("{}"_ba).at(0).isUndefined());
}

void tst_JsonNode::toJsonValueMatchesQt_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const QByteArray &text : corpus())
        QTest::newRow(text.constData()) << text;
}

void tst_JsonNode::toJsonValueMatchesQt()
{
    QFETCH(QByteArray, text);
    const QJsonValue expected = qtValue(text);
    QVERIFY(!expected.isUndefined());
    const QJsonValue actual = Node(text).toJsonValue();
    QVERIFY2(sameValue(actual, expected),
             QJsonDocument(QJsonArray { actual }).toJson(QJsonDocument::Compact).constData());
    // The same value inside a larger buffer, and after a round trip through an expanded node.
    const QByteArray wrapped = "[0," + text + ",1]";
    QVERIFY(sameValue(Node(wrapped, 3, 3 + text.size()).toJsonValue(), expected));
    QVERIFY(sameValue(Node(wrapped).at(1).toJsonValue(), expected));
    Node array = Node::array();
    array.append(Node(text));
    QVERIFY(sameValue(array.toJsonValue().toArray().at(0), expected));
}

void tst_JsonNode::memberAtSizeKeysOnText()
{
    const QByteArray text
            = R"({"z":1,"a":{"n":[1,{"x":"}]"}],"s":"a\"b"},"m":"{[","list":[[],{},"",0]})";
    const Node node(text);
    QCOMPARE(node.size(), 4);
    QCOMPARE(node.keys(), (QList<QByteArray> { "z", "a", "m", "list" }));
    QCOMPARE(node.member("z").toCompactJson(), "1"_ba);
    QCOMPARE(node.member("a").member("s").toString(), u"a\"b"_s);
    QCOMPARE(node.member("a").member("n").at(1).member("x").toString(), u"}]"_s);
    QCOMPARE(node.member("m").toString(), u"{["_s);
    QVERIFY(node.member("missing").isUndefined());
    const Node list = node.member("list");
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.at(0).toCompactJson(), "[]"_ba);
    QCOMPARE(list.at(1).toCompactJson(), "{}"_ba);
    QCOMPARE(list.at(2).toCompactJson(), "\"\""_ba);
    QCOMPARE(list.at(3).toCompactJson(), "0"_ba);
    QVERIFY(list.at(4).isUndefined());
    QVERIFY(list.at(-1).isUndefined());
    QCOMPARE(list.items().size(), 4);
    const auto members = node.members();
    QCOMPARE(members.size(), 4);
    QCOMPARE(members.at(3).first, "list"_ba);
    QCOMPARE(members.at(3).second.toCompactJson(), R"([[],{},"",0])"_ba);
    QCOMPARE(Node("[]"_ba).size(), 0);
    QCOMPARE(Node("{}"_ba).size(), 0);
    QVERIFY(Node("{}"_ba).keys().isEmpty());

    // A value longer than the scanner's 64-byte blocks, with strings holding brackets.
    QByteArray big = R"({"long":[)";
    for (int i = 0; i < 100; ++i)
        big += R"({"s":"]}\"\\","n":)" + QByteArray::number(i) + "},";
    big += R"(0],"after":"yes"})";
    QCOMPARE(Node(big).member("after").toString(), u"yes"_s);
    QCOMPARE(Node(big).member("long").size(), 101);
    QCOMPARE(Node(big).member("long").at(99).member("n").toCompactJson(), "99"_ba);
}

void tst_JsonNode::memberByDecodedName()
{
    const Node node(R"({"\u0061b":1,"c\"d":2,"é":3,"\u00e9x":4})"_ba);
    QCOMPARE(node.member("ab").toCompactJson(), "1"_ba);
    QCOMPARE(node.member("c\"d").toCompactJson(), "2"_ba);
    QCOMPARE(node.member(u8"é"_ba).toCompactJson(), "3"_ba);
    QCOMPARE(node.member(QString(u"éx"_s).toUtf8()).toCompactJson(), "4"_ba);
    QCOMPARE(node.keys(), (QList<QByteArray> { "ab", "c\"d", u8"é", QString(u"éx"_s).toUtf8() }));
    // Expanded, the written key stays as it was.
    Node copy = node;
    copy.insert("new", Node("5"_ba));
    QCOMPARE(copy.toCompactJson(), R"({"\u0061b":1,"c\"d":2,"é":3,"\u00e9x":4,"new":5})"_ba);
    QCOMPARE(copy.member("ab").toCompactJson(), "1"_ba);
    copy.insert("q\"\n", Node("6"_ba));
    QVERIFY(copy.toCompactJson().endsWith(R"("q\"\n":6})"));
    QCOMPARE(copy.member("q\"\n").toCompactJson(), "6"_ba);
}

void tst_JsonNode::duplicateNames()
{
    {
        const QList<Node> found = Node(R"({"a":1,"b":2,"\u0061":3,"c":4})"_ba)
                                          .membersNamed({ "c", "a", "missing" });
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).toCompactJson(), "4"_ba);
        QCOMPARE(found.at(1).toCompactJson(), "3"_ba); // the last one, after decoding
        QVERIFY(found.at(2).isUndefined());
        Node expanded(R"({"a":1})"_ba);
        expanded.insert("b", Node("2"_ba));
        QCOMPARE(expanded.membersNamed({ "b", "x" }).at(0).toCompactJson(), "2"_ba);
        QVERIFY(Node("[1]"_ba).membersNamed({ "a" }).at(0).isUndefined());
    }

    const QByteArray text = R"({"a":1,"b":2,"a":3})";
    const Node node(text);
    QCOMPARE(node.member("a").toCompactJson(), "3"_ba); // the last one, as QJsonObject
    QCOMPARE(node.toJsonValue(), QJsonDocument::fromJson(text).object());
    Node expanded = node;
    expanded.insert("c", Node("4"_ba));
    QCOMPARE(expanded.member("a").toCompactJson(), "3"_ba);
    QCOMPARE(expanded.size(), 3);
    QCOMPARE(expanded.toCompactJson(), R"({"a":3,"b":2,"c":4})"_ba);
}

void tst_JsonNode::slicesOfText()
{
    const QByteArray text = R"({"a":[1,2],"b":"x"})";
    const Node slice(text, 5, 10);
    QCOMPARE(slice.type(), Node::Type::Array);
    QCOMPARE(slice.toCompactJson(), "[1,2]"_ba);
    QCOMPARE(slice.at(1).toCompactJson(), "2"_ba);
    QCOMPARE(slice.toJsonValue(), QJsonValue(QJsonArray { 1, 2 }));
    QVERIFY(Node(text, 3, 3).isUndefined());
    QVERIFY(Node(text, 30, 40).isUndefined()); // out of range: clamped, empty
}

void tst_JsonNode::compactRoundTripKeepsOrderAndNumbers()
{
    for (const QByteArray &text : corpus()) {
        QCOMPARE(Node(text).toCompactJson(), text);
        const QByteArray wrapped = "{\"v\":" + text + "}";
        QCOMPARE(Node(wrapped).member("v").toCompactJson(), text);
    }
    // Expanded one level, with text children: the same text.
    const QByteArray text
            = R"({"z":12345678901234567890,"a":[1.0,-0,1e300],"m":{"y":1,"b":2},"s":"\u00e9"})";
    Node node(text);
    node.insert("z", node.member("z")); // expands, changes nothing
    QCOMPARE(node.toCompactJson(), text);
    QCOMPARE(node.keys(), (QList<QByteArray> { "z", "a", "m", "s" }));
    QByteArray out = "prefix:";
    node.appendCompactJson(out);
    QCOMPARE(out, "prefix:" + text);
}

void tst_JsonNode::zeroCopyForWholeBuffer()
{
    const QByteArray text = R"({"a":1,"b":[2]})";
    const Node node(text);
    QCOMPARE(node.toCompactJson().constData(), text.constData());
    const Node array(R"([1,2,3])"_ba);
    QCOMPARE(array.toCompactJson().constData(), array.toCompactJson().constData());
    // A slice is copied.
    QVERIFY(node.member("b").toCompactJson().constData() != text.constData() + 11);
}

void tst_JsonNode::fromJsonValue()
{
    const QJsonObject object { { "b", 1 }, { "a", QJsonArray { "x", true, QJsonValue() } } };
    const Node node = Node::fromJsonValue(object);
    QCOMPARE(node.toJsonValue(), QJsonValue(object));
    QCOMPARE(node.toCompactJson(), QJsonDocument(object).toJson(QJsonDocument::Compact));
    QVERIFY(Node::fromJsonValue(QJsonValue(QJsonValue::Undefined)).isUndefined());
    QCOMPARE(Node::fromJsonValue(QJsonValue()).toCompactJson(), "null"_ba);
    QCOMPARE(Node::fromJsonValue(true).toCompactJson(), "true"_ba);
    QCOMPARE(Node::fromJsonValue(qint64(9007199254740993)).toCompactJson(), "9007199254740993"_ba);
    QCOMPARE(Node::fromJsonValue(0.5).toCompactJson(), "0.5"_ba);
    QCOMPARE(Node::fromJsonValue(u"a\"é"_s).toString(), u"a\"é"_s);
    QCOMPARE(Node::fromJsonValue(u"a\"é"_s).toJsonValue(), QJsonValue(u"a\"é"_s));
    QCOMPARE(Node::fromJsonValue(QJsonArray { 1, 2 }).at(1).toJsonValue(), QJsonValue(2));
}

void tst_JsonNode::buildingKeepsOrder()
{
    Node node = Node::object();
    node.insert("zeta", Node("1"_ba));
    node.insert("alpha", Node(R"({"y":1,"x":2})"_ba));
    node.insert("mid", Node::array());
    node.insert("zeta", Node("3"_ba)); // replaced in place
    QCOMPARE(node.keys(), (QList<QByteArray> { "zeta", "alpha", "mid" }));
    QCOMPARE(node.toCompactJson(), R"({"zeta":3,"alpha":{"y":1,"x":2},"mid":[]})"_ba);
    QCOMPARE(node.member("alpha").member("x").toCompactJson(), "2"_ba);
    node.insert("alpha", Node()); // undefined removes, as QJsonObject::insert()
    QCOMPARE(node.toCompactJson(), R"({"zeta":3,"mid":[]})"_ba);

    Node array = Node::array();
    array.append(Node("\"b\""_ba));
    array.append(Node("12345678901234567890"_ba));
    array.append(node);
    array.replace(0, Node("\"a\""_ba));
    array.replace(7, Node("0"_ba)); // out of range: nothing
    QCOMPARE(array.size(), 3);
    QCOMPARE(array.toCompactJson(), R"(["a",12345678901234567890,{"zeta":3,"mid":[]}])"_ba);
    QCOMPARE(QJsonDocument::fromJson(array.toCompactJson()).array(), array.toJsonValue().toArray());

    // Building on a scalar starts a container.
    Node scalar("1"_ba);
    scalar.append(Node("2"_ba));
    QCOMPARE(scalar.toCompactJson(), "[2]"_ba);
}

void tst_JsonNode::expandingKeepsChildrenText()
{
    const QByteArray text = R"({"a":{"deep":[1,2,3]},"b":[{"c":1}]})";
    Node node(text);
    node.insert("new", Node("true"_ba));
    QVERIFY(!node.isText());
    QVERIFY(node.member("a").isText());
    QVERIFY(node.member("b").isText());
    QCOMPARE(node.member("a").toCompactJson(), R"({"deep":[1,2,3]})"_ba);

    Node array(R"([{"x":1},2])"_ba);
    array.append(Node("3"_ba));
    QVERIFY(array.at(0).isText());
    QCOMPARE(array.toCompactJson(), R"([{"x":1},2,3])"_ba);
}

void tst_JsonNode::insertOverwritesInPlace()
{
    Node node(R"({"a":1,"b":{"c":2},"d":3})"_ba);
    QGraphQLJsonNode b = node.member("b");
    b.insert("e", Node("4"_ba));
    node.insert("b", b);
    QCOMPARE(node.toCompactJson(), R"({"a":1,"b":{"c":2,"e":4},"d":3})"_ba);
}

void tst_JsonNode::copiesAreIndependent()
{
    const QByteArray text = R"({"a":[1,2],"b":{"c":1}})";
    Node original(text);
    Node copy = original;
    copy.insert("z", Node("0"_ba));
    *copy.memberForUpdate("b") = Node("null"_ba);
    QCOMPARE(original.toCompactJson(), text);
    QCOMPARE(copy.toCompactJson(), R"({"a":[1,2],"b":null,"z":0})"_ba);

    Node second = copy;
    second.memberForUpdate("a")->append(Node("3"_ba));
    QCOMPARE(copy.toCompactJson(), R"({"a":[1,2],"b":null,"z":0})"_ba);
    QCOMPARE(second.toCompactJson(), R"({"a":[1,2,3],"b":null,"z":0})"_ba);
}

void tst_JsonNode::largeArrayPersistent()
{
    // Grows past several levels of the persistent vector (32, 32^2, 32^3), keeping a copy at
    // many sizes: each copy must keep the items it had.
    constexpr int count = 40000;
    Node array = Node::array();
    QList<Node> snapshots;
    QList<int> snapshotSizes;
    for (int i = 0; i < count; ++i) {
        array.append(Node(QByteArray::number(i)));
        if (i % 997 == 0 || i == 31 || i == 32 || i == 1023 || i == 1024 || i == 1055) {
            snapshots.append(array);
            snapshotSizes.append(i + 1);
        }
    }
    QCOMPARE(array.size(), count);
    for (int i = 0; i < count; i += 7)
        QCOMPARE(array.at(i).toCompactJson(), QByteArray::number(i));
    QCOMPARE(array.at(count - 1).toCompactJson(), QByteArray::number(count - 1));
    QCOMPARE(array.items().size(), count);

    // Replace items everywhere in the tree and in the tail; the snapshots do not see it.
    for (int i = 0; i < count; i += 1001)
        array.replace(i, Node("-1"_ba));
    array.replace(count - 1, Node("-1"_ba));
    for (int s = 0; s < snapshots.size(); ++s) {
        const Node &snapshot = snapshots.at(s);
        QCOMPARE(snapshot.size(), snapshotSizes.at(s));
        const QList<Node> items = snapshot.items();
        for (int i = 0; i < items.size(); ++i)
            QCOMPARE(items.at(i).toCompactJson(), QByteArray::number(i));
    }
    QCOMPARE(array.at(1001).toCompactJson(), "-1"_ba);
    QCOMPARE(array.at(1002).toCompactJson(), "1002"_ba);
    QCOMPARE(array.at(count - 1).toCompactJson(), "-1"_ba);

    QByteArray expected = "[";
    for (int i = 0; i < 100; ++i)
        expected += (i ? "," : "") + QByteArray::number(i);
    expected += ']';
    QVERIFY(snapshots.last().toCompactJson().startsWith(expected.chopped(1) + ','));
    QCOMPARE(array.toJsonValue().toArray().size(), count);
}

void tst_JsonNode::largeObject()
{
    // Past the size where names get a hash: lookups, replacement in place, removal.
    Node node = Node::object();
    for (int i = 0; i < 100; ++i)
        node.insert("k" + QByteArray::number(i), Node(QByteArray::number(i)));
    node.insert("k50", Node("\"fifty\""_ba));
    QCOMPARE(node.size(), 100);
    QCOMPARE(node.member("k50").toString(), u"fifty"_s);
    QCOMPARE(node.member("k99").toCompactJson(), "99"_ba);
    QCOMPARE(node.keys().at(50), "k50"_ba);
    node.insert("k0", Node());
    QCOMPARE(node.size(), 99);
    QCOMPARE(node.keys().first(), "k1"_ba);
    QCOMPARE(node.member("k99").toCompactJson(), "99"_ba);
    QVERIFY(node.member("k0").isUndefined());
    QCOMPARE(QJsonDocument::fromJson(node.toCompactJson()).object(), node.toJsonValue().toObject());
}

void tst_JsonNode::memberForUpdate()
{
    Node node(R"({"list":[{"a":1},{"a":2}],"s":1})"_ba);
    QVERIFY(!node.memberForUpdate("none"));
    QVERIFY(!node.memberForUpdate("list")->itemForUpdate(2));
    QVERIFY(!node.memberForUpdate("s")->itemForUpdate(0));
    QVERIFY(!node.memberForUpdate("s")->memberForUpdate("x"));
    node.memberForUpdate("list")->itemForUpdate(1)->insert("b", Node("3"_ba));
    QCOMPARE(node.toCompactJson(), R"({"list":[{"a":1},{"a":2,"b":3}],"s":1})"_ba);
}

void tst_JsonNode::equality()
{
    QCOMPARE(Node(R"({"a":1,"b":2})"_ba), Node(R"({"b":2,"a":1})"_ba));
    QVERIFY(Node("1"_ba) != Node("2"_ba));
    QCOMPARE(Node(), Node());
}

QTEST_GUILESS_MAIN(tst_JsonNode)

#include "tst_jsonnode.moc"
