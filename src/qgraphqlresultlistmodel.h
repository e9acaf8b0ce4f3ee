// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQLRESULTLISTMODEL_H
#define QGRAPHQLRESULTLISTMODEL_H

#include <QGraphQL/qgraphqlglobal.h>
#include <QGraphQL/qgraphqlresult.h>

#include <QtCore/qabstractitemmodel.h>
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

#include <memory>

class QGraphQLResultListModelPrivate;

//! A list model fed by GraphQL results: the object, or the list of objects, found at path in
//! each result's data becomes rows (Append, Prepend, Replace or Upsert by key). Roles are the
//! fields of the row objects, in first-seen order, plus modelData for the whole row. Changes
//! are reported with fine-grained signals (rowsInserted, rowsRemoved, rowsMoved, dataChanged);
//! a model reset happens only in clear() and when the role set grows (see roleNames()).
class QGRAPHQL_EXPORT QGraphQLResultListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QObject *source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY pathChanged)
    Q_PROPERTY(Policy policy READ policy WRITE setPolicy NOTIFY policyChanged)
    Q_PROPERTY(QString key READ key WRITE setKey NOTIFY keyChanged)
    Q_PROPERTY(int maxCount READ maxCount WRITE setMaxCount NOTIFY maxCountChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Policy {
        Append, // each result's rows go to the end
        Prepend, // each result's rows go to the start (as a block, in their order)
        Replace, // each result's rows replace the rows (in place by key when key is set)
        Upsert, // a row whose key is already there is updated in place, others are appended
    };
    Q_ENUM(Policy)

    //! The role of the whole row; field roles follow it (ModelDataRole + 1, + 2, ...).
    static constexpr int ModelDataRole = Qt::UserRole;

    explicit QGraphQLResultListModel(QObject *parent = nullptr);
    ~QGraphQLResultListModel() override;

    //! A QGraphQLOperation (its resultReceived()) or any object with a signal
    //! resultArrived(QGraphQLResult) or resultReceived(QGraphQLResult), such as the QML
    //! elements Query, Mutation and Subscription. Not owned.
    QObject *source() const;
    void setSource(QObject *source);
    //! Dot path in each result's data, such as "messageAdded" or "feed.items".
    QString path() const;
    void setPath(const QString &path);
    Policy policy() const;
    void setPolicy(Policy policy);
    //! Dot path of the key field inside a row (Upsert, and Replace in place); empty = none.
    QString key() const;
    void setKey(const QString &key);
    //! The most rows kept; 0 = unbounded. Past it the oldest rows go (the first rows for
    //! Append and Upsert, the last for Prepend; for Replace the rows past maxCount).
    int maxCount() const;
    void setMaxCount(int maxCount);
    int count() const;

    //! The row as a JS object (the row's object; a non-object row as {modelData: value});
    //! empty when row is out of range.
    Q_INVOKABLE QVariantMap get(int row) const;
    //! Removes every row and forgets the roles (one model reset).
    Q_INVOKABLE void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    //! modelData plus one role per field seen so far, stable: a field keeps its role.
    QHash<int, QByteArray> roleNames() const override;

public Q_SLOTS:
    //! Feeds one result, as the source does.
    void addResult(const QGraphQLResult &result);

Q_SIGNALS:
    void sourceChanged();
    void pathChanged();
    void policyChanged();
    void keyChanged();
    void maxCountChanged();
    void countChanged();

private:
    Q_DISABLE_COPY_MOVE(QGraphQLResultListModel)
    friend class QGraphQLResultListModelPrivate;
    std::unique_ptr<QGraphQLResultListModelPrivate> d;
};

#endif // QGRAPHQLRESULTLISTMODEL_H
