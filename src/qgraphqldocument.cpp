// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqldocument.h"

#include "document/qgraphqlparser_p.h"

#include <QtCore/qdebug.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qscopeguard.h>

#include <algorithm>
#include <vector>

// The lexer and the parser are in document/; this file holds what a parsed document answers.

using namespace Qt::StringLiterals;
using namespace QGraphQLAst;

namespace {

using Location = QGraphQLError::Location;

constexpr int MaxNestingDepth = QGraphQLParser::MaxNestingDepth;
constexpr qint64 MaxExpandedSelections = 100000;

} // namespace

// --- QGraphQLDocument -------------------------------------------------------------------------

class QGraphQLDocumentPrivate : public QSharedData
{
public:
    bool valid = false;
    QString errorString;
    Location errorLocation;
    std::vector<OperationNode> operations;
    std::vector<FragmentNode> fragments;

    // Turns the selections of an operation into fields for one set of variables.
    class Resolver
    {
    public:
        Resolver(const QGraphQLDocumentPrivate &document, const OperationNode &operation,
                 const QJsonObject &variables)
            : m_document(document), m_operation(operation), m_variables(variables)
        { }

        QString error;

        QList<QGraphQLDocument::Field> fields(const std::vector<SelectionNode> &selections)
        {
            QList<QGraphQLDocument::Field> result;
            collect(selections, &result);
            return result;
        }

    private:
        void collect(const std::vector<SelectionNode> &selections,
                     QList<QGraphQLDocument::Field> *into)
        {
            // Fragments spreading fragments nest deeper than any one selection set.
            if (m_depth >= 4 * MaxNestingDepth) {
                if (error.isEmpty())
                    error = u"Selections nest deeper than %1 levels."_s.arg(4 * MaxNestingDepth);
                return;
            }
            ++m_depth;
            const auto restoreDepth = qScopeGuard([this] { --m_depth; });
            for (const SelectionNode &selection : selections) {
                // Fragments spread twice in each of n fragments expand to 2^n selections:
                // bound the work, not only the depth.
                if (error.isEmpty() && ++m_visited > MaxExpandedSelections) {
                    error = u"The operation selects more than %1 fields once fragments are "
                            "expanded."_s.arg(MaxExpandedSelections);
                }
                if (!error.isEmpty() || !isIncluded(selection.directives))
                    continue;
                switch (selection.kind) {
                case SelectionNode::Field:
                    addField(selection, into);
                    break;
                case SelectionNode::InlineFragment:
                    collect(selection.selections, into);
                    break;
                case SelectionNode::FragmentSpread:
                    spreadFragment(selection.name, into);
                    break;
                }
            }
        }

        void addField(const SelectionNode &selection, QList<QGraphQLDocument::Field> *into)
        {
            QGraphQLDocument::Field field;
            field.name = selection.name;
            field.alias = selection.alias;
            field.location = selection.location;
            field.arguments = arguments(selection.arguments);
            for (QGraphQLDocument::Field &existing : *into) {
                if (existing.responseKey() == field.responseKey()) { // merge selection sets
                    collect(selection.selections, &existing.selections);
                    return;
                }
            }
            collect(selection.selections, &field.selections);
            into->append(std::move(field));
        }

        void spreadFragment(const QString &name, QList<QGraphQLDocument::Field> *into)
        {
            const auto fragment
                    = std::find_if(m_document.fragments.cbegin(), m_document.fragments.cend(),
                                   [&name](const FragmentNode &f) { return f.name == name; });
            if (fragment == m_document.fragments.cend()) {
                error = u"Unknown fragment \"%1\"."_s.arg(name);
                return;
            }
            if (m_spreading.contains(name)) {
                error = u"Cannot spread fragment \"%1\" within itself."_s.arg(name);
                return;
            }
            m_spreading.append(name);
            collect(fragment->selections, into);
            m_spreading.removeLast();
        }

        bool isIncluded(const std::vector<DirectiveNode> &directives)
        {
            for (const DirectiveNode &directive : directives) {
                const bool condition = arguments(directive.arguments).value("if"_L1).toBool();
                if (directive.name == "skip"_L1 && condition)
                    return false;
                if (directive.name == "include"_L1 && !condition)
                    return false;
            }
            return true;
        }

        QJsonObject arguments(const ArgumentNodes &nodes)
        {
            QJsonObject object;
            for (const auto &[name, node] : nodes) {
                const QJsonValue value = toJson(node);
                if (!value.isUndefined())
                    object.insert(name, value);
            }
            return object;
        }

        QJsonValue variable(const QString &name)
        {
            const auto given = m_variables.constFind(name);
            if (given != m_variables.constEnd())
                return *given;
            for (const VariableDefinitionNode &definition : m_operation.variables) {
                if (definition.name == name && definition.defaultValue)
                    return toJson(*definition.defaultValue);
            }
            return QJsonValue::Undefined;
        }

        QJsonValue toJson(const ValueNode &node)
        {
            switch (node.kind) {
            case ValueNode::Variable:
                return variable(node.text);
            case ValueNode::Int: {
                bool ok = false;
                const qint64 value = node.text.toLongLong(&ok);
                return ok ? QJsonValue(value) : QJsonValue(node.text.toDouble());
            }
            case ValueNode::Float:
                return node.text.toDouble();
            case ValueNode::String:
            case ValueNode::Enum:
                return node.text;
            case ValueNode::Boolean:
                return node.text == "true"_L1;
            case ValueNode::Null:
                return QJsonValue::Null;
            case ValueNode::List: {
                QJsonArray array;
                for (const ValueNode &item : node.items) {
                    const QJsonValue value = toJson(item);
                    array.append(value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
                }
                return array;
            }
            case ValueNode::Object: {
                QJsonObject object;
                for (const auto &[name, field] : node.fields) {
                    const QJsonValue value = toJson(field);
                    if (!value.isUndefined())
                        object.insert(name, value);
                }
                return object;
            }
            }
            return QJsonValue::Undefined;
        }

        const QGraphQLDocumentPrivate &m_document;
        const OperationNode &m_operation;
        const QJsonObject &m_variables;
        QStringList m_spreading; // fragments being expanded, to detect cycles
        int m_depth = 0; // nesting of collect()
        qint64 m_visited = 0; // selections visited, fragments expanded
    };
};

QGraphQLDocument::QGraphQLDocument() : d(new QGraphQLDocumentPrivate) { }
QGraphQLDocument::QGraphQLDocument(const QGraphQLDocument &other) = default;
QGraphQLDocument &QGraphQLDocument::operator=(const QGraphQLDocument &other) = default;
QGraphQLDocument::QGraphQLDocument(QGraphQLDocument &&other) noexcept = default;
QGraphQLDocument &QGraphQLDocument::operator=(QGraphQLDocument &&other) noexcept = default;
QGraphQLDocument::~QGraphQLDocument() = default;

QGraphQLDocument QGraphQLDocument::parse(const QString &text)
{
    QGraphQLDocument document;
    QGraphQLDocumentPrivate *d = document.d.data();
    QGraphQLParser parser(text);
    if (parser.parseDocument(&d->operations, &d->fragments)) {
        d->valid = true;
    } else {
        d->operations.clear();
        d->fragments.clear();
        d->errorString = parser.errorString();
        d->errorLocation = parser.errorLocation();
    }
    return document;
}

bool QGraphQLDocument::isValid() const
{
    return d->valid;
}
QString QGraphQLDocument::errorString() const
{
    return d->errorString;
}
QGraphQLError::Location QGraphQLDocument::errorLocation() const
{
    return d->errorLocation;
}

QGraphQLError QGraphQLDocument::error() const
{
    if (d->valid || d->errorString.isEmpty())
        return {};
    QGraphQLError error(d->errorString);
    error.setLocations({ d->errorLocation });
    return error;
}

QList<QGraphQLDocument::Operation> QGraphQLDocument::operations() const
{
    QList<Operation> operations;
    for (const OperationNode &node : d->operations)
        operations.append(node.operation);
    return operations;
}

QStringList QGraphQLDocument::fragmentNames() const
{
    QStringList names;
    for (const FragmentNode &node : d->fragments)
        names.append(node.name);
    return names;
}

int QGraphQLDocument::findOperation(const QString &operationName, QString *errorMessage) const
{
    const auto setError = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return -1;
    };
    if (!d->valid)
        return setError(d->errorString.isEmpty() ? u"The document is empty"_s : d->errorString);
    if (operationName.isEmpty()) {
        if (d->operations.size() == 1)
            return 0;
        if (d->operations.empty())
            return setError(u"The document has no operation, only fragments"_s);
        return setError(
                u"The document has %1 operations; an operation name is needed to choose one"_s.arg(
                        d->operations.size()));
    }
    for (size_t i = 0; i < d->operations.size(); ++i) {
        if (d->operations[i].operation.name == operationName)
            return int(i);
    }
    return setError(u"Unknown operation named \"%1\""_s.arg(operationName));
}

QList<QGraphQLDocument::Field> QGraphQLDocument::selectedFields(int operationIndex,
                                                                const QJsonObject &variables,
                                                                QString *errorMessage) const
{
    if (operationIndex < 0 || size_t(operationIndex) >= d->operations.size()) {
        if (errorMessage)
            *errorMessage = u"No operation at index %1"_s.arg(operationIndex);
        return {};
    }
    const OperationNode &operation = d->operations[operationIndex];
    QGraphQLDocumentPrivate::Resolver resolver(*d, operation, variables);
    QList<Field> fields = resolver.fields(operation.selections);
    if (!resolver.error.isEmpty()) {
        if (errorMessage)
            *errorMessage = resolver.error;
        return {};
    }
    return fields;
}

QDebug operator<<(QDebug debug, const QGraphQLDocument &document)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "QGraphQLDocument(";
    if (!document.isValid()) {
        debug << "invalid: " << document.errorString() << " at " << document.errorLocation().line
              << ':' << document.errorLocation().column << ')';
        return debug;
    }
    const auto operations = document.operations();
    for (const QGraphQLDocument::Operation &operation : operations)
        debug << operation.type << ' ' << operation.name << "; ";
    debug << "fragments " << document.fragmentNames() << ')';
    return debug;
}
