// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLPARSER_P_H
#define QGRAPHQLPARSER_P_H

//
//  W A R N I N G
//  -------------
// This file is not part of the QGraphQL API. It may change without notice.
//

#include <QGraphQL/qgraphqldocument.h>
#include <QGraphQL/qgraphqlerror.h>
#include <QGraphQL/qgraphqlglobal.h>

#include "qgraphqllexer_p.h"

#include <QtCore/qstring.h>

#include <optional>
#include <utility>
#include <vector>

// The syntax tree of an executable document, as much of it as QGraphQLDocument uses.
namespace QGraphQLAst {

struct ValueNode
{
    enum Kind { Variable, Int, Float, String, Boolean, Null, Enum, List, Object };
    Kind kind = Null;
    QString text; // variable name, literal text or string value
    std::vector<ValueNode> items;
    std::vector<std::pair<QString, ValueNode>> fields;
};

using ArgumentNodes = std::vector<std::pair<QString, ValueNode>>;

struct DirectiveNode
{
    QString name;
    ArgumentNodes arguments;
};

struct SelectionNode
{
    enum Kind { Field, FragmentSpread, InlineFragment };
    Kind kind = Field;
    QString alias;
    QString name; // field name or fragment name
    ArgumentNodes arguments;
    std::vector<DirectiveNode> directives;
    std::vector<SelectionNode> selections;
    QGraphQLError::Location location;
};

struct VariableDefinitionNode
{
    QString name;
    std::optional<ValueNode> defaultValue;
};

struct OperationNode
{
    QGraphQLDocument::Operation operation;
    std::vector<VariableDefinitionNode> variables;
    std::vector<SelectionNode> selections;
};

struct FragmentNode
{
    QString name;
    std::vector<DirectiveNode> directives;
    std::vector<SelectionNode> selections;
};

} // namespace QGraphQLAst

//! The GraphQL parser of executable documents (operations and fragments). No exceptions: the
//! first syntax error (the lexer's or the parser's) is kept with its location, and from then on
//! every parse function returns at once, so the error reported is the first one found.
class QGRAPHQL_AUTOTEST_EXPORT QGraphQLParser
{
public:
    // Selection sets, list and object values and list types nest by recursion: bound the depth
    // so that a hostile document is a syntax error rather than a stack overflow (also when the
    // node tree is destroyed, which recurses as deep). Real documents stay far below this.
    static constexpr int MaxNestingDepth = 256;

    explicit QGraphQLParser(const QString &text);

    //! Parses the whole document. False on a syntax error: errorString() and errorLocation()
    //! then say what and where, and what was appended to \a operations and \a fragments is
    //! incomplete.
    bool parseDocument(std::vector<QGraphQLAst::OperationNode> *operations,
                       std::vector<QGraphQLAst::FragmentNode> *fragments);

    bool hasFailed() const { return m_failed; }
    //! "Syntax Error: …", empty until an error.
    QString errorString() const { return m_errorString; }
    QGraphQLError::Location errorLocation() const { return m_errorLocation; }

private:
    class NestingGuard;

    static QString describe(const QGraphQLToken &token);

    // Record the first error only; later calls do nothing.
    void fail(const QString &message) { failAt(message, m_token.location); }
    void failAt(const QString &message, QGraphQLError::Location location);
    void unexpected();
    void expected(const QString &what);

    void advance();
    bool isPunctuator(const QString &p) const;
    bool skipPunctuator(const QString &p);
    void expectPunctuator(const QString &p);
    QString expectName();

    QGraphQLAst::OperationNode parseOperation();
    QGraphQLAst::VariableDefinitionNode parseVariableDefinition();
    void parseType();
    QGraphQLAst::FragmentNode parseFragment();
    std::vector<QGraphQLAst::SelectionNode> parseSelectionSet();
    QGraphQLAst::SelectionNode parseSelection();
    QGraphQLAst::ArgumentNodes parseArguments(bool isConst);
    std::vector<QGraphQLAst::DirectiveNode> parseDirectives();
    QGraphQLAst::ValueNode parseValue(bool isConst);

    QGraphQLLexer m_lexer;
    QGraphQLToken m_token;
    int m_depth = 0; // see NestingGuard
    bool m_failed = false;
    QString m_errorString;
    QGraphQLError::Location m_errorLocation;
};

//! True when \a document parses and one of its fields, fragment spreads, inline fragments or
//! fragment definitions (anywhere in the document, used or not) carries a @defer or @stream
//! directive, whatever the directive's arguments: the response may then come in increments.
//! False when the document does not parse or has neither directive. Strings, block strings and
//! comments are tokens of their own, so "@defer" inside them does not count.
QGRAPHQL_AUTOTEST_EXPORT bool qgraphqlUsesIncrementalDelivery(const QString &document);

#endif // QGRAPHQLPARSER_P_H
