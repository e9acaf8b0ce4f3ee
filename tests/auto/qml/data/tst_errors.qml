import QtQuick
import QtTest
import QGraphQL

// errorKind and httpStatusCode (with the TransportError enum), cancel() of Query and
// Mutation, Subscription.restart(), and overlapping Mutation runs.
TestCase {
    id: root
    name: "ErrorsAndControl"

    HttpTransport { id: api; url: testServer.url }
    HttpTransport { id: nowhere; url: testServer.closedPortUrl() }
    HttpTransport { id: impatient; url: testServer.url; timeout: 200 }

    Component { id: queryComponent; Query { transport: api } }
    Component { id: mutationComponent; Mutation { transport: api } }
    Component { id: subscriptionComponent; Subscription { transport: api } }
    Component { id: spyComponent; SignalSpy {} }

    function spy(target, signalName) {
        return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
    }
    function makeQuery(properties) { return createTemporaryObject(queryComponent, root, properties) }
    function makeMutation(properties) { return createTemporaryObject(mutationComponent, root, properties) }
    function makeSubscription(properties) { return createTemporaryObject(subscriptionComponent, root, properties) }

    readonly property string sleepyQuery: "query($delay: Int, $status: Int, $tag: String) { sleepy(delay: $delay, status: $status, tag: $tag) }"
    readonly property string sleepyMutation: "mutation($delay: Int, $status: Int, $tag: String) { sleepy(delay: $delay, status: $status, tag: $tag) }"

    function test_enumMatchesCpp() {
        const kinds = testServer.transportErrorKinds()
        const names = Object.keys(kinds)
        compare(names.length, 7)
        for (const name of names)
            compare(TransportError[name], kinds[name], name)
        compare(TransportError.NoError, 0)
        compare(TransportError.NetworkError, 1)
        compare(TransportError.HttpStatusError, 2)
        compare(TransportError.ProtocolError, 3)
        compare(TransportError.ServerError, 4)
        compare(TransportError.Timeout, 5)
        compare(TransportError.Cancelled, 6)
    }

    function test_transportErrorIsNotCreatable() {
        let created = null
        try {
            created = Qt.createQmlObject("import QGraphQL; TransportError {}", root)
        } catch (e) {
            verify(String(e).indexOf("not creatable") >= 0, String(e))
        }
        compare(created, null)
    }

    function test_initialValues() {
        for (const element of [makeQuery({}), makeMutation({}), makeSubscription({})]) {
            compare(element.errorKind, TransportError.NoError)
            compare(typeof element.errorKind, "number")
            compare(element.httpStatusCode, 0)
        }
    }

    function test_successLeavesNoError() {
        const q = makeQuery({ query: "{ whoami }" })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Ready)
        compare(q.errorKind, TransportError.NoError)
        compare(q.httpStatusCode, 0)
    }

    function test_http401_data() {
        return [
            { tag: "query", component: queryComponent, run: q => q.run(), error: Query.Error },
            { tag: "mutation", component: mutationComponent, run: m => m.run(), error: Mutation.Error },
        ]
    }

    function test_http401(data) {
        const q = createTemporaryObject(data.component, root, { query: "{ forbidden }" })
        const finished = spy(q, "finished")
        const kindChanged = spy(q, "errorKindChanged")
        const statusCodeChanged = spy(q, "httpStatusCodeChanged")
        data.run(q)
        finished.wait(5000)
        compare(q.status, data.error)
        compare(q.errorKind, TransportError.HttpStatusError)
        compare(q.httpStatusCode, 401)
        compare(kindChanged.count, 1)
        compare(statusCodeChanged.count, 1)
        verify(q.errorString.indexOf("401") >= 0, q.errorString)
        verify(q.errorString.indexOf("log in first") >= 0, q.errorString)

        // A new run resets them at once.
        q.query = "{ whoami }"
        data.run(q)
        compare(q.errorKind, TransportError.NoError)
        compare(q.httpStatusCode, 0)
        compare(q.errorString, "")
        compare(kindChanged.count, 2)
        compare(statusCodeChanged.count, 2)
        finished.wait(5000)
        compare(q.errorKind, TransportError.NoError)
        compare(q.httpStatusCode, 0)
    }

    function test_subscriptionHttp401() {
        const sub = makeSubscription({ query: "subscription { forbidden }" })
        const finished = spy(sub, "finished")
        sub.active = true
        finished.wait(5000)
        compare(sub.status, Subscription.Error)
        compare(sub.errorKind, TransportError.HttpStatusError)
        compare(sub.httpStatusCode, 401)
    }

    function test_networkFailure() {
        const q = makeQuery({ transport: nowhere, query: "{ whoami }" })
        const qFinished = spy(q, "finished")
        q.run()
        qFinished.wait(5000)
        compare(q.status, Query.Error)
        compare(q.errorKind, TransportError.NetworkError)
        compare(q.httpStatusCode, 0)

        const m = makeMutation({ transport: nowhere, query: "mutation { whoami }" })
        const mFinished = spy(m, "finished")
        m.run()
        mFinished.wait(5000)
        compare(m.status, Mutation.Error)
        compare(m.errorKind, TransportError.NetworkError)
        compare(m.httpStatusCode, 0)

        const sub = makeSubscription({ transport: nowhere, query: "subscription { countdown }" })
        const subFinished = spy(sub, "finished")
        sub.active = true
        subFinished.wait(5000)
        compare(sub.status, Subscription.Error)
        compare(sub.errorKind, TransportError.NetworkError)
        compare(sub.httpStatusCode, 0)
    }

    function test_timeout() {
        const q = makeQuery({ transport: impatient, query: root.sleepyQuery, variables: { delay: 3000 } })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Error)
        compare(q.errorKind, TransportError.Timeout)
        compare(q.httpStatusCode, 0)
    }

    function test_serverErrorInStream() {
        const sub = makeSubscription({ query: "subscription { doomed }" })
        const finished = spy(sub, "finished")
        sub.active = true
        compare(sub.errorKind, TransportError.NoError, "while running")
        finished.wait(5000)
        compare(sub.status, Subscription.Error)
        compare(sub.errorKind, TransportError.ServerError)
        compare(sub.httpStatusCode, 200, "the status of the response that carried the errors")
        verify(sub.errorString.indexOf("subscription ended by server") >= 0, sub.errorString)

        // Resubscribing resets them.
        sub.active = false
        sub.query = "subscription { countdown(from: 1) }"
        sub.active = true
        compare(sub.errorKind, TransportError.NoError)
        compare(sub.httpStatusCode, 0)
        compare(sub.errorString, "")
        finished.wait(5000)
        compare(sub.status, Subscription.Finished)
        compare(sub.errorKind, TransportError.NoError)
    }

    function test_queryCancel() {
        const q = makeQuery({ query: root.sleepyQuery, variables: { delay: 3000 } })
        const finished = spy(q, "finished")
        q.cancel() // idle: nothing to cancel
        compare(finished.count, 0)
        compare(q.status, Query.Idle)

        const disconnectionsBefore = testServer.disconnections
        const requestsBefore = testServer.requestCount()
        q.run()
        compare(q.status, Query.Loading)
        tryVerify(() => testServer.requestCount() === requestsBefore + 1, 5000)
        q.cancel()
        compare(finished.count, 1)
        compare(q.status, Query.Error)
        compare(q.errorKind, TransportError.Cancelled)
        compare(q.httpStatusCode, 0)
        verify(q.errorString !== "")
        tryCompare(testServer, "disconnections", disconnectionsBefore + 1, 5000)
        q.cancel() // finished: nothing to cancel
        compare(finished.count, 1)

        q.variables = { delay: 0, tag: "again" }
        q.run()
        compare(q.errorKind, TransportError.NoError)
        tryCompare(finished, "count", 2, 5000)
        compare(q.status, Query.Ready)
        compare(q.data.sleepy.tag, "again")
    }

    function test_queryRunReplacesTheRunningRun() {
        const q = makeQuery({ query: root.sleepyQuery, variables: { delay: 2000, tag: "old" } })
        const finished = spy(q, "finished")
        q.run()
        q.variables = { delay: 0, tag: "new" }
        q.run()
        finished.wait(5000)
        compare(q.data.sleepy.tag, "new")
        wait(100)
        compare(finished.count, 1, "the replaced run ends silently")
    }

    function test_mutationCancelEndsEveryRun() {
        const m = makeMutation({ query: root.sleepyMutation })
        const finished = spy(m, "finished")
        const disconnectionsBefore = testServer.disconnections
        const requestsBefore = testServer.requestCount()
        m.run({ delay: 3000, tag: "a" })
        m.run({ delay: 3000, tag: "b" })
        tryVerify(() => testServer.requestCount() === requestsBefore + 2, 5000, "both reach the server")
        compare(m.status, Mutation.Loading)
        m.cancel()
        compare(finished.count, 2, "one finished() per run")
        compare(m.status, Mutation.Error)
        compare(m.errorKind, TransportError.Cancelled)
        tryCompare(testServer, "disconnections", disconnectionsBefore + 2, 5000)
    }

    function test_overlappingMutationRuns() {
        const m = makeMutation({ query: root.sleepyMutation })
        const finished = spy(m, "finished")
        const requestsBefore = testServer.requestCount()
        const seen = []
        m.finished.connect(() => seen.push({ status: m.status, tag: m.data.sleepy.tag,
                                            kind: m.errorKind }))
        m.run({ delay: 1000, tag: "slow" })
        m.run({ delay: 0, tag: "fast" })
        compare(m.variables.tag, "fast", "run(variables) sets variables")
        compare(m.status, Mutation.Loading)
        tryCompare(finished, "count", 2, 5000)
        compare(seen[0].tag, "fast")
        compare(seen[0].status, Mutation.Loading, "the slow run is still in flight")
        compare(seen[1].tag, "slow")
        compare(seen[1].status, Mutation.Ready)
        compare(m.data.sleepy.tag, "slow", "data shows the run that finished last")

        const bodies = testServer.bodiesSince(requestsBefore).map(body => JSON.parse(body).variables.tag)
        compare(bodies.length, 2)
        verify(bodies.indexOf("slow") >= 0 && bodies.indexOf("fast") >= 0, bodies)
    }

    function test_overlappingMutationRunsFailureThenSuccess() {
        const m = makeMutation({ query: root.sleepyMutation })
        const finished = spy(m, "finished")
        const seen = []
        m.finished.connect(() => seen.push({ status: m.status, kind: m.errorKind,
                                            code: m.httpStatusCode }))
        m.run({ delay: 1000, tag: "ok" })
        m.run({ delay: 0, status: 401 })
        tryCompare(finished, "count", 2, 5000)
        compare(seen[0].kind, TransportError.HttpStatusError, "inside finished(): the run that ended")
        compare(seen[0].code, 401)
        compare(seen[0].status, Mutation.Loading)
        compare(seen[1].kind, TransportError.NoError)
        compare(seen[1].code, 0)
        compare(seen[1].status, Mutation.Ready)
        compare(m.data.sleepy.tag, "ok")
    }

    function test_subscriptionRestart() {
        const sub = makeSubscription({ query: "subscription($room: String) { ticks(room: $room) }",
                                       variables: { room: "r" } })
        const results = spy(sub, "resultReceived")
        const finished = spy(sub, "finished")
        const active = spy(sub, "activeChanged")
        const requestsBefore = testServer.requestCount()

        sub.restart() // inactive: nothing happens
        wait(100)
        compare(testServer.requestCount(), requestsBefore)
        compare(sub.status, Subscription.Idle)

        sub.active = true
        tryVerify(() => results.count >= 3, 5000)
        const disconnectionsBefore = testServer.disconnections
        sub.restart()
        compare(sub.status, Subscription.Connecting)
        compare(sub.active, true)
        compare(active.count, 1, "active is not toggled")
        tryCompare(testServer, "disconnections", disconnectionsBefore + 1, 5000)
        tryVerify(() => sub.data.ticks === 1, 5000, "a new stream starts from the beginning")
        compare(sub.status, Subscription.Active)
        compare(testServer.requestCount(), requestsBefore + 2)
        compare(finished.count, 0, "a restart is not an end")
    }

    function test_subscriptionRestartAfterTheStreamEnded() {
        const sub = makeSubscription({ query: "subscription { countdown(from: 1) }", active: true })
        const finished = spy(sub, "finished")
        finished.wait(5000)
        compare(sub.status, Subscription.Finished)
        sub.restart()
        compare(sub.status, Subscription.Connecting)
        finished.wait(5000)
        compare(finished.count, 2)
        compare(sub.status, Subscription.Finished)
        compare(sub.data.countdown, 0)
    }
}
