// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include <QGraphQL/qgraphqldocument.h>

#include "document/qgraphqlparser_p.h"

#include <QtCore/qjsonarray.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

class tst_QGraphQLDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void operationType_data();
    void operationType();
    void multipleOperations();
    void syntaxErrors_data();
    void syntaxErrors();
    void strings_data();
    void strings();
    void selectedFields();
    void fragmentsAndDirectives();
    void fragmentErrors();
    void defaultConstructed();
    void nestingLimit();
    void usesIncrementalDelivery_data();
    void usesIncrementalDelivery();
};

void tst_QGraphQLDocument::operationType_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("name");

    QTest::addRow("shorthand") << u"{ hello }"_s << int(QGraphQLDocument::Query) << QString();
    QTest::addRow("query") << u"query Q { hello }"_s << int(QGraphQLDocument::Query) << u"Q"_s;
    QTest::addRow("mutation") << u"mutation { login(username: \"a\") { token } }"_s
                              << int(QGraphQLDocument::Mutation) << QString();
    QTest::addRow("subscription") << u"subscription Tick($n: Int = 3) { countdown(from: $n) }"_s
                                  << int(QGraphQLDocument::Subscription) << u"Tick"_s;
    QTest::addRow("comments and commas")
            << u"# leading comment\n,,subscription # named?\n S { clock } # end"_s
            << int(QGraphQLDocument::Subscription) << u"S"_s;
    QTest::addRow("keyword as field name") << u"query { subscription mutation query fragment on }"_s
                                           << int(QGraphQLDocument::Query) << QString();
    QTest::addRow("fragment first")
            << u"fragment F on Subscription { clock }\nsubscription { ...F }"_s
            << int(QGraphQLDocument::Subscription) << QString();
    QTest::addRow("BOM and CRLF") << u"\uFEFFmutation\r\nM\r{ a }"_s
                                  << int(QGraphQLDocument::Mutation) << u"M"_s;
    QTest::addRow("variables with list and non-null types")
            << u"query($a: [Int!]! = [1, 2], $b: In = {x: 1, y: [\"s\"]}) @dir(x: 1) { a }"_s
            << int(QGraphQLDocument::Query) << QString();
}

void tst_QGraphQLDocument::operationType()
{
    QFETCH(QString, text);
    QFETCH(int, type);
    QFETCH(QString, name);

    const QGraphQLDocument document = QGraphQLDocument::parse(text);
    QVERIFY2(document.isValid(), qPrintable(document.errorString()));
    QCOMPARE(document.operations().size(), 1);
    QCOMPARE(int(document.operations().first().type), type);
    QCOMPARE(document.operations().first().name, name);
    QCOMPARE(document.findOperation({}), 0);
}

void tst_QGraphQLDocument::multipleOperations()
{
    const QGraphQLDocument document = QGraphQLDocument::parse(u"query A { a }\n"
                                                              "fragment F on T { f }\n"
                                                              "subscription B { b }\n"
                                                              "mutation C { c }"_s);
    QVERIFY(document.isValid());
    QCOMPARE(document.operations().size(), 3);
    QCOMPARE(document.fragmentNames(), QStringList { u"F"_s });
    QCOMPARE(document.operations().at(1).location.line, 3);
    QCOMPARE(document.operations().at(1).location.column, 1);

    QString error;
    QCOMPARE(document.findOperation({}, &error), -1);
    QVERIFY(error.contains("3 operations"_L1));
    QCOMPARE(document.findOperation(u"B"_s), 1);
    QCOMPARE(document.operations().at(1).type, QGraphQLDocument::Subscription);
    QCOMPARE(document.findOperation(u"C"_s), 2);
    QCOMPARE(document.findOperation(u"D"_s, &error), -1);
    QVERIFY(error.contains("\"D\""_L1));

    const QGraphQLDocument onlyFragments = QGraphQLDocument::parse(u"fragment F on T { f }"_s);
    QVERIFY(onlyFragments.isValid());
    QCOMPARE(onlyFragments.findOperation({}, &error), -1);
    QVERIFY(error.contains("no operation"_L1));
}

void tst_QGraphQLDocument::syntaxErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::addRow("empty") << QString() << 1 << 1 << u"Unexpected <EOF>"_s;
    QTest::addRow("only a comment") << u"# nothing"_s << 1 << 10 << u"<EOF>"_s;
    QTest::addRow("unclosed selection") << u"{ hello"_s << 1 << 8 << u"found <EOF>"_s;
    QTest::addRow("empty selection")
            << u"query {\n  }"_s << 2 << 3 << u"Expected Name, found \"}\""_s;
    QTest::addRow("missing colon in variable")
            << u"query ($a Int) { a }"_s << 1 << 11 << u"Expected \":\", found Name \"Int\""_s;
    QTest::addRow("unterminated string")
            << u"{ a(s: \"abc\n) }"_s << 1 << 12 << u"Unterminated string"_s;
    QTest::addRow("unterminated block string")
            << u"{ a(s: \"\"\"abc\n\n) }"_s << 3 << 4 << u"Unterminated string"_s;
    QTest::addRow("bad escape") << u"{ a(s: \"\\x\") }"_s << 1 << 9
                                << u"Invalid character escape sequence"_s;
    QTest::addRow("bad character") << u"{\n  a ? }"_s << 2 << 5 << u"Unexpected character"_s;
    QTest::addRow("single dot") << u"{ .F }"_s << 1 << 3 << u"\"...\""_s;
    QTest::addRow("number then name") << u"{ a(n: 12abc) }"_s << 1 << 10 << u"Invalid number"_s;
    QTest::addRow("leading zero") << u"{ a(n: 012) }"_s << 1 << 9 << u"Invalid number"_s;
    QTest::addRow("variable in default")
            << u"query ($a: Int = $b) { a }"_s << 1 << 18 << u"Unexpected \"$\""_s;
    QTest::addRow("schema definition")
            << u"type Query { a: Int }"_s << 1 << 1 << u"Unexpected Name \"type\""_s;
    QTest::addRow("fragment named on")
            << u"fragment on on T { a }"_s << 1 << 10 << u"Unexpected Name \"on\""_s;
    QTest::addRow("fragment without type")
            << u"fragment F { a }"_s << 1 << 12 << u"Expected \"on\""_s;
    QTest::addRow("tab counts as one column")
            << u"{\n\ta(: 1) }"_s << 2 << 4 << u"Expected Name, found \":\""_s;
}

void tst_QGraphQLDocument::syntaxErrors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const QGraphQLDocument document = QGraphQLDocument::parse(text);
    QVERIFY(!document.isValid());
    QVERIFY2(document.errorString().startsWith("Syntax Error: "_L1),
             qPrintable(document.errorString()));
    QVERIFY2(document.errorString().contains(message), qPrintable(document.errorString()));
    QCOMPARE(document.errorLocation().line, line);
    QCOMPARE(document.errorLocation().column, column);
    QVERIFY(document.operations().isEmpty());
    QCOMPARE(document.error().message(), document.errorString());
    QCOMPARE(document.error().locations().size(), 1);
    QCOMPARE(document.findOperation({}), -1);
}

void tst_QGraphQLDocument::strings_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<QString>("value");

    QTest::addRow("plain") << u"\"hello\""_s << u"hello"_s;
    QTest::addRow("escapes") << u"\"a\\\"b\\\\c\\/d\\n\\t\""_s << u"a\"b\\c/d\n\t"_s;
    QTest::addRow("unicode") << u"\"\\u00e9\\u{1F600}\""_s << u"é😀"_s;
    QTest::addRow("comment inside string")
            << u"\"# not a comment, {}\""_s << u"# not a comment, {}"_s;
    QTest::addRow("block string dedent")
            << u"\"\"\"\n    Hello,\n      World!\n\n    Yours\n  \"\"\""_s
            << u"Hello,\n  World!\n\nYours"_s;
    QTest::addRow("block string quotes") << u"\"\"\"say \\\"\"\" and \"quote\" \"\"\""_s
                                         << u"say \"\"\" and \"quote\" "_s; // trailing spaces stay
    QTest::addRow("block string braces") << u"\"\"\"}{ # \"\"\""_s << u"}{ # "_s;
}

void tst_QGraphQLDocument::strings()
{
    QFETCH(QString, literal);
    QFETCH(QString, value);

    const QGraphQLDocument document
            = QGraphQLDocument::parse(u"# a string:\n{ echo(text: %1) }"_s.arg(literal));
    QVERIFY2(document.isValid(), qPrintable(document.errorString()));
    const QList<QGraphQLDocument::Field> fields = document.selectedFields(0);
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first().arguments.value("text"_L1).toString(), value);
}

void tst_QGraphQLDocument::selectedFields()
{
    const QGraphQLDocument document = QGraphQLDocument::parse(
            u"query Q($from: Int!, $ms: Int = 250, $unset: String) {\n"
            "  n: countdown(from: $from, intervalMs: $ms, label: $unset, list: [$unset, 1.5e1],\n"
            "               obj: {a: $from, b: $unset, c: RED, d: null, e: false}) {\n"
            "    value\n"
            "  }\n"
            "}"_s);
    QVERIFY2(document.isValid(), qPrintable(document.errorString()));
    const QList<QGraphQLDocument::Field> fields
            = document.selectedFields(0, QJsonObject { { u"from"_s, 3 } });
    QCOMPARE(fields.size(), 1);
    const QGraphQLDocument::Field &field = fields.first();
    QCOMPARE(field.name, u"countdown"_s);
    QCOMPARE(field.alias, u"n"_s);
    QCOMPARE(field.responseKey(), u"n"_s);
    QCOMPARE(field.location.line, 2);
    QCOMPARE(field.location.column, 3);
    const QJsonObject expected {
        { u"from"_s, 3 },
        { u"intervalMs"_s, 250 },
        { u"list"_s, QJsonArray { QJsonValue::Null, 15.0 } },
        { u"obj"_s,
          QJsonObject { { u"a"_s, 3 },
                        { u"c"_s, u"RED"_s },
                        { u"d"_s, QJsonValue::Null },
                        { u"e"_s, false } } },
    };
    QCOMPARE(field.arguments, expected);
    QCOMPARE(field.selections.size(), 1);
    QCOMPARE(field.selections.first().name, u"value"_s);
}

void tst_QGraphQLDocument::fragmentsAndDirectives()
{
    const QGraphQLDocument document = QGraphQLDocument::parse(
            u"query ($skip: Boolean!) { me { ...Name id @skip(if: $skip) } "
            "  me { email ... on User @include(if: false) { hidden } ... @include(if: true) { "
            "shown } } }\n"
            "fragment Name on User { name ...Deeper }\n"
            "fragment Deeper on User { nick }"_s);
    QVERIFY2(document.isValid(), qPrintable(document.errorString()));
    const auto fields = document.selectedFields(0, QJsonObject { { u"skip"_s, true } });
    QCOMPARE(fields.size(), 1); // both "me" merged
    QStringList names;
    for (const auto &field : fields.first().selections)
        names.append(field.name);
    QCOMPARE(names, (QStringList { u"name"_s, u"nick"_s, u"email"_s, u"shown"_s }));
}

void tst_QGraphQLDocument::fragmentErrors()
{
    QString error;
    const QGraphQLDocument unknown = QGraphQLDocument::parse(u"{ ...Missing }"_s);
    QVERIFY(unknown.isValid()); // a validation error, not a syntax error
    QVERIFY(unknown.selectedFields(0, {}, &error).isEmpty());
    QVERIFY(error.contains("Unknown fragment \"Missing\""_L1));

    const QGraphQLDocument cycle = QGraphQLDocument::parse(
            u"{ ...A } fragment A on Query { a ...B } fragment B on Query { ...A }"_s);
    QVERIFY(cycle.isValid());
    QVERIFY(cycle.selectedFields(0, {}, &error).isEmpty());
    QVERIFY(error.contains("within itself"_L1));
}

void tst_QGraphQLDocument::defaultConstructed()
{
    const QGraphQLDocument document;
    QVERIFY(!document.isValid());
    QVERIFY(document.operations().isEmpty());
    QCOMPARE(document.findOperation({}), -1);
    QVERIFY(document.selectedFields(0).isEmpty());
    const QGraphQLDocument copy = QGraphQLDocument::parse(u"{ a }"_s);
    QGraphQLDocument other = copy;
    QVERIFY(other.isValid());
}

void tst_QGraphQLDocument::nestingLimit()
{
    const QString deep = QString(300, u'[') + QString(300, u']');
    const QGraphQLDocument document = QGraphQLDocument::parse(u"{ a(x: %1) }"_s.arg(deep));
    QVERIFY(!document.isValid());
    QCOMPARE(document.errorString(), u"Syntax Error: The document nests deeper than 256 levels."_s);
    QCOMPARE(document.errorLocation().line, 1);
    // At the 256th "[": the selection set is the first level.
    QCOMPARE(document.errorLocation().column, 7 + 256);

    const QString nested = QString(255, u'[') + QString(255, u']');
    QVERIFY(QGraphQLDocument::parse(u"{ a(x: %1) }"_s.arg(nested)).isValid());
}

void tst_QGraphQLDocument::usesIncrementalDelivery_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("uses");

    QTest::addRow("none") << u"{ a b { c } }"_s << false;
    QTest::addRow("other directives")
            << u"query @live { a @skip(if: false) b @include(if: true) }"_s << false;
    QTest::addRow("defer on a field") << u"{ a @defer { b } }"_s << true;
    QTest::addRow("stream on a field")
            << u"{ list(first: 1) @stream(initialCount: 1) { id } }"_s << true;
    QTest::addRow("defer with arguments")
            << u"query Q($d: Boolean = true) { a { ... @defer(if: $d, label: \"x\") { b } } }"_s
            << true;
    QTest::addRow("deep field") << u"{ a { b { c { d @stream } } } }"_s << true;
    QTest::addRow("second directive") << u"{ a @include(if: true) @defer }"_s << true;
    QTest::addRow("inline fragment") << u"{ me { ... on User @defer { name } } }"_s << true;
    QTest::addRow("inline fragment without type") << u"{ ... @defer { a } }"_s << true;
    QTest::addRow("fragment spread") << u"{ ...F @defer } fragment F on Query { a }"_s << true;
    QTest::addRow("inside a fragment definition")
            << u"{ ...F } fragment F on Query { a { ... @defer { b } } }"_s << true;
    QTest::addRow("fragment definition directive")
            << u"{ ...F } fragment F on Query @defer { a }"_s << true;
    QTest::addRow("unused fragment") << u"{ a } fragment F on Query { b @stream }"_s << true;
    QTest::addRow("second operation") << u"query A { a } query B { b @defer }"_s << true;
    QTest::addRow("mutation") << u"mutation { m { ... @defer { r } } }"_s << true;
    QTest::addRow("field named defer") << u"{ defer stream { defer } }"_s << false;
    QTest::addRow("alias named defer") << u"{ defer: a stream: b }"_s << false;
    QTest::addRow("argument named defer") << u"{ a(defer: true, stream: DEFER) }"_s << false;
    QTest::addRow("fragment named defer")
            << u"{ ...defer } fragment defer on Query { stream }"_s << false;
    QTest::addRow("string") << u"{ a(s: \"@defer\") b(s: \"x @stream y\") }"_s << false;
    QTest::addRow("escaped quote in string") << u"{ a(s: \"\\\" @defer\") }"_s << false;
    QTest::addRow("block string") << u"{ a(s: \"\"\"\n  @defer\n  \\\"\"\" @stream\n\"\"\") }"_s
                                  << false;
    QTest::addRow("comment") << u"# @defer\n{ a # b @defer\n c } # @stream"_s << false;
    QTest::addRow("comment then defer") << u"# @stream\n{ a\n  b @defer }"_s << true;
    QTest::addRow("string in a defer argument") << u"{ ... @defer(label: \"@x\") { a } }"_s << true;
    QTest::addRow("directive on a variable") << u"query ($v: Int @defer) { a }"_s << false;
    QTest::addRow("directive on an operation") << u"query Q @defer { a }"_s << false;
    QTest::addRow("case matters") << u"{ a @Defer b @STREAM }"_s << false;
    QTest::addRow("invalid document") << u"{ a @defer"_s << false;
    QTest::addRow("invalid after defer") << u"{ a @defer } }"_s << false;
    QTest::addRow("unterminated string") << u"{ a @defer(label: \"x) }"_s << false;
    QTest::addRow("bad character") << u"{ a @defer ? }"_s << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("only a comment") << u"# { a @defer }"_s << false;
    QTest::addRow("schema definition") << u"type Query { a: Int @defer }"_s << false;
}

void tst_QGraphQLDocument::usesIncrementalDelivery()
{
    QFETCH(QString, text);
    QFETCH(bool, uses);

    QCOMPARE(qgraphqlUsesIncrementalDelivery(text), uses);
}

QTEST_GUILESS_MAIN(tst_QGraphQLDocument)
#include "tst_qgraphqldocument.moc"
