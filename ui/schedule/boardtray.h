#pragma once

#include "service/scheduleservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;

namespace saferhomes {

class BoardTrayFilter;
class BoardTrayModel;

/// The board's tray of unscheduled jobs with its filters (area, skill, age). Jobs are dragged
/// from its list onto the board; Enter books the current one at the board's cursor.
class BoardTray : public QWidget {
    Q_OBJECT

public:
    explicit BoardTray(QWidget *parent = nullptr);

    void setSnapshot(const ScheduleSnapshot &snapshot, const QDate &today);
    /// The job of the current row, or a null id.
    QUuid currentJob() const;
    void selectJob(const QUuid &jobId);

    QListView *listView() const { return m_list; }
    BoardTrayModel *model() const { return m_model; }
    BoardTrayFilter *filter() const { return m_filter; }
    QComboBox *areaBox() const { return m_area; }
    QComboBox *skillBox() const { return m_skill; }
    QComboBox *ageBox() const { return m_age; }

signals:
    /// Enter on a job of the list: book it where the board's cursor is.
    void bookRequested(const QUuid &jobId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillAreas(const ScheduleSnapshot &snapshot);
    void updateCount();

    BoardTrayModel *m_model;
    BoardTrayFilter *m_filter;
    QComboBox *m_area;
    QComboBox *m_skill;
    QComboBox *m_age;
    QListView *m_list;
    QLabel *m_count;
};

} // namespace saferhomes
