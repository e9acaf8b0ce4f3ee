// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "eventstream.h"

#include <QtCore/qpointer.h>

EventStream::EventStream(int intervalMs, Generator generator, QObject *parent)
    : QObject(parent), m_generator(std::move(generator))
{
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &EventStream::tick);
}

EventStream::EventStream(QObject *parent) : QObject(parent) { }

void EventStream::start()
{
    if (!m_generator)
        return;
    m_timer.start();
    tick();
}

void EventStream::tick()
{
    const Step step = m_generator(m_tick++);
    QPointer<EventStream> guard(this);
    switch (step.kind) {
    case Step::Next:
        Q_EMIT next(step.value);
        return;
    case Step::Last:
        m_timer.stop();
        Q_EMIT next(step.value);
        if (guard)
            Q_EMIT completed();
        return;
    case Step::Fail:
        m_timer.stop();
        Q_EMIT failed(step.errorMessage);
        return;
    }
}
