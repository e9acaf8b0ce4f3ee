// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The @defer/@stream merger (QGraphQLIncrementalMerger). Input: payloads separated by line
// breaks, each fed to merge() in order. Invariants: no crash; merging is deterministic (a second
// merger, and the first after reset(), give the same steps); merge(bytes) equals
// merge(object) for bytes that hold an object; once finished, every further payload is an
// error; data() is what mergedResult() reports.

#include "fuzzcommon.h"

#include "protocol/qgraphqlincrementalmerger_p.h"

#include <QtCore/qjsondocument.h>

namespace {

struct StepRecord
{
    QJsonObject result;
    QString error;
    bool operator==(const StepRecord &o) const { return result == o.result && error == o.error; }
};

QList<StepRecord> run(QGraphQLIncrementalMerger &merger, const QList<QByteArray> &payloads,
                      bool asObjects)
{
    QList<StepRecord> steps;
    for (const QByteArray &payload : payloads) {
        const bool wasFinished = merger.isFinished();
        QGraphQLIncrementalMerger::Step step;
        if (asObjects) {
            const QJsonDocument document = QJsonDocument::fromJson(payload);
            if (!document.isObject())
                return {};
            step = merger.merge(document.object());
        } else {
            step = merger.merge(QByteArrayView(payload));
        }
        if (wasFinished)
            FUZZ_ASSERT(!step.isValid());
        FUZZ_ASSERT(merger.mergedResult().data() == merger.data()
                    || (merger.data().isUndefined() && merger.mergedResult().data().isUndefined()));
        steps.append({ step.result.toJson(), step.error });
    }
    return steps;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> payloads = input.split('\n');
    if (payloads.size() > 64)
        payloads.resize(64);

    QGraphQLIncrementalMerger merger;
    const QList<StepRecord> first = run(merger, payloads, false);
    const QJsonValue finalData = merger.data();
    merger.reset();
    FUZZ_ASSERT(merger.data().isUndefined() && merger.stepCount() == 0);
    FUZZ_ASSERT(run(merger, payloads, false) == first);
    FUZZ_ASSERT(merger.data() == finalData);

    bool allObjects = true;
    for (const QByteArray &payload : std::as_const(payloads))
        allObjects = allObjects && QJsonDocument::fromJson(payload).isObject();
    if (allObjects) {
        QGraphQLIncrementalMerger objects;
        FUZZ_ASSERT(run(objects, payloads, true) == first);
    }
    return 0;
}
