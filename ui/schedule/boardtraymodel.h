#pragma once

#include "domain/job.h"
#include "service/scheduleservice.h"

#include <QAbstractListModel>
#include <QDate>

namespace saferhomes {

/// The unscheduled jobs of the board's tray, one row each; drags carry the job's id.
class BoardTrayModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        AreaRole, ///< the household's area
        SkillsRole, ///< QStringList: the skills the job's items need
        AgeDaysRole, ///< days since the job was made
        MinutesRole,
    };

    /// The MIME type of a dragged job: its id as text.
    static QString mimeType();

    explicit BoardTrayModel(QObject *parent = nullptr);

    /// Shows the unscheduled jobs of \a snapshot; ages count from \a today.
    void setSnapshot(const ScheduleSnapshot &snapshot, const QDate &today);
    const Job *jobAt(int row) const;
    int rowOf(const QUuid &jobId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    struct Row {
        Job job;
        QStringList skills;
        int ageDays = 0;
    };
    QList<Row> m_rows;
};

} // namespace saferhomes
