// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqlparser_p.h"

using namespace Qt::StringLiterals;
using namespace QGraphQLAst;

// Counts one level of nesting for as long as it lives; past MaxNestingDepth the parser fails
// (the caller checks m_failed right after).
class QGraphQLParser::NestingGuard
{
public:
    explicit NestingGuard(QGraphQLParser *parser) : m_parser(parser)
    {
        if (++m_parser->m_depth > MaxNestingDepth) {
            m_parser->fail(u"Syntax Error: The document nests deeper than %1 levels."_s.arg(
                    MaxNestingDepth));
        }
    }
    ~NestingGuard() { --m_parser->m_depth; }
    NestingGuard(const NestingGuard &) = delete;
    NestingGuard &operator=(const NestingGuard &) = delete;

private:
    QGraphQLParser *m_parser;
};

QGraphQLParser::QGraphQLParser(const QString &text) : m_lexer(text)
{
    advance();
}

bool QGraphQLParser::parseDocument(std::vector<OperationNode> *operations,
                                   std::vector<FragmentNode> *fragments)
{
    if (m_failed) // the first token already
        return false;
    if (m_token.kind == QGraphQLToken::End)
        fail(u"Syntax Error: Unexpected <EOF>; the document has no operation"_s);
    while (!m_failed && m_token.kind != QGraphQLToken::End) {
        if (isPunctuator(u"{"_s)) {
            OperationNode operation;
            operation.operation.location = m_token.location;
            operation.selections = parseSelectionSet();
            operations->push_back(std::move(operation));
        } else if (m_token.kind == QGraphQLToken::Name
                   && (m_token.text == "query"_L1 || m_token.text == "mutation"_L1
                       || m_token.text == "subscription"_L1)) {
            operations->push_back(parseOperation());
        } else if (m_token.kind == QGraphQLToken::Name && m_token.text == "fragment"_L1) {
            fragments->push_back(parseFragment());
        } else {
            unexpected();
        }
    }
    return !m_failed;
}

QString QGraphQLParser::describe(const QGraphQLToken &token)
{
    switch (token.kind) {
    case QGraphQLToken::End:
        return u"<EOF>"_s;
    case QGraphQLToken::Punctuator:
        return u"\"%1\""_s.arg(token.text);
    case QGraphQLToken::Name:
        return u"Name \"%1\""_s.arg(token.text);
    case QGraphQLToken::Int:
        return u"Int \"%1\""_s.arg(token.text);
    case QGraphQLToken::Float:
        return u"Float \"%1\""_s.arg(token.text);
    case QGraphQLToken::String:
    case QGraphQLToken::BlockString:
        return u"String"_s;
    case QGraphQLToken::Error: // never described: the parser has failed already
        break;
    }
    return {};
}

void QGraphQLParser::failAt(const QString &message, QGraphQLError::Location location)
{
    if (m_failed)
        return;
    m_failed = true;
    m_errorString = message;
    m_errorLocation = location;
}

void QGraphQLParser::unexpected()
{
    fail(u"Syntax Error: Unexpected %1."_s.arg(describe(m_token)));
}

void QGraphQLParser::expected(const QString &what)
{
    fail(u"Syntax Error: Expected %1, found %2."_s.arg(what, describe(m_token)));
}

void QGraphQLParser::advance()
{
    if (m_failed)
        return;
    m_token = m_lexer.next();
    if (m_token.kind != QGraphQLToken::Error)
        return;
    QString message = u"Syntax Error: "_s + m_token.text;
    if (!message.endsWith(u'.') && !message.endsWith(u'?'))
        message += u'.';
    failAt(message, m_token.location);
}

bool QGraphQLParser::isPunctuator(const QString &p) const
{
    return !m_failed && m_token.kind == QGraphQLToken::Punctuator && m_token.text == p;
}

bool QGraphQLParser::skipPunctuator(const QString &p)
{
    if (!isPunctuator(p))
        return false;
    advance();
    return true;
}

void QGraphQLParser::expectPunctuator(const QString &p)
{
    if (!skipPunctuator(p))
        expected(u"\"%1\""_s.arg(p));
}

QString QGraphQLParser::expectName()
{
    if (m_failed)
        return {};
    if (m_token.kind != QGraphQLToken::Name) {
        expected(u"Name"_s);
        return {};
    }
    const QString name = m_token.text;
    advance();
    return name;
}

OperationNode QGraphQLParser::parseOperation()
{
    OperationNode node;
    if (m_failed)
        return node;
    node.operation.location = m_token.location;
    node.operation.type = m_token.text == "query"_L1 ? QGraphQLDocument::Query
            : m_token.text == "mutation"_L1          ? QGraphQLDocument::Mutation
                                                     : QGraphQLDocument::Subscription;
    advance();
    if (!m_failed && m_token.kind == QGraphQLToken::Name)
        node.operation.name = expectName();
    if (skipPunctuator(u"("_s)) {
        do {
            node.variables.push_back(parseVariableDefinition());
        } while (!m_failed && !skipPunctuator(u")"_s));
    }
    parseDirectives();
    node.selections = parseSelectionSet();
    return node;
}

VariableDefinitionNode QGraphQLParser::parseVariableDefinition()
{
    VariableDefinitionNode node;
    if (m_failed)
        return node;
    expectPunctuator(u"$"_s);
    node.name = expectName();
    expectPunctuator(u":"_s);
    parseType();
    if (skipPunctuator(u"="_s))
        node.defaultValue = parseValue(true);
    parseDirectives();
    return node;
}

void QGraphQLParser::parseType()
{
    if (m_failed)
        return;
    const NestingGuard nesting(this);
    if (m_failed)
        return;
    if (skipPunctuator(u"["_s)) {
        parseType();
        expectPunctuator(u"]"_s);
    } else {
        expectName();
    }
    skipPunctuator(u"!"_s);
}

FragmentNode QGraphQLParser::parseFragment()
{
    FragmentNode node;
    if (m_failed)
        return node;
    advance(); // "fragment"
    if (m_failed)
        return node;
    if (m_token.kind == QGraphQLToken::Name && m_token.text == "on"_L1) {
        unexpected();
        return node;
    }
    node.name = expectName();
    if (m_failed)
        return node;
    if (m_token.kind != QGraphQLToken::Name || m_token.text != "on"_L1) {
        expected(u"\"on\""_s);
        return node;
    }
    advance();
    expectName();
    node.directives = parseDirectives();
    node.selections = parseSelectionSet();
    return node;
}

std::vector<SelectionNode> QGraphQLParser::parseSelectionSet()
{
    std::vector<SelectionNode> selections;
    if (m_failed)
        return selections;
    const NestingGuard nesting(this);
    if (m_failed)
        return selections;
    expectPunctuator(u"{"_s);
    if (m_failed)
        return selections;
    do {
        selections.push_back(parseSelection());
    } while (!m_failed && !skipPunctuator(u"}"_s));
    return selections;
}

SelectionNode QGraphQLParser::parseSelection()
{
    SelectionNode node;
    if (m_failed)
        return node;
    node.location = m_token.location;
    if (skipPunctuator(u"..."_s)) {
        if (m_failed)
            return node;
        if (m_token.kind == QGraphQLToken::Name && m_token.text != "on"_L1) {
            node.kind = SelectionNode::FragmentSpread;
            node.name = expectName();
            node.directives = parseDirectives();
            return node;
        }
        node.kind = SelectionNode::InlineFragment;
        if (m_token.kind == QGraphQLToken::Name) { // "on" TypeName
            advance();
            expectName();
        }
        node.directives = parseDirectives();
        node.selections = parseSelectionSet();
        return node;
    }
    node.name = expectName();
    if (skipPunctuator(u":"_s)) {
        node.alias = node.name;
        node.name = expectName();
    }
    node.arguments = parseArguments(false);
    node.directives = parseDirectives();
    if (isPunctuator(u"{"_s))
        node.selections = parseSelectionSet();
    return node;
}

ArgumentNodes QGraphQLParser::parseArguments(bool isConst)
{
    ArgumentNodes arguments;
    if (!skipPunctuator(u"("_s)) // also when failed
        return arguments;
    do {
        QString name = expectName();
        expectPunctuator(u":"_s);
        arguments.emplace_back(std::move(name), parseValue(isConst));
    } while (!m_failed && !skipPunctuator(u")"_s));
    return arguments;
}

std::vector<DirectiveNode> QGraphQLParser::parseDirectives()
{
    std::vector<DirectiveNode> directives;
    while (skipPunctuator(u"@"_s)) { // false once failed
        DirectiveNode directive;
        directive.name = expectName();
        directive.arguments = parseArguments(false);
        directives.push_back(std::move(directive));
    }
    return directives;
}

ValueNode QGraphQLParser::parseValue(bool isConst)
{
    ValueNode value;
    if (m_failed)
        return value;
    const NestingGuard nesting(this);
    if (m_failed)
        return value;
    value.text = m_token.text;
    switch (m_token.kind) {
    case QGraphQLToken::Punctuator:
        if (skipPunctuator(u"["_s)) {
            value.kind = ValueNode::List;
            while (!m_failed && !skipPunctuator(u"]"_s))
                value.items.push_back(parseValue(isConst));
            return value;
        }
        if (skipPunctuator(u"{"_s)) {
            value.kind = ValueNode::Object;
            while (!m_failed && !skipPunctuator(u"}"_s)) {
                QString name = expectName();
                expectPunctuator(u":"_s);
                value.fields.emplace_back(std::move(name), parseValue(isConst));
            }
            return value;
        }
        if (isPunctuator(u"$"_s) && !isConst) {
            advance();
            value.kind = ValueNode::Variable;
            value.text = expectName();
            return value;
        }
        unexpected();
        return value;
    case QGraphQLToken::Int:
        value.kind = ValueNode::Int;
        break;
    case QGraphQLToken::Float:
        value.kind = ValueNode::Float;
        break;
    case QGraphQLToken::String:
    case QGraphQLToken::BlockString:
        value.kind = ValueNode::String;
        break;
    case QGraphQLToken::Name:
        value.kind = value.text == "true"_L1 || value.text == "false"_L1 ? ValueNode::Boolean
                : value.text == "null"_L1                                ? ValueNode::Null
                                                                         : ValueNode::Enum;
        break;
    case QGraphQLToken::End:
        unexpected();
        return value;
    case QGraphQLToken::Error: // not reached: the parser failed when it read this token
        return value;
    }
    advance();
    return value;
}

// --- @defer / @stream -------------------------------------------------------------------------

namespace {

bool isIncrementalDirective(const std::vector<DirectiveNode> &directives)
{
    for (const DirectiveNode &directive : directives) {
        if (directive.name == "defer"_L1 || directive.name == "stream"_L1)
            return true;
    }
    return false;
}

// Recursion as deep as the parser's nesting bound allows, no deeper.
bool usesIncrementalDelivery(const std::vector<SelectionNode> &selections)
{
    for (const SelectionNode &selection : selections) {
        if (isIncrementalDirective(selection.directives)
            || usesIncrementalDelivery(selection.selections))
            return true;
    }
    return false;
}

} // namespace

bool qgraphqlUsesIncrementalDelivery(const QString &document)
{
    std::vector<OperationNode> operations;
    std::vector<FragmentNode> fragments;
    if (!QGraphQLParser(document).parseDocument(&operations, &fragments))
        return false;
    for (const OperationNode &operation : operations) {
        if (usesIncrementalDelivery(operation.selections))
            return true;
    }
    for (const FragmentNode &fragment : fragments) {
        if (isIncrementalDirective(fragment.directives)
            || usesIncrementalDelivery(fragment.selections))
            return true;
    }
    return false;
}
