// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// A live message feed on the demo server, in QML only: a clock subscription, a feed
// subscription, a Mutation that posts to it, and the status and errors of each. Over HTTP for
// an http:// endpoint, over one WebSocket for a ws:// one: only the transport object changes.

import QtQuick
import QGraphQL

Window {
    id: window

    required property url endpoint
    property bool smokeTest: false
    readonly property string smokeText: "hello from the QML example"

    signal liveMessageArrived(string text)

    function statusName(status) {
        return ["idle", "connecting", "live", "finished", "error"][status]
    }

    width: 480
    height: 360
    visible: true
    title: qsTr("QGraphQL live feed")

    // The transport every operation below uses. A WebSocketTransport is made from text, so
    // that this file also loads with a library built without Qt WebSockets.
    readonly property bool overWebSocket: String(window.endpoint).startsWith("ws")
    readonly property Transport api: overWebSocket
            ? Qt.createQmlObject("import QGraphQL; WebSocketTransport { heartbeatTimeout: 15000; url: "
                                 + JSON.stringify(String(window.endpoint)) + " }",
                                 window, "WebSocketTransport")
            : httpApi

    HttpTransport {
        id: httpApi
        url: window.endpoint
        heartbeatTimeout: 15000
    }

    Subscription {
        id: clock
        transport: window.api
        query: "subscription($ms: Int) { clock(intervalMs: $ms) }"
        variables: ({ ms: 1000 })
        active: true
    }

    Subscription {
        id: feed
        transport: window.api
        query: "subscription { messageAdded { author text } }"
        active: true
        onResultReceived: (data, errors) => {
            if (errors.length > 0) {
                console.warn(errors[0].message)
                return
            }
            window.liveMessageArrived(data.messageAdded.text)
        }
        onStatusChanged: {
            if (window.smokeTest && status === Subscription.Active)
                post.run({ text: window.smokeText })
        }
    }

    // One row per message, appended as events arrive (no copy of the list per event); the
    // oldest go past 500.
    ResultListModel {
        id: messages
        source: feed
        path: "messageAdded"
        maxCount: 500
    }

    Mutation {
        id: post
        transport: window.api
        query: "mutation($text: String!) { postMessage(text: $text) { id } }"
    }

    Column {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        Text {
            text: qsTr("Server time: %1").arg(clock.data ? clock.data.clock : "…")
            font.pixelSize: 18
        }
        Text {
            text: qsTr("Feed over %1: %2 %3").arg(window.overWebSocket ? "WebSocket" : "HTTP")
                                              .arg(window.statusName(feed.status))
                                              .arg(feed.errorString)
            color: feed.status === Subscription.Error ? "firebrick" : "seagreen"
        }

        Rectangle {
            width: parent.width
            height: parent.height - 130
            border.color: "#bbb"
            color: "#f8f8f8"

            ListView {
                anchors.fill: parent
                anchors.margins: 6
                clip: true
                model: messages
                delegate: Row {
                    id: row
                    required property string author
                    required property string text
                    spacing: 4

                    // Server text is shown as plain text: rich text would let a server inject
                    // markup such as <img>.
                    Text {
                        text: row.author + ":"
                        font.bold: true
                        textFormat: Text.PlainText
                    }
                    Text {
                        text: row.text
                        textFormat: Text.PlainText
                    }
                }
            }
        }

        Row {
            spacing: 8

            Rectangle {
                width: 360
                height: 30
                border.color: "#888"

                TextInput {
                    id: input
                    anchors.fill: parent
                    anchors.margins: 6
                    onAccepted: {
                        post.run({ text: input.text })
                        input.text = ""
                    }
                }
            }
            Rectangle {
                width: 80
                height: 30
                color: postArea.pressed ? "#ccc" : "#ddd"

                Text {
                    anchors.centerIn: parent
                    text: qsTr("Post")
                }
                MouseArea {
                    id: postArea
                    anchors.fill: parent
                    onClicked: input.accepted()
                }
            }
        }
        Text {
            text: post.status === Mutation.Error ? qsTr("Posting failed: %1").arg(post.errorString) : ""
            color: "firebrick"
        }
    }
}
