#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace saferhomes {

/// The import wizard's first step: which file, and what it must look like.
class ImportFilePage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportFilePage(QWidget *parent = nullptr);

    QLineEdit *pathEdit() const { return m_path; }
    bool validatePage() override;
    void setStartDirectory(const QString &directory) { m_startDirectory = directory; }

private:
    void browse();

    QLineEdit *m_path;
    QLabel *m_error;
    QString m_startDirectory;
};

} // namespace saferhomes
