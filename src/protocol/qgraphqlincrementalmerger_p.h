// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLINCREMENTALMERGER_P_H
#define QGRAPHQLINCREMENTALMERGER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlerror.h>
#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlresult.h>

#include "qgraphqljsonnode_p.h"

#include <QtCore/qbytearrayview.h>
#include <QtCore/qhash.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qjsonvalue.h>
#include <QtCore/qlist.h>
#include <QtCore/qset.h>
#include <QtCore/qstring.h>

// Merges the payloads of an incremental-delivery response (@defer, @stream) into the full data
// tree. Pure: no QObject, no I/O. It is fed the JSON object of each part in order and gives, per
// step, a result with the merged data so far, the GraphQL errors that this step brought,
// extensions and hasNext. After the last step the data equals what the server answers to the
// same operation without @defer/@stream.
//
// Both formats seen in the field are understood, also mixed:
//  - graphql-js 16 / deferSpec=20220824: "incremental": [{data, path, label?, errors?,
//    extensions?} | {items, path, label?, errors?, extensions?}]. Deferred data is deep-merged
//    into the object at path; stream items go to consecutive indexes of the list at path minus
//    its last element, from that last element on. "data": null is not merged; "items": null
//    marks the stream as failed and later items for that list are dropped (as Apollo Client).
//  - incrementalSpec=v0.2 (graphql-js 17.0.0-alpha.9, Apollo Server 5): "pending": [{id, path,
//    label?}] in the initial and later payloads; "incremental": [{id, data | items, subPath?,
//    errors?, extensions?}], deferred data going to pending[id].path + subPath and items being
//    appended to the list at pending[id].path (+ subPath); "completed": [{id, errors?}] ends id.
//    Within a payload, "pending" is read first, then "incremental", then "completed".
//  - Also the 2020 draft form, where a subsequent payload is itself one item ({data|items,
//    path, label?, errors?, hasNext}).
//
// Deep merge: objects merge key by key, lists element by element (a list in the patch may be
// longer), anything else is replaced by the patch. A null on the way to a path means that an
// error nulled that part of the tree (the error came in an earlier step): the item is dropped
// without complaint, as graphql-js itself would have filtered it.
//
// A malformed step (unknown pending id, a path that does not exist in the data, members of the
// wrong type, a payload after the last one) sets Step::error; the merger never crashes. The items
// that could be merged are merged, the bad ones are skipped, and the merger stays usable: the
// caller decides whether the error ends the operation.
//
// The data tree is a QGraphQLJsonNode: the server's text, expanded only along the paths that
// patches go to. Members keep the order in which they first appeared (deferred members are
// appended to their object, a patched member keeps its place), and numbers and strings keep
// their text.
//
// Cost: a step costs O(length of its paths + size of its new data). Merging walks the path and
// copies only what a response handed out earlier still shares: one level of each object on the
// path, and O(log n) of a list (expanded lists are persistent vectors). Earlier steps' responses
// never change.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLIncrementalMerger
{
public:
    struct Step
    {
        //! data: everything merged so far; errors: the errors new in this step (of the payload,
        //! of its incremental items and of its completed entries); extensions: the payload's,
        //! with those of its incremental items added (later ones win); hasNext: the payload's.
        QGraphQLResult result;
        //! The step's merged response: "data" (everything merged so far, in the server's
        //! order), "errors" (only when the step brought errors), "extensions" (when there are
        //! any), "hasNext". result is built from it and from incremental.
        QGraphQLJsonNode response;
        //! The raw "incremental" items of the step, as lastIncremental().
        QGraphQLJsonNode incremental;
        QString error; // empty when the payload was well-formed
        bool isValid() const { return error.isEmpty(); }
    };

    QGraphQLIncrementalMerger();

    //! Merges the next payload. The first one is the initial response ({data, errors?,
    //! extensions?, hasNext, pending?}); a plain GraphQL response without hasNext is fine.
    Step merge(const QGraphQLJsonNode &payload);
    //! The same for a Qt object.
    Step merge(const QJsonObject &payload);
    //! The same for the bytes of a part; they must hold a JSON object (validated, and kept as
    //! compact text).
    Step merge(QByteArrayView json);

    //! Forgets everything, ready for a new response.
    void reset();

    //! The merged data so far (undefined before the first payload).
    QJsonValue data() const { return m_data.toJsonValue(); }
    //! The merged data so far as a node (the server's order and text).
    QGraphQLJsonNode dataNode() const { return m_data; }
    //! Every GraphQL error received so far, in order.
    QList<QGraphQLError> allErrors() const { return m_allErrors; }
    //! data() with allErrors() and hasNext(): the response as one result.
    QGraphQLResult mergedResult() const;

    int stepCount() const { return m_steps; }
    bool hasNext() const { return m_hasNext; }
    //! A payload with hasNext false (or without hasNext) was merged: no further ones are valid.
    bool isFinished() const { return m_steps > 0 && !m_hasNext; }

    //! The raw "incremental" items, "pending" and "completed" entries of the last payload (empty
    //! arrays when it had none). For the 2020 draft form, lastIncremental() holds the payload.
    QJsonArray lastIncremental() const { return m_lastIncremental.toJsonValue().toArray(); }
    QJsonArray lastPending() const { return m_lastPending.toJsonValue().toArray(); }
    QJsonArray lastCompleted() const { return m_lastCompleted.toJsonValue().toArray(); }

    //! The ids announced in "pending" and not yet completed (incrementalSpec=v0.2).
    QStringList pendingIds() const;
    //! The path and label of a pending id; an empty object for an unknown id.
    QJsonObject pendingEntry(const QString &id) const { return m_pending.value(id); }

private:
    struct StepState;
    void mergeItem(const QGraphQLJsonNode &item, StepState &step);
    void mergeData(const QGraphQLJsonNode &patch, const QJsonArray &path, StepState &step,
                   const QString &what);
    void mergeItems(const QGraphQLJsonNode &items, const QJsonArray &path, bool append,
                    StepState &step, const QString &what);
    void addErrors(const QGraphQLJsonNode &errors, StepState &step, const QString &what);
    Step finish(StepState &state);

    QGraphQLJsonNode m_data; // undefined until the initial payload brings data
    QList<QGraphQLError> m_allErrors;
    QHash<QString, QJsonObject> m_pending; // id -> {"path":[…], "label":…}
    QStringList m_pendingOrder; // ids in announcement order
    QSet<QString> m_failedStreams; // legacy format: lists whose stream sent "items": null
    QGraphQLJsonNode m_lastIncremental; // arrays, or undefined for none
    QGraphQLJsonNode m_lastPending;
    QGraphQLJsonNode m_lastCompleted;
    int m_steps = 0;
    bool m_hasNext = false;
};

#endif // QGRAPHQLINCREMENTALMERGER_P_H
