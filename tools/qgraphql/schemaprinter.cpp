// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "schemaprinter.h"

#include <QtCore/qhash.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qlist.h>
#include <QtCore/qlocale.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qstringlist.h>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// graphql-js's built-ins that printSchema leaves out.
const QStringList SpecifiedScalars { u"String"_s, u"Int"_s, u"Float"_s, u"Boolean"_s, u"ID"_s };
const QStringList SpecifiedDirectives { u"include"_s, u"skip"_s, u"deprecated"_s, u"specifiedBy"_s,
                                        u"oneOf"_s };
const auto DefaultDeprecationReason = u"No longer supported"_s;

bool isWhiteSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// A GraphQL value literal as the introspection's defaultValue holds it.
struct Literal
{
    enum Kind { Null, Int, Float, String, Boolean, Enum, Variable, List, Object };
    Kind kind = Null;
    QString text; //!< Int/Float digits, the decoded String, true/false, the enum or variable name
    QList<Literal> items;
    QList<std::pair<QString, Literal>> fields;
};

class LiteralParser
{
public:
    explicit LiteralParser(const QString &text) : m_text(text) { }

    bool parse(Literal *literal)
    {
        if (!value(literal))
            return false;
        skipIgnored();
        return m_at == m_text.size();
    }

private:
    void skipIgnored()
    {
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at);
            if (c == u'#') {
                while (m_at < m_text.size() && m_text.at(m_at) != u'\n')
                    ++m_at;
            } else if (c.isSpace() || c == u',' || c == QChar(0xfeff)) {
                ++m_at;
            } else {
                return;
            }
        }
    }

    QString name()
    {
        const qsizetype start = m_at;
        while (m_at < m_text.size()
               && (m_text.at(m_at).isLetterOrNumber() || m_text.at(m_at) == u'_')
               && m_text.at(m_at).unicode() < 128)
            ++m_at;
        return m_text.mid(start, m_at - start);
    }

    bool string(QString *out)
    {
        if (m_text.mid(m_at, 3) == "\"\"\""_L1) {
            m_at += 3;
            const qsizetype end = m_text.indexOf("\"\"\""_L1, m_at);
            if (end < 0)
                return false;
            // Block string value: common indentation and blank edge lines removed.
            QStringList lines = m_text.mid(m_at, end - m_at)
                                        .replace("\\\"\"\""_L1, "\"\"\""_L1)
                                        .split(QRegularExpression(u"\r\n|[\n\r]"_s));
            qsizetype common = -1;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QString &line = lines.at(i);
                qsizetype indent = 0;
                while (indent < line.size() && isWhiteSpace(line.at(indent)))
                    ++indent;
                if (indent < line.size() && (common < 0 || indent < common))
                    common = indent;
            }
            for (qsizetype i = 1; i < lines.size() && common > 0; ++i)
                lines[i] = lines.at(i).mid(common);
            while (!lines.isEmpty() && lines.first().trimmed().isEmpty())
                lines.removeFirst();
            while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
                lines.removeLast();
            *out = lines.join(u'\n');
            m_at = end + 3;
            return true;
        }
        ++m_at; // the opening quote
        QString value;
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at++);
            if (c == u'"') {
                *out = value;
                return true;
            }
            if (c != u'\\') {
                value += c;
                continue;
            }
            if (m_at >= m_text.size())
                return false;
            const QChar escape = m_text.at(m_at++);
            switch (escape.unicode()) {
            case 'b':
                value += u'\b';
                break;
            case 'f':
                value += u'\f';
                break;
            case 'n':
                value += u'\n';
                break;
            case 'r':
                value += u'\r';
                break;
            case 't':
                value += u'\t';
                break;
            case 'u': {
                bool ok = false;
                if (m_at < m_text.size() && m_text.at(m_at) == u'{') {
                    const qsizetype close = m_text.indexOf(u'}', m_at);
                    if (close < 0)
                        return false;
                    const uint code = m_text.mid(m_at + 1, close - m_at - 1).toUInt(&ok, 16);
                    if (!ok)
                        return false;
                    const char32_t codePoint = code;
                    value += QString::fromUcs4(&codePoint, 1);
                    m_at = close + 1;
                } else {
                    const ushort unit = m_text.mid(m_at, 4).toUShort(&ok, 16);
                    if (!ok)
                        return false;
                    value += QChar(unit);
                    m_at += 4;
                }
                break;
            }
            default:
                value += escape;
            }
        }
        return false;
    }

    bool value(Literal *literal)
    {
        skipIgnored();
        if (m_at >= m_text.size())
            return false;
        const QChar c = m_text.at(m_at);
        if (c == u'"') {
            literal->kind = Literal::String;
            return string(&literal->text);
        }
        if (c == u'$') {
            ++m_at;
            literal->kind = Literal::Variable;
            literal->text = name();
            return !literal->text.isEmpty();
        }
        if (c == u'[' || c == u'{') {
            const QChar close = c == u'[' ? u']' : u'}';
            literal->kind = c == u'[' ? Literal::List : Literal::Object;
            ++m_at;
            for (;;) {
                skipIgnored();
                if (m_at >= m_text.size())
                    return false;
                if (m_text.at(m_at) == close) {
                    ++m_at;
                    return true;
                }
                if (literal->kind == Literal::Object) {
                    const QString field = name();
                    skipIgnored();
                    if (field.isEmpty() || m_at >= m_text.size() || m_text.at(m_at) != u':')
                        return false;
                    ++m_at;
                    Literal item;
                    if (!value(&item))
                        return false;
                    literal->fields.append({ field, item });
                } else {
                    Literal item;
                    if (!value(&item))
                        return false;
                    literal->items.append(item);
                }
            }
        }
        if (c == u'-' || c.isDigit()) {
            const qsizetype start = m_at++;
            bool isFloat = false;
            while (m_at < m_text.size()) {
                const QChar d = m_text.at(m_at);
                if (d == u'.' || d == u'e' || d == u'E' || d == u'+'
                    || (d == u'-' && m_at > start + 1))
                    isFloat = true;
                else if (!d.isDigit())
                    break;
                ++m_at;
            }
            literal->kind = isFloat ? Literal::Float : Literal::Int;
            literal->text = m_text.mid(start, m_at - start);
            return true;
        }
        const QString word = name();
        if (word.isEmpty())
            return false;
        if (word == "null"_L1) {
            literal->kind = Literal::Null;
        } else if (word == "true"_L1 || word == "false"_L1) {
            literal->kind = Literal::Boolean;
            literal->text = word;
        } else {
            literal->kind = Literal::Enum;
            literal->text = word;
        }
        return true;
    }

    const QString m_text;
    qsizetype m_at = 0;
};

// A JavaScript number as Number.prototype.toString() writes it, near enough for SDL.
QString jsNumber(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::abs(value) < 1e21)
        return QString::number(value, 'f', 0);
    QString text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    // Qt writes 1e-07 and 1e+21; JavaScript writes 1e-7 and 1e+21.
    static const QRegularExpression exponent(u"e([+-])0+(\\d)"_s);
    text.replace(exponent, u"e\\1\\2"_s);
    return text;
}

class Printer
{
public:
    explicit Printer(const QJsonObject &schema) : m_schema(schema)
    {
        for (const QJsonValue &type : schema.value("types"_L1).toArray()) {
            const QJsonObject object = type.toObject();
            m_types.insert(object.value("name"_L1).toString(), object);
        }
    }

    QString print(QString *error) const
    {
        if (!m_schema.value("types"_L1).isArray()) {
            *error = u"the introspection result has no __schema.types list"_s;
            return {};
        }
        const QJsonObject queryType = m_schema.value("queryType"_L1).toObject();
        if (queryType.value("name"_L1).toString().isEmpty()) {
            *error = u"the introspection result has no query type"_s;
            return {};
        }
        QStringList parts;
        if (const QString definition = schemaDefinition(); !definition.isEmpty())
            parts.append(definition);
        for (const QJsonValue &value : m_schema.value("directives"_L1).toArray()) {
            const QJsonObject directive = value.toObject();
            if (!SpecifiedDirectives.contains(directive.value("name"_L1).toString()))
                parts.append(printDirective(directive));
        }
        for (const QJsonValue &value : m_schema.value("types"_L1).toArray()) {
            const QJsonObject type = value.toObject();
            const QString name = type.value("name"_L1).toString();
            if (name.startsWith("__"_L1) || SpecifiedScalars.contains(name))
                continue;
            const QString printed = printType(type);
            if (printed.isEmpty()) {
                *error = u"the introspection result has a type of unknown kind \"%1\" (%2)"_s.arg(
                        type.value("kind"_L1).toString(), name);
                return {};
            }
            parts.append(printed);
        }
        return parts.join("\n\n"_L1);
    }

private:
    QString schemaDefinition() const
    {
        const QString description = m_schema.value("description"_L1).toString();
        static const QStringList Roots { u"query"_s, u"mutation"_s, u"subscription"_s };
        static const QStringList Standard { u"Query"_s, u"Mutation"_s, u"Subscription"_s };
        QStringList operationTypes;
        bool common = true;
        for (qsizetype i = 0; i < Roots.size(); ++i) {
            const QString name = m_schema.value(Roots.at(i) + "Type"_L1)
                                         .toObject()
                                         .value("name"_L1)
                                         .toString();
            if (name.isEmpty())
                continue;
            common = common && name == Standard.at(i);
            operationTypes.append(u"  %1: %2"_s.arg(Roots.at(i), name));
        }
        if (common && !m_schema.value("description"_L1).isString())
            return {};
        return printDescription(m_schema, QString(), true) + "schema {\n"_L1
                + operationTypes.join(u'\n') + "\n}"_L1;
    }

    static QString printDescription(const QJsonObject &definition, const QString &indentation,
                                    bool firstInBlock)
    {
        const QJsonValue value = definition.value("description"_L1);
        if (!value.isString())
            return {};
        const QString description = value.toString();
        const QString literal = isPrintableAsBlockStringImpl(description)
                ? SchemaPrinter::printBlockString(description)
                : SchemaPrinter::printString(description);
        const QString prefix
                = !indentation.isEmpty() && !firstInBlock ? u'\n' + indentation : indentation;
        return prefix + QString(literal).replace(u"\n"_s, u'\n' + indentation) + u'\n';
    }

    static bool isPrintableAsBlockStringImpl(const QString &value)
    {
        return SchemaPrinter::isPrintableAsBlockString(value);
    }

    static QString printDeprecated(const QJsonObject &definition)
    {
        const QJsonValue reason = definition.value("deprecationReason"_L1);
        if (!reason.isString())
            return {};
        if (reason.toString() == DefaultDeprecationReason)
            return u" @deprecated"_s;
        return u" @deprecated(reason: %1)"_s.arg(SchemaPrinter::printString(reason.toString()));
    }

    static QString typeReference(const QJsonObject &type)
    {
        const QString kind = type.value("kind"_L1).toString();
        if (kind == "NON_NULL"_L1)
            return typeReference(type.value("ofType"_L1).toObject()) + u'!';
        if (kind == "LIST"_L1)
            return u'[' + typeReference(type.value("ofType"_L1).toObject()) + u']';
        return type.value("name"_L1).toString();
    }

    static QString printBlock(const QStringList &items)
    {
        return items.isEmpty() ? QString() : " {\n"_L1 + items.join(u'\n') + "\n}"_L1;
    }

    QString printArgs(const QJsonArray &args, const QString &indentation) const
    {
        if (args.isEmpty())
            return {};
        bool described = false;
        QStringList printed;
        for (const QJsonValue &arg : args) {
            described = described || arg.toObject().value("description"_L1).isString();
            printed.append(printInputValue(arg.toObject()));
        }
        if (!described)
            return u'(' + printed.join(", "_L1) + u')';
        QStringList lines;
        for (qsizetype i = 0; i < args.size(); ++i)
            lines.append(printDescription(args.at(i).toObject(), "  "_L1 + indentation, i == 0)
                         + "  "_L1 + indentation + printed.at(i));
        return "(\n"_L1 + lines.join(u'\n') + u'\n' + indentation + u')';
    }

    QString printInputValue(const QJsonObject &value) const
    {
        QString declaration = value.value("name"_L1).toString() + ": "_L1
                + typeReference(value.value("type"_L1).toObject());
        const QJsonValue defaultValue = value.value("defaultValue"_L1);
        if (defaultValue.isString()) {
            Literal literal;
            if (LiteralParser(defaultValue.toString()).parse(&literal))
                declaration += " = "_L1 + printValue(literal, value.value("type"_L1).toObject());
            else
                declaration += " = "_L1 + defaultValue.toString();
        }
        return declaration + printDeprecated(value);
    }

    // As graphql-js: valueFromAST() with the type, then print(astFromValue()).
    QString printValue(const Literal &literal, const QJsonObject &type) const
    {
        const QString kind = type.value("kind"_L1).toString();
        if (kind == "NON_NULL"_L1)
            return printValue(literal, type.value("ofType"_L1).toObject());
        if (literal.kind == Literal::Null)
            return u"null"_s;
        if (kind == "LIST"_L1) {
            const QJsonObject itemType = type.value("ofType"_L1).toObject();
            if (literal.kind != Literal::List)
                return u'[' + printValue(literal, itemType) + u']';
            QStringList items;
            for (const Literal &item : literal.items)
                items.append(printValue(item, itemType));
            return u'[' + items.join(", "_L1) + u']';
        }
        const QString name = type.value("name"_L1).toString();
        const QJsonObject named = m_types.value(name);
        const QString namedKind = named.isEmpty() ? kind : named.value("kind"_L1).toString();
        if (namedKind == "INPUT_OBJECT"_L1 && literal.kind == Literal::Object) {
            QStringList fields;
            for (const QJsonValue &value : named.value("inputFields"_L1).toArray()) {
                const QJsonObject field = value.toObject();
                const QString fieldName = field.value("name"_L1).toString();
                const auto given = std::find_if(
                        literal.fields.cbegin(), literal.fields.cend(),
                        [&fieldName](const auto &pair) { return pair.first == fieldName; });
                const QJsonObject fieldType = field.value("type"_L1).toObject();
                if (given != literal.fields.cend()) {
                    fields.append(fieldName + ": "_L1 + printValue(given->second, fieldType));
                } else if (field.value("defaultValue"_L1).isString()) {
                    // valueFromAST() fills in a missing field's default.
                    Literal fieldDefault;
                    if (LiteralParser(field.value("defaultValue"_L1).toString())
                                .parse(&fieldDefault))
                        fields.append(fieldName + ": "_L1 + printValue(fieldDefault, fieldType));
                }
            }
            return u'{' + fields.join(", "_L1) + u'}';
        }
        if (namedKind == "SCALAR"_L1) {
            if (name == "Float"_L1
                && (literal.kind == Literal::Int || literal.kind == Literal::Float))
                return jsNumber(literal.text.toDouble());
            if (name == "Int"_L1 && literal.kind == Literal::Int)
                return jsNumber(literal.text.toDouble());
            if (name == "ID"_L1 && literal.kind == Literal::String) {
                static const QRegularExpression integer(u"^-?\\d+$"_s);
                if (integer.match(literal.text).hasMatch())
                    return literal.text;
            }
        }
        return printUntyped(literal);
    }

    static QString printUntyped(const Literal &literal)
    {
        switch (literal.kind) {
        case Literal::Null:
            return u"null"_s;
        case Literal::String:
            return SchemaPrinter::printString(literal.text);
        case Literal::Variable:
            return u'$' + literal.text;
        case Literal::List: {
            QStringList items;
            for (const Literal &item : literal.items)
                items.append(printUntyped(item));
            return u'[' + items.join(", "_L1) + u']';
        }
        case Literal::Object: {
            QStringList fields;
            for (const auto &[name, value] : literal.fields)
                fields.append(name + ": "_L1 + printUntyped(value));
            return u'{' + fields.join(", "_L1) + u'}';
        }
        case Literal::Int:
        case Literal::Float:
        case Literal::Boolean:
        case Literal::Enum:
            break;
        }
        return literal.text;
    }

    QString printDirective(const QJsonObject &directive) const
    {
        QStringList locations;
        for (const QJsonValue &location : directive.value("locations"_L1).toArray())
            locations.append(location.toString());
        return printDescription(directive, QString(), true) + "directive @"_L1
                + directive.value("name"_L1).toString()
                + printArgs(directive.value("args"_L1).toArray(), QString())
                + (directive.value("isRepeatable"_L1).toBool() ? " repeatable"_L1 : ""_L1)
                + " on "_L1 + locations.join(" | "_L1);
    }

    QString printFields(const QJsonObject &type) const
    {
        QStringList items;
        const QJsonArray fields = type.value("fields"_L1).toArray();
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const QJsonObject field = fields.at(i).toObject();
            items.append(printDescription(field, "  "_L1, i == 0) + "  "_L1
                         + field.value("name"_L1).toString()
                         + printArgs(field.value("args"_L1).toArray(), "  "_L1) + ": "_L1
                         + typeReference(field.value("type"_L1).toObject())
                         + printDeprecated(field));
        }
        return printBlock(items);
    }

    static QString printInterfaces(const QJsonObject &type)
    {
        QStringList names;
        for (const QJsonValue &value : type.value("interfaces"_L1).toArray())
            names.append(value.toObject().value("name"_L1).toString());
        return names.isEmpty() ? QString() : " implements "_L1 + names.join(" & "_L1);
    }

    QString printType(const QJsonObject &type) const
    {
        const QString kind = type.value("kind"_L1).toString();
        const QString name = type.value("name"_L1).toString();
        const QString description = printDescription(type, QString(), true);
        if (kind == "SCALAR"_L1) {
            QString text = description + "scalar "_L1 + name;
            if (type.value("specifiedByURL"_L1).isString())
                text += " @specifiedBy(url: "_L1
                        + SchemaPrinter::printString(type.value("specifiedByURL"_L1).toString())
                        + u')';
            return text;
        }
        if (kind == "OBJECT"_L1)
            return description + "type "_L1 + name + printInterfaces(type) + printFields(type);
        if (kind == "INTERFACE"_L1)
            return description + "interface "_L1 + name + printInterfaces(type) + printFields(type);
        if (kind == "UNION"_L1) {
            QStringList members;
            for (const QJsonValue &value : type.value("possibleTypes"_L1).toArray())
                members.append(value.toObject().value("name"_L1).toString());
            return description + "union "_L1 + name
                    + (members.isEmpty() ? QString() : " = "_L1 + members.join(" | "_L1));
        }
        if (kind == "ENUM"_L1) {
            QStringList items;
            const QJsonArray values = type.value("enumValues"_L1).toArray();
            for (qsizetype i = 0; i < values.size(); ++i) {
                const QJsonObject value = values.at(i).toObject();
                items.append(printDescription(value, "  "_L1, i == 0) + "  "_L1
                             + value.value("name"_L1).toString() + printDeprecated(value));
            }
            return description + "enum "_L1 + name + printBlock(items);
        }
        if (kind == "INPUT_OBJECT"_L1) {
            QStringList items;
            const QJsonArray fields = type.value("inputFields"_L1).toArray();
            for (qsizetype i = 0; i < fields.size(); ++i) {
                const QJsonObject field = fields.at(i).toObject();
                items.append(printDescription(field, "  "_L1, i == 0) + "  "_L1
                             + printInputValue(field));
            }
            return description + "input "_L1 + name
                    + (type.value("isOneOf"_L1).toBool() ? " @oneOf"_L1 : ""_L1)
                    + printBlock(items);
        }
        return {};
    }

    const QJsonObject m_schema;
    QHash<QString, QJsonObject> m_types;
};

} // namespace

namespace SchemaPrinter {

QString introspectionQuery()
{
    // graphql-js 16 getIntrospectionQuery(), default options, whitespace folded.
    return u"query IntrospectionQuery { __schema { queryType { name kind } mutationType { name "
           "kind } subscriptionType { name kind } types { ...FullType } directives { name "
           "description locations args { ...InputValue } } } }\n"
           "fragment FullType on __Type { kind name description fields(includeDeprecated: "
           "true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated "
           "deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef } "
           "enumValues(includeDeprecated: true) { name description isDeprecated "
           "deprecationReason } possibleTypes { ...TypeRef } }\n"
           "fragment InputValue on __InputValue { name description type { ...TypeRef } "
           "defaultValue }\n"
           "fragment TypeRef on __Type { kind name ofType { name kind ofType { name kind ofType "
           "{ name kind ofType { name kind ofType { name kind ofType { name kind ofType { name "
           "kind ofType { name kind ofType { name kind } } } } } } } } } }\n"_s;
}

QString print(const QJsonObject &schema, QString *error)
{
    QString ignored;
    const QJsonObject object
            = schema.contains("__schema"_L1) ? schema.value("__schema"_L1).toObject() : schema;
    return Printer(object).print(error ? error : &ignored);
}

QString printString(const QString &value)
{
    QString text = u"\""_s;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        switch (u) {
        case '"':
            text += "\\\""_L1;
            break;
        case '\\':
            text += "\\\\"_L1;
            break;
        case '\b':
            text += "\\b"_L1;
            break;
        case '\f':
            text += "\\f"_L1;
            break;
        case '\n':
            text += "\\n"_L1;
            break;
        case '\r':
            text += "\\r"_L1;
            break;
        case '\t':
            text += "\\t"_L1;
            break;
        default:
            if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
                text += "\\u"_L1 + QString::number(uint(u), 16).toUpper().rightJustified(4, u'0');
            else
                text += c;
        }
    }
    return text + u'"';
}

bool isPrintableAsBlockString(const QString &value)
{
    if (value.isEmpty())
        return true;
    bool isEmptyLine = true;
    bool hasIndent = false;
    bool hasCommonIndent = true;
    bool seenNonEmptyLine = false;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if ((u <= 0x08) || u == 0x0b || u == 0x0c || (u >= 0x0e && u <= 0x1f) || u == 0x0d)
            return false;
        if (u == u'\n') {
            if (isEmptyLine && !seenNonEmptyLine)
                return false; // a leading new line
            seenNonEmptyLine = true;
            isEmptyLine = true;
            hasIndent = false;
        } else if (u == u'\t' || u == u' ') {
            hasIndent = hasIndent || isEmptyLine;
        } else {
            hasCommonIndent = hasCommonIndent && hasIndent;
            isEmptyLine = false;
        }
    }
    if (isEmptyLine)
        return false; // trailing empty lines
    if (hasCommonIndent && seenNonEmptyLine)
        return false; // internal indentation
    return true;
}

QString printBlockString(const QString &value)
{
    const QString escaped = QString(value).replace("\"\"\""_L1, "\\\"\"\""_L1);
    static const QRegularExpression newLine(u"\r\n|[\n\r]"_s);
    const QStringList lines = escaped.split(newLine);
    const bool isSingleLine = lines.size() == 1;
    bool forceLeadingNewLine = lines.size() > 1;
    for (qsizetype i = 1; i < lines.size() && forceLeadingNewLine; ++i)
        forceLeadingNewLine = lines.at(i).isEmpty() || isWhiteSpace(lines.at(i).at(0));
    const bool hasTrailingTripleQuotes = escaped.endsWith("\\\"\"\""_L1);
    const bool hasTrailingQuote = value.endsWith(u'"') && !hasTrailingTripleQuotes;
    const bool hasTrailingSlash = value.endsWith(u'\\');
    const bool forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
    const bool printAsMultipleLines = !isSingleLine || value.size() > 70 || forceTrailingNewline
            || forceLeadingNewLine || hasTrailingTripleQuotes;
    const bool skipLeadingNewLine = isSingleLine && !value.isEmpty() && isWhiteSpace(value.at(0));
    QString result;
    if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        result += u'\n';
    result += escaped;
    if (printAsMultipleLines || forceTrailingNewline)
        result += u'\n';
    return "\"\"\""_L1 + result + "\"\"\""_L1;
}

} // namespace SchemaPrinter
