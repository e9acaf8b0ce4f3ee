// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLJSONNODE_P_H
#define QGRAPHQLJSONNODE_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>
#include <QtCore/qjsonvalue.h>
#include <QtCore/qlist.h>
#include <QtCore/qpair.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>

#include <initializer_list>

struct QGraphQLJsonNodeData;

// An immutable, implicitly shared, ordered JSON value that keeps the server's text.
//
// A node is either a slice of compact, valid JSON text (a shared QByteArray and a range; nothing
// is parsed until asked) or an expanded object or array whose members or items are nodes. Text
// keeps the server's member order and every number as written, which QJsonObject (sorted keys,
// doubles) does not.
//
// Const methods never change shared state, so copies can be read from several threads: member()
// and at() on a text node scan the text each time. Building (insert(), append(), replace())
// detaches, and expands a text node one level first; its children stay text.
//
// Expanded arrays are persistent vectors (a tree of 32-item blocks shared between copies):
// appending to or replacing one item of a copy costs O(log n), not a copy of the array, so a
// merger can hand out every step's tree and keep growing it.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLJsonNode
{
public:
    enum class Type { Undefined, Null, Bool, Number, String, Array, Object };

    QGraphQLJsonNode(); // Undefined
    //! Over compact valid JSON text (no white space outside strings; validated before, by the
    //! caller); shares \a text, copies nothing. The range form: one value inside text.
    explicit QGraphQLJsonNode(const QByteArray &text);
    QGraphQLJsonNode(const QByteArray &text, qsizetype begin, qsizetype end);
    QGraphQLJsonNode(const QGraphQLJsonNode &other);
    QGraphQLJsonNode(QGraphQLJsonNode &&other) noexcept;
    QGraphQLJsonNode &operator=(const QGraphQLJsonNode &other);
    QGraphQLJsonNode &operator=(QGraphQLJsonNode &&other) noexcept;
    ~QGraphQLJsonNode();

    static QGraphQLJsonNode fromJsonValue(const QJsonValue &value); // Qt value -> node
    static QGraphQLJsonNode object(); // an empty expanded object
    static QGraphQLJsonNode array(); // an empty expanded array

    Type type() const;
    bool isUndefined() const { return type() == Type::Undefined; }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }
    //! Whether the node is (a slice of) text rather than an expanded container.
    bool isText() const { return !m_d && m_end > m_begin; }

    //! Object member by name (names compared after decoding escapes; fast when the raw key has
    //! no backslash); the last one for duplicate names, as QJsonObject; Undefined if absent or
    //! not an object.
    QGraphQLJsonNode member(QByteArrayView name) const;
    bool contains(QByteArrayView name) const { return !member(name).isUndefined(); }
    QGraphQLJsonNode at(qsizetype index) const; // array item or Undefined
    qsizetype size() const; // members or items, else 0
    QList<QByteArray> keys() const; // member names in order (decoded, UTF-8)
    //! Members in order (for text, duplicate names as they appear) or items, in one pass.
    QList<QPair<QByteArray, QGraphQLJsonNode>> members() const;
    QList<QGraphQLJsonNode> items() const;
    //! The values of the members named \a names, found in one pass over the text (the last one
    //! for duplicate names); Undefined for absent ones.
    QList<QGraphQLJsonNode> membersNamed(std::initializer_list<QByteArrayView> names) const;

    bool toBool(bool defaultValue = false) const;
    QString toString() const; // decoded string, else empty

    //! The Qt value, equal to what QJsonDocument::fromJson gives for the same text (objects
    //! and arrays through QJsonDocument::fromJson on the slice; scalars directly: integers as
    //! qint64 when Qt's parser gives an integer, else double, exactly as Qt does).
    QJsonValue toJsonValue() const;
    //! Compact JSON text: zero-copy (the shared buffer) when the node is a whole buffer;
    //! expanded parts serialised in order, text slices copied as they are.
    QByteArray toCompactJson() const;
    void appendCompactJson(QByteArray &out) const;

    // Building (copy-on-write; a text node is expanded one level first, its children stay text).
    //! Replaces the member in place, or appends it. Turns a non-object into an empty object
    //! first.
    void insert(const QByteArray &name, const QGraphQLJsonNode &value);
    //! Turns a non-array into an empty array first.
    void append(const QGraphQLJsonNode &item);
    //! Does nothing unless 0 <= index < size() of an array.
    void replace(qsizetype index, const QGraphQLJsonNode &item);
    //! For changing a child in place: the member's value or the item, after detaching this
    //! node (and, for arrays, the path to the item); nullptr if there is none. Valid until
    //! this node is changed otherwise.
    QGraphQLJsonNode *memberForUpdate(QByteArrayView name);
    QGraphQLJsonNode *itemForUpdate(qsizetype index);

    //! Same JSON value (objects compare as sets of members, numbers through toJsonValue()).
    bool operator==(const QGraphQLJsonNode &other) const;
    bool operator!=(const QGraphQLJsonNode &other) const { return !(*this == other); }

private:
    friend struct QGraphQLJsonNodeData;
    void expand(); // detached, expanded object or array (keeps its type)
    QByteArrayView textView() const
    {
        return QByteArrayView(m_text.constData() + m_begin, m_end - m_begin);
    }

    QByteArray m_text; // text node: the buffer ...
    qsizetype m_begin = 0; // ... and the value's range in it
    qsizetype m_end = 0;
    QExplicitlySharedDataPointer<QGraphQLJsonNodeData> m_d; // expanded object or array
};

Q_DECLARE_TYPEINFO(QGraphQLJsonNode, Q_RELOCATABLE_TYPE);

#endif // QGRAPHQLJSONNODE_P_H
