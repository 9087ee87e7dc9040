#pragma once

#include "domain/visit.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace saferhomes {

/// The package of equipment being agreed at the door: one row per item, the quantity
/// editable.
class PackageTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Code, Equipment, Qty, Reason, ColumnCount };

    explicit PackageTableModel(QObject *parent = nullptr);

    void setItems(QList<PackageItem> items);
    QList<PackageItem> items() const { return m_items; }
    /// Names shown for equipment codes (a code without one shows the code).
    void setEquipmentNames(QHash<QString, QString> names);

    /// Adds one \a code, or one more of it when it is already in the package; returns its row.
    int addItem(const QString &code, const QString &reason);
    void removeItem(int row);
    /// Sets the quantity of \a row (at least 1).
    void setQty(int row, int qty);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<PackageItem> m_items;
    QHash<QString, QString> m_names;
};

} // namespace saferhomes
