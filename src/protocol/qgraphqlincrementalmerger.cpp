// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlincrementalmerger_p.h"

#include "qgraphqlresponseparser_p.h"
#include "qgraphqlresult_p.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qstringlist.h>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

struct QGraphQLIncrementalMerger::StepState
{
    QList<QGraphQLError> errors;
    QGraphQLJsonNode errorNodes; // the raw errors, in order (an array once there are any)
    QGraphQLJsonNode extensions; // an object once there are any
    QStringList problems;
};

namespace {

using Node = QGraphQLJsonNode;

const Node &trueNode()
{
    static const Node node(QByteArrayLiteral("true"));
    return node;
}

const Node &falseNode()
{
    static const Node node(QByteArrayLiteral("false"));
    return node;
}

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

// The members of an object, a name written twice having its last value in its first place, as
// QJsonObject reads it. Expanded objects have unique names already.
QList<QPair<QByteArray, Node>> uniqueMembers(const Node &object)
{
    QList<QPair<QByteArray, Node>> members = object.members();
    if (!object.isText() || members.size() < 2)
        return members;
    bool duplicates = false;
    if (members.size() <= 16) {
        for (qsizetype i = 1; i < members.size() && !duplicates; ++i) {
            for (qsizetype j = 0; j < i && !duplicates; ++j)
                duplicates = members.at(i).first == members.at(j).first;
        }
    } else {
        QSet<QByteArray> seen;
        for (qsizetype i = 0; i < members.size() && !duplicates; ++i) {
            duplicates = seen.contains(members.at(i).first);
            seen.insert(members.at(i).first);
        }
    }
    if (!duplicates)
        return members;
    QList<QPair<QByteArray, Node>> unique;
    QHash<QByteArray, qsizetype> position;
    for (const auto &member : std::as_const(members)) {
        const auto it = position.constFind(member.first);
        if (it != position.constEnd()) {
            unique[*it].second = member.second;
        } else {
            position.insert(member.first, unique.size());
            unique.append(member);
        }
    }
    return unique;
}

// Deep merge of patch into target, in place. Changed containers are detached from anything
// else that shares them (an earlier response): one level of an object, a path of a list.
// Depth is bounded by the patch's.
void deepMerge(Node &target, const Node &patch)
{
    if (target.isObject() && patch.isObject()) {
        const auto members = uniqueMembers(patch);
        for (const auto &[name, value] : members) {
            Node *existing = target.memberForUpdate(name);
            if (!existing)
                target.insert(name, value);
            else if ((value.isObject() && existing->isObject())
                     || (value.isArray() && existing->isArray()))
                deepMerge(*existing, value);
            else
                *existing = value;
        }
    } else if (target.isArray() && patch.isArray()) {
        const QList<Node> items = patch.items();
        const qsizetype size = target.size();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i < size)
                deepMerge(*target.itemForUpdate(i), items.at(i));
            else
                target.append(items.at(i));
        }
    } else {
        target = patch;
    }
}

enum class Walk { Done, Nulled, Failed };

// Calls apply(value) on the value at path[depth...] inside node, changing node in place. A null
// on the way gives Nulled (an error nulled that subtree) and apply is not called. On Failed,
// *reason says why.
template<typename Apply>
Walk applyAt(Node &node, const QJsonArray &path, qsizetype depth, Apply &apply, QString *reason)
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
        const QString name = key.toString();
        if (node.member(name.toUtf8()).isUndefined()) { // reads text without expanding it
            *reason = u"the object at %1 has no field \"%2\""_s.arg(pathText(prefix()), name);
            return Walk::Failed;
        }
        return applyAt(*node.memberForUpdate(name.toUtf8()), path, depth + 1, apply, reason);
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
    Node *child = node.itemForUpdate(index);
    if (!child) {
        *reason = u"the list at %1 has no index %2"_s.arg(pathText(prefix())).arg(index);
        return Walk::Failed;
    }
    return applyAt(*child, path, depth + 1, apply, reason);
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
    result.setData(data());
    result.setErrors(m_allErrors);
    if (m_hasNext) // a finished response reads like the one without @defer/@stream
        result.setHasNext(true);
    return result;
}

QStringList QGraphQLIncrementalMerger::pendingIds() const
{
    return m_pendingOrder;
}

void QGraphQLIncrementalMerger::addErrors(const Node &errors, StepState &state, const QString &what)
{
    if (errors.isUndefined())
        return;
    if (!errors.isArray()) {
        state.problems.append(u"The \"errors\" of %1 is not a list"_s.arg(what));
        return;
    }
    const QList<Node> items = errors.items();
    for (const Node &error : items)
        state.errorNodes.append(error);
    state.errors.append(QGraphQLError::listFromJson(errors.toJsonValue().toArray()));
}

QGraphQLIncrementalMerger::Step QGraphQLIncrementalMerger::merge(QByteArrayView json)
{
    // Validated and kept as compact text: the merged data keeps the server's text.
    const QGraphQLResponseParser::JsonText parsed = QGraphQLResponseParser::parseJsonText(json);
    if (parsed.error.isEmpty())
        return merge(parsed.object);
    Step step;
    step.response = Node::object();
    if (!m_data.isUndefined())
        step.response.insert("data", m_data);
    step.response.insert("hasNext", m_hasNext ? trueNode() : falseNode());
    step.result = qgraphqlResultFromJsonNode(step.response);
    step.error = parsed.error;
    return step;
}

QGraphQLIncrementalMerger::Step QGraphQLIncrementalMerger::merge(const QJsonObject &payload)
{
    return merge(Node::fromJsonValue(payload));
}

QGraphQLIncrementalMerger::Step QGraphQLIncrementalMerger::merge(const Node &payload)
{
    m_lastIncremental = m_lastPending = m_lastCompleted = Node();

    if (isFinished() || !payload.isObject()) {
        Step step;
        step.response = Node::object();
        if (!m_data.isUndefined())
            step.response.insert("data", m_data);
        step.result = qgraphqlResultFromJsonNode(step.response);
        step.error = isFinished()
                ? u"A payload arrived after the last one (the one with hasNext false)"_s
                : u"The payload is not a JSON object"_s;
        return step;
    }
    StepState state;
    const bool initial = m_steps == 0;
    ++m_steps;
    bool itemPayload = false; // the 2020 draft form: the payload is one incremental item

    const QList<Node> members
            = payload.membersNamed({ "data", "items", "path", "errors", "extensions", "pending",
                                     "incremental", "completed", "hasNext" });
    const Node &data = members.at(0), &items = members.at(1), &path = members.at(2),
               &errors = members.at(3), &extensions = members.at(4), &pending = members.at(5),
               &incremental = members.at(6), &completed = members.at(7), &hasNext = members.at(8);

    if (initial) {
        if (data.isObject() || data.isNull())
            m_data = data;
        else if (!data.isUndefined())
            state.problems.append(u"The \"data\" of the initial payload is not an object"_s);
        else if (errors.isUndefined())
            state.problems.append(u"The initial payload has neither \"data\" nor \"errors\""_s);
    } else if (!data.isUndefined() || !items.isUndefined()) {
        if (!path.isUndefined()) {
            itemPayload = true;
            m_lastIncremental = Node::array();
            m_lastIncremental.append(payload);
            mergeItem(payload, state);
        } else {
            state.problems.append(u"A subsequent payload has \"data\" or \"items\" but no "
                                  "\"path\""_s);
        }
    }

    if (!itemPayload) {
        addErrors(errors, state, u"the payload"_s);
        if (extensions.isObject())
            state.extensions = extensions;
        else if (!extensions.isUndefined() && !extensions.isNull())
            state.problems.append(u"The \"extensions\" of the payload is not an object"_s);
    }

    // "pending", then "incremental", then "completed": a payload may announce an id, deliver
    // its data and complete it at once.
    if (!pending.isUndefined()) {
        if (!pending.isArray()) {
            state.problems.append(u"\"pending\" is not a list"_s);
        } else {
            m_lastPending = pending;
            const QJsonArray entries = pending.toJsonValue().toArray();
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const QJsonObject entry = entries.at(i).toObject();
                const QJsonValue id = entry.value("id"_L1);
                const QJsonValue entryPath = entry.value("path"_L1);
                if (!id.isString() || !entryPath.isArray()) {
                    state.problems.append(
                            u"pending entry %1 lacks a string \"id\" or a list \"path\""_s.arg(i));
                    continue;
                }
                const QString key = id.toString();
                if (m_pending.contains(key)) {
                    state.problems.append(u"pending id \"%1\" is announced twice"_s.arg(key));
                    continue;
                }
                QJsonObject stored { { "path"_L1, entryPath } };
                if (entry.contains("label"_L1))
                    stored.insert("label"_L1, entry.value("label"_L1));
                m_pending.insert(key, stored);
                m_pendingOrder.append(key);
            }
        }
    }

    if (!incremental.isUndefined()) {
        if (!incremental.isArray()) {
            state.problems.append(u"\"incremental\" is not a list"_s);
        } else {
            m_lastIncremental = incremental;
            const QList<Node> list = incremental.items();
            for (const Node &item : list)
                mergeItem(item, state);
        }
    }

    if (!completed.isUndefined()) {
        if (!completed.isArray()) {
            state.problems.append(u"\"completed\" is not a list"_s);
        } else {
            m_lastCompleted = completed;
            const QList<Node> entries = completed.items();
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const QList<Node> entry = entries.at(i).membersNamed({ "id", "errors" });
                const Node &id = entry.at(0), &entryErrors = entry.at(1);
                if (!id.isString()) {
                    state.problems.append(u"completed entry %1 has no string \"id\""_s.arg(i));
                    continue;
                }
                const QString key = id.toString();
                addErrors(entryErrors, state, u"completed id \"%1\""_s.arg(key));
                if (!m_pending.remove(key)) {
                    state.problems.append(u"completed id \"%1\" is not pending"_s.arg(key));
                    continue;
                }
                m_pendingOrder.removeOne(key);
            }
        }
    }

    if (!hasNext.isBool() && !hasNext.isUndefined())
        state.problems.append(u"\"hasNext\" is not a boolean"_s);
    m_hasNext = hasNext.toBool(false);
    return finish(state);
}

QGraphQLIncrementalMerger::Step QGraphQLIncrementalMerger::finish(StepState &state)
{
    m_allErrors.append(state.errors);

    Step step;
    step.response = Node::object();
    if (!m_data.isUndefined())
        step.response.insert("data", m_data);
    if (state.errorNodes.size() > 0)
        step.response.insert("errors", state.errorNodes);
    if (state.extensions.size() > 0)
        step.response.insert("extensions", state.extensions);
    step.response.insert("hasNext", m_hasNext ? trueNode() : falseNode());
    step.incremental = m_lastIncremental.isUndefined() ? Node::array() : m_lastIncremental;
    step.result = qgraphqlResultFromJsonNode(step.response, step.incremental);
    if (!state.problems.isEmpty())
        step.error = u"Malformed incremental payload %1: "_s.arg(m_steps)
                + state.problems.join("; "_L1);
    return step;
}

void QGraphQLIncrementalMerger::mergeItem(const Node &item, StepState &state)
{
    if (!item.isObject()) {
        state.problems.append(u"an incremental item is not an object"_s);
        return;
    }
    const QList<Node> members = item.membersNamed(
            { "id", "path", "subPath", "errors", "extensions", "data", "items" });
    const Node &id = members.at(0), &itemPath = members.at(1), &subPath = members.at(2),
               &errors = members.at(3), &extensions = members.at(4), &data = members.at(5),
               &items = members.at(6);

    QString name; // for messages
    QJsonArray path;
    bool append = false; // v0.2 items are appended to the list at the path
    if (!id.isUndefined()) {
        if (!id.isString()) {
            state.problems.append(u"an incremental item has a non-string \"id\""_s);
            return;
        }
        const QString key = id.toString();
        name = u"the incremental item for id \"%1\""_s.arg(key);
        addErrors(errors, state, name);
        const auto entry = m_pending.constFind(key);
        if (entry == m_pending.constEnd()) {
            state.problems.append(u"%1: the id is not pending"_s.arg(name));
            return;
        }
        path = entry->value("path"_L1).toArray();
        if (!subPath.isUndefined()) {
            if (!subPath.isArray()) {
                state.problems.append(u"%1: \"subPath\" is not a list"_s.arg(name));
                return;
            }
            const QJsonArray keys = subPath.toJsonValue().toArray();
            for (const QJsonValue &k : keys)
                path.append(k);
        }
        append = true;
    } else if (itemPath.isArray()) {
        path = itemPath.toJsonValue().toArray();
        name = u"the incremental item at %1"_s.arg(pathText(path));
        addErrors(errors, state, name);
    } else {
        addErrors(errors, state, u"an incremental item"_s);
        state.problems.append(u"an incremental item has neither \"id\" nor a list \"path\""_s);
        return;
    }

    if (extensions.isObject()) {
        const auto added = extensions.members();
        for (const auto &[key, value] : added)
            state.extensions.insert(key, value);
    }

    if (!items.isUndefined())
        mergeItems(items, path, append, state, name);
    else if (!data.isUndefined())
        mergeData(data, path, state, name);
    else
        state.problems.append(u"%1 has neither \"data\" nor \"items\""_s.arg(name));
}

void QGraphQLIncrementalMerger::mergeData(const Node &patch, const QJsonArray &path,
                                          StepState &state, const QString &what)
{
    if (patch.isNull())
        return; // the deferred fragment failed; its errors were reported
    if (!patch.isObject()) {
        state.problems.append(u"the \"data\" of %1 is not an object"_s.arg(what));
        return;
    }
    auto apply = [&patch](Node &target, QString *reason) {
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

void QGraphQLIncrementalMerger::mergeItems(const Node &items, const QJsonArray &path, bool append,
                                           StepState &state, const QString &what)
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

    const QList<Node> values = items.items(); // each keeps its text
    auto apply = [&](Node &target, QString *reason) {
        if (target.isNull())
            return Walk::Nulled;
        if (!target.isArray()) {
            *reason = u"the value at %1 is not a list"_s.arg(streamKey);
            return Walk::Failed;
        }
        const qsizetype size = target.size();
        qsizetype at = append ? size : qsizetype(index);
        if (at > size) {
            *reason = u"index %1 is past the end of the list at %2 (%3 elements)"_s.arg(at)
                              .arg(streamKey)
                              .arg(size);
            return Walk::Failed;
        }
        for (const Node &v : values) {
            if (at < size)
                target.replace(at, v);
            else
                target.append(v);
            ++at;
        }
        return Walk::Done;
    };
    QString reason;
    if (applyAt(m_data, listPath, 0, apply, &reason) == Walk::Failed)
        state.problems.append(u"%1 cannot be merged: %2"_s.arg(what, reason));
}
