// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QQMLGRAPHQLRESULTLISTMODEL_P_H
#define QQMLGRAPHQLRESULTLISTMODEL_P_H

#include <QGraphQL/qgraphqlresultlistmodel.h>

#include <QtQml/qqml.h>

// ResultListModel: QGraphQLResultListModel as is. Its source, a Query, Mutation or
// Subscription element, is found by its resultArrived(QGraphQLResult) signal.
class QQmlGraphQLResultListModel : public QGraphQLResultListModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(ResultListModel)

public:
    explicit QQmlGraphQLResultListModel(QObject *parent = nullptr) : QGraphQLResultListModel(parent)
    { }
};

#endif // QQMLGRAPHQLRESULTLISTMODEL_P_H
