// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "qgraphqldocument.h"

#include <QtCore/qdebug.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qscopeguard.h>

#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

using Location = QGraphQLError::Location;

// --- Syntax tree ------------------------------------------------------------------------------

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
    Location location;
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
    std::vector<SelectionNode> selections;
};

// --- Lexer ------------------------------------------------------------------------------------

struct Token
{
    enum Kind { End, Punctuator, Name, Int, Float, String, BlockString };
    Kind kind = End;
    QString text; // punctuator, name, number text, or the string's value
    Location location;
};

struct SyntaxError
{
    QString message;
    Location location;
};

class Lexer
{
public:
    explicit Lexer(const QString &text) : m_text(text) { }

    // Throws SyntaxError; the parser catches it once at the top.
    Token next()
    {
        skipIgnored();
        Token token;
        token.location = location();
        if (m_pos >= m_text.size())
            return token;
        const QChar c = m_text.at(m_pos);
        if (c == u'.') {
            if (m_text.mid(m_pos, 3) != "..."_L1)
                fail(u"Unexpected \".\"; did you mean \"...\"?"_s);
            m_pos += 3;
            token.kind = Token::Punctuator;
            token.text = u"..."_s;
            return token;
        }
        if (u"!$&()[]{}:=@|"_s.contains(c)) {
            ++m_pos;
            token.kind = Token::Punctuator;
            token.text = c;
            return token;
        }
        if (isNameStart(c)) {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && isNameContinue(m_text.at(m_pos)))
                ++m_pos;
            token.kind = Token::Name;
            token.text = m_text.mid(start, m_pos - start);
            return token;
        }
        if (c == u'-' || c.isDigit())
            return readNumber(token);
        if (c == u'"') {
            if (m_text.mid(m_pos, 3) == "\"\"\""_L1)
                return readBlockString(token);
            return readString(token);
        }
        fail(u"Unexpected character %1"_s.arg(describe(c)));
    }

private:
    static bool isNameStart(QChar c)
    {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
    }
    static bool isNameContinue(QChar c) { return isNameStart(c) || (c >= u'0' && c <= u'9'); }
    static bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }

    static QString describe(QChar c)
    {
        if (c.isPrint() && c != u'"')
            return u"\"%1\""_s.arg(c);
        return u"U+"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0');
    }

    [[noreturn]] void fail(const QString &message) const
    {
        throw SyntaxError { message, location() };
    }

    Location location() const { return { m_line, int(m_pos - m_lineStart) + 1 }; }

    // Consumes a line terminator at m_pos (\n, \r\n or \r) if there is one.
    bool skipLineTerminator()
    {
        if (m_pos >= m_text.size())
            return false;
        const QChar c = m_text.at(m_pos);
        if (c != u'\n' && c != u'\r')
            return false;
        ++m_pos;
        if (c == u'\r' && m_pos < m_text.size() && m_text.at(m_pos) == u'\n')
            ++m_pos;
        ++m_line;
        m_lineStart = m_pos;
        return true;
    }

    void skipIgnored()
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u' ' || c == u'\t' || c == u',' || c == QChar(0xfeff)) {
                ++m_pos;
            } else if (skipLineTerminator()) {
            } else if (c == u'#') {
                while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n'
                       && m_text.at(m_pos) != u'\r')
                    ++m_pos;
            } else {
                return;
            }
        }
    }

    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_text.size() ? m_text.at(m_pos + offset) : QChar();
    }

    Token readNumber(Token &token)
    {
        const qsizetype start = m_pos;
        token.kind = Token::Int;
        if (peek() == u'-')
            ++m_pos;
        if (peek() == u'0') {
            ++m_pos;
            if (isDigit(peek()))
                fail(u"Invalid number, unexpected digit after 0: \"%1\""_s.arg(peek()));
        } else {
            readDigits();
        }
        if (peek() == u'.') {
            token.kind = Token::Float;
            ++m_pos;
            readDigits();
        }
        if (peek() == u'e' || peek() == u'E') {
            token.kind = Token::Float;
            ++m_pos;
            if (peek() == u'+' || peek() == u'-')
                ++m_pos;
            readDigits();
        }
        if (peek() == u'.' || isNameStart(peek()))
            fail(u"Invalid number, expected digit but got \"%1\""_s.arg(peek()));
        token.text = m_text.mid(start, m_pos - start);
        return token;
    }

    void readDigits()
    {
        if (!isDigit(peek())) {
            fail(m_pos < m_text.size()
                         ? u"Invalid number, expected digit but got \"%1\""_s.arg(peek())
                         : u"Invalid number, expected digit but got <EOF>"_s);
        }
        while (isDigit(peek()))
            ++m_pos;
    }

    int readHexDigits(int count)
    {
        int value = 0;
        for (int i = 0; i < count; ++i) {
            const char16_t c = peek(i).unicode();
            const int digit = isDigit(c)       ? c - u'0'
                    : (c >= u'a' && c <= u'f') ? c - u'a' + 10
                    : (c >= u'A' && c <= u'F') ? c - u'A' + 10
                                               : -1;
            if (digit < 0)
                fail(u"Invalid Unicode escape sequence"_s);
            value = value * 16 + digit;
        }
        m_pos += count;
        return value;
    }

    Token readString(Token &token)
    {
        ++m_pos; // opening quote
        QString value;
        while (true) {
            if (m_pos >= m_text.size() || peek() == u'\n' || peek() == u'\r')
                fail(u"Unterminated string"_s);
            const QChar c = m_text.at(m_pos);
            if (c == u'"') {
                ++m_pos;
                break;
            }
            if (c != u'\\') {
                value += c;
                ++m_pos;
                continue;
            }
            ++m_pos;
            const QChar escape = peek();
            ++m_pos;
            switch (escape.unicode()) {
            case '"':
                value += u'"';
                break;
            case '\\':
                value += u'\\';
                break;
            case '/':
                value += u'/';
                break;
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
                if (peek() == u'{') { // \u{1F600}, GraphQL 2021
                    ++m_pos;
                    char32_t code = 0;
                    int digits = 0;
                    while (peek() != u'}') {
                        if (++digits > 6)
                            fail(u"Invalid Unicode escape sequence"_s);
                        code = code * 16 + char32_t(readHexDigits(1));
                    }
                    ++m_pos;
                    if (digits == 0 || code > 0x10ffff)
                        fail(u"Invalid Unicode escape sequence"_s);
                    value += QString::fromUcs4(&code, 1);
                } else {
                    value += QChar(readHexDigits(4));
                }
                break;
            }
            default:
                m_pos -= 2; // report at the backslash
                fail(u"Invalid character escape sequence: \"\\%1\""_s.arg(escape));
            }
        }
        token.kind = Token::String;
        token.text = value;
        return token;
    }

    Token readBlockString(Token &token)
    {
        m_pos += 3;
        QString raw;
        while (true) {
            if (m_pos >= m_text.size())
                fail(u"Unterminated string"_s);
            if (m_text.mid(m_pos, 3) == "\"\"\""_L1) {
                m_pos += 3;
                break;
            }
            if (m_text.mid(m_pos, 4) == "\\\"\"\""_L1) {
                raw += "\"\"\""_L1;
                m_pos += 4;
                continue;
            }
            if (peek() == u'\n' || peek() == u'\r') {
                skipLineTerminator();
                raw += u'\n';
                continue;
            }
            raw += m_text.at(m_pos++);
        }
        token.kind = Token::BlockString;
        token.text = blockStringValue(raw);
        return token;
    }

    // The spec's BlockStringValue(): remove the common indentation and blank first/last lines.
    static QString blockStringValue(const QString &raw)
    {
        QStringList lines = raw.split(u'\n');
        const auto indentOf = [](const QString &line) {
            qsizetype i = 0;
            while (i < line.size() && (line.at(i) == u' ' || line.at(i) == u'\t'))
                ++i;
            return i;
        };
        std::optional<qsizetype> commonIndent;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype indent = indentOf(lines.at(i));
            if (indent < lines.at(i).size() && (!commonIndent || indent < *commonIndent))
                commonIndent = indent;
        }
        if (commonIndent) {
            for (qsizetype i = 1; i < lines.size(); ++i)
                lines[i].remove(0, *commonIndent);
        }
        const auto isBlank = [&indentOf](const QString &line) {
            return indentOf(line) == line.size();
        };
        while (!lines.isEmpty() && isBlank(lines.first()))
            lines.removeFirst();
        while (!lines.isEmpty() && isBlank(lines.last()))
            lines.removeLast();
        return lines.join(u'\n');
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
};

// --- Parser -----------------------------------------------------------------------------------

// Selection sets, list and object values and list types nest by recursion: bound the depth so
// that a hostile document is a syntax error rather than a stack overflow (also when the node
// tree is destroyed, which recurses as deep). Real documents stay far below this.
constexpr int MaxNestingDepth = 256;
constexpr qint64 MaxExpandedSelections = 100000;

class Parser
{
public:
    explicit Parser(const QString &text) : m_lexer(text) { advance(); }

    void parseDocument(std::vector<OperationNode> *operations, std::vector<FragmentNode> *fragments)
    {
        if (m_token.kind == Token::End)
            fail(u"Syntax Error: Unexpected <EOF>; the document has no operation"_s);
        while (m_token.kind != Token::End) {
            if (isPunctuator(u"{"_s)) {
                OperationNode operation;
                operation.operation.location = m_token.location;
                operation.selections = parseSelectionSet();
                operations->push_back(std::move(operation));
            } else if (m_token.kind == Token::Name
                       && (m_token.text == "query"_L1 || m_token.text == "mutation"_L1
                           || m_token.text == "subscription"_L1)) {
                operations->push_back(parseOperation());
            } else if (m_token.kind == Token::Name && m_token.text == "fragment"_L1) {
                fragments->push_back(parseFragment());
            } else {
                unexpected();
            }
        }
    }

private:
    [[noreturn]] void fail(const QString &message) const
    {
        throw SyntaxError { message, m_token.location };
    }

    static QString describe(const Token &token)
    {
        switch (token.kind) {
        case Token::End:
            return u"<EOF>"_s;
        case Token::Punctuator:
            return u"\"%1\""_s.arg(token.text);
        case Token::Name:
            return u"Name \"%1\""_s.arg(token.text);
        case Token::Int:
            return u"Int \"%1\""_s.arg(token.text);
        case Token::Float:
            return u"Float \"%1\""_s.arg(token.text);
        case Token::String:
        case Token::BlockString:
            return u"String"_s;
        }
        return {};
    }

    // Counts one level of nesting for as long as it lives.
    class NestingGuard
    {
    public:
        explicit NestingGuard(Parser *parser) : m_parser(parser)
        {
            if (++m_parser->m_depth > MaxNestingDepth) {
                --m_parser->m_depth;
                m_parser->fail(u"Syntax Error: The document nests deeper than %1 levels."_s.arg(
                        MaxNestingDepth));
            }
        }
        ~NestingGuard() { --m_parser->m_depth; }
        NestingGuard(const NestingGuard &) = delete;
        NestingGuard &operator=(const NestingGuard &) = delete;

    private:
        Parser *m_parser;
    };

    [[noreturn]] void unexpected() const
    {
        fail(u"Syntax Error: Unexpected %1."_s.arg(describe(m_token)));
    }

    [[noreturn]] void expected(const QString &what) const
    {
        fail(u"Syntax Error: Expected %1, found %2."_s.arg(what, describe(m_token)));
    }

    void advance()
    {
        try {
            m_token = m_lexer.next();
        } catch (SyntaxError &error) {
            error.message.prepend(u"Syntax Error: "_s);
            if (!error.message.endsWith(u'.') && !error.message.endsWith(u'?'))
                error.message += u'.';
            throw;
        }
    }

    bool isPunctuator(const QString &p) const
    {
        return m_token.kind == Token::Punctuator && m_token.text == p;
    }

    bool skipPunctuator(const QString &p)
    {
        if (!isPunctuator(p))
            return false;
        advance();
        return true;
    }

    void expectPunctuator(const QString &p)
    {
        if (!skipPunctuator(p))
            expected(u"\"%1\""_s.arg(p));
    }

    QString expectName()
    {
        if (m_token.kind != Token::Name)
            expected(u"Name"_s);
        const QString name = m_token.text;
        advance();
        return name;
    }

    OperationNode parseOperation()
    {
        OperationNode node;
        node.operation.location = m_token.location;
        node.operation.type = m_token.text == "query"_L1 ? QGraphQLDocument::Query
                : m_token.text == "mutation"_L1          ? QGraphQLDocument::Mutation
                                                         : QGraphQLDocument::Subscription;
        advance();
        if (m_token.kind == Token::Name)
            node.operation.name = expectName();
        if (skipPunctuator(u"("_s)) {
            do {
                node.variables.push_back(parseVariableDefinition());
            } while (!skipPunctuator(u")"_s));
        }
        parseDirectives();
        node.selections = parseSelectionSet();
        return node;
    }

    VariableDefinitionNode parseVariableDefinition()
    {
        VariableDefinitionNode node;
        expectPunctuator(u"$"_s);
        node.name = expectName();
        expectPunctuator(u":"_s);
        parseType();
        if (skipPunctuator(u"="_s))
            node.defaultValue = parseValue(true);
        parseDirectives();
        return node;
    }

    void parseType()
    {
        const NestingGuard nesting(this);
        if (skipPunctuator(u"["_s)) {
            parseType();
            expectPunctuator(u"]"_s);
        } else {
            expectName();
        }
        skipPunctuator(u"!"_s);
    }

    FragmentNode parseFragment()
    {
        advance(); // "fragment"
        FragmentNode node;
        if (m_token.kind == Token::Name && m_token.text == "on"_L1)
            unexpected();
        node.name = expectName();
        if (m_token.kind != Token::Name || m_token.text != "on"_L1)
            expected(u"\"on\""_s);
        advance();
        expectName();
        parseDirectives();
        node.selections = parseSelectionSet();
        return node;
    }

    std::vector<SelectionNode> parseSelectionSet()
    {
        const NestingGuard nesting(this);
        expectPunctuator(u"{"_s);
        std::vector<SelectionNode> selections;
        do {
            selections.push_back(parseSelection());
        } while (!skipPunctuator(u"}"_s));
        return selections;
    }

    SelectionNode parseSelection()
    {
        SelectionNode node;
        node.location = m_token.location;
        if (skipPunctuator(u"..."_s)) {
            if (m_token.kind == Token::Name && m_token.text != "on"_L1) {
                node.kind = SelectionNode::FragmentSpread;
                node.name = expectName();
                node.directives = parseDirectives();
                return node;
            }
            node.kind = SelectionNode::InlineFragment;
            if (m_token.kind == Token::Name) { // "on" TypeName
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

    ArgumentNodes parseArguments(bool isConst)
    {
        ArgumentNodes arguments;
        if (!skipPunctuator(u"("_s))
            return arguments;
        do {
            QString name = expectName();
            expectPunctuator(u":"_s);
            arguments.emplace_back(std::move(name), parseValue(isConst));
        } while (!skipPunctuator(u")"_s));
        return arguments;
    }

    std::vector<DirectiveNode> parseDirectives()
    {
        std::vector<DirectiveNode> directives;
        while (skipPunctuator(u"@"_s)) {
            DirectiveNode directive;
            directive.name = expectName();
            directive.arguments = parseArguments(false);
            directives.push_back(std::move(directive));
        }
        return directives;
    }

    ValueNode parseValue(bool isConst)
    {
        const NestingGuard nesting(this);
        ValueNode value;
        value.text = m_token.text;
        switch (m_token.kind) {
        case Token::Punctuator:
            if (skipPunctuator(u"["_s)) {
                value.kind = ValueNode::List;
                while (!skipPunctuator(u"]"_s))
                    value.items.push_back(parseValue(isConst));
                return value;
            }
            if (skipPunctuator(u"{"_s)) {
                value.kind = ValueNode::Object;
                while (!skipPunctuator(u"}"_s)) {
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
        case Token::Int:
            value.kind = ValueNode::Int;
            break;
        case Token::Float:
            value.kind = ValueNode::Float;
            break;
        case Token::String:
        case Token::BlockString:
            value.kind = ValueNode::String;
            break;
        case Token::Name:
            value.kind = value.text == "true"_L1 || value.text == "false"_L1 ? ValueNode::Boolean
                    : value.text == "null"_L1                                ? ValueNode::Null
                                                                             : ValueNode::Enum;
            break;
        case Token::End:
            unexpected();
        }
        advance();
        return value;
    }

    Lexer m_lexer;
    Token m_token;
    int m_depth = 0; // see NestingGuard
};

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
    try {
        Parser(text).parseDocument(&d->operations, &d->fragments);
        d->valid = true;
    } catch (const SyntaxError &error) {
        d->operations.clear();
        d->fragments.clear();
        d->errorString = error.message;
        d->errorLocation = error.location;
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
