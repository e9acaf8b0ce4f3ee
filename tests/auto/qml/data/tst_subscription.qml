import QtQuick
import QtTest
import QGraphQL

TestCase {
    id: root
    name: "Subscription"

    HttpTransport { id: api; url: testServer.url }

    Component {
        id: subscriptionComponent
        Subscription { transport: api }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    function makeSubscription(properties) {
        const sub = createTemporaryObject(subscriptionComponent, root, properties)
        verify(sub)
        return sub
    }
    function spy(target, signalName) {
        return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
    }

    function test_inactiveByDefault() {
        const before = testServer.requestCount()
        const sub = makeSubscription({ query: "subscription { countdown }" })
        compare(sub.active, false)
        compare(sub.status, Subscription.Idle)
        wait(100)
        compare(testServer.requestCount(), before, "nothing is sent while inactive")
    }

    function test_countdownDeliversEveryPayload() {
        const sub = makeSubscription({ query: "subscription($from: Int) { countdown(from: $from) }",
                                       variables: { from: 3 } })
        const results = spy(sub, "resultReceived")
        const finished = spy(sub, "finished")
        sub.active = true
        compare(sub.status, Subscription.Connecting)
        tryCompare(sub, "status", Subscription.Active)
        finished.wait(5000)
        compare(results.count, 4)
        compare(results.signalArguments[0][0].countdown, 3)
        compare(results.signalArguments[3][0].countdown, 0)
        compare(sub.data.countdown, 0)
        compare(sub.errors.length, 0)
        compare(sub.status, Subscription.Finished)
        compare(sub.errorString, "")
        compare(JSON.parse(testServer.lastBody()).variables.from, 3)
    }

    function test_serverMemberOrderAndNumbers() {
        const sub = makeSubscription({ query: "subscription { ordered }" })
        const results = spy(sub, "resultReceived")
        const finished = spy(sub, "finished")
        sub.active = true
        finished.wait(5000)
        compare(results.count, 1)
        // Built from the server's text: its member order, not QJsonObject's sorted keys.
        compare(Object.keys(sub.data.ordered), ["zeta", "alpha", "mid", "big"])
        compare(sub.data.ordered.big, 12345678901234567890) // a JS number, as JSON.parse gives
        compare(sub.errors.length, 1)
        compare(Object.keys(sub.errors[0]), ["message", "path", "extensions"])
        compare(sub.errors[0].extensions.code, "X")
        // The signal carries the same values.
        const args = results.signalArguments[0]
        compare(Object.keys(args[0].ordered), ["zeta", "alpha", "mid", "big"])
        compare(args[1][0].message, "m")
    }

    function test_dataShapesReachQmlIntact() {
        const sub = makeSubscription({ query: "subscription { shapes }" })
        const results = spy(sub, "resultReceived")
        sub.active = true
        results.wait(5000)
        const shapes = sub.data.shapes
        compare(shapes.i, 7)
        compare(shapes.f, 2.5)
        compare(shapes.nothing, null)
        compare(shapes.ok, true)
        compare(shapes.nested.length, 3)
        compare(shapes.nested[0][1], 2)
        compare(shapes.nested[1].length, 0)
        compare(shapes.nested[2][0].a, "b")
        compare(sub.errors.length, 1)
        compare(sub.errors[0].message, "partial")
        compare(sub.errors[0].path[1], "x")
        compare(results.signalArguments[0][1][0].message, "partial")
        tryCompare(sub, "status", Subscription.Finished)
    }

    function test_transportLevelErrorEndsWithError() {
        const sub = makeSubscription({ query: "subscription { doomed }" })
        const results = spy(sub, "resultReceived")
        const finished = spy(sub, "finished")
        sub.active = true
        finished.wait(5000)
        compare(results.count, 1)
        compare(sub.status, Subscription.Error)
        verify(sub.errorString.indexOf("subscription ended by server") >= 0, sub.errorString)
    }

    function test_cancelByInactiveAndResubscribe() {
        const sub = makeSubscription({ query: "subscription($room: String) { ticks(room: $room) }",
                                       variables: { room: "a" } })
        const results = spy(sub, "resultReceived")
        const finished = spy(sub, "finished")
        const disconnectionsBefore = testServer.disconnections
        sub.active = true
        tryVerify(() => results.count >= 2, 5000)
        sub.active = false
        compare(sub.status, Subscription.Idle)
        compare(finished.count, 1)
        tryCompare(testServer, "disconnections", disconnectionsBefore + 1, 5000)
        const countAtCancel = results.count
        wait(200)
        compare(results.count, countAtCancel, "no result after cancel")

        sub.active = true // resubscribes
        tryVerify(() => results.count > countAtCancel, 5000)
        compare(sub.data.ticks, 1, "a new stream starts from the beginning")
        compare(sub.status, Subscription.Active)
    }

    function test_changingVariablesWhileActiveResubscribes() {
        const sub = makeSubscription({ query: "subscription($room: String) { ticks(room: $room) }",
                                       variables: { room: "a" } })
        const results = spy(sub, "resultReceived")
        const finished = spy(sub, "finished")
        const requestsBefore = testServer.requestCount()
        sub.active = true
        tryVerify(() => results.count >= 1, 5000)
        compare(sub.data.room, "a")
        sub.variables = { room: "b" }
        tryVerify(() => sub.data.room === "b", 5000)
        compare(testServer.requestCount(), requestsBefore + 2)
        compare(finished.count, 0, "a resubscription is not an end")
        compare(sub.active, true)
        sub.query = "subscription($room: String) { ticks(room: $room) ticksAgain: ticks }"
        tryVerify(() => testServer.requestCount() === requestsBefore + 3, 5000)
    }

    function test_activeAtCreationStartsOnCompletion() {
        const sub = makeSubscription({ query: "subscription { countdown(from: 1) }", active: true })
        const finished = spy(sub, "finished")
        finished.wait(5000)
        compare(sub.status, Subscription.Finished)
        compare(sub.data.countdown, 0)
    }

    HttpTransport { id: retryingApi; url: testServer.url; retryAttempts: 2; retryDelay: 20 }

    function test_retryAfterNetworkFailure() {
        const sub = makeSubscription({ query: "subscription { flaky }", transport: retryingApi })
        const reconnecting = spy(sub, "reconnecting")
        const finished = spy(sub, "finished")
        sub.active = true
        finished.wait(5000)
        compare(reconnecting.count, 1)
        compare(reconnecting.signalArguments[0][0], 1)
        verify(reconnecting.signalArguments[0][2].indexOf("503") >= 0)
        compare(sub.status, Subscription.Finished)
        verify(sub.data.flaky > 0)
    }

    function test_missingTransportIsAnError() {
        const sub = makeSubscription({ query: "subscription { countdown }", transport: null })
        sub.active = true
        compare(sub.status, Subscription.Error)
        verify(sub.errorString.indexOf("transport") >= 0)
    }
}
