// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// The @defer/@stream merger (QGraphQLIncrementalMerger). Input: payloads separated by line
// breaks, each fed to merge() in order. Invariants:
// - no crash; merging is deterministic (a second merger, and the first after reset(), give the
//   same steps); once finished, every further payload is an error; data() is what
//   mergedResult() reports;
// - merge(bytes) equals merge(object) for bytes that hold an object, and equals
//   merge(node) over the payload's compact text (QGraphQLJsonText) when every payload is valid:
//   merging the server's text gives the same values as merging Qt objects (steps compared as
//   result.toJson() and error message);
// - a step's response is consistent with its result: Step::response.toCompactJson() is JSON
//   that QJsonDocument reads as an object, and that object equals step.result.toJson() except
//   for "errors", which toJson() writes normalised (QGraphQLError::toJson()); the raw errors
//   read as errors equal step.result.errors(). Its "data" is merger.data() at that step. (Not
//   checked when the merged tree is deeper than QJsonDocument's nesting limit: a patch deep
//   inside deep data may be.)
// - responses are values: every step's response text is the same at the end of the run as
//   right after its step.

#include "fuzzcommon.h"

#include "protocol/qgraphqlincrementalmerger_p.h"
#include "protocol/qgraphqljsontext_p.h"

#include <QtCore/qjsondocument.h>

namespace {

struct StepRecord
{
    QJsonObject result;
    QString error;
    bool operator==(const StepRecord &o) const { return result == o.result && error == o.error; }
};

enum class Input { Bytes, Objects, Text };

void checkResponse(const QGraphQLIncrementalMerger::Step &step, const QJsonValue &data)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(step.response.toCompactJson(), &error);
    if (error.error == QJsonParseError::DeepNesting)
        return;
    FUZZ_ASSERT(document.isObject());
    QJsonObject response = document.object();
    QJsonObject expected = step.result.toJson();
    const QJsonArray rawErrors = response.take(QLatin1String("errors")).toArray();
    expected.remove(QLatin1String("errors"));
    FUZZ_ASSERT(response == expected);
    FUZZ_ASSERT(QGraphQLError::listFromJson(rawErrors) == step.result.errors());
    const QJsonValue responseData = response.value(QLatin1String("data"));
    FUZZ_ASSERT(responseData == data || (responseData.isUndefined() && data.isUndefined()));
}

QList<StepRecord> run(QGraphQLIncrementalMerger &merger, const QList<QByteArray> &payloads,
                      Input input)
{
    QList<StepRecord> steps;
    QList<QGraphQLJsonNode> responses;
    QList<QByteArray> responseTexts;
    for (const QByteArray &payload : payloads) {
        const bool wasFinished = merger.isFinished();
        QGraphQLIncrementalMerger::Step step;
        if (input == Input::Objects) {
            const QJsonDocument document = QJsonDocument::fromJson(payload);
            if (!document.isObject())
                return {};
            step = merger.merge(document.object());
        } else if (input == Input::Text) {
            QByteArray text;
            if (!QGraphQLJsonText::compact(payload, &text))
                return {};
            step = merger.merge(QGraphQLJsonNode(text));
        } else {
            step = merger.merge(QByteArrayView(payload));
        }
        if (wasFinished)
            FUZZ_ASSERT(!step.isValid());
        const QJsonValue data = merger.data();
        FUZZ_ASSERT(merger.mergedResult().data() == data
                    || (data.isUndefined() && merger.mergedResult().data().isUndefined()));
        checkResponse(step, data);
        responses.append(step.response);
        responseTexts.append(step.response.toCompactJson());
        steps.append({ step.result.toJson(), step.error });
    }
    for (qsizetype i = 0; i < responses.size(); ++i)
        FUZZ_ASSERT(responses.at(i).toCompactJson() == responseTexts.at(i));
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
    const QList<StepRecord> first = run(merger, payloads, Input::Bytes);
    const QJsonValue finalData = merger.data();
    merger.reset();
    FUZZ_ASSERT(merger.data().isUndefined() && merger.stepCount() == 0);
    FUZZ_ASSERT(run(merger, payloads, Input::Bytes) == first);
    FUZZ_ASSERT(merger.data() == finalData);

    bool allObjects = true;
    for (const QByteArray &payload : std::as_const(payloads))
        allObjects = allObjects && QJsonDocument::fromJson(payload).isObject();
    if (allObjects) {
        QGraphQLIncrementalMerger objects;
        FUZZ_ASSERT(run(objects, payloads, Input::Objects) == first);
        QGraphQLIncrementalMerger text;
        FUZZ_ASSERT(run(text, payloads, Input::Text) == first);
    }
    return 0;
}
