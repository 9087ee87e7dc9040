#pragma once

#include "domain/job.h"
#include "store/jobrepository.h"

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace saferhomes {

class SignaturePad;
class TouchButton;

/// Records one visit of the fitter's day: per item what was fitted (a difference needs a
/// reason) and its serials, photos, the householder's signature and name, or no access with a
/// reason. It collects what was entered; the page saves it through the model.
class FitterDayForm : public QWidget {
    Q_OBJECT

public:
    explicit FitterDayForm(QWidget *parent = nullptr);

    /// Shows \a job's items (with the catalogue's \a labels) and empties every field.
    void setJob(const Job &job, const QHash<QString, EquipmentLabel> &labels);
    const Job &job() const { return m_job; }

    /// What was entered, as the model takes it.
    JobCompletion completion() const;
    /// Adds the photo in \a path; an unreadable file gives a message at the photo field and
    /// changes nothing else. Returns whether it was added.
    bool addPhoto(const QString &path);
    int photoCount() const { return int(m_photos.size()); }
    /// Shows \a message at the fields it concerns (or under the buttons).
    void showError(const QString &message);
    /// Shows \a message at the item \a code (the keyboard goes to its fitted quantity);
    /// false when the job has no such item.
    bool showItemError(const QString &code, const QString &message);
    /// Marks the items whose difference has no reason; true when every difference has one.
    bool checkReasons();

    QSpinBox *fittedBox(int item) const { return m_rows.value(item).fitted; }
    QLineEdit *reasonEdit(int item) const { return m_rows.value(item).reason; }
    QLineEdit *serialEdit(int item) const { return m_rows.value(item).serials; }
    QLineEdit *signedOffByEdit() const { return m_signedOffBy; }
    QLineEdit *noAccessEdit() const { return m_noAccessReason; }
    TouchButton *completeButton() const { return m_complete; }
    TouchButton *noAccessButton() const { return m_noAccess; }
    QLabel *photoError() const { return m_photoError; }
    QLabel *formError() const { return m_error; }
    SignaturePad *signaturePad() const { return m_signature; }

signals:
    void completeRequested();
    void noAccessRequested();

private:
    struct Row {
        JobItem item;
        QSpinBox *fitted = nullptr;
        QLineEdit *reason = nullptr;
        QLineEdit *serials = nullptr;
        QLabel *error = nullptr;
    };
    void updateReason(int item);
    void choosePhoto();

    Job m_job;
    QList<Row> m_rows;
    QList<JobPicture> m_photos;
    QWidget *m_items = nullptr;
    QListWidget *m_photoList = nullptr;
    QLabel *m_photoError = nullptr;
    TouchButton *m_addPhoto = nullptr;
    SignaturePad *m_signature = nullptr;
    QLineEdit *m_signedOffBy = nullptr;
    QLabel *m_signedOffByError = nullptr;
    TouchButton *m_complete = nullptr;
    QLineEdit *m_noAccessReason = nullptr;
    TouchButton *m_noAccess = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace saferhomes
