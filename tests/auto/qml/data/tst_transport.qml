import QtQuick
import QtTest
import QGraphQL

// HttpTransport's settings and signals, its enums (declared by the C++ base class
// QGraphQLHttpTransport), and the transport property typed as the interface (Transport).
TestCase {
    id: root
    name: "Transport"

    // The QML type of the transport property: any transport, here an HttpTransport.
    property Transport baseTyped: api

    HttpTransport { id: api; url: testServer.url }

    Component { id: transportComponent; HttpTransport {} }
    Component { id: queryComponent; Query {} }
    Component { id: subscriptionComponent; Subscription {} }
    Component { id: spyComponent; SignalSpy {} }

    function spy(target, signalName) {
        return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
    }

    function test_enumValuesResolve() {
        compare(HttpTransport.Multipart, 0)
        compare(HttpTransport.ServerSentEvents, 1)
        compare(HttpTransport.Auto, 2)
        const t = createTemporaryObject(transportComponent, root)
        compare(t.subscriptionProtocol, HttpTransport.Multipart)
        t.subscriptionProtocol = HttpTransport.ServerSentEvents
        compare(t.subscriptionProtocol, HttpTransport.ServerSentEvents)
        t.subscriptionProtocol = HttpTransport.Auto
        compare(t.subscriptionProtocol, HttpTransport.Auto)
    }

    function test_enumValueInBinding() {
        const t = Qt.createQmlObject(
                    "import QGraphQL; HttpTransport { subscriptionProtocol: HttpTransport.ServerSentEvents }",
                    root)
        compare(t.subscriptionProtocol, HttpTransport.ServerSentEvents)
        t.destroy()
    }

    function test_defaults() {
        const t = createTemporaryObject(transportComponent, root)
        compare(t.url.toString(), "")
        compare(Object.keys(t.headers).length, 0)
        compare(Object.keys(t.cookies).length, 0)
        compare(t.timeout, 30000)
        compare(t.heartbeatTimeout, 0)
        compare(t.maxPartSize, 32 * 1024 * 1024)
        compare(t.subscriptionProtocol, HttpTransport.Multipart)
        compare(t.retryAttempts, 0)
        compare(t.retryDelay, 500)
        compare(t.retryMaxDelay, 30000)
    }

    function test_settingsChanged_data() {
        return [
            { tag: "url", property: "url", value: "http://127.0.0.1:1/graphql", signal: "urlChanged" },
            { tag: "headers", property: "headers", value: { Authorization: "Bearer x" }, signal: "headersChanged" },
            { tag: "cookies", property: "cookies", value: { session: "s" }, signal: "cookiesChanged" },
            { tag: "timeout", property: "timeout", value: 1234, signal: "timeoutChanged" },
            { tag: "heartbeatTimeout", property: "heartbeatTimeout", value: 5000, signal: "heartbeatTimeoutChanged" },
            { tag: "maxPartSize", property: "maxPartSize", value: 4096, signal: "maxPartSizeChanged" },
            { tag: "subscriptionProtocol", property: "subscriptionProtocol", value: HttpTransport.ServerSentEvents, signal: "subscriptionProtocolChanged" },
            { tag: "retryAttempts", property: "retryAttempts", value: 3, signal: "retryChanged" },
            { tag: "retryDelay", property: "retryDelay", value: 100, signal: "retryChanged" },
            { tag: "retryMaxDelay", property: "retryMaxDelay", value: 2000, signal: "retryChanged" },
            { tag: "http2Direct", property: "http2Direct", value: true, signal: "http2DirectChanged" },
            { tag: "persistedQueries", property: "persistedQueries", value: true, signal: "persistedQueriesChanged" },
            { tag: "useGetForQueries", property: "useGetForQueries", value: true, signal: "useGetForQueriesChanged" },
            { tag: "maxGetUrlLength", property: "maxGetUrlLength", value: 4096, signal: "maxGetUrlLengthChanged" },
            { tag: "subscriptionAccept", property: "subscriptionAccept", value: "text/event-stream", signal: "subscriptionAcceptChanged" },
        ]
    }

    function test_settingsChanged(data) {
        const t = createTemporaryObject(transportComponent, root)
        const settings = spy(t, "settingsChanged")
        const changed = spy(t, data.signal)
        t[data.property] = data.value
        compare(changed.count, 1, data.signal)
        compare(settings.count, 1, "settingsChanged once")
        t[data.property] = data.value // unchanged: no signal
        compare(changed.count, 1, data.signal + " again")
        compare(settings.count, 1, "settingsChanged again")
    }

    function test_noSignalWhenClampedBackToTheSameValue() {
        const t = createTemporaryObject(transportComponent, root, { timeout: 0 })
        const settings = spy(t, "settingsChanged")
        const timeout = spy(t, "timeoutChanged")
        const heartbeat = spy(t, "heartbeatTimeoutChanged")
        const maxPartSize = spy(t, "maxPartSizeChanged")
        const retry = spy(t, "retryChanged")

        t.timeout = -5 // clamped to 0, which it already is
        compare(t.timeout, 0)
        t.heartbeatTimeout = -1
        compare(t.heartbeatTimeout, 0)
        t.maxPartSize = 0 // restores the default, which it already has
        compare(t.maxPartSize, 32 * 1024 * 1024)
        t.retryAttempts = -3
        compare(t.retryAttempts, 0)

        compare(timeout.count, 0)
        compare(heartbeat.count, 0)
        compare(maxPartSize.count, 0)
        compare(retry.count, 0)
        compare(settings.count, 0)

        t.timeout = 10
        t.timeout = -5 // a real change, to 0
        compare(t.timeout, 0)
        compare(timeout.count, 2)
        compare(settings.count, 2)
    }

    function test_engineNetworkAccessManager() {
        verify(testServer.usesEngineManager(api))
        verify(testServer.usesEngineManager(createTemporaryObject(transportComponent, root)))
    }

    function test_headersAndCookiesReadBackAsStrings() {
        const t = createTemporaryObject(transportComponent, root, {
            headers: { Authorization: "Bearer a", "X-Count": 5 }, cookies: { session: "s1" }
        })
        compare(t.headers.Authorization, "Bearer a")
        compare(t.headers["X-Count"], "5")
        compare(t.cookies.session, "s1")
        const headers = spy(t, "headersChanged")
        t.headers = { Authorization: "Bearer a", "X-Count": "5" } // the same, as strings
        compare(headers.count, 0)
    }

    function test_queryThroughBaseTypedProperty() {
        verify(root.baseTyped === api)
        const q = createTemporaryObject(queryComponent, root, { transport: root.baseTyped, query: "{ whoami }" })
        verify(q.transport === api)
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Ready)
        compare(q.errorString, "")
        verify(q.data.whoami !== undefined)
    }

    function test_queryAndSubscriptionThroughAnotherTransport() {
        // countingTransport is a C++ QGraphQLTransport that is not an HttpTransport.
        const before = countingTransport.operations
        const q = createTemporaryObject(queryComponent, root, { transport: countingTransport, query: "{ whoami }" })
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Ready)
        compare(countingTransport.operations, before + 1)

        const sub = createTemporaryObject(subscriptionComponent, root, {
            transport: countingTransport, query: "subscription { countdown(from: 1) }"
        })
        const subFinished = spy(sub, "finished")
        sub.active = true
        subFinished.wait(5000)
        compare(sub.status, Subscription.Finished)
        compare(sub.data.countdown, 0)
        compare(countingTransport.operations, before + 2)
    }

    // Every C++ setting of QGraphQLHttpTransport, read and written from QML with a JS type.
    function test_everyCppSettingFromQml() {
        const t = createTemporaryObject(transportComponent, root)
        t.url = "http://example.com/graphql"
        compare(t.url.toString(), "http://example.com/graphql")
        for (const name of ["timeout", "heartbeatTimeout", "maxPartSize", "subscriptionProtocol"])
            compare(typeof t[name], "number", name)
        t.timeout = 1000
        compare(t.timeout, 1000)
        t.heartbeatTimeout = 2000
        compare(t.heartbeatTimeout, 2000)
        t.maxPartSize = 4096
        compare(t.maxPartSize, 4096)
        compare(typeof t.http2Direct, "boolean")
        compare(t.http2Direct, false)
        t.http2Direct = true
        compare(t.http2Direct, true)
        compare(t.persistedQueries, false)
        compare(t.useGetForQueries, false)
        compare(t.maxGetUrlLength, 2048)
        compare(t.retryPolicy.maxAttempts, 0)
        t.retryAttempts = 2
        compare(t.retryPolicy.maxAttempts, 2)
    }

    function test_subscriptionAcceptIsAString() {
        const t = createTemporaryObject(transportComponent, root)
        const accept = spy(t, "subscriptionAcceptChanged")
        const settings = spy(t, "settingsChanged")
        compare(typeof t.subscriptionAccept, "string")
        compare(t.subscriptionAccept, 'multipart/mixed;subscriptionSpec="1.0", application/json')
        t.subscriptionProtocol = HttpTransport.ServerSentEvents // the default follows
        compare(t.subscriptionAccept, "text/event-stream, application/json")
        compare(accept.count, 1)
        compare(settings.count, 1)
        t.subscriptionAccept = "multipart/mixed;subscriptionSpec=1.0"
        compare(t.subscriptionAccept, "multipart/mixed;subscriptionSpec=1.0")
        compare(accept.count, 2)
        compare(settings.count, 2)
        t.subscriptionAccept = "" // restores the default
        compare(t.subscriptionAccept, "text/event-stream, application/json")
        compare(accept.count, 3)
        compare(settings.count, 3)
    }

    function test_subscriptionAcceptIsSent() {
        const t = createTemporaryObject(transportComponent, root, {
            url: testServer.url, subscriptionAccept: "multipart/mixed;subscriptionSpec=1.0, application/json"
        })
        const sub = createTemporaryObject(subscriptionComponent, root, {
            transport: t, query: "subscription { countdown(from: 0) }"
        })
        const finished = spy(sub, "finished")
        sub.active = true
        finished.wait(5000)
        compare(sub.status, Subscription.Finished)
        compare(testServer.lastHeader("Accept"), "multipart/mixed;subscriptionSpec=1.0, application/json")
    }

    function test_cppHttpTransport() {
        // cppTransport is a QGraphQLHttpTransport created in C++ and given as a context
        // property.
        compare(cppTransport.url.toString(), testServer.url.toString())
        compare(cppTransport.subscriptionProtocol, HttpTransport.Multipart)
        compare(cppTransport.http2Direct, false)
        verify(!testServer.usesEngineManager(cppTransport), "it keeps its own manager")

        const q = createTemporaryObject(queryComponent, root, { transport: cppTransport, query: "{ whoami }" })
        verify(q.transport === cppTransport)
        const finished = spy(q, "finished")
        q.run()
        finished.wait(5000)
        compare(q.status, Query.Ready)
        verify(q.data.whoami !== undefined)

        const failing = createTemporaryObject(queryComponent, root, { transport: cppTransport, query: "{ forbidden }" })
        const failed = spy(failing, "finished")
        failing.run()
        failed.wait(5000)
        compare(failing.status, Query.Error)
        compare(failing.errorKind, TransportError.HttpStatusError)
        compare(failing.httpStatusCode, 401)

        const sub = createTemporaryObject(subscriptionComponent, root, {
            transport: cppTransport, query: "subscription { countdown(from: 2) }"
        })
        const subFinished = spy(sub, "finished")
        sub.active = true
        subFinished.wait(5000)
        compare(sub.status, Subscription.Finished)
        compare(sub.data.countdown, 0)
    }

    function test_transportIsNotCreatable() {
        let created = null
        try {
            created = Qt.createQmlObject("import QGraphQL; Transport {}", root)
        } catch (e) {
            verify(String(e).indexOf("Transport") >= 0, String(e))
        }
        compare(created, null)
    }
}
