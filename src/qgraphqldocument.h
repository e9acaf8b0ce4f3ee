// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLDOCUMENT_H
#define QGRAPHQLDOCUMENT_H

#include <QGraphQL/qgraphqlerror.h>
#include <QGraphQL/qgraphqlglobal.h>

#include <QtCore/qjsonobject.h>
#include <QtCore/qlist.h>
#include <QtCore/qmetatype.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

class QGraphQLDocumentPrivate;

//! A parsed GraphQL executable document: its operations and fragments. It knows the syntax
//! (comments, strings, block strings, fragments, several operations), not a schema, so it
//! can tell a query from a subscription before anything is sent. Implicitly shared.
//!
//! \code
//! const QGraphQLDocument document = QGraphQLDocument::parse(text);
//! if (!document.isValid())
//!     qWarning() << document.errorString() << document.errorLocation().line;
//! const int index = document.findOperation(operationName);
//! if (index >= 0 && document.operations().at(index).type == QGraphQLDocument::Subscription)
//!     ...
//! \endcode
class QGRAPHQL_EXPORT QGraphQLDocument
{
    Q_GADGET

public:
    enum OperationType { Query, Mutation, Subscription };
    Q_ENUM(OperationType)

    struct Operation
    {
        OperationType type = Query;
        QString name; //!< empty for an anonymous operation
        QGraphQLError::Location location;
    };

    //! A field an operation selects, as a server sees it after fragments were inlined,
    //! variables substituted and @skip/@include applied. Fields with the same response key
    //! are merged. Type conditions are not evaluated: there is no schema.
    struct Field
    {
        QString name;
        QString alias; //!< empty when the field has none
        //! Argument values as JSON (enum values become strings). An argument whose variable
        //! is neither given nor defaulted is left out, as GraphQL treats it as not provided.
        QJsonObject arguments;
        QList<Field> selections;
        QGraphQLError::Location location;

        QString responseKey() const { return alias.isEmpty() ? name : alias; }
    };

    QGraphQLDocument();
    QGraphQLDocument(const QGraphQLDocument &other);
    QGraphQLDocument &operator=(const QGraphQLDocument &other);
    QGraphQLDocument(QGraphQLDocument &&other) noexcept;
    QGraphQLDocument &operator=(QGraphQLDocument &&other) noexcept;
    ~QGraphQLDocument();

    void swap(QGraphQLDocument &other) noexcept { d.swap(other.d); }

    static QGraphQLDocument parse(const QString &text);

    //! True when the text parsed; a default-constructed document is not valid.
    bool isValid() const;
    //! "Syntax Error: …" naming what was expected and found, empty when valid.
    QString errorString() const;
    //! Where the syntax error is (1-based line and column), {0, 0} when valid.
    QGraphQLError::Location errorLocation() const;
    //! The syntax error as a GraphQL error with its location, as a server reports it.
    QGraphQLError error() const;

    QList<Operation> operations() const;
    QStringList fragmentNames() const;

    //! The index in operations() of the operation a request runs: the one called
    //! operationName, or the only one when operationName is empty. -1 when there is none;
    //! errorMessage then says why (unknown name, or a name is needed to choose).
    int findOperation(const QString &operationName, QString *errorMessage = nullptr) const;

    //! The root fields of operations().at(operationIndex) with \a variables applied (and the
    //! defaults of the variable definitions). Empty, with errorMessage set, when a fragment
    //! spread names an unknown fragment or fragments spread each other in a cycle.
    QList<Field> selectedFields(int operationIndex, const QJsonObject &variables = {},
                                QString *errorMessage = nullptr) const;

private:
    QSharedDataPointer<QGraphQLDocumentPrivate> d;
};

Q_DECLARE_SHARED(QGraphQLDocument)
Q_DECLARE_METATYPE(QGraphQLDocument)

QGRAPHQL_EXPORT QDebug operator<<(QDebug debug, const QGraphQLDocument &document);

#endif // QGRAPHQLDOCUMENT_H
