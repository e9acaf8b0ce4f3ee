// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef EVENTSTREAM_H
#define EVENTSTREAM_H

#include <QtCore/qjsonvalue.h>
#include <QtCore/qobject.h>
#include <QtCore/qtimer.h>

#include <functional>

//! The source of one subscription's events: values until it completes or fails. Deleting it
//! stops it (the client went away).
class EventStream : public QObject
{
    Q_OBJECT
public:
    struct Step
    {
        enum Kind { Next, Last, Fail };
        Kind kind = Next;
        QJsonValue value; //!< for Next and Last
        QString errorMessage; //!< for Fail
    };
    //! Gives the step for tick 0, 1, 2, …
    using Generator = std::function<Step(int tick)>;

    //! A stream driven by a timer: tick 0 at start(), then one tick every intervalMs.
    EventStream(int intervalMs, Generator generator, QObject *parent = nullptr);
    //! A stream fed from outside with push(); it never ends by itself.
    explicit EventStream(QObject *parent = nullptr);

    void start();
    void push(const QJsonValue &value) { Q_EMIT next(value); }

Q_SIGNALS:
    void next(const QJsonValue &value);
    void completed();
    void failed(const QString &message);

private:
    void tick();

    QTimer m_timer;
    Generator m_generator;
    int m_tick = 0;
};

#endif // EVENTSTREAM_H
