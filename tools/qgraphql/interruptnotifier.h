// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef INTERRUPTNOTIFIER_H
#define INTERRUPTNOTIFIER_H

#include <QtCore/qobject.h>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

//! Turns SIGINT and SIGTERM into a Qt signal delivered by the event loop (the self-pipe
//! trick: the handler only writes a byte). After the first one the default action is
//! restored, so a second Ctrl-C ends the process at once if a clean stop hangs.
class InterruptNotifier : public QObject
{
    Q_OBJECT
public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void readSignal();
    QSocketNotifier *m_notifier = nullptr;
};

#endif // INTERRUPTNOTIFIER_H
