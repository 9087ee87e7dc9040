#pragma once

#include "map/mapsettings.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace saferhomes {

/// Settings › Map: no basemap, an MBTiles file, or a tile server's URL template. What is
/// chosen is checked before it is kept (the file opened and read, the template's {z}/{x}/{y}),
/// and a problem is shown in the dialog with what to do about it.
class MapSettingsDialog : public QDialog {
    Q_OBJECT

public:
    MapSettingsDialog(MapSettings &settings, QWidget *parent = nullptr);

    QRadioButton *noneButton() const { return m_none; }
    QRadioButton *mbTilesButton() const { return m_mbTiles; }
    QRadioButton *serverButton() const { return m_server; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *urlEdit() const { return m_url; }
    QString problem() const;

public slots:
    void accept() override;

private:
    MapSettings &m_settings;
    QRadioButton *m_none = nullptr;
    QRadioButton *m_mbTiles = nullptr;
    QRadioButton *m_server = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace saferhomes
