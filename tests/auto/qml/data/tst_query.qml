import QtQuick
import QtTest
import QGraphQL

TestCase {
    id: root
    name: "QueryAndMutation"

    HttpTransport {
        id: api
        url: testServer.url
        headers: ({ Authorization: "Bearer qml" })
        cookies: ({ session: "s1", theme: "dark" })
        heartbeatTimeout: 0
    }

    Component { id: queryComponent; Query { transport: api } }
    Component { id: mutationComponent; Mutation { transport: api } }
    Component { id: spyComponent; SignalSpy {} }

    function spy(target, signalName) {
        return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
    }

    function test_runQuery() {
        const q = createTemporaryObject(queryComponent, root, { query: "{ whoami }" })
        const finished = spy(q, "finished")
        compare(q.status, Query.Idle)
        q.run()
        compare(q.status, Query.Loading)
        finished.wait(5000)
        compare(q.status, Query.Ready)
        compare(q.data.whoami.authorization, "Bearer qml")
        const cookie = q.data.whoami.cookie
        verify(cookie.indexOf("session=s1") >= 0 && cookie.indexOf("theme=dark") >= 0, cookie)
        compare(q.errors.length, 0)
    }

    function test_graphqlErrorsAreReadyWithErrors() {
        const q = createTemporaryObject(queryComponent, root, { query: "{ unknownField }" })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Ready)
        compare(q.errors.length, 1)
        compare(q.errors[0].message, "Cannot query this field")
        compare(q.data, undefined)
    }

    function test_httpErrorIsError() {
        const q = createTemporaryObject(queryComponent, root, { query: "{ broken }" })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Error)
        verify(q.errorString.indexOf("500") >= 0, q.errorString)
        verify(q.errorString.indexOf("database on fire") >= 0, q.errorString)
    }

    function test_autoRunFollowsChanges() {
        const q = createTemporaryObject(queryComponent, root, {
            query: "query($v: Int) { echo(v: $v) }", variables: { v: 1 }, autoRun: true, operationName: ""
        })
        tryCompare(q, "status", Query.Ready, 5000)
        compare(q.data.echo.v, 1)
        q.variables = { v: 2, list: [1, [2, 3]], none: null }
        tryVerify(() => q.data.echo.v === 2, 5000)
        compare(q.data.echo.list[1][1], 3)
        compare(q.data.echo.none, null)
    }

    function test_mutationRunWithVariables() {
        const m = createTemporaryObject(mutationComponent, root, { query: "mutation($text: String) { echo(text: $text) }" })
        const finished = spy(m, "finished")
        m.run({ text: "hello" })
        finished.wait(5000)
        compare(m.status, Mutation.Ready)
        compare(m.data.echo.text, "hello")
        compare(m.variables.text, "hello")
        m.run()
        compare(m.status, Mutation.Loading)
        finished.wait(5000)
        compare(m.data.echo.text, "hello")
    }

    function test_deferUpdatesDataPerStep() {
        const q = createTemporaryObject(queryComponent, root, { query: "{ hello ... @defer { slow } }" })
        const finished = spy(q, "finished")
        q.run()
        tryVerify(() => q.data !== undefined && q.data.hello === "world", 5000)
        compare(q.status, Query.Loading, "the first step arrives while the rest is pending")
        compare(q.data.slow, undefined)
        finished.wait(5000)
        compare(q.status, Query.Ready)
        compare(q.data.hello, "world")
        compare(q.data.slow, "late")
    }

    function test_deferMergesInTheServersOrder() {
        const q = createTemporaryObject(queryComponent, root,
                                        { query: "{ zeta deferredOrder { y ... @defer { b a } } ... @defer { alpha } }" })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Ready)
        compare(Object.keys(q.data), ["zeta", "deferredOrder", "alpha"])
        compare(Object.keys(q.data.deferredOrder), ["y", "b", "a"])
    }

    function test_operationNameIsSent() {
        const q = createTemporaryObject(queryComponent, root, {
            query: "query A { echo } query B { echo }", operationName: "B"
        })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(JSON.parse(testServer.lastBody()).operationName, "B")
    }

    function test_missingTransportIsAnError() {
        const q = createTemporaryObject(queryComponent, root, { query: "{ whoami }", transport: null })
        const finished = spy(q, "finished")
        q.run()
        compare(finished.count, 1)
        compare(q.status, Query.Error)
        compare(q.errorString, "No transport: set the transport property to an HttpTransport")
    }
}
