import QtQuick
import QtTest
import QGraphQL

// ResultListModel fed by Subscription and Query elements against the test server: every
// member, every policy, @stream steps, and a ListView as the consumer (a field that appears
// later must reach delegates that were created before it).
TestCase {
    id: root
    name: "ResultListModel"
    when: windowShown
    width: 400
    height: 400

    HttpTransport {
        id: api
        url: testServer.url
        heartbeatTimeout: 0
    }

    Component {
        id: subscriptionComponent
        Subscription { transport: api; active: false; query: "subscription { messageAdded { id author text } }" }
    }
    Component { id: queryComponent; Query { transport: api } }
    Component { id: modelComponent; ResultListModel {} }
    Component { id: spyComponent; SignalSpy {} }
    Component {
        id: viewComponent
        ListView {
            width: 400
            height: 400
            delegate: Text {
                required property var model
                height: 10
                // "edited" first appears after the delegate model read roleNames(): Qt 6.4's
                // delegate model does not re-read them, so read it through modelData.
                text: model.author + ": " + model.text + (model.modelData.edited ? " (edited)" : "")
            }
        }
    }

    function spy(target, signalName) {
        return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
    }

    function subscription(variables) {
        return createTemporaryObject(subscriptionComponent, root, { variables: variables || {} })
    }

    function run(sub) {
        const finished = spy(sub, "finished")
        sub.active = true
        finished.wait(10000)
        compare(sub.status, Subscription.Finished)
    }

    function texts(model) {
        const result = []
        for (let i = 0; i < model.count; ++i)
            result.push(model.get(i).text)
        return result.join(",")
    }

    function test_defaults() {
        const m = createTemporaryObject(modelComponent, root)
        compare(m.source, null)
        compare(m.path, "")
        compare(m.policy, ResultListModel.Append)
        compare(m.key, "")
        compare(m.maxCount, 0)
        compare(m.count, 0)
        compare(Object.keys(m.get(0)).length, 0)
        verify(ResultListModel.Append !== ResultListModel.Prepend)
        verify(ResultListModel.Replace !== ResultListModel.Upsert)
    }

    function test_notifySignals() {
        const m = createTemporaryObject(modelComponent, root)
        const sub = subscription()
        const spies = ["sourceChanged", "pathChanged", "policyChanged", "keyChanged", "maxCountChanged"]
            .map(s => spy(m, s))
        m.source = sub
        m.path = "messageAdded"
        m.policy = ResultListModel.Upsert
        m.key = "id"
        m.maxCount = 10
        for (const s of spies)
            compare(s.count, 1, s.signalName)
        compare(m.source, sub)
    }

    function test_appendFromSubscription() {
        const sub = subscription({ count: 5 })
        const m = createTemporaryObject(modelComponent, root, { source: sub, path: "messageAdded" })
        const countChanged = spy(m, "countChanged")
        run(sub)
        compare(m.count, 5)
        compare(countChanged.count, 5)
        compare(texts(m), "t1,t2,t3,t4,t5")
        compare(m.get(0).author, "a1")
        compare(m.get(4).id, "m5")
    }

    function test_prependWithMaxCount() {
        const sub = subscription({ count: 5 })
        const m = createTemporaryObject(modelComponent, root, {
            source: sub, path: "messageAdded", policy: ResultListModel.Prepend, maxCount: 3
        })
        run(sub)
        compare(texts(m), "t5,t4,t3")
    }

    function test_appendWithMaxCount() {
        const sub = subscription({ count: 6 })
        const m = createTemporaryObject(modelComponent, root, { source: sub, path: "messageAdded", maxCount: 2 })
        run(sub)
        compare(texts(m), "t5,t6")
    }

    function test_upsertByKey() {
        // ids m1, m2, m1, m2, m1: two rows, updated in place
        const sub = subscription({ count: 5, ids: 2 })
        const m = createTemporaryObject(modelComponent, root, {
            source: sub, path: "messageAdded", policy: ResultListModel.Upsert, key: "id"
        })
        run(sub)
        compare(m.count, 2)
        compare(m.get(0).id, "m1")
        compare(m.get(0).text, "t5")
        compare(m.get(1).text, "t4")
    }

    function test_replaceFromQuery() {
        const q = createTemporaryObject(queryComponent, root, {
            query: "query($list: [Item]) { echo(list: $list) }",
            variables: { list: [{ id: 1, text: "a" }, { id: 2, text: "b" }, { id: 3, text: "c" }] }
        })
        const m = createTemporaryObject(modelComponent, root, {
            source: q, path: "echo.list", policy: ResultListModel.Replace, key: "id"
        })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(texts(m), "a,b,c")
        const removed = spy(m, "rowsRemoved")
        const inserted = spy(m, "rowsInserted")
        const changed = spy(m, "dataChanged")
        const reset = spy(m, "modelReset")
        q.variables = { list: [{ id: 1, text: "A" }, { id: 3, text: "c" }, { id: 4, text: "d" }] }
        q.run()
        finished.wait(5000)
        compare(texts(m), "A,c,d")
        compare(removed.count, 1)
        compare(inserted.count, 1)
        compare(changed.count, 1)
        compare(reset.count, 0)
        // Without a key, position by position.
        m.key = ""
        q.variables = { list: [{ id: 9, text: "z" }] }
        q.run()
        finished.wait(5000)
        compare(texts(m), "z")
        compare(m.get(0).id, 9)
    }

    function test_streamStepsAddOnlyNewItems() {
        const q = createTemporaryObject(queryComponent, root, { query: "{ feed @stream(initialCount: 1) { id name } }" })
        const m = createTemporaryObject(modelComponent, root, { source: q, path: "feed" })
        const inserted = spy(m, "rowsInserted")
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Ready)
        compare(m.count, 4)
        compare([0, 1, 2, 3].map(i => m.get(i).name).join(""), "abcd")
        compare(inserted.count, 3) // one per step
    }

    function test_getNestedAndClear() {
        const q = createTemporaryObject(queryComponent, root, {
            query: "query($list: [Item]) { echo(list: $list) }",
            variables: { list: [{ id: 1, tags: ["x", "y"], meta: { n: null, deep: { v: 2 } } }] }
        })
        const m = createTemporaryObject(modelComponent, root, { source: q, path: "echo.list" })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(m.count, 1)
        const row = m.get(0)
        compare(row.tags.length, 2)
        compare(row.tags[1], "y")
        compare(row.meta.n, null)
        compare(row.meta.deep.v, 2)
        const countChanged = spy(m, "countChanged")
        m.clear()
        compare(m.count, 0)
        compare(countChanged.count, 1)
        // A missing path changes nothing.
        m.path = "echo.nothing"
        q.run()
        finished.wait(5000)
        compare(m.count, 0)
    }

    function test_listViewRolesAndNewField() {
        // Messages 1-2 have id, author, text; from message 3 on they also have "edited".
        const sub = subscription({ count: 4, extraAt: 3 })
        const m = createTemporaryObject(modelComponent, root, { source: sub, path: "messageAdded" })
        const view = createTemporaryObject(viewComponent, root, { model: m })
        run(sub)
        compare(view.count, 4)
        tryVerify(() => view.itemAtIndex(3) !== null)
        compare(view.itemAtIndex(0).text, "a1: t1")
        compare(view.itemAtIndex(3).text, "a4: t4 (edited)")
        compare(view.itemAtIndex(2).text, "a3: t3 (edited)")
        // The model itself has the new role, after the earlier ones.
        compare(m.get(3).edited, true)
        compare(m.get(0).edited, undefined)
    }

    function test_modelDataRole() {
        const sub = subscription({ count: 2 })
        const m = createTemporaryObject(modelComponent, root, { source: sub, path: "messageAdded" })
        const view = createTemporaryObject(viewComponent, root, { model: m, delegate: modelDataDelegate })
        run(sub)
        tryVerify(() => view.itemAtIndex(1) !== null)
        compare(view.itemAtIndex(1).text, "t2/a2")
    }

    Component {
        id: modelDataDelegate
        Text { required property var modelData; height: 10; text: modelData.text + "/" + modelData.author }
    }
}
