// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// QGraphQLResultListModel: every policy, key, maxCount, the path forms, roles, get(), clear(),
// @stream steps, and a real subscription and an incremental query as the source. Every model
// is watched by QAbstractItemModelTester (fatal on any inconsistency) and by a recorder of its
// signals, which also checks that no model reset happens where fine-grained signals are due.

#include "testhttpserver.h"

#include <QGraphQL/qgraphqlhttptransport.h>
#include <QGraphQL/qgraphqlreply.h>
#include <QGraphQL/qgraphqlresultlistmodel.h>
#include <QGraphQL/qgraphqlsubscription.h>

#include <QtCore/qjsondocument.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QGraphQLResult result(const char *data, bool hasNext = false, const char *incremental = nullptr)
{
    QGraphQLResult r;
    r.setData(json(data));
    r.setHasNext(hasNext);
    if (incremental)
        r.setIncremental(QJsonDocument::fromJson(QByteArray(incremental)).array());
    return r;
}

// Records what the model emits, as one letter per signal: I(first,last) R(first,last)
// M(from->to) D(first,last) and "reset".
struct Recorder
{
    explicit Recorder(QGraphQLResultListModel *model)
    {
        QObject::connect(
                model, &QAbstractItemModel::rowsInserted, &context,
                [this](const QModelIndex &, int f, int l) { log << u"I%1-%2"_s.arg(f).arg(l); });
        QObject::connect(
                model, &QAbstractItemModel::rowsRemoved, &context,
                [this](const QModelIndex &, int f, int l) { log << u"R%1-%2"_s.arg(f).arg(l); });
        QObject::connect(model, &QAbstractItemModel::rowsMoved, &context,
                         [this](const QModelIndex &, int f, int, const QModelIndex &, int to) {
                             log << u"M%1>%2"_s.arg(f).arg(to);
                         });
        QObject::connect(model, &QAbstractItemModel::dataChanged, &context,
                         [this](const QModelIndex &a, const QModelIndex &b) {
                             log << u"D%1-%2"_s.arg(a.row()).arg(b.row());
                         });
        QObject::connect(model, &QAbstractItemModel::modelReset, &context,
                         [this] { log << u"reset"_s; });
    }
    QStringList take() { return std::exchange(log, {}); }
    QStringList log;
    QObject context; // disconnects on destruction
};

// The values of one field down the rows, joined by commas.
QString column(const QGraphQLResultListModel &model, const QByteArray &field)
{
    const int role = model.roleNames().key(field, -1);
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.data(model.index(row), role).toString();
    return values.join(u',');
}

} // namespace

// A source that is no QGraphQLOperation, as the QML elements.
class Emitter : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void resultArrived(const QGraphQLResult &result);
};

class tst_ResultListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        model = std::make_unique<QGraphQLResultListModel>();
        tester = std::make_unique<QAbstractItemModelTester>(
                model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        recorder = std::make_unique<Recorder>(model.get());
    }
    void cleanup()
    {
        recorder.reset();
        tester.reset();
        model.reset();
    }

    void defaults()
    {
        QCOMPARE(model->source(), nullptr);
        QCOMPARE(model->path(), QString());
        QCOMPARE(model->policy(), QGraphQLResultListModel::Append);
        QCOMPARE(model->key(), QString());
        QCOMPARE(model->maxCount(), 0);
        QCOMPARE(model->count(), 0);
        QCOMPARE(model->roleNames().value(QGraphQLResultListModel::ModelDataRole), "modelData");
        QCOMPARE(model->get(0), QVariantMap());
    }

    void propertiesNotify()
    {
        QSignalSpy source(model.get(), &QGraphQLResultListModel::sourceChanged);
        QSignalSpy path(model.get(), &QGraphQLResultListModel::pathChanged);
        QSignalSpy policy(model.get(), &QGraphQLResultListModel::policyChanged);
        QSignalSpy key(model.get(), &QGraphQLResultListModel::keyChanged);
        QSignalSpy maxCount(model.get(), &QGraphQLResultListModel::maxCountChanged);
        for (int i = 0; i < 2; ++i) {
            model->setPath(u"a.b"_s);
            model->setPolicy(QGraphQLResultListModel::Upsert);
            model->setKey(u"id"_s);
            model->setMaxCount(3);
        }
        QCOMPARE(path.size(), 1);
        QCOMPARE(policy.size(), 1);
        QCOMPARE(key.size(), 1);
        QCOMPARE(maxCount.size(), 1);
        model->setMaxCount(-5);
        QCOMPARE(model->maxCount(), 0);
        QCOMPARE(source.size(), 0);
    }

    void appendOneObjectPerResult()
    {
        QSignalSpy count(model.get(), &QGraphQLResultListModel::countChanged);
        model->setPath(u"messageAdded"_s);
        model->addResult(result(R"({"messageAdded":{"id":"1","text":"a"}})"));
        model->addResult(result(R"({"messageAdded":{"id":"2","text":"b"}})"));
        QCOMPARE(model->count(), 2);
        QCOMPARE(count.size(), 2);
        QCOMPARE(column(*model, "text"), u"a,b"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I0-0"_s, u"I1-1"_s }));
        QCOMPARE(model->get(1).value(u"text"_s), u"b"_s);
    }

    void appendList()
    {
        model->setPath(u"feed"_s);
        model->addResult(result(R"({"feed":[{"n":1},{"n":2}]})"));
        model->addResult(result(R"({"feed":[{"n":3}]})"));
        QCOMPARE(column(*model, "n"), u"1,2,3"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I0-1"_s, u"I2-2"_s }));
    }

    void nestedPathAndMissingPath()
    {
        model->setPath(u"room.messages.latest"_s);
        model->addResult(result(R"({"room":{"messages":{"latest":[{"t":"x"}]}}})"));
        QCOMPARE(column(*model, "t"), u"x"_s);
        // Missing path, null on the way, data null, a scalar at the path: nothing changes.
        model->addResult(result(R"({"room":{"other":1}})"));
        model->addResult(result(R"({"room":null})"));
        model->addResult(result(R"({"room":{"messages":{"latest":5}}})"));
        QGraphQLResult nullData;
        nullData.setData(QJsonValue::Null);
        model->addResult(nullData);
        QCOMPARE(model->count(), 1);
        // An index into a list inside the path.
        model->setPath(u"rooms.1.last"_s);
        model->addResult(result(R"({"rooms":[{"last":{"t":"r0"}},{"last":{"t":"r1"}}]})"));
        QCOMPARE(column(*model, "t"), u"x,r1"_s);
        // An empty path: the data object itself is the row.
        model->setPath({});
        model->addResult(result(R"({"t":"top"})"));
        QCOMPARE(column(*model, "t"), u"x,r1,top"_s);
    }

    void prepend()
    {
        model->setPath(u"m"_s);
        model->setPolicy(QGraphQLResultListModel::Prepend);
        model->addResult(result(R"({"m":{"n":1}})"));
        model->addResult(result(R"({"m":{"n":2}})"));
        model->addResult(result(R"({"m":[{"n":3},{"n":4}]})"));
        QCOMPARE(column(*model, "n"), u"3,4,2,1"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I0-0"_s, u"I0-0"_s, u"I0-1"_s }));
        model->setMaxCount(2); // the oldest are at the end
        QCOMPARE(column(*model, "n"), u"3,4"_s);
        QCOMPARE(recorder->take(), QStringList({ u"R2-3"_s }));
        model->addResult(result(R"({"m":{"n":5}})"));
        QCOMPARE(column(*model, "n"), u"5,3"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I0-0"_s, u"R2-2"_s }));
    }

    void appendMaxCount()
    {
        model->setPath(u"m"_s);
        model->setMaxCount(3);
        for (int n = 1; n <= 5; ++n)
            model->addResult(result(QByteArray(R"({"m":{"n":)" + QByteArray::number(n) + "}}")));
        QCOMPARE(column(*model, "n"), u"3,4,5"_s);
        const QStringList log = recorder->take();
        QCOMPARE(log.mid(3), QStringList({ u"I3-3"_s, u"R0-0"_s, u"I3-3"_s, u"R0-0"_s }));
        // A result with more rows than maxCount: only its last maxCount rows go in.
        model->addResult(result(R"({"m":[{"n":6},{"n":7},{"n":8},{"n":9}]})"));
        QCOMPARE(column(*model, "n"), u"7,8,9"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I3-5"_s, u"R0-2"_s }));
        model->setMaxCount(0);
        model->addResult(result(R"({"m":{"n":10}})"));
        QCOMPARE(model->count(), 4);
    }

    void replaceWithoutKey()
    {
        model->setPath(u"list"_s);
        model->setPolicy(QGraphQLResultListModel::Replace);
        model->addResult(result(R"({"list":[{"v":"a"},{"v":"b"},{"v":"c"}]})"));
        QCOMPARE(recorder->take(), QStringList({ u"I0-2"_s }));
        model->addResult(result(R"({"list":[{"v":"a"},{"v":"B"}]})"));
        QCOMPARE(column(*model, "v"), u"a,B"_s);
        QCOMPARE(recorder->take(), QStringList({ u"D1-1"_s, u"R2-2"_s }));
        model->addResult(result(R"({"list":[{"v":"a"},{"v":"B"},{"v":"d"}]})"));
        QCOMPARE(recorder->take(), QStringList({ u"I2-2"_s }));
        model->addResult(result(R"({"list":[]})"));
        QCOMPARE(model->count(), 0);
        QCOMPARE(recorder->take(), QStringList({ u"R0-2"_s }));
        model->setMaxCount(2);
        model->addResult(result(R"({"list":[{"v":"x"},{"v":"y"},{"v":"z"}]})"));
        QCOMPARE(column(*model, "v"), u"x,y"_s);
    }

    void replaceWithKey()
    {
        model->setPath(u"users"_s);
        model->setPolicy(QGraphQLResultListModel::Replace);
        model->setKey(u"id"_s);
        model->addResult(result(
                R"({"users":[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3,"name":"c"}]})"));
        QCOMPARE(recorder->take(), QStringList({ u"I0-2"_s }));
        // 2 goes, 1 changes, 4 comes, 3 stays unchanged.
        model->addResult(result(
                R"({"users":[{"id":1,"name":"A"},{"id":3,"name":"c"},{"id":4,"name":"d"}]})"));
        QCOMPARE(column(*model, "name"), u"A,c,d"_s);
        QCOMPARE(recorder->take(), QStringList({ u"R1-1"_s, u"D0-0"_s, u"I2-2"_s }));
        // Reordered: a move, no removal and insertion.
        model->addResult(result(
                R"({"users":[{"id":4,"name":"d"},{"id":1,"name":"A"},{"id":3,"name":"c"}]})"));
        QCOMPARE(column(*model, "name"), u"d,A,c"_s);
        QCOMPARE(recorder->take(), QStringList({ u"M2>0"_s }));
        // The same list again: no signal at all.
        model->addResult(result(
                R"({"users":[{"id":4,"name":"d"},{"id":1,"name":"A"},{"id":3,"name":"c"}]})"));
        QCOMPARE(recorder->take(), QStringList());
    }

    void upsert()
    {
        model->setPath(u"userChanged"_s);
        model->setPolicy(QGraphQLResultListModel::Upsert);
        model->setKey(u"id"_s);
        model->addResult(result(R"({"userChanged":{"id":"u1","name":"a"}})"));
        model->addResult(result(R"({"userChanged":{"id":"u2","name":"b"}})"));
        model->addResult(result(R"({"userChanged":{"id":"u1","name":"A"}})"));
        QCOMPARE(column(*model, "name"), u"A,b"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I0-0"_s, u"I1-1"_s, u"D0-0"_s }));
        // Unchanged row: no signal. A list: updates and appends at once; a key twice in one
        // result: the last wins. Rows without the key are appended.
        model->addResult(result(R"({"userChanged":{"id":"u1","name":"A"}})"));
        QCOMPARE(recorder->take(), QStringList());
        model->addResult(result(
                R"({"userChanged":[{"id":"u2","name":"B"},{"id":"u3","name":"c"},{"id":"u3","name":"C"},{"name":"nokey"}]})"));
        QCOMPARE(column(*model, "name"), u"A,B,C,nokey"_s);
        QCOMPARE(recorder->take(), QStringList({ u"D1-1"_s, u"I2-3"_s }));
        // Numeric and string ids are the same key.
        model->addResult(result(R"({"userChanged":{"id":5,"name":"n"}})"));
        model->addResult(result(R"({"userChanged":{"id":"5","name":"N"}})"));
        QCOMPARE(column(*model, "name"), u"A,B,C,nokey,N"_s);
    }

    void upsertMaxCountKeepsIndex()
    {
        model->setPath(u"u"_s);
        model->setPolicy(QGraphQLResultListModel::Upsert);
        model->setKey(u"id"_s);
        model->setMaxCount(3);
        for (int n = 1; n <= 6; ++n)
            model->addResult(
                    result(QByteArray(R"({"u":{"id":)" + QByteArray::number(n) + R"(,"v":0}})")));
        QCOMPARE(column(*model, "id"), u"4,5,6"_s);
        model->addResult(result(R"({"u":{"id":5,"v":1}})"));
        model->addResult(result(R"({"u":{"id":2,"v":1}})")); // dropped earlier: a new row
        QCOMPARE(column(*model, "id"), u"5,6,2"_s);
        QCOMPARE(column(*model, "v"), u"1,0,1"_s);
        model->setPolicy(QGraphQLResultListModel::Prepend); // the index is rebuilt later
        model->addResult(result(R"({"u":{"id":9,"v":0}})"));
        model->setPolicy(QGraphQLResultListModel::Upsert);
        model->addResult(result(R"({"u":{"id":6,"v":7}})"));
        QCOMPARE(column(*model, "id"), u"9,5,6"_s);
        QCOMPARE(column(*model, "v"), u"0,1,7"_s);
    }

    void nestedKey()
    {
        model->setPath(u"e"_s);
        model->setPolicy(QGraphQLResultListModel::Upsert);
        model->setKey(u"node.id"_s);
        model->addResult(result(R"({"e":[{"node":{"id":1},"x":1},{"node":{"id":2},"x":2}]})"));
        model->addResult(result(R"({"e":{"node":{"id":1},"x":3}})"));
        QCOMPARE(column(*model, "x"), u"3,2"_s);
    }

    void roles()
    {
        model->setPath(u"m"_s);
        model->addResult(result(
                R"({"m":{"author":"ann","text":"hi","meta":{"tags":["a","b"]},"none":null}})"));
        const QHash<int, QByteArray> names = model->roleNames();
        const int base = QGraphQLResultListModel::ModelDataRole;
        QCOMPARE(names.size(), 5);
        QCOMPARE(names.value(base), "modelData");
        // First-seen order (QJsonObject keeps keys sorted): author, meta, none, text.
        QCOMPARE(names.value(base + 1), "author");
        QCOMPARE(names.value(base + 2), "meta");
        QCOMPARE(names.value(base + 3), "none");
        QCOMPARE(names.value(base + 4), "text");
        const QModelIndex index = model->index(0);
        QCOMPARE(index.data(base + 1).toString(), u"ann"_s);
        const QVariantMap meta = index.data(base + 2).toMap();
        QCOMPARE(meta.value(u"tags"_s).toList().size(), 2);
        QVERIFY(index.data(base + 3).isNull()); // JSON null stays null
        QCOMPARE(index.data(base).toMap().value(u"text"_s), u"hi"_s);
        QVERIFY(!index.data(base + 99).isValid());
        QVERIFY(!index.data(Qt::DisplayRole).isValid());
        // A row without a field gives an invalid value for its role.
        model->addResult(result(R"({"m":{"author":"bob"}})"));
        QVERIFY(!model->index(1).data(base + 4).isValid());
        recorder->take();

        // A new field: roles keep their numbers, the new one is added; reported as one reset
        // (views re-read roleNames()), after which data() has it.
        model->addResult(result(R"({"m":{"author":"cy","edited":true}})"));
        QCOMPARE(recorder->take(), QStringList({ u"reset"_s }));
        const QHash<int, QByteArray> grown = model->roleNames();
        QCOMPARE(grown.size(), 6);
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            QCOMPARE(grown.value(it.key()), it.value());
        QCOMPARE(grown.value(base + 5), "edited");
        QCOMPARE(model->index(2).data(base + 5), QVariant(true));
        QVERIFY(!model->index(0).data(base + 5).isValid());
        // The next event with known fields is fine-grained again.
        model->addResult(result(R"({"m":{"author":"di","edited":false}})"));
        QCOMPARE(recorder->take(), QStringList({ u"I3-3"_s }));
    }

    void scalarRows()
    {
        model->setPath(u"tags"_s);
        model->addResult(result(R"({"tags":["x","y"]})"));
        QCOMPARE(model->count(), 2);
        QCOMPARE(model->index(1).data(QGraphQLResultListModel::ModelDataRole), QVariant(u"y"_s));
        QCOMPARE(model->get(0), QVariantMap({ { u"modelData"_s, u"x"_s } }));
    }

    void getAndClear()
    {
        model->setPath(u"m"_s);
        model->addResult(result(R"({"m":[{"a":1,"o":{"p":[1,{"q":null}]}},{"a":2}]})"));
        const QVariantMap row = model->get(0);
        QCOMPARE(row.value(u"a"_s).toInt(), 1);
        QCOMPARE(row.value(u"o"_s).toMap().value(u"p"_s).toList().at(1).toMap().value(u"q"_s),
                 QVariant::fromValue(nullptr));
        QCOMPARE(model->get(2), QVariantMap());
        QCOMPARE(model->get(-1), QVariantMap());
        recorder->take();
        QSignalSpy count(model.get(), &QGraphQLResultListModel::countChanged);
        model->clear();
        QCOMPARE(model->count(), 0);
        QCOMPARE(count.size(), 1);
        QCOMPARE(model->roleNames().size(), 1);
        QCOMPARE(recorder->take(), QStringList({ u"reset"_s }));
        model->clear();
        QCOMPARE(count.size(), 1);
        model->addResult(result(R"({"m":{"b":1}})"));
        QCOMPARE(model->count(), 1);
    }

    // @stream: each step's data() holds everything merged so far; only new items become rows.
    void streamStepsAppend()
    {
        model->setPath(u"feed"_s);
        model->addResult(result(R"({"feed":[{"n":1}]})", true));
        model->addResult(result(R"({"feed":[{"n":1},{"n":2},{"n":3}]})", true,
                                R"([{"items":[{"n":2},{"n":3}],"path":["feed",1]}])"));
        model->addResult(result(R"({"feed":[{"n":1},{"n":2},{"n":3}],"late":1})", true,
                                R"([{"data":{"late":1},"path":[]}])"));
        model->addResult(result(R"({"feed":[{"n":1},{"n":2},{"n":3},{"n":4}],"late":1})", false,
                                R"([{"items":[{"n":4}],"path":["feed",3]}])"));
        QCOMPARE(column(*model, "n"), u"1,2,3,4"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I0-0"_s, u"I1-2"_s, u"I3-3"_s }));
        // A new response (the previous one ended: hasNext false) appends all of its items.
        model->addResult(result(R"({"feed":[{"n":1}]})"));
        QCOMPARE(column(*model, "n"), u"1,2,3,4,1"_s);
    }

    void streamStepsWithoutMergedData()
    {
        // A step whose data() lacks the list: the step's own @stream items are taken.
        model->setPath(u"a.feed"_s);
        model->addResult(result(R"({"a":{"feed":[{"n":1}]}})", true));
        QGraphQLResult step;
        step.setHasNext(false);
        step.setIncremental(QJsonDocument::fromJson(
                                    R"([{"items":[{"n":2}],"path":["a","feed",1]},
                                        {"items":[{"n":9}],"path":["other",0]}])")
                                    .array());
        model->addResult(step);
        QCOMPARE(column(*model, "n"), u"1,2"_s);
    }

    void streamStepsPrependUpsertReplace()
    {
        model->setPath(u"f"_s);
        model->setPolicy(QGraphQLResultListModel::Prepend);
        model->addResult(result(R"({"f":[{"n":1}]})", true));
        model->addResult(result(R"({"f":[{"n":1},{"n":2}]})", false));
        QCOMPARE(column(*model, "n"), u"2,1"_s);
        model->clear();
        recorder->take();

        model->setPolicy(QGraphQLResultListModel::Replace);
        model->addResult(result(R"({"f":[{"n":1}]})", true));
        model->addResult(result(R"({"f":[{"n":1},{"n":2}]})", false));
        QCOMPARE(column(*model, "n"), u"1,2"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I0-0"_s, u"I1-1"_s }));

        model->clear();
        recorder->take();
        model->setPolicy(QGraphQLResultListModel::Upsert);
        model->setKey(u"id"_s);
        model->addResult(result(R"({"f":[{"id":1}]})", true));
        // @defer data merged into a row taken earlier updates it in place.
        model->addResult(result(R"({"f":[{"id":1,"more":"x"},{"id":2}]})", false));
        QCOMPARE(column(*model, "id"), u"1,2"_s);
        QCOMPARE(column(*model, "more"), u"x,"_s);
    }

    void sourceOperationSubscription()
    {
        TestHttpServer server([](const TestHttpRequest &) {
            auto part = [](const QByteArray &json) {
                return "\r\ncontent-type: application/json\r\n\r\n" + json + "\r\n--graphql";
            };
            TestHttpScript script;
            script.head(200, R"(multipart/mixed;boundary="graphql";subscriptionSpec="1.0")")
                    .chunk("\r\n--graphql");
            for (int n = 1; n <= 5; ++n)
                script.wait(10).chunk(part(R"({"payload":{"data":{"messageAdded":{"id":")"
                                           + QByteArray::number(n) + R"(","text":"m)"
                                           + QByteArray::number(n) + R"("}}}})"));
            return script.chunk("--\r\n").endChunks().close();
        });
        QGraphQLHttpTransport transport;
        transport.setUrl(server.url());
        std::unique_ptr<QGraphQLSubscription> subscription(transport.subscribe(
                QGraphQLRequest(u"subscription { messageAdded { id text } }"_s)));
        QSignalSpy sourceChanged(model.get(), &QGraphQLResultListModel::sourceChanged);
        model->setSource(subscription.get());
        QCOMPARE(model->source(), subscription.get());
        QCOMPARE(sourceChanged.size(), 1);
        model->setPath(u"messageAdded"_s);
        model->setMaxCount(3);
        QSignalSpy finished(subscription.get(), &QGraphQLOperation::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(subscription->state(), QGraphQLOperation::Finished);
        QCOMPARE(column(*model, "text"), u"m3,m4,m5"_s);
        subscription.reset();
        QCOMPARE(model->source(), nullptr);
        QCOMPARE(sourceChanged.size(), 2);
    }

    void sourceOperationStreamQuery()
    {
        TestHttpServer server([](const TestHttpRequest &) {
            return TestHttpScript()
                    .head(200, R"(multipart/mixed; boundary="-")")
                    .chunk("\r\n---\r\nContent-Type: application/json\r\n\r\n"
                           R"({"data":{"feed":[{"id":1}]},"pending":[{"id":"0","path":["feed"]}],"hasNext":true})"
                           "\r\n---")
                    .wait(20)
                    .chunk("\r\nContent-Type: application/json\r\n\r\n"
                           R"({"incremental":[{"id":"0","items":[{"id":2},{"id":3}]}],"hasNext":true})"
                           "\r\n---")
                    .wait(20)
                    .chunk("\r\nContent-Type: application/json\r\n\r\n"
                           R"({"incremental":[{"id":"0","items":[{"id":4}]}],"completed":[{"id":"0"}],"hasNext":false})"
                           "\r\n-----\r\n")
                    .endChunks()
                    .close();
        });
        QGraphQLHttpTransport transport;
        transport.setUrl(server.url());
        std::unique_ptr<QGraphQLReply> reply(
                transport.execute(QGraphQLRequest(u"{ feed @stream(initialCount: 1) { id } }"_s)));
        model->setSource(reply.get());
        model->setPath(u"feed"_s);
        QSignalSpy finished(reply.get(), &QGraphQLOperation::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->resultCount(), 3);
        QCOMPARE(column(*model, "id"), u"1,2,3,4"_s);
        QCOMPARE(recorder->take(), QStringList({ u"I0-0"_s, u"I1-2"_s, u"I3-3"_s }));
    }

    void sourceWithSignalByName()
    {
        // Any object with resultArrived(QGraphQLResult) (the QML elements have it).
        Emitter emitter;
        model->setSource(&emitter);
        model->setPath(u"x"_s);
        Q_EMIT emitter.resultArrived(result(R"({"x":{"a":1}})"));
        QCOMPARE(model->count(), 1);
        model->setSource(nullptr);
        Q_EMIT emitter.resultArrived(result(R"({"x":{"a":2}})"));
        QCOMPARE(model->count(), 1);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no signal resultArrived"_s));
        model->setSource(this);
    }

    void manyEvents()
    {
        // 10^5 events through a maxCount of 1000: the deque keeps this linear.
        model->setPath(u"m"_s);
        model->setMaxCount(1000);
        recorder.reset();
        tester.reset();
        for (int n = 0; n < 100000; ++n) {
            QGraphQLResult r;
            r.setData(QJsonObject { { u"m"_s, QJsonObject { { u"n"_s, n } } } });
            model->addResult(r);
        }
        QCOMPARE(model->count(), 1000);
        QCOMPARE(model->get(0).value(u"n"_s).toInt(), 99000);
        QCOMPARE(model->get(999).value(u"n"_s).toInt(), 99999);
    }

private:
    std::unique_ptr<QGraphQLResultListModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<Recorder> recorder;
};

QTEST_GUILESS_MAIN(tst_ResultListModel)
#include "tst_resultlistmodel.moc"
