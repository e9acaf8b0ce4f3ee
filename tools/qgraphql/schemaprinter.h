// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef SCHEMAPRINTER_H
#define SCHEMAPRINTER_H

#include <QtCore/qjsonobject.h>
#include <QtCore/qstring.h>

//! Turns an introspection result into SDL, the text graphql-js's
//! printSchema(buildClientSchema(introspection)) gives: built-in scalars, introspection types
//! and specified directives left out, `schema { … }` only for non-standard root type names,
//! descriptions as block strings where they can be, `@deprecated(reason: …)`, default values
//! reprinted in GraphQL syntax for their type, types in the order of the introspection's
//! types list. Pure: no I/O, no Qt event loop.
namespace SchemaPrinter {

//! The query graphql-js's getIntrospectionQuery() sends with its default options.
QString introspectionQuery();

//! \a schema is the `__schema` object of the introspection result (or the whole `data`
//! object holding it). Returns the SDL without a trailing newline, or an empty string with
//! \a error set when the introspection lacks what a schema needs.
QString print(const QJsonObject &schema, QString *error = nullptr);

//! A GraphQL string literal for \a value, escaped as graphql-js prints it.
QString printString(const QString &value);
//! A GraphQL block string for \a value (graphql-js printBlockString).
QString printBlockString(const QString &value);
//! Whether \a value round-trips as a block string (graphql-js isPrintableAsBlockString).
bool isPrintableAsBlockString(const QString &value);

} // namespace SchemaPrinter

#endif // SCHEMAPRINTER_H
