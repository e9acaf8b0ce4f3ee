// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlresultlistmodel.h"

#include "qgraphqloperation.h"

#include <QtCore/qhash.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qmetaobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtCore/qstringlist.h>

#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;

// Rows live in a std::deque: appending, prepending and dropping the oldest row at either end
// are O(1), so a stream trimmed by maxCount costs the same per event however long it runs.
// Upsert finds rows by key through a hash from key to an absolute row id (row + m_base), which
// stays valid when rows are dropped at the front; other edits mark it stale and the next
// Upsert rebuilds it.
class QGraphQLResultListModelPrivate
{
public:
    explicit QGraphQLResultListModelPrivate(QGraphQLResultListModel *model) : q(model) { }

    QGraphQLResultListModel *q;
    QPointer<QObject> source;
    QMetaObject::Connection sourceConnection;
    QMetaObject::Connection destroyedConnection;
    QString path;
    QStringList pathSegments;
    QGraphQLResultListModel::Policy policy = QGraphQLResultListModel::Append;
    QString key;
    QStringList keySegments;
    int maxCount = 0;

    std::deque<QJsonValue> rows;
    QStringList fields; // role ModelDataRole + 1 + i
    QHash<QString, int> fieldRoles;

    QHash<QString, qint64> keyIds; // Upsert: key -> absolute row id
    qint64 base = 0; // absolute id of row 0
    bool keyIndexValid = true;

    // Incremental delivery: the previous result said hasNext, so this one continues the same
    // response; streamTaken list items of that response are already rows.
    bool continuing = false;
    qsizetype streamTaken = 0;

    static QJsonValue valueAt(QJsonValue value, const QStringList &segments);
    QString keyOf(const QJsonValue &row) const;
    int rowCount() const { return int(rows.size()); }

    //! Registers the fields of rows; true when a field is new (the role set grew).
    bool learnFields(const QList<QJsonValue> &newRows);
    bool hasNewFields(const QList<QJsonValue> &newRows) const;
    //! Applies \a edit, reported as a model reset when \a rows bring a new field to a model
    //! whose roles a view may have cached; else edit reports its own fine-grained signals.
    template<typename Edit> void change(const QList<QJsonValue> &newRows, Edit edit);

    void append(const QList<QJsonValue> &newRows, bool signal);
    void prepend(const QList<QJsonValue> &newRows, bool signal);
    void upsert(const QList<QJsonValue> &newRows, bool signal);
    void replace(QList<QJsonValue> newRows, bool signal);
    void replaceByKey(const QList<QJsonValue> &newRows, bool signal);
    void removeRows(int first, int last, bool signal);
    void insertRows(int at, const QList<QJsonValue> &newRows, bool signal);
    void setRow(int row, const QJsonValue &value, bool signal);
    void trimFront(bool signal);
    void trimBack(bool signal);
    void ensureKeyIndex();
    void resetState();
};

QJsonValue QGraphQLResultListModelPrivate::valueAt(QJsonValue value, const QStringList &segments)
{
    for (const QString &segment : segments) {
        if (value.isObject()) {
            value = value.toObject().value(segment);
        } else if (value.isArray()) {
            bool ok = false;
            const int index = segment.toInt(&ok);
            const QJsonArray array = value.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            value = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return value;
}

QString QGraphQLResultListModelPrivate::keyOf(const QJsonValue &row) const
{
    if (keySegments.isEmpty())
        return {};
    const QJsonValue value = valueAt(row, keySegments);
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

bool QGraphQLResultListModelPrivate::hasNewFields(const QList<QJsonValue> &newRows) const
{
    for (const QJsonValue &row : newRows) {
        if (!row.isObject())
            continue;
        const QJsonObject object = row.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!fieldRoles.contains(it.key()) && it.key() != "modelData"_L1)
                return true;
        }
    }
    return false;
}

bool QGraphQLResultListModelPrivate::learnFields(const QList<QJsonValue> &newRows)
{
    bool grew = false;
    for (const QJsonValue &row : newRows) {
        if (!row.isObject())
            continue;
        const QJsonObject object = row.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (fieldRoles.contains(it.key()))
                continue;
            // "modelData" is the whole row; a field of that name stays reachable through it.
            if (it.key() == "modelData"_L1)
                continue;
            fieldRoles.insert(it.key(),
                              QGraphQLResultListModel::ModelDataRole + 1 + int(fields.size()));
            fields.append(it.key());
            grew = true;
        }
    }
    return grew;
}

template<typename Edit>
void QGraphQLResultListModelPrivate::change(const QList<QJsonValue> &newRows, Edit edit)
{
    const bool hadFields = !fields.isEmpty();
    const int before = rowCount();
    // Views read roleNames() once (QML's delegate model when it creates its first delegate)
    // and re-read it only across a model reset. So the first result that brings a field not
    // seen before is reported as one reset; every other change is fine-grained. A model that
    // never had rows nor fields has nothing cached anywhere: plain inserts are enough.
    // The new roles are learnt inside the reset: QML's delegate model compares roleNames()
    // at modelAboutToBeReset() and at modelReset(), and rebuilds its delegates' properties
    // when they differ.
    const bool reset = (hadFields || before > 0) && hasNewFields(newRows);
    if (reset)
        q->beginResetModel();
    learnFields(newRows);
    edit(!reset);
    if (reset)
        q->endResetModel();
    if (rowCount() != before)
        Q_EMIT q->countChanged();
}

void QGraphQLResultListModelPrivate::insertRows(int at, const QList<QJsonValue> &newRows,
                                                bool signal)
{
    if (newRows.isEmpty())
        return;
    if (signal)
        q->beginInsertRows(QModelIndex(), at, at + int(newRows.size()) - 1);
    if (at == rowCount()) {
        for (const QJsonValue &row : newRows)
            rows.push_back(row);
        if (policy == QGraphQLResultListModel::Upsert && keyIndexValid) {
            qint64 id = base + at;
            for (const QJsonValue &row : newRows) {
                const QString k = keyOf(row);
                if (!k.isEmpty() && !keyIds.contains(k))
                    keyIds.insert(k, id);
                ++id;
            }
        }
    } else if (at == 0) {
        for (auto it = newRows.crbegin(); it != newRows.crend(); ++it)
            rows.push_front(*it);
        base -= newRows.size();
        keyIndexValid = false;
    } else {
        rows.insert(rows.begin() + at, newRows.cbegin(), newRows.cend());
        keyIndexValid = false;
    }
    if (signal)
        q->endInsertRows();
}

void QGraphQLResultListModelPrivate::removeRows(int first, int last, bool signal)
{
    if (first > last)
        return;
    if (signal)
        q->beginRemoveRows(QModelIndex(), first, last);
    if (first == 0) {
        for (int i = first; i <= last; ++i) {
            if (keyIndexValid && !keySegments.isEmpty()) {
                const QString k = keyOf(rows.front());
                const auto it = keyIds.constFind(k);
                if (it != keyIds.constEnd() && *it == base)
                    keyIds.erase(it);
            }
            rows.pop_front();
            ++base;
        }
    } else {
        rows.erase(rows.begin() + first, rows.begin() + last + 1);
        keyIndexValid = false;
    }
    if (signal)
        q->endRemoveRows();
}

void QGraphQLResultListModelPrivate::setRow(int row, const QJsonValue &value, bool signal)
{
    if (rows[size_t(row)] == value)
        return;
    rows[size_t(row)] = value;
    if (signal) {
        const QModelIndex index = q->index(row);
        Q_EMIT q->dataChanged(index, index);
    }
}

void QGraphQLResultListModelPrivate::trimFront(bool signal)
{
    if (maxCount > 0 && rowCount() > maxCount)
        removeRows(0, rowCount() - maxCount - 1, signal);
}

void QGraphQLResultListModelPrivate::trimBack(bool signal)
{
    if (maxCount > 0 && rowCount() > maxCount)
        removeRows(maxCount, rowCount() - 1, signal);
}

void QGraphQLResultListModelPrivate::append(const QList<QJsonValue> &newRows, bool signal)
{
    // Rows that maxCount would drop at once are never inserted.
    const qsizetype skip = maxCount > 0 ? std::max<qsizetype>(0, newRows.size() - maxCount) : 0;
    insertRows(rowCount(), skip ? newRows.mid(skip) : newRows, signal);
    trimFront(signal);
}

void QGraphQLResultListModelPrivate::prepend(const QList<QJsonValue> &newRows, bool signal)
{
    insertRows(0, maxCount > 0 && newRows.size() > maxCount ? newRows.first(maxCount) : newRows,
               signal);
    trimBack(signal);
}

void QGraphQLResultListModelPrivate::ensureKeyIndex()
{
    if (keyIndexValid)
        return;
    keyIds.clear();
    base = 0;
    for (int i = 0; i < rowCount(); ++i) {
        const QString k = keyOf(rows[size_t(i)]);
        if (!k.isEmpty() && !keyIds.contains(k))
            keyIds.insert(k, i);
    }
    keyIndexValid = true;
}

void QGraphQLResultListModelPrivate::upsert(const QList<QJsonValue> &newRows, bool signal)
{
    if (keySegments.isEmpty()) {
        append(newRows, signal);
        return;
    }
    ensureKeyIndex();
    QList<QJsonValue> added;
    QHash<QString, qsizetype> addedKeys; // keys of rows waiting in added
    auto flush = [&] {
        insertRows(rowCount(), added, signal);
        added.clear();
        addedKeys.clear();
    };
    for (const QJsonValue &row : newRows) {
        const QString k = keyOf(row);
        if (!k.isEmpty()) {
            if (const auto pending = addedKeys.constFind(k); pending != addedKeys.constEnd()) {
                added[*pending] = row; // the same key twice in one result: the last wins
                continue;
            }
            if (const auto it = keyIds.constFind(k); it != keyIds.constEnd()) {
                setRow(int(*it - base), row, signal);
                continue;
            }
            addedKeys.insert(k, added.size());
        }
        added.append(row);
    }
    flush();
    trimFront(signal);
}

void QGraphQLResultListModelPrivate::replace(QList<QJsonValue> newRows, bool signal)
{
    if (maxCount > 0 && newRows.size() > maxCount)
        newRows.resize(maxCount);
    if (!keySegments.isEmpty()) {
        replaceByKey(newRows, signal);
        return;
    }
    // Position by position: changed rows get dataChanged, the rest is inserted or removed at
    // the end. A stream of steps that only adds items is only inserts.
    const int common = std::min(rowCount(), int(newRows.size()));
    for (int i = 0; i < common; ++i)
        setRow(i, newRows.at(i), signal);
    if (newRows.size() > rowCount())
        insertRows(rowCount(), newRows.mid(rowCount()), signal);
    else
        removeRows(int(newRows.size()), rowCount() - 1, signal);
}

void QGraphQLResultListModelPrivate::replaceByKey(const QList<QJsonValue> &newRows, bool signal)
{
    // 1. Rows whose key is gone (or that have none) are removed, in contiguous ranges.
    QHash<QString, qsizetype> wanted;
    for (qsizetype i = 0; i < newRows.size(); ++i) {
        const QString k = keyOf(newRows.at(i));
        if (!k.isEmpty() && !wanted.contains(k))
            wanted.insert(k, i);
    }
    QSet<QString> kept;
    for (int i = rowCount() - 1; i >= 0;) {
        int last = i;
        while (i >= 0) {
            const QString k = keyOf(rows[size_t(i)]);
            if (!k.isEmpty() && wanted.contains(k) && !kept.contains(k)) {
                kept.insert(k);
                break;
            }
            --i;
        }
        if (i < last)
            removeRows(i + 1, last, signal);
        --i;
    }
    // 2. Walk the new list: same key in place -> dataChanged; the key further down -> move
    //    it up; unknown keys -> inserted, a run of them at once.
    QSet<QString> placed;
    auto isNew = [&](const QJsonValue &row) {
        const QString k = keyOf(row);
        return k.isEmpty() || !kept.contains(k) || placed.contains(k);
    };
    for (int i = 0; i < int(newRows.size()); ++i) {
        const QJsonValue &row = newRows.at(i);
        if (isNew(row)) {
            int end = i + 1;
            while (end < int(newRows.size()) && isNew(newRows.at(end)))
                ++end;
            insertRows(i, newRows.mid(i, end - i), signal);
            i = end - 1;
            continue;
        }
        const QString k = keyOf(row);
        placed.insert(k);
        int found = -1;
        {
            for (int j = i; j < rowCount(); ++j) {
                if (keyOf(rows[size_t(j)]) == k) {
                    found = j;
                    break;
                }
            }
        }
        if (found == i) {
            setRow(i, row, signal);
        } else if (found > i) {
            if (signal)
                q->beginMoveRows(QModelIndex(), found, found, QModelIndex(), i);
            const QJsonValue moved = rows[size_t(found)];
            rows.erase(rows.begin() + found);
            rows.insert(rows.begin() + i, moved);
            if (signal)
                q->endMoveRows();
            setRow(i, row, signal);
        } else {
            insertRows(i, { row }, signal);
        }
    }
    removeRows(int(newRows.size()), rowCount() - 1, signal);
    keyIndexValid = false;
}

void QGraphQLResultListModelPrivate::resetState()
{
    rows.clear();
    fields.clear();
    fieldRoles.clear();
    keyIds.clear();
    base = 0;
    keyIndexValid = true;
    continuing = false;
    streamTaken = 0;
}

QGraphQLResultListModel::QGraphQLResultListModel(QObject *parent)
    : QAbstractListModel(parent), d(std::make_unique<QGraphQLResultListModelPrivate>(this))
{ }

QGraphQLResultListModel::~QGraphQLResultListModel()
{
    QObject::disconnect(d->sourceConnection);
    QObject::disconnect(d->destroyedConnection);
}

QObject *QGraphQLResultListModel::source() const
{
    return d->source;
}

void QGraphQLResultListModel::setSource(QObject *source)
{
    if (d->source == source)
        return;
    QObject::disconnect(d->sourceConnection);
    QObject::disconnect(d->destroyedConnection);
    d->source = source;
    d->continuing = false;
    d->streamTaken = 0;
    if (source) {
        if (auto *operation = qobject_cast<QGraphQLOperation *>(source)) {
            d->sourceConnection = connect(operation, &QGraphQLOperation::resultReceived, this,
                                          &QGraphQLResultListModel::addResult);
        } else {
            const QMetaObject *meta = source->metaObject();
            int signal = meta->indexOfSignal("resultArrived(QGraphQLResult)");
            if (signal < 0)
                signal = meta->indexOfSignal("resultReceived(QGraphQLResult)");
            if (signal >= 0) {
                const int slot = metaObject()->indexOfSlot("addResult(QGraphQLResult)");
                d->sourceConnection
                        = connect(source, meta->method(signal), this, metaObject()->method(slot));
            } else {
                qWarning("QGraphQLResultListModel: %s has no signal resultArrived(QGraphQLResult)"
                         " or resultReceived(QGraphQLResult): no results will arrive",
                         meta->className());
            }
        }
        d->destroyedConnection = connect(source, &QObject::destroyed, this, [this] {
            QObject::disconnect(d->sourceConnection);
            d->source = nullptr;
            Q_EMIT sourceChanged();
        });
    }
    Q_EMIT sourceChanged();
}

QString QGraphQLResultListModel::path() const
{
    return d->path;
}

void QGraphQLResultListModel::setPath(const QString &path)
{
    if (d->path == path)
        return;
    d->path = path;
    d->pathSegments = path.split(u'.', Qt::SkipEmptyParts);
    Q_EMIT pathChanged();
}

QGraphQLResultListModel::Policy QGraphQLResultListModel::policy() const
{
    return d->policy;
}

void QGraphQLResultListModel::setPolicy(Policy policy)
{
    if (d->policy == policy)
        return;
    d->policy = policy;
    d->keyIndexValid = false;
    Q_EMIT policyChanged();
}

QString QGraphQLResultListModel::key() const
{
    return d->key;
}

void QGraphQLResultListModel::setKey(const QString &key)
{
    if (d->key == key)
        return;
    d->key = key;
    d->keySegments = key.split(u'.', Qt::SkipEmptyParts);
    d->keyIndexValid = false;
    Q_EMIT keyChanged();
}

int QGraphQLResultListModel::maxCount() const
{
    return d->maxCount;
}

void QGraphQLResultListModel::setMaxCount(int maxCount)
{
    maxCount = std::max(0, maxCount);
    if (d->maxCount == maxCount)
        return;
    d->maxCount = maxCount;
    Q_EMIT maxCountChanged();
    const int before = d->rowCount();
    if (d->policy == Prepend)
        d->trimBack(true);
    else if (d->policy == Replace)
        d->trimBack(true);
    else
        d->trimFront(true);
    if (d->rowCount() != before)
        Q_EMIT countChanged();
}

int QGraphQLResultListModel::count() const
{
    return d->rowCount();
}

QVariantMap QGraphQLResultListModel::get(int row) const
{
    if (row < 0 || row >= d->rowCount())
        return {};
    const QJsonValue &value = d->rows[size_t(row)];
    if (value.isObject())
        return value.toObject().toVariantMap();
    return { { u"modelData"_s, value.toVariant() } };
}

void QGraphQLResultListModel::clear()
{
    const bool hadRows = d->rowCount() > 0;
    beginResetModel();
    d->resetState();
    endResetModel();
    if (hadRows)
        Q_EMIT countChanged();
}

int QGraphQLResultListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : d->rowCount();
}

QVariant QGraphQLResultListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonValue &value = d->rows[size_t(index.row())];
    if (role == ModelDataRole)
        return value.toVariant();
    const int field = role - ModelDataRole - 1;
    if (field < 0 || field >= d->fields.size() || !value.isObject())
        return {};
    const QJsonValue member = value.toObject().value(d->fields.at(field));
    if (member.isUndefined())
        return {};
    return member.toVariant();
}

QHash<int, QByteArray> QGraphQLResultListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    names.reserve(d->fields.size() + 1);
    names.insert(ModelDataRole, QByteArrayLiteral("modelData"));
    for (qsizetype i = 0; i < d->fields.size(); ++i)
        names.insert(ModelDataRole + 1 + int(i), d->fields.at(i).toUtf8());
    return names;
}

void QGraphQLResultListModel::addResult(const QGraphQLResult &result)
{
    const bool continuing = d->continuing;
    d->continuing = result.hasNext();

    const QJsonValue at = QGraphQLResultListModelPrivate::valueAt(result.data(), d->pathSegments);
    QList<QJsonValue> rows;
    const bool isList = at.isArray();
    if (isList) {
        const QJsonArray array = at.toArray();
        rows.reserve(array.size());
        for (const QJsonValue &item : array)
            rows.append(item);
    } else if (at.isObject()) {
        rows.append(at);
    } else if (!continuing || d->policy == Replace) {
        if (!continuing)
            d->streamTaken = 0;
        return; // nothing at the path (an error nulled it, or another field): no change
    }

    QList<QJsonValue> fresh = rows; // what Append and Prepend add
    if (continuing) {
        // A later step of the same incremental response: data() holds everything merged so
        // far, so only the list items past those already taken are new. When data() does not
        // hold them (a step with only its items), the step's @stream items for this list are.
        if (isList && rows.size() > d->streamTaken) {
            fresh = rows.mid(d->streamTaken);
        } else {
            fresh.clear();
            const QJsonArray steps = result.incremental();
            for (const QJsonValue &step : steps) {
                const QJsonObject item = step.toObject();
                const QJsonArray itemPath = item.value("path"_L1).toArray();
                const QJsonValue items = item.value("items"_L1);
                if (!items.isArray() || itemPath.isEmpty())
                    continue;
                QStringList listPath;
                for (qsizetype i = 0; i + 1 < itemPath.size(); ++i) {
                    const QJsonValue segment = itemPath.at(i);
                    listPath.append(segment.isString() ? segment.toString()
                                                       : QString::number(segment.toInteger()));
                }
                if (listPath != d->pathSegments)
                    continue;
                for (const QJsonValue &value : items.toArray())
                    fresh.append(value);
            }
        }
        d->streamTaken = std::max(d->streamTaken + fresh.size(), rows.size());
    } else {
        d->streamTaken = isList ? rows.size() : 0;
    }

    switch (d->policy) {
    case Append:
        d->change(fresh, [&](bool signal) { d->append(fresh, signal); });
        break;
    case Prepend:
        d->change(fresh, [&](bool signal) { d->prepend(fresh, signal); });
        break;
    case Upsert:
        // Upserting every row again is idempotent, and it picks up @defer data merged into
        // rows taken earlier; without the list in data(), the step's own items.
        if (!isList && !at.isObject())
            rows = fresh;
        d->change(rows, [&](bool signal) { d->upsert(rows, signal); });
        break;
    case Replace:
        d->change(rows, [&](bool signal) { d->replace(rows, signal); });
        break;
    }
}
