// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlresult.h"
#include "qgraphqlresult_p.h"

#include "protocol/qgraphqljsonnode_p.h"
#include "protocol/qgraphqljsontext_p.h"

#include <QtCore/qatomic.h>
#include <QtCore/qdebug.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qvarlengtharray.h>

#include <algorithm>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace {

// A value built on first use, once, also when several threads ask at the same time (the loser
// of the race drops its copy). Copying copies what was built.
template<typename T> class Lazy
{
public:
    Lazy() = default;
    Lazy(const Lazy &other)
    {
        if (const T *value = other.m_value.loadAcquire())
            m_value.storeRelaxed(new T(*value));
    }
    Lazy &operator=(const Lazy &) = delete;
    ~Lazy() { delete m_value.loadRelaxed(); }

    template<typename Build> const T &get(Build build) const
    {
        if (const T *value = m_value.loadAcquire())
            return *value;
        T *built = new T(build());
        if (!m_value.testAndSetOrdered(nullptr, built)) {
            delete built;
            return *m_value.loadAcquire();
        }
        return *built;
    }
    void set(T value)
    {
        delete m_value.loadRelaxed();
        m_value.storeRelaxed(new T(std::move(value)));
    }

private:
    mutable QAtomicPointer<T> m_value;
};

} // namespace

// Two kinds of results. Received ones keep the server's text (a node over it, or a merged tree
// of such nodes for incremental delivery): that is the source of truth, and the Qt values are
// built from it on first use. Results made with the setters hold the Qt values only.
class QGraphQLResultPrivate : public QSharedData
{
public:
    // The members of the response that the accessors need, found in one pass over its text.
    using Members = QGraphQLResponseMembers;

    static QGraphQLResult fromNode(const QGraphQLJsonNode &response,
                                   const QGraphQLJsonNode &incremental,
                                   const Members *members = nullptr);

    bool isText() const { return !response.isUndefined(); }
    const Members &members() const;
    bool hasErrorsMember() const;
    //! Leaves the text: builds every Qt value, then forgets the text (a setter was called).
    void toValues();

    QGraphQLJsonNode response; // received results: an object
    QGraphQLJsonNode incrementalItems; // received incremental steps: the raw "incremental" items

    Lazy<Members> index;
    Lazy<QByteArray> text; // rawJson() of a merged tree, written once
    Lazy<QJsonValue> data;
    Lazy<QList<QGraphQLError>> errors;
    Lazy<QJsonObject> extensions;
    Lazy<QJsonArray> incremental;

    // Results made with the setters
    bool errorsMember = false; // "errors" was set, even if empty
    bool hasNext = false;
    bool hasNextMember = false; // an incremental-delivery result: toJson() writes hasNext
};

const QGraphQLResultPrivate::Members &QGraphQLResultPrivate::members() const
{
    return index.get([this] {
        // One pass; for duplicate names the last one counts, as in QJsonObject.
        const QList<QGraphQLJsonNode> found
                = response.membersNamed({ "data", "errors", "extensions", "hasNext" });
        return Members { found.at(0), found.at(1), found.at(2), found.at(3) };
    });
}

bool QGraphQLResultPrivate::hasErrorsMember() const
{
    return isText() ? members().errors.isArray() : errorsMember;
}

void QGraphQLResultPrivate::toValues()
{
    if (!isText())
        return;
    const Members &m = members();
    data.set(m.data.toJsonValue());
    errors.set(QGraphQLError::listFromJson(m.errors.toJsonValue().toArray()));
    extensions.set(m.extensions.toJsonValue().toObject());
    incremental.set(incrementalItems.toJsonValue().toArray());
    errorsMember = m.errors.isArray();
    hasNextMember = !m.hasNext.isUndefined();
    hasNext = m.hasNext.toBool();
    response = {};
    incrementalItems = {};
}

// A default-constructed result shares one empty private: results are made per payload, and
// most are assigned over right away. Writing to it detaches, as for any shared copy.
static const QSharedDataPointer<QGraphQLResultPrivate> &sharedEmptyResult()
{
    static const QSharedDataPointer<QGraphQLResultPrivate> empty(new QGraphQLResultPrivate);
    return empty;
}

QGraphQLResult::QGraphQLResult() : d(sharedEmptyResult()) { }
QGraphQLResult::QGraphQLResult(const QGraphQLResult &other) = default;
QGraphQLResult &QGraphQLResult::operator=(const QGraphQLResult &other) = default;
QGraphQLResult::~QGraphQLResult() = default;
QGraphQLResult::QGraphQLResult(QGraphQLResult &&other) noexcept = default;
QGraphQLResult &QGraphQLResult::operator=(QGraphQLResult &&other) noexcept = default;

QGraphQLResult qgraphqlResultFromJsonNode(const QGraphQLJsonNode &response,
                                          const QGraphQLJsonNode &incremental)
{
    return QGraphQLResultPrivate::fromNode(response, incremental);
}

QGraphQLResult qgraphqlResultFromJsonNode(const QGraphQLJsonNode &response,
                                          const QGraphQLResponseMembers &members)
{
    return QGraphQLResultPrivate::fromNode(response, {}, &members);
}

QGraphQLResult QGraphQLResultPrivate::fromNode(const QGraphQLJsonNode &response,
                                               const QGraphQLJsonNode &incremental,
                                               const Members *members)
{
    QGraphQLResult result;
    if (!response.isObject())
        return result;
    // A fresh private: a copy of the shared empty one could carry values built from nothing.
    result.d.reset(new QGraphQLResultPrivate);
    result.d->response = response;
    result.d->incrementalItems = incremental;
    if (members)
        result.d->index.set(*members);
    return result;
}

QJsonValue QGraphQLResult::data() const
{
    return d->data.get([this] {
        return d->isText() ? d->members().data.toJsonValue() : QJsonValue(QJsonValue::Undefined);
    });
}

void QGraphQLResult::setData(const QJsonValue &data)
{
    d->toValues();
    d->data.set(data);
}

QList<QGraphQLError> QGraphQLResult::errors() const
{
    return d->errors.get([this] {
        return d->isText()
                ? QGraphQLError::listFromJson(d->members().errors.toJsonValue().toArray())
                : QList<QGraphQLError>();
    });
}

void QGraphQLResult::setErrors(const QList<QGraphQLError> &errors)
{
    d->toValues();
    d->errors.set(errors);
    d->errorsMember = !errors.isEmpty();
}

bool QGraphQLResult::hasErrors() const
{
    // Without building the list: a received result answers from its text.
    if (d->isText()) {
        const QGraphQLJsonNode &errors = d->members().errors;
        return errors.isArray() && errors.size() > 0;
    }
    return !errors().isEmpty();
}

QJsonObject QGraphQLResult::extensions() const
{
    return d->extensions.get([this] {
        return d->isText() ? d->members().extensions.toJsonValue().toObject() : QJsonObject();
    });
}

void QGraphQLResult::setExtensions(const QJsonObject &extensions)
{
    d->toValues();
    d->extensions.set(extensions);
}

bool QGraphQLResult::hasNext() const
{
    return d->isText() ? d->members().hasNext.toBool() : d->hasNext;
}

void QGraphQLResult::setHasNext(bool hasNext)
{
    d->toValues();
    d->hasNext = hasNext;
    d->hasNextMember = true;
}

QJsonArray QGraphQLResult::incremental() const
{
    return d->incremental.get([this] { return d->incrementalItems.toJsonValue().toArray(); });
}

void QGraphQLResult::setIncremental(const QJsonArray &items)
{
    if (d->isText()) {
        // The items are not part of the response text: no need to leave it.
        d->incrementalItems = QGraphQLJsonNode::fromJsonValue(items);
        d->incremental.set(items);
        return;
    }
    d->incremental.set(items);
}

bool QGraphQLResult::isValid() const
{
    if (d->isText())
        return !d->members().data.isUndefined() || d->hasErrorsMember();
    return !data().isUndefined() || d->errorsMember;
}

namespace {

// A path as UTF-8, without allocating for the usual short ASCII paths (value() is called per
// payload, often with a u"" literal).
using Utf8Path = QVarLengthArray<char, 128>;

Utf8Path toUtf8(QAnyStringView path)
{
    Utf8Path utf8;
    path.visit([&utf8](auto view) {
        using View = decltype(view);
        if constexpr (std::is_same_v<View, QUtf8StringView>) {
            utf8.append(view.data(), view.size());
        } else {
            // QLatin1StringView holds chars, QStringView QChars.
            const auto code = [](auto c) -> uint {
                if constexpr (std::is_same_v<decltype(c), char>)
                    return uchar(c);
                else
                    return c.unicode();
            };
            const bool ascii = std::all_of(view.begin(), view.end(),
                                           [&code](auto c) { return code(c) < 0x80; });
            if (ascii) {
                utf8.reserve(view.size());
                for (auto c : view)
                    utf8.append(char(code(c)));
            } else {
                const QByteArray converted = view.toString().toUtf8();
                utf8.append(converted.constData(), converted.size());
            }
        }
    });
    return utf8;
}

// Calls visit(segment) for each dot-separated segment ("a.b.0.c"); an empty path has none.
// Stops and returns false when visit() does.
template<typename Visit> bool forEachSegment(const Utf8Path &path, Visit visit)
{
    if (path.isEmpty())
        return true;
    const QByteArrayView all(path.constData(), path.size());
    qsizetype from = 0;
    for (;;) {
        const qsizetype dot = all.indexOf('.', from);
        const QByteArrayView segment = all.sliced(from, (dot < 0 ? all.size() : dot) - from);
        if (!visit(segment))
            return false;
        if (dot < 0)
            return true;
        from = dot + 1;
    }
}

bool toIndex(QByteArrayView segment, qsizetype *index)
{
    if (segment.isEmpty() || segment.size() > 18)
        return false;
    qsizetype value = 0;
    for (char c : segment) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *index = value;
    return true;
}

QGraphQLJsonNode nodeAt(QGraphQLJsonNode node, QAnyStringView path)
{
    const bool found = forEachSegment(toUtf8(path), [&node](QByteArrayView segment) {
        qsizetype index = 0;
        if (node.isObject())
            node = node.member(segment);
        else if (node.isArray() && toIndex(segment, &index))
            node = node.at(index);
        else
            node = {};
        return !node.isUndefined();
    });
    return found ? node : QGraphQLJsonNode();
}

QJsonValue valueAt(QJsonValue value, QAnyStringView path)
{
    const bool found = forEachSegment(toUtf8(path), [&value](QByteArrayView segment) {
        qsizetype index = 0;
        if (value.isObject()) {
            value = value.toObject().value(QString::fromUtf8(segment));
        } else if (value.isArray() && toIndex(segment, &index)) {
            const QJsonArray array = value.toArray();
            value = index < array.size() ? array.at(index) : QJsonValue(QJsonValue::Undefined);
        } else {
            value = QJsonValue::Undefined;
        }
        return !value.isUndefined();
    });
    return found ? value : QJsonValue(QJsonValue::Undefined);
}

} // namespace

QJsonValue QGraphQLResult::value(QAnyStringView path) const
{
    if (d->isText())
        return nodeAt(d->members().data, path).toJsonValue();
    return valueAt(data(), path);
}

QByteArray QGraphQLResult::rawValue(QAnyStringView path) const
{
    if (d->isText())
        return nodeAt(d->members().data, path).toCompactJson();
    const QJsonValue value = valueAt(data(), path);
    if (value.isUndefined())
        return {};
    return QGraphQLJsonNode::fromJsonValue(value).toCompactJson();
}

QByteArray QGraphQLResult::rawJson(QJsonDocument::JsonFormat format) const
{
    if (!d->isText())
        return QJsonDocument(toJson()).toJson(format);
    // A slice of one buffer is shared as it is; a merged tree is written out once.
    const QByteArray compact = d->response.isText()
            ? d->response.toCompactJson()
            : d->text.get([this] { return d->response.toCompactJson(); });
    return format == QJsonDocument::Compact ? compact : QGraphQLJsonText::indented(compact);
}

QGraphQLResult QGraphQLResult::fromJson(const QJsonObject &object)
{
    QGraphQLResult result;
    const auto data = object.constFind("data"_L1);
    if (data != object.constEnd())
        result.d->data.set(*data);
    const auto errors = object.constFind("errors"_L1);
    if (errors != object.constEnd() && errors->isArray()) {
        result.d->errors.set(QGraphQLError::listFromJson(errors->toArray()));
        result.d->errorsMember = true;
    }
    result.d->extensions.set(object.value("extensions"_L1).toObject());
    const auto hasNext = object.constFind("hasNext"_L1);
    if (hasNext != object.constEnd()) {
        result.d->hasNext = hasNext->toBool();
        result.d->hasNextMember = true;
    }
    return result;
}

QGraphQLResult QGraphQLResult::fromRawJson(QByteArrayView json, QString *errorString)
{
    QByteArray text;
    QGraphQLJsonText::Error error;
    if (!QGraphQLJsonText::compact(json, &text, &error)) {
        if (errorString)
            *errorString = u"Invalid JSON at byte %1: %2"_s.arg(error.offset).arg(error.message);
        return {};
    }
    const QGraphQLJsonNode response(text);
    if (!response.isObject()) {
        if (errorString)
            *errorString = u"Expected a JSON object"_s;
        return {};
    }
    if (errorString)
        errorString->clear();
    return qgraphqlResultFromJsonNode(response);
}

QJsonObject QGraphQLResult::toJson() const
{
    QJsonObject object;
    const QJsonValue data = this->data();
    if (!data.isUndefined())
        object.insert("data"_L1, data);
    if (d->hasErrorsMember()) {
        QJsonArray errors;
        for (const QGraphQLError &error : this->errors())
            errors.append(error.toJson());
        object.insert("errors"_L1, errors);
    }
    const QJsonObject extensions = this->extensions();
    if (!extensions.isEmpty())
        object.insert("extensions"_L1, extensions);
    const bool hasNextMember = d->isText() ? !d->members().hasNext.isUndefined() : d->hasNextMember;
    if (hasNextMember)
        object.insert("hasNext"_L1, hasNext());
    return object;
}

bool QGraphQLResult::operator==(const QGraphQLResult &other) const
{
    if (d == other.d)
        return true;
    if (d->isText() && other.d->isText() && rawJson() == other.rawJson())
        return true;
    return data() == other.data() && errors() == other.errors()
            && extensions() == other.extensions() && hasNext() == other.hasNext();
}

QDebug operator<<(QDebug debug, const QGraphQLResult &result)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "QGraphQLResult(" << result.rawJson() << ')';
    return debug;
}
