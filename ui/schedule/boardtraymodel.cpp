#include "schedule/boardtraymodel.h"

#include <QMimeData>

namespace saferhomes {

QString BoardTrayModel::mimeType()
{
    return QStringLiteral("application/x-saferhomes-job");
}

BoardTrayModel::BoardTrayModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void BoardTrayModel::setSnapshot(const ScheduleSnapshot &snapshot, const QDate &today)
{
    beginResetModel();
    m_rows.clear();
    for (const Job &job : snapshot.jobs) {
        if (job.status != JobStatus::Unscheduled)
            continue;
        const QDate made = job.createdAt.isValid() ? job.createdAt.toLocalTime().date() : today;
        m_rows.append({job, ScheduleService::requiredSkills(snapshot, job),
                       int(std::max<qint64>(0, made.daysTo(today)))});
    }
    endResetModel();
}

const Job *BoardTrayModel::jobAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].job : nullptr;
}

int BoardTrayModel::rowOf(const QUuid &jobId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].job.id == jobId)
            return row;
    }
    return -1;
}

int BoardTrayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant BoardTrayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        const QString skills
            = row.skills.isEmpty() ? tr("no skill named") : row.skills.join(QStringLiteral(", "));
        const QString age
            = row.ageDays == 1 ? tr("waiting 1 day") : tr("waiting %1 days").arg(row.ageDays);
        return tr("%1, %2\n%3 min \u00b7 %4 \u00b7 %5")
            .arg(row.job.address, row.job.postcode)
            .arg(row.job.durationMinutes)
            .arg(skills, age);
    }
    case Qt::ToolTipRole:
        return tr("%1 (%2). Drag onto a fitter and time on the board, or press Enter to book it "
                  "at the board's cursor.")
            .arg(row.job.address, row.job.area.isEmpty() ? tr("no area") : row.job.area);
    case JobIdRole: return row.job.id;
    case AreaRole: return row.job.area;
    case SkillsRole: return row.skills;
    case AgeDaysRole: return row.ageDays;
    case MinutesRole: return row.job.durationMinutes;
    default: return {};
    }
}

Qt::ItemFlags BoardTrayModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags flags = QAbstractListModel::flags(index);
    return index.isValid() ? flags | Qt::ItemIsDragEnabled : flags;
}

QStringList BoardTrayModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *BoardTrayModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.constFirst().isValid())
        return nullptr;
    auto *mime = new QMimeData;
    const QUuid id = indexes.constFirst().data(JobIdRole).toUuid();
    mime->setData(mimeType(), id.toString(QUuid::WithoutBraces).toUtf8());
    return mime;
}

} // namespace saferhomes
