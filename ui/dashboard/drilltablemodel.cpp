#include "dashboard/drilltablemodel.h"

#include "importexport/csvwriter.h"

#include <QLocale>

namespace saferhomes {

DrillTableModel::DrillTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DrillTableModel::setRows(const QList<DrillRow> &rows, const QString &amountTitle, bool pence)
{
    beginResetModel();
    m_rows = rows;
    m_amountTitle = amountTitle;
    m_pence = pence;
    endResetModel();
}

int DrillTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DrillTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : (m_amountTitle.isEmpty() ? Amount : Amount + 1);
}

QString DrillTableModel::text(const DrillRow &row, int column) const
{
    switch (column) {
    case Uprn: return row.uprn;
    case Address: return row.address;
    case Postcode: return row.postcode;
    case Area: return row.area;
    case Status: return HouseholdStatusRules::label(row.status);
    case Amount:
        return m_pence ? QString::number(row.amount / 100.0, 'f', 2) : QString::number(row.amount);
    }
    return {};
}

QVariant DrillTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DrillRow &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return text(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Amount ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                        : QVariant();
    case IdRole: return row.id;
    default: return {};
    }
}

QVariant DrillTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Uprn: return tr("UPRN");
    case Address: return tr("Address");
    case Postcode: return tr("Postcode");
    case Area: return tr("Area");
    case Status: return tr("Status");
    case Amount: return m_amountTitle;
    }
    return {};
}

QByteArray DrillTableModel::toCsv() const
{
    QStringList header;
    for (int column = 0; column < columnCount(); ++column)
        header << headerData(column, Qt::Horizontal).toString();
    QByteArray csv = CsvWriter::formatRecord(header);
    for (const DrillRow &row : m_rows) {
        QStringList fields;
        for (int column = 0; column < columnCount(); ++column)
            fields << text(row, column);
        csv += CsvWriter::formatRecord(fields);
    }
    return csv;
}

} // namespace saferhomes
