// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqljsonnode_p.h"

#include "qgraphqljsonscanner_p.h"
#include "qgraphqlresult_p.h"

#include <QtCore/qhash.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>

#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

using Type = QGraphQLJsonNode::Type;

// ---- Scanning compact JSON text -------------------------------------------------------------
// Positions are indexes into the buffer; every step is bounded by end, so that text that is not
// valid after all gives wrong answers, never a read out of bounds.

// From the opening quote of a string to just after its closing quote.
qsizetype skipString(const char *s, qsizetype p, qsizetype end)
{
    ++p;
    while (p < end) {
        const char c = s[p];
        if (c == '"')
            return p + 1;
        p += c == '\\' ? 2 : 1;
    }
    return end;
}

// From the first byte of a value to just after it.
qsizetype skipValue(const char *s, qsizetype p, qsizetype end)
{
    if (p >= end)
        return end;
    switch (s[p]) {
    case '"':
        return skipString(s, p, end);
    case '{':
    case '[': {
        QGraphQLJsonScanner scanner;
        scanner.scan(QByteArrayView(s + p, end - p));
        return scanner.hasValue() ? p + qsizetype(scanner.valueEnd()) : end;
    }
    default:
        while (p < end && s[p] != ',' && s[p] != '}' && s[p] != ']')
            ++p;
        return p;
    }
}

// Calls f(keyBegin, keyEnd, valueBegin, valueEnd) for each member of the object text at
// [p, end) in order (the key without its quotes), until f returns false.
template<typename F> void forEachMember(const char *s, qsizetype p, qsizetype end, F f)
{
    if (p >= end || s[p] != '{')
        return;
    ++p;
    while (p < end && s[p] == '"') {
        const qsizetype keyEnd = skipString(s, p, end);
        if (keyEnd >= end || s[keyEnd] != ':')
            return;
        const qsizetype valueBegin = keyEnd + 1;
        const qsizetype valueEnd = skipValue(s, valueBegin, end);
        if (valueEnd <= valueBegin || !f(p + 1, keyEnd - 1, valueBegin, valueEnd))
            return;
        p = valueEnd;
        if (p >= end || s[p] != ',')
            return;
        ++p;
    }
}

// Calls f(valueBegin, valueEnd) for each item of the array text at [p, end), until f returns
// false.
template<typename F> void forEachItem(const char *s, qsizetype p, qsizetype end, F f)
{
    if (p >= end || s[p] != '[')
        return;
    ++p;
    if (p < end && s[p] == ']')
        return;
    while (p < end) {
        const qsizetype valueEnd = skipValue(s, p, end);
        if (valueEnd <= p || !f(p, valueEnd))
            return;
        p = valueEnd;
        if (p >= end || s[p] != ',')
            return;
        ++p;
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The contents of a string (between the quotes) decoded as Qt's parser does: each \uXXXX is one
// UTF-16 unit, so that a surrogate pair written as two escapes becomes one character and a lone
// surrogate stays as it is.
QString decodeString(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    QString out;
    out.reserve(raw.size());
    qsizetype i = 0;
    while (i < raw.size()) {
        qsizetype j = raw.indexOf('\\', i);
        if (j < 0)
            j = raw.size();
        out += QString::fromUtf8(raw.sliced(i, j - i));
        if (j + 1 >= raw.size())
            break;
        i = j + 2;
        switch (raw[j + 1]) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            char16_t unit = 0;
            for (qsizetype k = 0; k < 4 && i < raw.size(); ++k, ++i)
                unit = char16_t(unit * 16 + qMax(0, hexValue(raw[i])));
            out += QChar(unit);
            break;
        }
        default: // '"', '\\', '/'
            out += QLatin1Char(raw[j + 1]);
            break;
        }
    }
    return out;
}

QByteArray decodeKey(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return raw.toByteArray();
    return decodeString(raw).toUtf8();
}

bool keyEquals(QByteArrayView raw, QByteArrayView name)
{
    if (!raw.contains('\\'))
        return raw == name;
    return decodeKey(raw) == name;
}

// A name (UTF-8) as the contents of a JSON string.
QByteArray escapeKey(const QByteArray &name)
{
    bool plain = true;
    for (const char c : name) {
        if (c == '"' || c == '\\' || uchar(c) < 0x20) {
            plain = false;
            break;
        }
    }
    if (plain)
        return name;
    QByteArray out;
    for (const char c : name) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[uchar(c) >> 4];
                out += "0123456789abcdef"[uchar(c) & 0xf];
            } else {
                out += c;
            }
        }
    }
    return out;
}

// A number as Qt's JSON parser reads it: an integer (qint64) when there is no exponent, any
// fraction is zeros only and the digits fit, else a double.
QJsonValue numberValue(QByteArrayView text)
{
    bool isInt = true;
    qsizetype p = 0;
    if (p < text.size() && text[p] == '-')
        ++p;
    while (p < text.size() && text[p] >= '0' && text[p] <= '9')
        ++p;
    if (p < text.size() && text[p] == '.') {
        for (++p; p < text.size() && text[p] >= '0' && text[p] <= '9'; ++p)
            isInt = isInt && text[p] == '0';
    }
    if (p < text.size() && (text[p] == 'e' || text[p] == 'E'))
        isInt = false;
    const QByteArray number = QByteArray::fromRawData(text.data(), text.size());
    if (isInt) {
        bool ok = false;
        const qlonglong n = number.toLongLong(&ok);
        if (ok)
            return QJsonValue(qint64(n));
    }
    return QJsonValue(number.toDouble());
}

Type textType(char first)
{
    switch (first) {
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case '"':
        return Type::String;
    case 't':
    case 'f':
        return Type::Bool;
    case 'n':
        return Type::Null;
    default:
        return Type::Number;
    }
}

// ---- The persistent vector of expanded arrays ----------------------------------------------
// A tree of blocks of 32 (leaves hold items, inner blocks hold blocks) plus a tail of up to 32
// items, as Clojure's PersistentVector. Blocks are shared between copies and copied on the
// way to a change only when shared, so a copy costs O(1) and a change O(log n).

constexpr int Bits = 5;
constexpr qsizetype Width = qsizetype(1) << Bits;
constexpr qsizetype Mask = Width - 1;

struct Block : QSharedData
{
    QList<QGraphQLJsonNode> items; // a leaf
    QList<QExplicitlySharedDataPointer<Block>> children; // an inner block
};
using BlockPtr = QExplicitlySharedDataPointer<Block>;

struct Vector
{
    BlockPtr root; // null until the tail first overflows
    QList<QGraphQLJsonNode> tail;
    qsizetype count = 0;
    int shift = Bits;

    qsizetype tailOffset() const { return count < Width ? 0 : ((count - 1) >> Bits) << Bits; }

    const QGraphQLJsonNode &at(qsizetype i) const
    {
        const qsizetype offset = tailOffset();
        if (i >= offset)
            return tail.at(i - offset);
        const Block *block = root.data();
        for (int level = shift; level > 0; level -= Bits)
            block = block->children.at((i >> level) & Mask).data();
        return block->items.at(i & Mask);
    }

    QGraphQLJsonNode *ref(qsizetype i)
    {
        const qsizetype offset = tailOffset();
        if (i >= offset)
            return &tail[i - offset];
        root.detach();
        Block *block = root.data();
        for (int level = shift; level > 0; level -= Bits) {
            BlockPtr &child = block->children[(i >> level) & Mask];
            child.detach();
            block = child.data();
        }
        return &block->items[i & Mask];
    }

    static BlockPtr newPath(int level, const BlockPtr &leaf)
    {
        if (level == 0)
            return leaf;
        BlockPtr block(new Block);
        block->children.append(newPath(level - Bits, leaf));
        return block;
    }

    // Puts the full leaf into the tree under parent (detached here), at index count - 1.
    void pushTail(int level, BlockPtr &parent, const BlockPtr &leaf)
    {
        parent.detach();
        const qsizetype index = ((count - 1) >> level) & Mask;
        if (level == Bits) {
            parent->children.append(leaf);
        } else if (index < parent->children.size()) {
            pushTail(level - Bits, parent->children[index], leaf);
        } else {
            parent->children.append(newPath(level - Bits, leaf));
        }
    }

    void append(const QGraphQLJsonNode &item)
    {
        if (count - tailOffset() < Width) {
            tail.append(item);
            ++count;
            return;
        }
        BlockPtr leaf(new Block);
        leaf->items = std::move(tail);
        if (!root) {
            root = BlockPtr(new Block);
            root->children.append(leaf);
        } else if ((count >> Bits) > (qsizetype(1) << shift)) { // the root is full
            BlockPtr newRoot(new Block);
            newRoot->children.append(root);
            newRoot->children.append(newPath(shift, leaf));
            root = newRoot;
            shift += Bits;
        } else {
            pushTail(shift, root, leaf);
        }
        tail = QList<QGraphQLJsonNode> { item };
        ++count;
    }

    template<typename F> static void forEachIn(const Block *block, int level, F &f)
    {
        if (level == 0) {
            for (const QGraphQLJsonNode &item : block->items)
                f(item);
            return;
        }
        for (const BlockPtr &child : block->children)
            forEachIn(child.data(), level - Bits, f);
    }

    template<typename F> void forEach(F f) const
    {
        if (root)
            forEachIn(root.data(), shift, f);
        for (const QGraphQLJsonNode &item : tail)
            f(item);
    }
};

struct Member
{
    QByteArray name; // decoded, UTF-8
    QByteArray raw; // as written between the quotes (shares name when there is no escape)
    QGraphQLJsonNode value;
};

// Objects with more members than this get a hash from name to index.
constexpr qsizetype IndexThreshold = 16;

} // namespace

struct QGraphQLJsonNodeData : QSharedData
{
    Type type = Type::Object;
    QList<Member> members; // objects, in order, names unique
    QHash<QByteArray, qsizetype> index; // large objects: name -> position in members
    Vector items; // arrays

    qsizetype find(QByteArrayView name) const
    {
        if (!index.isEmpty())
            return index.value(QByteArray::fromRawData(name.data(), name.size()), -1);
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (members.at(i).name == name)
                return i;
        }
        return -1;
    }

    // Replaces the value of name, or appends the member.
    void set(const QByteArray &name, const QByteArray &raw, const QGraphQLJsonNode &value)
    {
        if (const qsizetype i = find(name); i >= 0) {
            members[i].value = value;
            return;
        }
        members.append(Member { name, raw, value });
        if (!index.isEmpty()) {
            index.insert(name, members.size() - 1);
        } else if (members.size() > IndexThreshold) {
            for (qsizetype i = 0; i < members.size(); ++i)
                index.insert(members.at(i).name, i);
        }
    }

    void remove(qsizetype i)
    {
        members.removeAt(i);
        index.clear();
        if (members.size() > IndexThreshold) {
            for (qsizetype k = 0; k < members.size(); ++k)
                index.insert(members.at(k).name, k);
        }
    }
};

QGraphQLJsonNode::QGraphQLJsonNode() = default;

QGraphQLJsonNode::QGraphQLJsonNode(const QByteArray &text)
    : m_text(text), m_begin(0), m_end(text.size())
{ }

QGraphQLJsonNode::QGraphQLJsonNode(const QByteArray &text, qsizetype begin, qsizetype end)
    : m_text(text), m_begin(qBound(qsizetype(0), begin, text.size())),
      m_end(qBound(m_begin, end, text.size()))
{ }

QGraphQLJsonNode::QGraphQLJsonNode(const QGraphQLJsonNode &other) = default;
QGraphQLJsonNode::QGraphQLJsonNode(QGraphQLJsonNode &&other) noexcept = default;
QGraphQLJsonNode &QGraphQLJsonNode::operator=(const QGraphQLJsonNode &other) = default;
QGraphQLJsonNode &QGraphQLJsonNode::operator=(QGraphQLJsonNode &&other) noexcept = default;
QGraphQLJsonNode::~QGraphQLJsonNode() = default;

QGraphQLJsonNode QGraphQLJsonNode::fromJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Object:
        return QGraphQLJsonNode(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QGraphQLJsonNode(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default: {
        // Qt's writer decides how a number is written; a scalar is written inside an array.
        const QByteArray text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
        return QGraphQLJsonNode(text, 1, text.size() - 1);
    }
    }
}

QGraphQLJsonNode QGraphQLJsonNode::object()
{
    QGraphQLJsonNode node;
    node.m_d = new QGraphQLJsonNodeData;
    node.m_d->type = Type::Object;
    return node;
}

QGraphQLJsonNode QGraphQLJsonNode::array()
{
    QGraphQLJsonNode node;
    node.m_d = new QGraphQLJsonNodeData;
    node.m_d->type = Type::Array;
    return node;
}

QGraphQLJsonNode::Type QGraphQLJsonNode::type() const
{
    if (m_d)
        return m_d->type;
    if (m_end <= m_begin)
        return Type::Undefined;
    return textType(m_text.at(m_begin));
}

QGraphQLJsonNode QGraphQLJsonNode::member(QByteArrayView name) const
{
    if (m_d) {
        if (m_d->type != Type::Object)
            return {};
        const qsizetype i = m_d->find(name);
        return i < 0 ? QGraphQLJsonNode() : m_d->members.at(i).value;
    }
    QGraphQLJsonNode found;
    const char *s = m_text.constData();
    forEachMember(s, m_begin, m_end, [&](qsizetype kb, qsizetype ke, qsizetype vb, qsizetype ve) {
        if (keyEquals(QByteArrayView(s + kb, ke - kb), name))
            found = QGraphQLJsonNode(m_text, vb, ve); // the last one wins
        return true;
    });
    return found;
}

QGraphQLJsonNode QGraphQLJsonNode::at(qsizetype index) const
{
    if (index < 0)
        return {};
    if (m_d) {
        if (m_d->type != Type::Array || index >= m_d->items.count)
            return {};
        return m_d->items.at(index);
    }
    QGraphQLJsonNode found;
    qsizetype i = 0;
    forEachItem(m_text.constData(), m_begin, m_end, [&](qsizetype vb, qsizetype ve) {
        if (i++ < index)
            return true;
        found = QGraphQLJsonNode(m_text, vb, ve);
        return false;
    });
    return found;
}

qsizetype QGraphQLJsonNode::size() const
{
    if (m_d)
        return m_d->type == Type::Object ? m_d->members.size() : m_d->items.count;
    qsizetype n = 0;
    const char *s = m_text.constData();
    switch (type()) {
    case Type::Object:
        forEachMember(s, m_begin, m_end, [&n](qsizetype, qsizetype, qsizetype, qsizetype) {
            ++n;
            return true;
        });
        break;
    case Type::Array:
        forEachItem(s, m_begin, m_end, [&n](qsizetype, qsizetype) {
            ++n;
            return true;
        });
        break;
    default:
        break;
    }
    return n;
}

QList<QByteArray> QGraphQLJsonNode::keys() const
{
    QList<QByteArray> names;
    if (m_d) {
        if (m_d->type == Type::Object) {
            names.reserve(m_d->members.size());
            for (const Member &m : m_d->members)
                names.append(m.name);
        }
        return names;
    }
    const char *s = m_text.constData();
    forEachMember(s, m_begin, m_end, [&](qsizetype kb, qsizetype ke, qsizetype, qsizetype) {
        names.append(decodeKey(QByteArrayView(s + kb, ke - kb)));
        return true;
    });
    return names;
}

QList<QPair<QByteArray, QGraphQLJsonNode>> QGraphQLJsonNode::members() const
{
    QList<QPair<QByteArray, QGraphQLJsonNode>> list;
    if (m_d) {
        if (m_d->type == Type::Object) {
            list.reserve(m_d->members.size());
            for (const Member &m : m_d->members)
                list.append({ m.name, m.value });
        }
        return list;
    }
    const char *s = m_text.constData();
    forEachMember(s, m_begin, m_end, [&](qsizetype kb, qsizetype ke, qsizetype vb, qsizetype ve) {
        list.append(
                { decodeKey(QByteArrayView(s + kb, ke - kb)), QGraphQLJsonNode(m_text, vb, ve) });
        return true;
    });
    return list;
}

QList<QGraphQLJsonNode> QGraphQLJsonNode::items() const
{
    QList<QGraphQLJsonNode> list;
    if (m_d) {
        if (m_d->type == Type::Array) {
            list.reserve(m_d->items.count);
            m_d->items.forEach([&list](const QGraphQLJsonNode &item) { list.append(item); });
        }
        return list;
    }
    forEachItem(m_text.constData(), m_begin, m_end, [&](qsizetype vb, qsizetype ve) {
        list.append(QGraphQLJsonNode(m_text, vb, ve));
        return true;
    });
    return list;
}

QList<QGraphQLJsonNode>
QGraphQLJsonNode::membersNamed(std::initializer_list<QByteArrayView> names) const
{
    QList<QGraphQLJsonNode> values(qsizetype(names.size()));
    if (m_d) {
        qsizetype i = 0;
        for (QByteArrayView name : names)
            values[i++] = member(name);
        return values;
    }
    const char *s = m_text.constData();
    forEachMember(s, m_begin, m_end, [&](qsizetype kb, qsizetype ke, qsizetype vb, qsizetype ve) {
        const QByteArrayView raw(s + kb, ke - kb);
        qsizetype i = 0;
        for (QByteArrayView name : names) {
            if (keyEquals(raw, name))
                values[i] = QGraphQLJsonNode(m_text, vb, ve); // the last one wins
            ++i;
        }
        return true;
    });
    return values;
}

bool QGraphQLJsonNode::toBool(bool defaultValue) const
{
    if (m_d || m_end <= m_begin)
        return defaultValue;
    const char c = m_text.at(m_begin);
    return c == 't' ? true : c == 'f' ? false : defaultValue;
}

QString QGraphQLJsonNode::toString() const
{
    if (type() != Type::String || m_end - m_begin < 2)
        return {};
    return decodeString(QByteArrayView(m_text.constData() + m_begin + 1, m_end - m_begin - 2));
}

QJsonValue QGraphQLJsonNode::toJsonValue() const
{
    if (m_d) {
        // Depth is bounded by the text the tree was built from.
        if (m_d->type == Type::Object) {
            QJsonObject object;
            for (const Member &m : m_d->members)
                object.insert(QString::fromUtf8(m.name), m.value.toJsonValue());
            return object;
        }
        QJsonArray array;
        m_d->items.forEach([&array](const QGraphQLJsonNode &item) {
            const QJsonValue value = item.toJsonValue();
            array.append(value.isUndefined() ? QJsonValue() : value);
        });
        return array;
    }
    switch (type()) {
    case Type::Undefined:
        return QJsonValue(QJsonValue::Undefined);
    case Type::Null:
        return QJsonValue();
    case Type::Bool:
        return QJsonValue(toBool());
    case Type::Number:
        return numberValue(textView());
    case Type::String:
        return QJsonValue(toString());
    case Type::Object:
    case Type::Array: {
        const bool whole = m_begin == 0 && m_end == m_text.size();
        const QJsonDocument document = QJsonDocument::fromJson(
                whole ? m_text
                      : QByteArray::fromRawData(m_text.constData() + m_begin, m_end - m_begin));
        if (document.isObject())
            return document.object();
        return document.array();
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QByteArray QGraphQLJsonNode::toCompactJson() const
{
    if (!m_d && m_begin == 0 && m_end == m_text.size())
        return m_text;
    QByteArray out;
    appendCompactJson(out);
    return out;
}

void QGraphQLJsonNode::appendCompactJson(QByteArray &out) const
{
    if (!m_d) {
        out.append(textView());
        return;
    }
    if (m_d->type == Type::Object) {
        out += '{';
        bool first = true;
        for (const Member &m : m_d->members) {
            if (m.value.isUndefined())
                continue;
            if (!first)
                out += ',';
            first = false;
            out += '"';
            out += m.raw;
            out += "\":";
            m.value.appendCompactJson(out);
        }
        out += '}';
        return;
    }
    out += '[';
    bool first = true;
    m_d->items.forEach([&](const QGraphQLJsonNode &item) {
        if (!first)
            out += ',';
        first = false;
        if (item.isUndefined())
            out += "null";
        else
            item.appendCompactJson(out);
    });
    out += ']';
}

void QGraphQLJsonNode::expand()
{
    if (m_d) {
        m_d.detach();
        return;
    }
    const Type t = type();
    Q_ASSERT(t == Type::Object || t == Type::Array);
    QExplicitlySharedDataPointer<QGraphQLJsonNodeData> d(new QGraphQLJsonNodeData);
    d->type = t;
    const char *s = m_text.constData();
    if (t == Type::Object) {
        forEachMember(s, m_begin, m_end,
                      [&](qsizetype kb, qsizetype ke, qsizetype vb, qsizetype ve) {
                          const QByteArrayView raw(s + kb, ke - kb);
                          const QByteArray name = decodeKey(raw);
                          d->set(name, raw.contains('\\') ? raw.toByteArray() : name,
                                 QGraphQLJsonNode(m_text, vb, ve));
                          return true;
                      });
    } else {
        forEachItem(s, m_begin, m_end, [&](qsizetype vb, qsizetype ve) {
            d->items.append(QGraphQLJsonNode(m_text, vb, ve));
            return true;
        });
    }
    m_d = d;
    m_text = QByteArray();
    m_begin = m_end = 0;
}

void QGraphQLJsonNode::insert(const QByteArray &name, const QGraphQLJsonNode &value)
{
    if (!isObject())
        *this = object();
    expand();
    if (value.isUndefined()) { // as QJsonObject::insert()
        if (const qsizetype i = m_d->find(name); i >= 0)
            m_d->remove(i);
        return;
    }
    m_d->set(name, escapeKey(name), value);
}

void QGraphQLJsonNode::append(const QGraphQLJsonNode &item)
{
    if (!isArray())
        *this = array();
    expand();
    m_d->items.append(item.isUndefined() ? QGraphQLJsonNode(QByteArray("null")) : item);
}

void QGraphQLJsonNode::replace(qsizetype index, const QGraphQLJsonNode &item)
{
    if (QGraphQLJsonNode *slot = itemForUpdate(index))
        *slot = item.isUndefined() ? QGraphQLJsonNode(QByteArray("null")) : item;
}

QGraphQLJsonNode *QGraphQLJsonNode::memberForUpdate(QByteArrayView name)
{
    if (!isObject())
        return nullptr;
    expand();
    const qsizetype i = m_d->find(name);
    return i < 0 ? nullptr : &m_d->members[i].value;
}

QGraphQLJsonNode *QGraphQLJsonNode::itemForUpdate(qsizetype index)
{
    if (!isArray() || index < 0)
        return nullptr;
    expand();
    if (index >= m_d->items.count)
        return nullptr;
    return m_d->items.ref(index);
}

bool QGraphQLJsonNode::operator==(const QGraphQLJsonNode &other) const
{
    return toJsonValue() == other.toJsonValue();
}
