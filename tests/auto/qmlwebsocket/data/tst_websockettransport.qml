import QtQuick
import QtTest
import QGraphQL

TestCase {
    id: root
    name: "WebSocketTransport"

    WebSocketTransport {
        id: ws
        url: wsServer.url
        headers: ({ "Authorization": "Bearer qml" })
        connectionParams: ({ token: "t0k", n: 1 })
        keepAliveInterval: 0
        lingerTime: 60000
    }

    Component {
        id: subscriptionComponent
        Subscription { transport: ws }
    }
    Component {
        id: queryComponent
        Query { transport: ws; autoRun: false }
    }
    Component {
        id: transportComponent
        WebSocketTransport {}
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    function spy(target, signalName) {
        return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
    }

    function test_properties() {
        const t = createTemporaryObject(transportComponent, root)
        compare(t.protocol, WebSocketTransport.GraphQLTransportWs)
        compare(t.keepAliveInterval, 15000)
        compare(t.connectionAckTimeout, 10000)
        compare(t.lingerTime, 0)
        compare(Object.keys(t.connectionParams).length, 0)
        const settings = spy(t, "settingsChanged")
        t.protocol = WebSocketTransport.GraphQLWs
        t.keepAliveInterval = 500
        t.connectionAckTimeout = 700
        t.lingerTime = 100
        t.connectionParams = { a: "b" }
        t.headers = { "X-A": "1" }
        t.retryAttempts = 3
        compare(t.protocol, WebSocketTransport.GraphQLWs)
        compare(t.connectionParams.a, "b")
        compare(t.headers["X-A"], "1")
        compare(t.retryAttempts, 3)
        compare(settings.count, 7)
    }

    function test_subscription() {
        const sub = createTemporaryObject(subscriptionComponent, root,
                                          { query: "subscription { countdown }" })
        const results = spy(sub, "resultReceived")
        const finished = spy(sub, "finished")
        sub.active = true
        finished.wait(5000)
        compare(results.count, 4)
        compare(results.signalArguments[0][0].countdown, 3)
        compare(sub.data.countdown, 0)
        compare(sub.status, Subscription.Finished)
        // The transport's one socket (it lingers) was opened with the connection params.
        verify(wsServer.initPayloads().indexOf("{\"n\":1,\"token\":\"t0k\"}") >= 0,
               wsServer.initPayloads().join(" "))
        verify(wsServer.handshakeHeaders("Authorization").indexOf("Bearer qml") >= 0)
    }

    function test_query() {
        const query = createTemporaryObject(queryComponent, root, { query: "{ hello }" })
        const finished = spy(query, "finished")
        query.run()
        finished.wait(5000)
        compare(query.data.hello, "ws")
        compare(Object.keys(query.data), ["hello", "z", "a"]) // the server's member order
    }

    function test_serverError() {
        const query = createTemporaryObject(queryComponent, root, { query: "{ nope }" })
        const finished = spy(query, "finished")
        query.run()
        finished.wait(5000)
        compare(query.errorKind, TransportError.ServerError)
        verify(query.errorString.indexOf("unknown field") >= 0, query.errorString)
    }

    function test_cancelSendsComplete() {
        const before = wsServer.completesReceived()
        const sub = createTemporaryObject(subscriptionComponent, root,
                                          { query: "subscription { ticks }" })
        const results = spy(sub, "resultReceived")
        sub.active = true
        results.wait(5000)
        sub.active = false
        tryVerify(() => wsServer.completesReceived() === before + 1, 5000)
    }

    function test_rejected() {
        const t = createTemporaryObject(transportComponent, root,
                                        { url: wsServer.url, connectionParams: { reject: true } })
        const sub = createTemporaryObject(subscriptionComponent, root,
                                          { transport: t, query: "subscription { countdown }" })
        const finished = spy(sub, "finished")
        sub.active = true
        finished.wait(5000)
        compare(sub.status, Subscription.Error)
        compare(sub.errorKind, TransportError.ServerError)
        compare(sub.errorString,
                "The server closed the WebSocket connection with code 4403 (forbidden): Forbidden")
    }
}
