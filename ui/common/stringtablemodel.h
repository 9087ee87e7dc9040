#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace saferhomes {

/// A read-only table of text: import previews, import problems and audit history.
class StringTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit StringTableModel(QObject *parent = nullptr);

    /// Replaces the header and every row; short rows read as empty cells.
    void setTable(QStringList header, QList<QStringList> rows);
    void clear();
    QString text(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace saferhomes
