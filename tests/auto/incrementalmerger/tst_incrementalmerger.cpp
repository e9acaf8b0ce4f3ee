// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "protocol/qgraphqlincrementalmerger_p.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

using Merger = QGraphQLIncrementalMerger;

namespace {

QJsonValue json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("Bad JSON in the test: %s (%s)", text.constData(), qPrintable(error.errorString()));
    return document.array().at(0);
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isUndefined())
        return "undefined";
    // Keys of QJsonObject are sorted, so this text is canonical.
    return QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

// A JSON text with sorted keys, to compare with what the merger gives.
QByteArray canonical(const QByteArray &text)
{
    return compact(json(text));
}

// One step as text: the result's JSON with hasNext, plus "malformed" when the step had an error.
QByteArray stepText(const Merger::Step &step)
{
    QJsonObject object = step.result.toJson();
    object.insert("hasNext"_L1, step.result.hasNext());
    if (!step.isValid())
        object.insert("malformed"_L1, true);
    return compact(object);
}

QByteArrayList canonicalList(const QByteArrayList &texts)
{
    QByteArrayList list;
    for (const QByteArray &text : texts)
        list.append(canonical(text));
    return list;
}

struct Run
{
    QByteArrayList steps;
    QStringList errors;
    Merger merger;
};

void runParts(Run &run, const QByteArrayList &parts)
{
    for (const QByteArray &part : parts) {
        const Merger::Step step = run.merger.merge(QByteArrayView(part));
        run.steps.append(stepText(step));
        if (!step.isValid())
            run.errors.append(step.error);
    }
}

// graphql-yoga 5.24 (graphql 16.15) for `{ hello ... @defer { slow } }` (environment.md §4.1).
const QByteArray YogaDefer1 = R"({"data":{"hello":"world"},"hasNext":true})";
const QByteArray YogaDefer2
        = R"({"incremental":[{"data":{"slow":"late"},"path":[]}],"hasNext":false})";
// Apollo Server 5.5.1 (graphql 17.0.0-alpha.9), incrementalSpec=v0.2 (environment.md §4.2).
const QByteArray ApolloDefer1
        = R"({"data":{"hello":"world"},"pending":[{"id":"0","path":[]}],"hasNext":true})";
const QByteArray ApolloDefer2
        = R"({"hasNext":false,"incremental":[{"data":{"slow":"late"},"id":"0"}],"completed":[{"id":"0"}]})";
// Both servers answer `{ hello slow }` with this.
const QByteArray HelloSlow = R"({"data":{"hello":"world","slow":"late"}})";

} // namespace

class tst_IncrementalMerger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialState();
    void merge_data();
    void merge();
    void rawItems();
    void pendingBookkeeping();
    void extensions();
    void malformed_data();
    void malformed();
    void goodItemsOfAMalformedStepAreMerged();
    void afterTheLastPayload();
    void invalidJson();
    void earlierResultsAreNotChanged();
    void reset();
    void longStreamIsFast();
    void deepMergeIsFast();
    void mergedOrder();
    void exactNumbers();
    void streamItemsKeepTheirText();
    void responseMembers();
    void notAnObject();
    void duplicateNamesInAPatch();
    void streamOnePerStepKeepsEveryResponse();
};

void tst_IncrementalMerger::initialState()
{
    Merger merger;
    QVERIFY(merger.data().isUndefined());
    QCOMPARE(merger.stepCount(), 0);
    QVERIFY(!merger.hasNext());
    QVERIFY(!merger.isFinished());
    QVERIFY(merger.lastIncremental().isEmpty());
    QVERIFY(merger.pendingIds().isEmpty());
    QVERIFY(merger.allErrors().isEmpty());
}

void tst_IncrementalMerger::merge_data()
{
    QTest::addColumn<QByteArrayList>("parts");
    QTest::addColumn<QByteArrayList>("steps"); // per part: {data, errors?, extensions?, hasNext}
    // The server's answer to the same operation without @defer/@stream; empty: not applicable.
    QTest::addColumn<QByteArray>("nonDeferred");

    QTest::addRow("yoga @defer")
            << QByteArrayList { YogaDefer1, YogaDefer2 }
            << QByteArrayList { R"({"data":{"hello":"world"},"hasNext":true})",
                                R"({"data":{"hello":"world","slow":"late"},"hasNext":false})" }
            << HelloSlow;

    // graphql-yoga `{ list @stream(initialCount: 1) }` (environment.md §4.1: items at
    // ["list",1], ..., then a final {"hasNext":false}).
    QTest::addRow("yoga @stream")
            << QByteArrayList { R"({"data":{"list":[0]},"hasNext":true})",
                                R"({"incremental":[{"items":[1],"path":["list",1]}],"hasNext":true})",
                                R"({"incremental":[{"items":[2],"path":["list",2]}],"hasNext":true})",
                                R"({"hasNext":false})" }
            << QByteArrayList { R"({"data":{"list":[0]},"hasNext":true})",
                                R"({"data":{"list":[0,1]},"hasNext":true})",
                                R"({"data":{"list":[0,1,2]},"hasNext":true})",
                                R"({"data":{"list":[0,1,2]},"hasNext":false})" }
            << QByteArray(R"({"data":{"list":[0,1,2]}})");

    QTest::addRow("apollo server incrementalSpec=v0.2 @defer")
            << QByteArrayList { ApolloDefer1, ApolloDefer2 }
            << QByteArrayList { R"({"data":{"hello":"world"},"hasNext":true})",
                                R"({"data":{"hello":"world","slow":"late"},"hasNext":false})" }
            << HelloSlow;

    // { person { name films { title } ... @defer(label: "home") { homeworld { name
    //   ... @defer(label: "climate") { climate } } } } }
    const QByteArray personInitial
            = R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}]}},)";
    const QByteArray personAnswer
            = R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}],"homeworld":{"name":"Tatooine","climate":"arid"}}}})";
    QTest::addRow("nested @defer with labels, graphql-js 16")
            << QByteArrayList { personInitial + R"("hasNext":true})",
                                R"({"incremental":[{"data":{"homeworld":{"name":"Tatooine"}},"path":["person"],"label":"home"}],"hasNext":true})",
                                R"({"incremental":[{"data":{"climate":"arid"},"path":["person","homeworld"],"label":"climate"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}]}},"hasNext":true})",
                                R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}],"homeworld":{"name":"Tatooine"}}},"hasNext":true})",
                                R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}],"homeworld":{"name":"Tatooine","climate":"arid"}}},"hasNext":false})" }
            << personAnswer;
    QTest::addRow("nested @defer with labels, v0.2")
            << QByteArrayList { personInitial
                                        + R"("pending":[{"id":"0","path":["person"],"label":"home"}],"hasNext":true})",
                                R"({"pending":[{"id":"1","path":["person","homeworld"],"label":"climate"}],"incremental":[{"id":"0","data":{"homeworld":{"name":"Tatooine"}}}],"completed":[{"id":"0"}],"hasNext":true})",
                                R"({"incremental":[{"id":"1","data":{"climate":"arid"}}],"completed":[{"id":"1"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}]}},"hasNext":true})",
                                R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}],"homeworld":{"name":"Tatooine"}}},"hasNext":true})",
                                R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}],"homeworld":{"name":"Tatooine","climate":"arid"}}},"hasNext":false})" }
            << personAnswer;
    QTest::addRow("both defers in one payload, v0.2")
            << QByteArrayList { personInitial
                                        + R"("pending":[{"id":"0","path":["person"],"label":"home"}],"hasNext":true})",
                                R"({"pending":[{"id":"1","path":["person","homeworld"],"label":"climate"}],"incremental":[{"id":"0","data":{"homeworld":{"name":"Tatooine"}}},{"id":"1","data":{"climate":"arid"}}],"completed":[{"id":"0"},{"id":"1"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}]}},"hasNext":true})",
                                R"({"data":{"person":{"name":"Luke","films":[{"title":"A New Hope"},{"title":"Empire"}],"homeworld":{"name":"Tatooine","climate":"arid"}}},"hasNext":false})" }
            << personAnswer;
    QTest::addRow("subPath, v0.2")
            << QByteArrayList { R"({"data":{"person":{"homeworld":{"name":"Tatooine"}}},"pending":[{"id":"0","path":["person"]}],"hasNext":true})",
                                R"({"incremental":[{"id":"0","subPath":["homeworld"],"data":{"climate":"arid"}}],"completed":[{"id":"0"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"person":{"homeworld":{"name":"Tatooine"}}},"hasNext":true})",
                                R"({"data":{"person":{"homeworld":{"name":"Tatooine","climate":"arid"}}},"hasNext":false})" }
            << QByteArray(
                       R"({"data":{"person":{"homeworld":{"name":"Tatooine","climate":"arid"}}}})");

    // { people { name friends @stream(initialCount: 1) { name } } }
    const QByteArray peopleAnswer
            = R"({"data":{"people":[{"name":"A","friends":[{"name":"B"},{"name":"E"}]},{"name":"C","friends":[{"name":"D"},{"name":"F"},{"name":"G"}]}]}})";
    QTest::addRow("@stream into nested lists, graphql-js 16")
            << QByteArrayList { R"({"data":{"people":[{"name":"A","friends":[{"name":"B"}]},{"name":"C","friends":[{"name":"D"}]}]},"hasNext":true})",
                                R"({"incremental":[{"items":[{"name":"E"}],"path":["people",0,"friends",1]},{"items":[{"name":"F"},{"name":"G"}],"path":["people",1,"friends",1]}],"hasNext":true})",
                                R"({"hasNext":false})" }
            << QByteArrayList { R"({"data":{"people":[{"name":"A","friends":[{"name":"B"}]},{"name":"C","friends":[{"name":"D"}]}]},"hasNext":true})",
                                R"({"data":{"people":[{"name":"A","friends":[{"name":"B"},{"name":"E"}]},{"name":"C","friends":[{"name":"D"},{"name":"F"},{"name":"G"}]}]},"hasNext":true})",
                                R"({"data":{"people":[{"name":"A","friends":[{"name":"B"},{"name":"E"}]},{"name":"C","friends":[{"name":"D"},{"name":"F"},{"name":"G"}]}]},"hasNext":false})" }
            << peopleAnswer;
    QTest::addRow("@stream into nested lists, v0.2")
            << QByteArrayList { R"({"data":{"people":[{"name":"A","friends":[{"name":"B"}]},{"name":"C","friends":[{"name":"D"}]}]},"pending":[{"id":"0","path":["people",0,"friends"]},{"id":"1","path":["people",1,"friends"]}],"hasNext":true})",
                                R"({"incremental":[{"id":"1","items":[{"name":"F"}]},{"id":"0","items":[{"name":"E"}]}],"completed":[{"id":"0"}],"hasNext":true})",
                                R"({"incremental":[{"id":"1","items":[{"name":"G"}]}],"completed":[{"id":"1"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"people":[{"name":"A","friends":[{"name":"B"}]},{"name":"C","friends":[{"name":"D"}]}]},"hasNext":true})",
                                R"({"data":{"people":[{"name":"A","friends":[{"name":"B"},{"name":"E"}]},{"name":"C","friends":[{"name":"D"},{"name":"F"}]}]},"hasNext":true})",
                                R"({"data":{"people":[{"name":"A","friends":[{"name":"B"},{"name":"E"}]},{"name":"C","friends":[{"name":"D"},{"name":"F"},{"name":"G"}]}]},"hasNext":false})" }
            << peopleAnswer;
    QTest::addRow("@stream of lists of lists")
            << QByteArrayList { R"({"data":{"m":[["a","a"]]},"hasNext":true})",
                                R"({"incremental":[{"items":[["b","b"],["c"]],"path":["m",1]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"m":[["a","a"]]},"hasNext":true})",
                                R"({"data":{"m":[["a","a"],["b","b"],["c"]]},"hasNext":false})" }
            << QByteArray(R"({"data":{"m":[["a","a"],["b","b"],["c"]]}})");
    QTest::addRow("@stream with initialCount 0 and a label")
            << QByteArrayList { R"({"data":{"list":[]},"hasNext":true})",
                                R"({"incremental":[{"items":["x"],"path":["list",0],"label":"s"}],"hasNext":true})",
                                R"({"incremental":[{"items":["y"],"path":["list",1],"label":"s"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"list":[]},"hasNext":true})",
                                R"({"data":{"list":["x"]},"hasNext":true})",
                                R"({"data":{"list":["x","y"]},"hasNext":false})" }
            << QByteArray(R"({"data":{"list":["x","y"]}})");
    QTest::addRow("@defer inside a streamed item, same payload")
            << QByteArrayList { R"({"data":{"list":[{"id":1,"name":"a"}]},"hasNext":true})",
                                R"({"incremental":[{"items":[{"id":2}],"path":["list",1]},{"data":{"name":"b"},"path":["list",1]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"list":[{"id":1,"name":"a"}]},"hasNext":true})",
                                R"({"data":{"list":[{"id":1,"name":"a"},{"id":2,"name":"b"}]},"hasNext":false})" }
            << QByteArray(R"({"data":{"list":[{"id":1,"name":"a"},{"id":2,"name":"b"}]}})");
    QTest::addRow("@defer inside a streamed item, v0.2")
            << QByteArrayList { R"({"data":{"list":[]},"pending":[{"id":"0","path":["list"]}],"hasNext":true})",
                                R"({"pending":[{"id":"1","path":["list",0]}],"incremental":[{"id":"0","items":[{"id":1}]}],"hasNext":true})",
                                R"({"incremental":[{"id":"1","data":{"name":"a"}}],"completed":[{"id":"1"},{"id":"0"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"list":[]},"hasNext":true})",
                                R"({"data":{"list":[{"id":1}]},"hasNext":true})",
                                R"({"data":{"list":[{"id":1,"name":"a"}]},"hasNext":false})" }
            << QByteArray(R"({"data":{"list":[{"id":1,"name":"a"}]}})");
    QTest::addRow("deferred data deep-merged into a list of objects")
            << QByteArrayList { R"({"data":{"films":[{"title":"A"},{"title":"B"}],"n":1},"hasNext":true})",
                                R"({"incremental":[{"data":{"films":[{"director":"X"},{"director":"Y","title":"B"}]},"path":[]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"films":[{"title":"A"},{"title":"B"}],"n":1},"hasNext":true})",
                                R"({"data":{"films":[{"title":"A","director":"X"},{"title":"B","director":"Y"}],"n":1},"hasNext":false})" }
            << QByteArray(
                       R"({"data":{"films":[{"title":"A","director":"X"},{"title":"B","director":"Y"}],"n":1}})");

    // Errors.
    QTest::addRow("errors in a deferred item, graphql-js 16")
            << QByteArrayList { R"({"data":{"a":1},"hasNext":true})",
                                R"({"incremental":[{"data":{"b":null},"path":[],"errors":[{"message":"b failed","path":["b"]}]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"a":1},"hasNext":true})",
                                R"({"data":{"a":1,"b":null},"errors":[{"message":"b failed","path":["b"]}],"hasNext":false})" }
            << QByteArray(
                       R"({"data":{"a":1,"b":null},"errors":[{"message":"b failed","path":["b"]}]})");
    QTest::addRow("errors in streamed items, graphql-js 16")
            << QByteArrayList { R"({"data":{"friendList":[{"name":"Luke","id":"1"}]},"hasNext":true})",
                                R"({"incremental":[{"items":[null],"path":["friendList",1],"errors":[{"message":"bad","locations":[{"line":3,"column":9}],"path":["friendList",1]}]}],"hasNext":true})",
                                R"({"incremental":[{"items":[{"name":"Leia","id":"3"}],"path":["friendList",2]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"friendList":[{"name":"Luke","id":"1"}]},"hasNext":true})",
                                R"({"data":{"friendList":[{"name":"Luke","id":"1"},null]},"errors":[{"message":"bad","locations":[{"line":3,"column":9}],"path":["friendList",1]}],"hasNext":true})",
                                R"({"data":{"friendList":[{"name":"Luke","id":"1"},null,{"name":"Leia","id":"3"}]},"hasNext":false})" }
            << QByteArray(
                       R"({"data":{"friendList":[{"name":"Luke","id":"1"},null,{"name":"Leia","id":"3"}]},"errors":[{"message":"bad","locations":[{"line":3,"column":9}],"path":["friendList",1]}]})");
    QTest::addRow("errors in an item, v0.2")
            << QByteArrayList { R"({"data":{"a":1},"pending":[{"id":"0","path":[]}],"hasNext":true})",
                                R"({"incremental":[{"id":"0","data":{"b":null},"errors":[{"message":"b failed","path":["b"]}]}],"completed":[{"id":"0"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"a":1},"hasNext":true})",
                                R"({"data":{"a":1,"b":null},"errors":[{"message":"b failed","path":["b"]}],"hasNext":false})" }
            << QByteArray(
                       R"({"data":{"a":1,"b":null},"errors":[{"message":"b failed","path":["b"]}]})");
    QTest::addRow("errors of the initial payload and of the step")
            << QByteArrayList { R"({"data":{"a":null},"errors":[{"message":"a failed","path":["a"]}],"hasNext":true})",
                                R"({"incremental":[{"data":{"b":2},"path":[]}],"errors":[{"message":"top"}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"a":null},"errors":[{"message":"a failed","path":["a"]}],"hasNext":true})",
                                R"({"data":{"a":null,"b":2},"errors":[{"message":"top"}],"hasNext":false})" }
            << QByteArray();
    QTest::addRow("data null in a deferred item")
            << QByteArrayList { R"({"data":{"person":{"name":"Luke"}},"hasNext":true})",
                                R"({"incremental":[{"data":null,"path":["person"],"errors":[{"message":"homeworld is non-null","path":["person","homeworld"]}]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"person":{"name":"Luke"}},"hasNext":true})",
                                R"({"data":{"person":{"name":"Luke"}},"errors":[{"message":"homeworld is non-null","path":["person","homeworld"]}],"hasNext":false})" }
            << QByteArray();
    QTest::addRow("items null ends the stream, graphql-js 16")
            << QByteArrayList { R"({"data":{"list":[0]},"hasNext":true})",
                                R"({"incremental":[{"items":null,"path":["list",1],"errors":[{"message":"bad","path":["list",1]}]}],"hasNext":true})",
                                R"({"incremental":[{"items":[5],"path":["list",2]},{"data":{"x":1},"path":[]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"list":[0]},"hasNext":true})",
                                R"({"data":{"list":[0]},"errors":[{"message":"bad","path":["list",1]}],"hasNext":true})",
                                R"({"data":{"list":[0],"x":1},"hasNext":false})" }
            << QByteArray();
    QTest::addRow("completed with errors, v0.2")
            << QByteArrayList { R"({"data":{"person":{"name":"Luke"}},"pending":[{"id":"0","path":["person"],"label":"home"}],"hasNext":true})",
                                R"({"completed":[{"id":"0","errors":[{"message":"Cannot return null for non-nullable field Person.homeworld.","path":["person","homeworld"]}]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"person":{"name":"Luke"}},"hasNext":true})",
                                R"({"data":{"person":{"name":"Luke"}},"errors":[{"message":"Cannot return null for non-nullable field Person.homeworld.","path":["person","homeworld"]}],"hasNext":false})" }
            << QByteArray();
    QTest::addRow("stream failed by completed with errors, v0.2")
            << QByteArrayList { R"({"data":{"list":[1]},"pending":[{"id":"0","path":["list"]}],"hasNext":true})",
                                R"({"incremental":[{"id":"0","items":[2]}],"hasNext":true})",
                                R"({"completed":[{"id":"0","errors":[{"message":"bad","path":["list",2]}]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"list":[1]},"hasNext":true})",
                                R"({"data":{"list":[1,2]},"hasNext":true})",
                                R"({"data":{"list":[1,2]},"errors":[{"message":"bad","path":["list",2]}],"hasNext":false})" }
            << QByteArray();
    QTest::addRow("deferred data under a nulled parent is dropped")
            << QByteArrayList { R"({"data":{"person":null},"errors":[{"message":"gone","path":["person"]}],"hasNext":true})",
                                R"({"incremental":[{"data":{"climate":"arid"},"path":["person","homeworld"]}],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"person":null},"errors":[{"message":"gone","path":["person"]}],"hasNext":true})",
                                R"({"data":{"person":null},"hasNext":false})" }
            << QByteArray(
                       R"({"data":{"person":null},"errors":[{"message":"gone","path":["person"]}]})");

    // Shapes.
    QTest::addRow("final hasNext false alone, v0.2")
            << QByteArrayList { R"({"data":{"list":[]},"pending":[{"id":"0","path":["list"]}],"hasNext":true})",
                                R"({"incremental":[{"id":"0","items":["a","b"]}],"completed":[{"id":"0"}],"hasNext":true})",
                                R"({"hasNext":false})" }
            << QByteArrayList { R"({"data":{"list":[]},"hasNext":true})",
                                R"({"data":{"list":["a","b"]},"hasNext":true})",
                                R"({"data":{"list":["a","b"]},"hasNext":false})" }
            << QByteArray(R"({"data":{"list":["a","b"]}})");
    QTest::addRow("plain response") << QByteArrayList { R"({"data":{"a":1}})" }
                                    << QByteArrayList { R"({"data":{"a":1},"hasNext":false})" }
                                    << QByteArray(R"({"data":{"a":1}})");
    QTest::addRow("errors only")
            << QByteArrayList { R"({"errors":[{"message":"Unknown directive \"@defer\"."}]})" }
            << QByteArrayList { R"({"errors":[{"message":"Unknown directive \"@defer\"."}],"hasNext":false})" }
            << QByteArray(R"({"errors":[{"message":"Unknown directive \"@defer\"."}]})");
    QTest::addRow("2020 draft form: path at the top level")
            << QByteArrayList { R"({"data":{"hello":"Hello Rob"},"hasNext":true})",
                                R"({"data":{"test":"Hello World"},"path":[],"hasNext":false})" }
            << QByteArrayList { R"({"data":{"hello":"Hello Rob"},"hasNext":true})",
                                R"({"data":{"hello":"Hello Rob","test":"Hello World"},"hasNext":false})" }
            << QByteArray(R"({"data":{"hello":"Hello Rob","test":"Hello World"}})");
    QTest::addRow("empty incremental list")
            << QByteArrayList { R"({"data":{},"hasNext":true})",
                                R"({"incremental":[],"hasNext":false})" }
            << QByteArrayList { R"({"data":{},"hasNext":true})", R"({"data":{},"hasNext":false})" }
            << QByteArray(R"({"data":{}})");
}

void tst_IncrementalMerger::merge()
{
    QFETCH(QByteArrayList, parts);
    QFETCH(QByteArrayList, steps);
    QFETCH(QByteArray, nonDeferred);

    Run run;
    runParts(run, parts);
    QCOMPARE(run.errors, QStringList());
    QCOMPARE(run.steps, canonicalList(steps));
    QVERIFY(run.merger.isFinished());
    QVERIFY(!run.merger.hasNext());
    QCOMPARE(run.merger.stepCount(), parts.size());
    QCOMPARE(run.merger.pendingIds(), QStringList());

    if (!nonDeferred.isEmpty()) {
        // The whole response (merged data and every error) is the non-deferred answer.
        QCOMPARE(compact(run.merger.mergedResult().toJson()), canonical(nonDeferred));
        QCOMPARE(compact(run.merger.data()),
                 compact(json(nonDeferred).toObject().value("data"_L1)));
    }

    // Feeding the parsed objects gives the same as feeding the bytes.
    Merger objects;
    QByteArrayList again;
    for (const QByteArray &part : parts)
        again.append(stepText(objects.merge(json(part).toObject())));
    QCOMPARE(again, run.steps);
}

void tst_IncrementalMerger::rawItems()
{
    Merger merger;
    merger.merge(QByteArrayView(ApolloDefer1));
    QVERIFY(merger.lastIncremental().isEmpty());
    QCOMPARE(compact(merger.lastPending()), canonical(R"([{"id":"0","path":[]}])"));
    QVERIFY(merger.lastCompleted().isEmpty());

    merger.merge(QByteArrayView(ApolloDefer2));
    QCOMPARE(compact(merger.lastIncremental()),
             canonical(R"([{"data":{"slow":"late"},"id":"0"}])"));
    QVERIFY(merger.lastPending().isEmpty());
    QCOMPARE(compact(merger.lastCompleted()), canonical(R"([{"id":"0"}])"));

    Merger yoga;
    yoga.merge(QByteArrayView(YogaDefer1));
    yoga.merge(QByteArrayView(
            R"({"incremental":[{"data":{"a":1},"path":[],"label":"A"},{"items":[1],"path":["l",0],"label":"S","errors":[{"message":"m"}]}],"hasNext":true})"));
    QCOMPARE(
            compact(yoga.lastIncremental()),
            canonical(
                    R"([{"data":{"a":1},"path":[],"label":"A"},{"items":[1],"path":["l",0],"label":"S","errors":[{"message":"m"}]}])"));
    yoga.merge(QByteArrayView(R"({"hasNext":false})"));
    QVERIFY(yoga.lastIncremental().isEmpty());
}

void tst_IncrementalMerger::pendingBookkeeping()
{
    Merger merger;
    merger.merge(QByteArrayView(
            R"({"data":{"a":{}},"pending":[{"id":"0","path":["a"],"label":"L"},{"id":"1","path":[]}],"hasNext":true})"));
    QCOMPARE(merger.pendingIds(), (QStringList { u"0"_s, u"1"_s }));
    QCOMPARE(compact(merger.pendingEntry(u"0"_s)), canonical(R"({"path":["a"],"label":"L"})"));
    QCOMPARE(compact(merger.pendingEntry(u"1"_s)), canonical(R"({"path":[]})"));
    QVERIFY(merger.pendingEntry(u"2"_s).isEmpty());

    merger.merge(QByteArrayView(
            R"({"pending":[{"id":"2","path":["a"]}],"completed":[{"id":"0"}],"hasNext":true})"));
    QCOMPARE(merger.pendingIds(), (QStringList { u"1"_s, u"2"_s }));
    const Merger::Step step = merger.merge(
            QByteArrayView(R"({"completed":[{"id":"2"},{"id":"1"}],"hasNext":false})"));
    QVERIFY(step.isValid());
    QCOMPARE(merger.pendingIds(), QStringList());
}

void tst_IncrementalMerger::extensions()
{
    Merger merger;
    Merger::Step step
            = merger.merge(QByteArrayView(R"({"data":{},"extensions":{"cost":1},"hasNext":true})"));
    QCOMPARE(compact(step.result.extensions()), canonical(R"({"cost":1})"));

    step = merger.merge(QByteArrayView(
            R"({"incremental":[{"data":{"a":1},"path":[],"extensions":{"trace":"t1","cost":2}},{"data":{"b":1},"path":[],"extensions":{"trace":"t2"}}],"extensions":{"cost":3,"top":true},"hasNext":true})"));
    QVERIFY(step.isValid());
    // The payload's, with those of the items added, later ones winning.
    QCOMPARE(compact(step.result.extensions()), canonical(R"({"cost":2,"top":true,"trace":"t2"})"));

    step = merger.merge(QByteArrayView(R"({"hasNext":false})"));
    QVERIFY(step.result.extensions().isEmpty()); // per step, not accumulated
}

void tst_IncrementalMerger::malformed_data()
{
    QTest::addColumn<QByteArrayList>("parts");
    QTest::addColumn<QByteArray>("data"); // merged data after the last part
    QTest::addColumn<QString>("message"); // a part of the error of the last part

    const QByteArray v02Initial
            = R"({"data":{"a":{"b":[1]}},"pending":[{"id":"0","path":["a"]}],"hasNext":true})";
    const QByteArray jsInitial = R"({"data":{"a":{"b":[1],"s":"x"}},"hasNext":true})";
    const QByteArray v02Data = R"({"a":{"b":[1]}})";
    const QByteArray jsData = R"({"a":{"b":[1],"s":"x"}})";

    QTest::addRow("unknown pending id")
            << QByteArrayList { v02Initial,
                                R"({"incremental":[{"id":"7","data":{"c":1}}],"hasNext":true})" }
            << v02Data << u"\"7\": the id is not pending"_s;
    QTest::addRow("completed id not pending")
            << QByteArrayList { v02Initial, R"({"completed":[{"id":"9"}],"hasNext":false})" }
            << v02Data << u"completed id \"9\" is not pending"_s;
    QTest::addRow("id completed twice")
            << QByteArrayList { v02Initial, R"({"completed":[{"id":"0"}],"hasNext":true})",
                                R"({"completed":[{"id":"0"}],"hasNext":false})" }
            << v02Data << u"completed id \"0\" is not pending"_s;
    QTest::addRow("item after its id completed")
            << QByteArrayList { v02Initial, R"({"completed":[{"id":"0"}],"hasNext":true})",
                                R"({"incremental":[{"id":"0","data":{"c":1}}],"hasNext":false})" }
            << v02Data << u"not pending"_s;
    QTest::addRow("pending id announced twice")
            << QByteArrayList { v02Initial, R"({"pending":[{"id":"0","path":[]}],"hasNext":true})" }
            << v02Data << u"announced twice"_s;
    QTest::addRow("pending entry without path")
            << QByteArrayList { R"({"data":{},"pending":[{"id":"0"}],"hasNext":true})" }
            << QByteArray("{}") << u"pending entry 0"_s;
    QTest::addRow("pending not a list")
            << QByteArrayList { R"({"data":{},"pending":{"id":"0"},"hasNext":true})" }
            << QByteArray("{}") << u"\"pending\" is not a list"_s;
    QTest::addRow("path does not exist") << QByteArrayList {
        jsInitial, R"({"incremental":[{"data":{"c":1},"path":["nope"]}],"hasNext":true})"
    } << jsData << u"has no field \"nope\""_s;
    QTest::addRow("path does not exist, deeper") << QByteArrayList {
        jsInitial, R"({"incremental":[{"data":{"c":1},"path":["a","z","y"]}],"hasNext":true})"
    } << jsData << u"the object at [\"a\"] has no field \"z\""_s;
    QTest::addRow("path through a scalar") << QByteArrayList {
        jsInitial, R"({"incremental":[{"data":{"c":1},"path":["a","s","t"]}],"hasNext":true})"
    } << jsData << u"the value at [\"a\",\"s\"] is not an object"_s;
    QTest::addRow("defer target is a list") << QByteArrayList {
        jsInitial, R"({"incremental":[{"data":{"c":1},"path":["a","b"]}],"hasNext":true})"
    } << jsData << u"is not an object"_s;
    QTest::addRow("index out of range in the path") << QByteArrayList {
        jsInitial, R"({"incremental":[{"data":{"c":1},"path":["a","b",5]}],"hasNext":true})"
    } << jsData << u"has no index 5"_s;
    QTest::addRow("index into an object") << QByteArrayList {
        jsInitial, R"({"incremental":[{"data":{"c":1},"path":["a",0]}],"hasNext":true})"
    } << jsData << u"is not a list"_s;
    QTest::addRow("non-integral index") << QByteArrayList {
        jsInitial, R"({"incremental":[{"items":[2],"path":["a","b",1.5]}],"hasNext":true})"
    } << jsData << u"does not end in a list index"_s;
    QTest::addRow("negative index") << QByteArrayList {
        jsInitial, R"({"incremental":[{"data":{},"path":["a","b",-1]}],"hasNext":true})"
    } << jsData << u"neither a field name nor a list index"_s;
    QTest::addRow("path element of a wrong type")
            << QByteArrayList { jsInitial,
                                R"({"incremental":[{"data":{},"path":[true]}],"hasNext":true})" }
            << jsData << u"neither a field name nor a list index"_s;
    QTest::addRow("stream index past the end") << QByteArrayList {
        jsInitial, R"({"incremental":[{"items":[2],"path":["a","b",3]}],"hasNext":true})"
    } << jsData << u"index 3 is past the end"_s;
    QTest::addRow("stream into an object")
            << QByteArrayList { jsInitial,
                                R"({"incremental":[{"items":[2],"path":["a",0]}],"hasNext":true})" }
            << jsData << u"is not a list"_s;
    QTest::addRow("stream path empty")
            << QByteArrayList { jsInitial,
                                R"({"incremental":[{"items":[2],"path":[]}],"hasNext":true})" }
            << jsData << u"does not end in a list index"_s;
    QTest::addRow("v0.2 items into an object")
            << QByteArrayList { v02Initial,
                                R"({"incremental":[{"id":"0","items":[2]}],"hasNext":true})" }
            << v02Data << u"is not a list"_s;
    QTest::addRow("items not a list") << QByteArrayList {
        jsInitial, R"({"incremental":[{"items":{"x":1},"path":["a","b",1]}],"hasNext":true})"
    } << jsData << u"\"items\" of the incremental item at [\"a\",\"b\",1] is not a list"_s;
    QTest::addRow("data not an object")
            << QByteArrayList { jsInitial,
                                R"({"incremental":[{"data":[1],"path":["a"]}],"hasNext":true})" }
            << jsData << u"\"data\" of the incremental item at [\"a\"] is not an object"_s;
    QTest::addRow("item with neither data nor items")
            << QByteArrayList { jsInitial, R"({"incremental":[{"path":["a"]}],"hasNext":true})" }
            << jsData << u"has neither \"data\" nor \"items\""_s;
    QTest::addRow("item with neither id nor path")
            << QByteArrayList { jsInitial, R"({"incremental":[{"data":{}}],"hasNext":true})" }
            << jsData << u"neither \"id\" nor a list \"path\""_s;
    QTest::addRow("item not an object")
            << QByteArrayList { jsInitial, R"({"incremental":[3],"hasNext":true})" } << jsData
            << u"not an object"_s;
    QTest::addRow("path not a list")
            << QByteArrayList { jsInitial,
                                R"({"incremental":[{"data":{},"path":"a"}],"hasNext":true})" }
            << jsData << u"neither \"id\" nor a list \"path\""_s;
    QTest::addRow("id not a string")
            << QByteArrayList { v02Initial,
                                R"({"incremental":[{"id":0,"data":{}}],"hasNext":true})" }
            << v02Data << u"non-string \"id\""_s;
    QTest::addRow("subPath not a list") << QByteArrayList {
        v02Initial, R"({"incremental":[{"id":"0","subPath":"b","data":{}}],"hasNext":true})"
    } << v02Data << u"\"subPath\" is not a list"_s;
    QTest::addRow("incremental not a list")
            << QByteArrayList { jsInitial,
                                R"({"incremental":{"data":{},"path":[]},"hasNext":true})" }
            << jsData << u"\"incremental\" is not a list"_s;
    QTest::addRow("completed not a list")
            << QByteArrayList { v02Initial, R"({"completed":"0","hasNext":true})" } << v02Data
            << u"\"completed\" is not a list"_s;
    QTest::addRow("errors not a list")
            << QByteArrayList { jsInitial,
                                R"({"incremental":[{"data":{"c":1},"path":[],"errors":{"message":"x"}}],"hasNext":true})" }
            << QByteArray(R"({"a":{"b":[1],"s":"x"},"c":1})") << u"is not a list"_s;
    QTest::addRow("hasNext not a boolean") << QByteArrayList { jsInitial, R"({"hasNext":"yes"})" }
                                           << jsData << u"\"hasNext\" is not a boolean"_s;
    QTest::addRow("initial payload without data or errors")
            << QByteArrayList { R"({"hasNext":true})" } << QByteArray("undefined")
            << u"neither \"data\" nor \"errors\""_s;
    QTest::addRow("initial data not an object")
            << QByteArrayList { R"({"data":[1],"hasNext":true})" } << QByteArray("undefined")
            << u"is not an object"_s;
    QTest::addRow("subsequent data without path")
            << QByteArrayList { jsInitial, R"({"data":{"c":1},"hasNext":true})" } << jsData
            << u"no \"path\""_s;
    QTest::addRow("incremental on an errors-only response")
            << QByteArrayList { R"({"errors":[{"message":"x"}],"hasNext":true})",
                                R"({"incremental":[{"data":{"c":1},"path":[]}],"hasNext":false})" }
            << QByteArray("undefined") << u"is not an object"_s;
}

void tst_IncrementalMerger::malformed()
{
    QFETCH(QByteArrayList, parts);
    QFETCH(QByteArray, data);
    QFETCH(QString, message);

    Merger merger;
    Merger::Step step;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        step = merger.merge(QByteArrayView(parts.at(i)));
        if (i + 1 < parts.size())
            QVERIFY2(step.isValid(), qPrintable(step.error));
    }
    QVERIFY(!step.isValid());
    QVERIFY2(step.error.contains(message), qPrintable(step.error));
    QVERIFY2(step.error.startsWith(u"Malformed incremental payload %1: "_s.arg(parts.size())),
             qPrintable(step.error));
    QCOMPARE(compact(merger.data()), data == "undefined" ? data : canonical(data));
    QCOMPARE(compact(step.result.data()), compact(merger.data()));
}

// The bad item is skipped; the good ones of the same payload, before and after it, are merged.
void tst_IncrementalMerger::goodItemsOfAMalformedStepAreMerged()
{
    Merger merger;
    merger.merge(QByteArrayView(
            R"({"data":{"a":{},"l":[0]},"pending":[{"id":"0","path":["a"]}],"hasNext":true})"));
    const Merger::Step step = merger.merge(QByteArrayView(
            R"({"incremental":[{"id":"0","data":{"x":1}},{"id":"5","data":{"y":2},"errors":[{"message":"e5"}]},{"items":[1],"path":["l",1]},{"data":{"z":3},"path":["missing"]}],"completed":[{"id":"0"},{"id":"6"}],"hasNext":true})"));
    QVERIFY(!step.isValid());
    QVERIFY2(step.error.contains(u"\"5\": the id is not pending"_s), qPrintable(step.error));
    QVERIFY2(step.error.contains(u"no field \"missing\""_s), qPrintable(step.error));
    QVERIFY2(step.error.contains(u"completed id \"6\" is not pending"_s), qPrintable(step.error));
    QCOMPARE(compact(step.result.data()), canonical(R"({"a":{"x":1},"l":[0,1]})"));
    QCOMPARE(step.result.errors().size(), 1); // the errors of a bad item are still reported
    QCOMPARE(step.result.errors().at(0).message(), u"e5"_s);
    QVERIFY(step.result.hasNext());

    // Still usable.
    const Merger::Step last = merger.merge(
            QByteArrayView(R"({"incremental":[{"items":[2],"path":["l",2]}],"hasNext":false})"));
    QVERIFY2(last.isValid(), qPrintable(last.error));
    QCOMPARE(compact(last.result.data()), canonical(R"({"a":{"x":1},"l":[0,1,2]})"));
}

void tst_IncrementalMerger::afterTheLastPayload()
{
    Merger merger;
    merger.merge(QByteArrayView(YogaDefer1));
    merger.merge(QByteArrayView(YogaDefer2));
    QVERIFY(merger.isFinished());
    const Merger::Step step = merger.merge(QByteArrayView(
            R"({"incremental":[{"data":{"late":true},"path":[]}],"hasNext":false})"));
    QVERIFY(!step.isValid());
    QVERIFY2(step.error.contains(u"after the last one"_s), qPrintable(step.error));
    QCOMPARE(compact(merger.data()), canonical(R"({"hello":"world","slow":"late"})"));
    QCOMPARE(compact(step.result.data()), compact(merger.data()));
    QCOMPARE(merger.stepCount(), 2);
}

void tst_IncrementalMerger::invalidJson()
{
    Merger merger;
    merger.merge(QByteArrayView(YogaDefer1));
    for (const char *bytes : { "{\"incremental\":", "[1,2]", "", "\xff" }) {
        const Merger::Step step = merger.merge(QByteArrayView(bytes));
        QVERIFY(!step.isValid());
        QVERIFY(!step.error.isEmpty());
        QCOMPARE(compact(step.result.data()), canonical(R"({"hello":"world"})"));
        QVERIFY(step.result.hasNext());
    }
    QCOMPARE(merger.stepCount(), 1); // not counted
    QVERIFY(merger.merge(QByteArrayView(YogaDefer2)).isValid());
    QCOMPARE(compact(merger.data()), canonical(R"({"hello":"world","slow":"late"})"));
}

// Results are values: merging later steps does not change what earlier steps handed out.
void tst_IncrementalMerger::earlierResultsAreNotChanged()
{
    Merger merger;
    const Merger::Step s1
            = merger.merge(QByteArrayView(R"({"data":{"p":{"q":{"l":[1]}}},"hasNext":true})"));
    const Merger::Step s2 = merger.merge(QByteArrayView(
            R"({"incremental":[{"items":[2],"path":["p","q","l",1]}],"hasNext":true})"));
    const Merger::Step s3 = merger.merge(QByteArrayView(
            R"({"incremental":[{"data":{"r":{"x":1}},"path":["p","q"]}],"hasNext":true})"));
    const Merger::Step s4 = merger.merge(QByteArrayView(
            R"({"incremental":[{"data":{"r":{"y":2}},"path":["p","q"]}],"hasNext":false})"));
    QCOMPARE(compact(s1.result.data()), canonical(R"({"p":{"q":{"l":[1]}}})"));
    QCOMPARE(compact(s2.result.data()), canonical(R"({"p":{"q":{"l":[1,2]}}})"));
    QCOMPARE(compact(s3.result.data()), canonical(R"({"p":{"q":{"l":[1,2],"r":{"x":1}}}})"));
    QCOMPARE(compact(s4.result.data()), canonical(R"({"p":{"q":{"l":[1,2],"r":{"x":1,"y":2}}}})"));
}

void tst_IncrementalMerger::reset()
{
    Merger merger;
    merger.merge(QByteArrayView(ApolloDefer1));
    merger.merge(QByteArrayView(ApolloDefer2));
    merger.reset();
    QCOMPARE(merger.stepCount(), 0);
    QVERIFY(merger.data().isUndefined());
    QVERIFY(merger.merge(QByteArrayView(YogaDefer1)).isValid());
    QVERIFY(merger.merge(QByteArrayView(YogaDefer2)).isValid());
    QCOMPARE(compact(merger.mergedResult().toJson()), canonical(HelloSlow));
}

// 100000 items streamed one per payload into a list: when the caller drops each result before
// the next step, the list is changed in place, so this takes well under a second. Copying the
// list on every step would be quadratic (5e9 element copies, about a minute).
void tst_IncrementalMerger::longStreamIsFast()
{
    QJsonObject big;
    for (int i = 0; i < 20000; ++i)
        big.insert(u"k%1"_s.arg(i), i);
    QJsonObject initial {
        { "data"_L1,
          QJsonObject { { "big"_L1, big }, { "s"_L1, QJsonObject { { "l"_L1, QJsonArray() } } } } },
        { "pending"_L1,
          QJsonArray { QJsonObject { { "id"_L1, "0"_L1 },
                                     { "path"_L1, QJsonArray { "s"_L1, "l"_L1 } } } } },
        { "hasNext"_L1, true }
    };
    Merger merger;
    QVERIFY(merger.merge(initial).isValid());
    initial = {};
    big = {};

    QElapsedTimer timer;
    timer.start();
    constexpr int Steps = 100000;
    for (int i = 0; i < Steps; ++i) {
        const QJsonObject payload {
            { "incremental"_L1,
              QJsonArray {
                      QJsonObject { { "id"_L1, "0"_L1 }, { "items"_L1, QJsonArray { i } } } } },
            { "hasNext"_L1, true }
        };
        const Merger::Step step = merger.merge(payload);
        QVERIFY(step.isValid());
    }
    QVERIFY(merger.merge(QByteArrayView(R"({"completed":[{"id":"0"}],"hasNext":false})"))
                    .isValid());
    const QJsonArray list
            = merger.data().toObject().value("s"_L1).toObject().value("l"_L1).toArray();
    QCOMPARE(list.size(), Steps);
    QCOMPARE(list.at(Steps - 1).toInt(), Steps - 1);
    QCOMPARE(merger.data().toObject().value("big"_L1).toObject().size(), 20000);
    QVERIFY2(timer.elapsed() < 10000, QByteArray::number(timer.elapsed()).constData());
    qDebug("100000 stream steps: %lld ms", qlonglong(timer.elapsed()));
}

// Deferred fragments merged into a large tree, each deep inside it.
void tst_IncrementalMerger::deepMergeIsFast()
{
    QJsonArray items;
    for (int i = 0; i < 5000; ++i)
        items.append(QJsonObject { { "id"_L1, i } });
    Merger merger;
    QVERIFY(merger.merge(QJsonObject { { "data"_L1, QJsonObject { { "items"_L1, items } } },
                                       { "hasNext"_L1, true } })
                    .isValid());
    items = {};

    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5000; ++i) {
        const QJsonObject payload {
            { "incremental"_L1,
              QJsonArray {
                      QJsonObject { { "data"_L1, QJsonObject { { "name"_L1, u"n%1"_s.arg(i) } } },
                                    { "path"_L1, QJsonArray { "items"_L1, i } } } } },
            { "hasNext"_L1, i + 1 < 5000 }
        };
        QVERIFY(merger.merge(payload).isValid());
    }
    const QJsonArray merged = merger.data().toObject().value("items"_L1).toArray();
    QCOMPARE(merged.size(), 5000);
    QCOMPARE(compact(merged.at(4321)), canonical(R"({"id":4321,"name":"n4321"})"));
    QVERIFY2(timer.elapsed() < 10000, QByteArray::number(timer.elapsed()).constData());
    qDebug("5000 deep merges: %lld ms", qlonglong(timer.elapsed()));
}

// The merged data keeps the server's order: members in the order they first appeared, deferred
// members appended to their object in the order sent, an overwritten member in its place.
void tst_IncrementalMerger::mergedOrder()
{
    Merger merger;
    Merger::Step step = merger.merge(QGraphQLJsonNode(
            R"({"data":{"z":1,"person":{"name":"Luke","b":null},"a":[{"y":1,"x":2}]},"hasNext":true})"_ba));
    QVERIFY2(step.isValid(), qPrintable(step.error));
    step = merger.merge(QGraphQLJsonNode(
            R"({"incremental":[{"data":{"zz":{"q":1,"p":2},"b":"now","aa":3},"path":["person"]},{"data":{"w":0,"x":9},"path":["a",0]}],"hasNext":true})"_ba));
    QVERIFY2(step.isValid(), qPrintable(step.error));
    QCOMPARE(
            step.response.member("data").toCompactJson(),
            R"({"z":1,"person":{"name":"Luke","b":"now","zz":{"q":1,"p":2},"aa":3},"a":[{"y":1,"x":9,"w":0}]})"_ba);
    step = merger.merge(QGraphQLJsonNode(
            R"({"incremental":[{"data":{"m":1,"zz":{"r":3,"q":4}},"path":["person"]},{"data":{"c":2},"path":[]}],"hasNext":false})"_ba));
    QVERIFY2(step.isValid(), qPrintable(step.error));
    const QByteArray expected
            = R"({"z":1,"person":{"name":"Luke","b":"now","zz":{"q":4,"p":2,"r":3},"aa":3,"m":1},"a":[{"y":1,"x":9,"w":0}],"c":2})";
    QCOMPARE(merger.dataNode().toCompactJson(), expected);
    QCOMPARE(step.response.member("data").toCompactJson(), expected);
    QCOMPARE(merger.dataNode().member("person").keys(),
             (QList<QByteArray> { "name", "b", "zz", "aa", "m" }));
    // The Qt value is the same data.
    QCOMPARE(merger.data(), QJsonDocument::fromJson(expected).object());
}

// Numbers keep every digit through merging (a QJsonValue would hold a double).
void tst_IncrementalMerger::exactNumbers()
{
    Merger merger;
    merger.merge(QGraphQLJsonNode(
            R"({"data":{"id":12345678901234567890,"f":1.50},"pending":[{"id":"0","path":[]}],"hasNext":true})"_ba));
    const Merger::Step step = merger.merge(QGraphQLJsonNode(
            R"({"incremental":[{"id":"0","data":{"big":12345678901234567890,"e":1E300,"neg":-0}}],"completed":[{"id":"0"}],"hasNext":false})"_ba));
    QVERIFY2(step.isValid(), qPrintable(step.error));
    QCOMPARE(
            step.response.toCompactJson(),
            R"({"data":{"id":12345678901234567890,"f":1.50,"big":12345678901234567890,"e":1E300,"neg":-0},"hasNext":false})"_ba);
    QCOMPARE(merger.dataNode().member("big").toCompactJson(), "12345678901234567890"_ba);

    // The same from bytes, which are validated and kept without white space.
    Merger bytes;
    bytes.merge(
            QByteArrayView("{ \"data\": {\"id\": 12345678901234567890},\n \"hasNext\": true }"));
    const Merger::Step last = bytes.merge(QByteArrayView(
            R"({"incremental": [{"data": {"f": 1.50}, "path": []}], "hasNext": false})"));
    QVERIFY2(last.isValid(), qPrintable(last.error));
    QCOMPARE(last.response.toCompactJson(),
             R"({"data":{"id":12345678901234567890,"f":1.50},"hasNext":false})"_ba);
}

// Streamed items go into the list as the server wrote them, and Step::incremental holds the
// step's raw items.
void tst_IncrementalMerger::streamItemsKeepTheirText()
{
    Merger merger;
    merger.merge(QGraphQLJsonNode(R"({"data":{"list":[{"b":1,"a":"x"}]},"hasNext":true})"_ba));
    const QByteArray items = R"([{"b":2.0,"a":"é
"},{"b":12345678901234567890,"a":[]}])";
    const QByteArray incremental = R"([{"items":)" + items + R"(,"path":["list",1]}])";
    const Merger::Step step = merger.merge(
            QGraphQLJsonNode(R"({"incremental":)" + incremental + R"(,"hasNext":false})"));
    QVERIFY2(step.isValid(), qPrintable(step.error));
    QCOMPARE(step.response.member("data").member("list").toCompactJson(),
             R"([{"b":1,"a":"x"},)" + items.mid(1));
    QCOMPARE(step.incremental.toCompactJson(), incremental);
    QCOMPARE(step.result.incremental(), QJsonDocument::fromJson(incremental).array());
    QCOMPARE(merger.lastIncremental(), QJsonDocument::fromJson(incremental).array());
}

// Step::response: data, errors (this step's), extensions, hasNext, in that order; result is
// read from it.
void tst_IncrementalMerger::responseMembers()
{
    Merger merger;
    Merger::Step step = merger.merge(QGraphQLJsonNode(
            R"({"hasNext":true,"extensions":{"t":1},"errors":[{"message":"a"}],"data":{"a":null}})"_ba));
    QCOMPARE(
            step.response.toCompactJson(),
            R"({"data":{"a":null},"errors":[{"message":"a"}],"extensions":{"t":1},"hasNext":true})"_ba);
    QCOMPARE(step.result.errors().size(), 1);
    QCOMPARE(step.result.extensions(), (QJsonObject { { "t"_L1, 1 } }));
    step = merger.merge(QGraphQLJsonNode(
            R"({"incremental":[{"data":{"b":1},"path":[],"errors":[{"message":"b"}],"extensions":{"u":2}}],"errors":[{"message":"top"}],"hasNext":true})"_ba));
    QVERIFY2(step.isValid(), qPrintable(step.error));
    QCOMPARE(
            step.response.toCompactJson(),
            R"({"data":{"a":null,"b":1},"errors":[{"message":"top"},{"message":"b"}],"extensions":{"u":2},"hasNext":true})"_ba);
    QCOMPARE(merger.allErrors().size(), 3);
    step = merger.merge(QGraphQLJsonNode(R"({"hasNext":false})"_ba));
    QCOMPARE(step.response.toCompactJson(), R"({"data":{"a":null,"b":1},"hasNext":false})"_ba);
    QCOMPARE(step.incremental.toCompactJson(), "[]"_ba);
    QVERIFY(step.result.errors().isEmpty());
    QVERIFY(!step.result.hasNext());
    QCOMPARE(step.result.data(), merger.data());
}

void tst_IncrementalMerger::notAnObject()
{
    Merger merger;
    const Merger::Step step = merger.merge(QGraphQLJsonNode("[1]"_ba));
    QVERIFY(!step.isValid());
    QCOMPARE(merger.stepCount(), 0);
    QVERIFY(merger.merge(QGraphQLJsonNode(YogaDefer1)).isValid());
}

// A name written twice in a patch: the last value counts, as when the patch is a QJsonObject.
void tst_IncrementalMerger::duplicateNamesInAPatch()
{
    Merger merger;
    merger.merge(QGraphQLJsonNode(R"({"data":{"a":{"z":0},"b":1},"hasNext":true})"_ba));
    const Merger::Step step = merger.merge(QGraphQLJsonNode(
            R"({"incremental":[{"data":{"a":{"x":1},"c":2,"a":{"y":2}},"path":[]}],"hasNext":false})"_ba));
    QVERIFY2(step.isValid(), qPrintable(step.error));
    QCOMPARE(merger.dataNode().toCompactJson(), R"({"a":{"z":0,"y":2},"b":1,"c":2})"_ba);
}

// 10000 items streamed one per step, every step's response kept: a step costs O(path + new
// item) (the list is a persistent vector, shared between the responses), and no response
// changes after it was handed out. Copying the list per step would be quadratic.
void tst_IncrementalMerger::streamOnePerStepKeepsEveryResponse()
{
    constexpr int Steps = 10000;
    Merger merger;
    QVERIFY(merger
                    .merge(QGraphQLJsonNode(
                            R"({"data":{"s":{"l":[]},"after":1},"pending":[{"id":"0","path":["s","l"]}],"hasNext":true})"_ba))
                    .isValid());
    QList<QGraphQLJsonNode> responses;
    responses.reserve(Steps);
    QByteArray earlyText;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Steps; ++i) {
        const QByteArray payload = R"({"incremental":[{"id":"0","items":[{"n":)"
                + QByteArray::number(i) + R"(,"t":"x"}]}],"hasNext":true})";
        const Merger::Step step = merger.merge(QGraphQLJsonNode(payload));
        QVERIFY(step.isValid());
        responses.append(step.response);
        if (i == 10)
            earlyText = step.response.toCompactJson();
    }
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(merger.dataNode().member("s").member("l").size(), Steps);
    QCOMPARE(responses.at(10).toCompactJson(), earlyText);
    for (int i = 0; i < Steps; i += 97) {
        const QGraphQLJsonNode list = responses.at(i).member("data").member("s").member("l");
        QCOMPARE(list.size(), i + 1);
        QCOMPARE(list.at(i).toCompactJson(), R"({"n":)" + QByteArray::number(i) + R"(,"t":"x"})");
        QCOMPARE(responses.at(i).member("data").keys(), (QList<QByteArray> { "s", "after" }));
    }
    QVERIFY2(elapsed < 10000, QByteArray::number(elapsed).constData());
    qDebug("10000 stream steps, every response kept: %lld ms", qlonglong(elapsed));
}

QTEST_GUILESS_MAIN(tst_IncrementalMerger)
#include "tst_incrementalmerger.moc"
