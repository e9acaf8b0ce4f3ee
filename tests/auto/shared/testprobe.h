// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef TESTPROBE_H
#define TESTPROBE_H

#include <QGraphQL/qgraphqloperation.h>

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

// Records everything an operation emits, in order, and owns the operation.
struct Probe
{
    explicit Probe(QGraphQLOperation *op)
        : operation(op), results(op, &QGraphQLOperation::resultReceived),
          errors(op, &QGraphQLOperation::errorOccurred), finished(op, &QGraphQLOperation::finished)
    { }
    // The "n" field of each result's data, as the tests' servers number their payloads.
    QList<int> numbers() const
    {
        QList<int> out;
        for (const auto &args : results)
            out.append(args.at(0).value<QGraphQLResult>().data()[QLatin1StringView("n")].toInt());
        return out;
    }
    QGraphQLResult result(int i) const { return results.at(i).at(0).value<QGraphQLResult>(); }
    QGraphQLResult lastResult() const { return result(int(results.size()) - 1); }
    QGraphQLTransportError error() const { return operation->error(); }
    bool waitFinished(int ms = 10000)
    {
        return QTest::qWaitFor([this] { return finished.size() > 0; }, ms) && finished.size() == 1;
    }

    std::unique_ptr<QGraphQLOperation> operation;
    QSignalSpy results;
    QSignalSpy errors;
    QSignalSpy finished;
};

#endif // TESTPROBE_H
