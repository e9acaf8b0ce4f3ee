// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlincrementalmerger_p.h"

#include "qgraphqlresponseparser_p.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qstringlist.h>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

struct QGraphQLIncrementalMerger::StepState
{
    QList<QGraphQLError> errors;
    QJsonObject extensions;
    QStringList problems;
};

namespace {

QString pathText(const QJsonArray &path)
{
    return QString::fromUtf8(QJsonDocument(path).toJson(QJsonDocument::Compact));
}

// A list index in a path: a non-negative integral number. -1 otherwise.
qint64 indexOf(const QJsonValue &key)
{
    if (!key.isDouble())
        return -1;
    const double d = key.toDouble();
    if (!(d >= 0) || d > 9007199254740991.0 || std::floor(d) != d)
        return -1;
    return qint64(d);
}

// The walks below take a container out of its parent before changing it, so that the parent
// does not hold a second reference and copy-on-write does not copy it. The container is put
// back afterwards. Only containers that something outside the merger still shares (a result
// handed out earlier) are copied.

// Deep merge of patch into target, in place.
void deepMerge(QJsonValue &target, const QJsonValue &patch)
{
    if (target.isObject() && patch.isObject()) {
        QJsonObject object = target.toObject();
        target = QJsonValue();
        const QJsonObject source = patch.toObject();
        for (auto it = source.constBegin(); it != source.constEnd(); ++it) {
            const QJsonValue value = it.value();
            auto existing = object.find(it.key());
            if (existing == object.end()) {
                object.insert(it.key(), value);
            } else if ((value.isObject() && existing->isObject())
                       || (value.isArray() && existing->isArray())) {
                QJsonValue child = *existing;
                *existing = QJsonValue();
                deepMerge(child, value);
                *existing = child;
            } else {
                *existing = value;
            }
        }
        target = QJsonValue(std::move(object));
    } else if (target.isArray() && patch.isArray()) {
        QJsonArray array = target.toArray();
        target = QJsonValue();
        const QJsonArray source = patch.toArray();
        for (qsizetype i = 0; i < source.size(); ++i) {
            if (i < array.size()) {
                QJsonValue child = array.at(i);
                array[i] = QJsonValue();
                deepMerge(child, source.at(i));
                array[i] = child;
            } else {
                array.append(source.at(i));
            }
        }
        target = QJsonValue(std::move(array));
    } else {
        target = patch;
    }
}

enum class Walk { Done, Nulled, Failed };

// Calls apply(value) on the value at path[depth...] inside node, changing node in place. A null
// on the way gives Nulled (an error nulled that subtree) and apply is not called. On Failed,
// *reason says why.
template<typename Apply>
Walk applyAt(QJsonValue &node, const QJsonArray &path, qsizetype depth, Apply &apply,
             QString *reason)
{
    if (depth == path.size())
        return apply(node, reason);
    if (node.isNull())
        return Walk::Nulled;

    const QJsonValue key = path.at(depth);
    const auto prefix = [&] {
        QJsonArray p;
        for (qsizetype i = 0; i < depth; ++i)
            p.append(path.at(i));
        return p;
    };
    if (key.isString()) {
        if (!node.isObject()) {
            *reason = u"the value at %1 is not an object"_s.arg(pathText(prefix()));
            return Walk::Failed;
        }
        QJsonObject object = node.toObject();
        node = QJsonValue();
        const QString name = key.toString();
        auto it = object.find(name);
        if (it == object.end()) {
            *reason = u"the object at %1 has no field \"%2\""_s.arg(pathText(prefix()), name);
            node = QJsonValue(std::move(object));
            return Walk::Failed;
        }
        QJsonValue child = *it;
        *it = QJsonValue();
        const Walk walk = applyAt(child, path, depth + 1, apply, reason);
        *it = child;
        node = QJsonValue(std::move(object));
        return walk;
    }
    const qint64 index = indexOf(key);
    if (index < 0) {
        *reason = u"element %1 of the path is neither a field name nor a list index"_s.arg(depth);
        return Walk::Failed;
    }
    if (!node.isArray()) {
        *reason = u"the value at %1 is not a list"_s.arg(pathText(prefix()));
        return Walk::Failed;
    }
    QJsonArray array = node.toArray();
    node = QJsonValue();
    if (index >= array.size()) {
        *reason = u"the list at %1 has no index %2"_s.arg(pathText(prefix())).arg(index);
        node = QJsonValue(std::move(array));
        return Walk::Failed;
    }
    QJsonValue child = array.at(index);
    array[index] = QJsonValue();
    const Walk walk = applyAt(child, path, depth + 1, apply, reason);
    array[index] = child;
    node = QJsonValue(std::move(array));
    return walk;
}

} // namespace

QGraphQLIncrementalMerger::QGraphQLIncrementalMerger() = default;

void QGraphQLIncrementalMerger::reset()
{
    *this = QGraphQLIncrementalMerger();
}

QGraphQLResult QGraphQLIncrementalMerger::mergedResult() const
{
    QGraphQLResult result;
    result.setData(m_data);
    result.setErrors(m_allErrors);
    if (m_hasNext) // a finished response reads like the one without @defer/@stream
        result.setHasNext(true);
    return result;
}

QStringList QGraphQLIncrementalMerger::pendingIds() const
{
    return m_pendingOrder;
}

void QGraphQLIncrementalMerger::addErrors(const QJsonObject &object, StepState &step,
                                          const QString &what)
{
    const auto errors = object.constFind("errors"_L1);
    if (errors == object.constEnd())
        return;
    if (!errors->isArray()) {
        step.problems.append(u"The \"errors\" of %1 is not a list"_s.arg(what));
        return;
    }
    step.errors.append(QGraphQLError::listFromJson(errors->toArray()));
}

QGraphQLIncrementalMerger::Step QGraphQLIncrementalMerger::merge(QByteArrayView json)
{
    const QGraphQLResponseParser::ParsedJson parsed = QGraphQLResponseParser::parseJsonObject(json);
    if (parsed.error.isEmpty())
        return merge(parsed.object);
    Step step;
    step.result.setData(m_data);
    step.result.setHasNext(m_hasNext);
    step.error = parsed.error;
    return step;
}

QGraphQLIncrementalMerger::Step QGraphQLIncrementalMerger::merge(const QJsonObject &payload)
{
    Step step;
    StepState state;
    m_lastIncremental = m_lastPending = m_lastCompleted = QJsonArray();

    if (isFinished()) {
        step.result.setData(m_data);
        step.error = u"A payload arrived after the last one (the one with hasNext false)"_s;
        return step;
    }
    const bool initial = m_steps == 0;
    ++m_steps;
    bool itemPayload = false; // the 2020 draft form: the payload is one incremental item

    if (initial) {
        const QJsonValue data = payload.value("data"_L1);
        if (data.isObject() || data.isNull())
            m_data = data;
        else if (!data.isUndefined())
            state.problems.append(u"The \"data\" of the initial payload is not an object"_s);
        else if (!payload.contains("errors"_L1))
            state.problems.append(u"The initial payload has neither \"data\" nor \"errors\""_s);
    } else if (payload.contains("data"_L1) || payload.contains("items"_L1)) {
        if (payload.contains("path"_L1)) {
            itemPayload = true;
            m_lastIncremental.append(payload);
            mergeItem(payload, state);
        } else {
            state.problems.append(u"A subsequent payload has \"data\" or \"items\" but no "
                                  "\"path\""_s);
        }
    }

    if (!itemPayload) {
        addErrors(payload, state, u"the payload"_s);
        const QJsonValue extensions = payload.value("extensions"_L1);
        if (extensions.isObject())
            state.extensions = extensions.toObject();
        else if (!extensions.isUndefined() && !extensions.isNull())
            state.problems.append(u"The \"extensions\" of the payload is not an object"_s);
    }

    // "pending", then "incremental", then "completed": a payload may announce an id, deliver
    // its data and complete it at once.
    if (const QJsonValue pending = payload.value("pending"_L1); !pending.isUndefined()) {
        if (!pending.isArray()) {
            state.problems.append(u"\"pending\" is not a list"_s);
        } else {
            m_lastPending = pending.toArray();
            for (qsizetype i = 0; i < m_lastPending.size(); ++i) {
                const QJsonObject entry = m_lastPending.at(i).toObject();
                const QJsonValue id = entry.value("id"_L1);
                const QJsonValue path = entry.value("path"_L1);
                if (!id.isString() || !path.isArray()) {
                    state.problems.append(
                            u"pending entry %1 lacks a string \"id\" or a list \"path\""_s.arg(i));
                    continue;
                }
                const QString key = id.toString();
                if (m_pending.contains(key)) {
                    state.problems.append(u"pending id \"%1\" is announced twice"_s.arg(key));
                    continue;
                }
                QJsonObject stored { { "path"_L1, path } };
                if (entry.contains("label"_L1))
                    stored.insert("label"_L1, entry.value("label"_L1));
                m_pending.insert(key, stored);
                m_pendingOrder.append(key);
            }
        }
    }

    if (const QJsonValue incremental = payload.value("incremental"_L1);
        !incremental.isUndefined()) {
        if (!incremental.isArray()) {
            state.problems.append(u"\"incremental\" is not a list"_s);
        } else {
            m_lastIncremental = incremental.toArray();
            for (const QJsonValue &item : std::as_const(m_lastIncremental))
                mergeItem(item, state);
        }
    }

    if (const QJsonValue completed = payload.value("completed"_L1); !completed.isUndefined()) {
        if (!completed.isArray()) {
            state.problems.append(u"\"completed\" is not a list"_s);
        } else {
            m_lastCompleted = completed.toArray();
            for (qsizetype i = 0; i < m_lastCompleted.size(); ++i) {
                const QJsonObject entry = m_lastCompleted.at(i).toObject();
                const QJsonValue id = entry.value("id"_L1);
                if (!id.isString()) {
                    state.problems.append(u"completed entry %1 has no string \"id\""_s.arg(i));
                    continue;
                }
                const QString key = id.toString();
                addErrors(entry, state, u"completed id \"%1\""_s.arg(key));
                if (!m_pending.remove(key)) {
                    state.problems.append(u"completed id \"%1\" is not pending"_s.arg(key));
                    continue;
                }
                m_pendingOrder.removeOne(key);
            }
        }
    }

    const QJsonValue hasNext = payload.value("hasNext"_L1);
    if (!hasNext.isBool() && !hasNext.isUndefined())
        state.problems.append(u"\"hasNext\" is not a boolean"_s);
    m_hasNext = hasNext.toBool(false);

    m_allErrors.append(state.errors);
    step.result.setData(m_data);
    step.result.setErrors(state.errors);
    step.result.setExtensions(state.extensions);
    step.result.setHasNext(m_hasNext);
    if (!state.problems.isEmpty())
        step.error = u"Malformed incremental payload %1: "_s.arg(m_steps)
                + state.problems.join("; "_L1);
    return step;
}

void QGraphQLIncrementalMerger::mergeItem(const QJsonValue &value, StepState &state)
{
    if (!value.isObject()) {
        state.problems.append(u"an incremental item is not an object"_s);
        return;
    }
    const QJsonObject item = value.toObject();

    QString name; // for messages
    QJsonArray path;
    bool append = false; // v0.2 items are appended to the list at the path
    if (const QJsonValue id = item.value("id"_L1); !id.isUndefined()) {
        if (!id.isString()) {
            state.problems.append(u"an incremental item has a non-string \"id\""_s);
            return;
        }
        name = u"the incremental item for id \"%1\""_s.arg(id.toString());
        addErrors(item, state, name);
        const auto pending = m_pending.constFind(id.toString());
        if (pending == m_pending.constEnd()) {
            state.problems.append(u"%1: the id is not pending"_s.arg(name));
            return;
        }
        path = pending->value("path"_L1).toArray();
        if (const QJsonValue subPath = item.value("subPath"_L1); !subPath.isUndefined()) {
            if (!subPath.isArray()) {
                state.problems.append(u"%1: \"subPath\" is not a list"_s.arg(name));
                return;
            }
            for (const QJsonValue &key : subPath.toArray())
                path.append(key);
        }
        append = true;
    } else if (const QJsonValue p = item.value("path"_L1); p.isArray()) {
        path = p.toArray();
        name = u"the incremental item at %1"_s.arg(pathText(path));
        addErrors(item, state, name);
    } else {
        addErrors(item, state, u"an incremental item"_s);
        state.problems.append(u"an incremental item has neither \"id\" nor a list \"path\""_s);
        return;
    }

    if (const QJsonValue extensions = item.value("extensions"_L1); extensions.isObject()) {
        const QJsonObject object = extensions.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            state.extensions.insert(it.key(), it.value());
    }

    if (item.contains("items"_L1))
        mergeItems(item.value("items"_L1), path, append, state, name);
    else if (item.contains("data"_L1))
        mergeData(item.value("data"_L1), path, state, name);
    else
        state.problems.append(u"%1 has neither \"data\" nor \"items\""_s.arg(name));
}

void QGraphQLIncrementalMerger::mergeData(const QJsonValue &patch, const QJsonArray &path,
                                          StepState &state, const QString &what)
{
    if (patch.isNull())
        return; // the deferred fragment failed; its errors were reported
    if (!patch.isObject()) {
        state.problems.append(u"the \"data\" of %1 is not an object"_s.arg(what));
        return;
    }
    auto apply = [&patch](QJsonValue &target, QString *reason) {
        if (target.isNull())
            return Walk::Nulled;
        if (!target.isObject()) {
            *reason = u"the value there is not an object"_s;
            return Walk::Failed;
        }
        deepMerge(target, patch);
        return Walk::Done;
    };
    QString reason;
    if (applyAt(m_data, path, 0, apply, &reason) == Walk::Failed)
        state.problems.append(u"%1 cannot be merged: %2"_s.arg(what, reason));
}

void QGraphQLIncrementalMerger::mergeItems(const QJsonValue &items, const QJsonArray &path,
                                           bool append, StepState &state, const QString &what)
{
    QJsonArray listPath = path;
    qint64 index = -1;
    if (!append) {
        index = path.isEmpty() ? -1 : indexOf(path.last());
        if (index < 0) {
            state.problems.append(u"the path of %1 does not end in a list index"_s.arg(what));
            return;
        }
        listPath.removeLast();
    }
    const QString streamKey = pathText(listPath);
    if (items.isNull()) {
        // graphql-js 16 style: the stream failed; its errors were reported. Apollo Client then
        // ignores later items for that list, and so do we.
        if (!append)
            m_failedStreams.insert(streamKey);
        return;
    }
    if (!items.isArray()) {
        state.problems.append(u"the \"items\" of %1 is not a list"_s.arg(what));
        return;
    }
    if (!append && m_failedStreams.contains(streamKey))
        return;

    const QJsonArray values = items.toArray();
    auto apply = [&](QJsonValue &target, QString *reason) {
        if (target.isNull())
            return Walk::Nulled;
        if (!target.isArray()) {
            *reason = u"the value at %1 is not a list"_s.arg(streamKey);
            return Walk::Failed;
        }
        QJsonArray list = target.toArray();
        target = QJsonValue();
        qsizetype at = append ? list.size() : qsizetype(index);
        if (at > list.size()) {
            *reason = u"index %1 is past the end of the list at %2 (%3 elements)"_s.arg(at)
                              .arg(streamKey)
                              .arg(list.size());
            target = QJsonValue(std::move(list));
            return Walk::Failed;
        }
        for (const QJsonValue &v : values) {
            if (at < list.size())
                list[at] = v;
            else
                list.append(v);
            ++at;
        }
        target = QJsonValue(std::move(list));
        return Walk::Done;
    };
    QString reason;
    if (applyAt(m_data, listPath, 0, apply, &reason) == Walk::Failed)
        state.problems.append(u"%1 cannot be merged: %2"_s.arg(what, reason));
}
