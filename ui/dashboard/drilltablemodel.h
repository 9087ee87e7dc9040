#pragma once

#include "reporting/dashboardfigures.h"

#include <QAbstractTableModel>

namespace saferhomes {

/// The households behind a figure: UPRN, address, postcode, area, status and, where the
/// figure is not a count of homes, each one's part of it (items, pence, days).
class DrillTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Uprn, Address, Postcode, Area, Status, Amount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit DrillTableModel(QObject *parent = nullptr);

    /// \a amountTitle names the last column; empty when the figure counts homes.
    void setRows(const QList<DrillRow> &rows, const QString &amountTitle, bool pence);
    const QList<DrillRow> &rows() const { return m_rows; }
    /// The rows as CSV (RFC 4180, a header row), as the table shows them.
    QByteArray toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(const DrillRow &row, int column) const;

    QList<DrillRow> m_rows;
    QString m_amountTitle;
    bool m_pence = false;
};

} // namespace saferhomes
