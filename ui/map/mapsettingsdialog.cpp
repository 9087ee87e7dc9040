#include "map/mapsettingsdialog.h"

#include "common/xyztilesource.h"
#include "store/mbtilesstore.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace saferhomes {

MapSettingsDialog::MapSettingsDialog(MapSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Map settings"));
    auto *layout = new QVBoxLayout(this);
    m_none = new QRadioButton(tr("&No basemap: households on a plain background"), this);
    m_mbTiles = new QRadioButton(tr("An &MBTiles file (works offline)"), this);
    m_server = new QRadioButton(tr("A &tile server"), this);
    m_path = new QLineEdit(settings.mbTilesPath(), this);
    m_path->setAccessibleName(tr("MBTiles file"));
    m_path->setPlaceholderText(tr("melton-oadby.mbtiles"));
    auto *browse = new QPushButton(tr("&Browse\u2026"), this);
    m_url = new QLineEdit(settings.urlTemplate(), this);
    m_url->setAccessibleName(tr("Tile URL template"));
    m_url->setPlaceholderText(QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
    auto *policy = new QLabel(
        tr("Tiles are fetched only for what is on screen, two at a time, and kept for a week. "
           "The OpenStreetMap tile servers' usage policy forbids bulk downloading "
           "(\u201cprefetching\u201d) of tiles: for offline use, make an MBTiles file from an "
           "OpenStreetMap extract (see the README) instead."),
        this);
    policy->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("mapSettingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    layout->addWidget(m_none);
    layout->addWidget(m_mbTiles);
    layout->addLayout(fileRow);
    layout->addWidget(m_server);
    layout->addWidget(m_url);
    layout->addWidget(policy);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &MapSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Choose an MBTiles file"), m_path->text(), tr("MBTiles (*.mbtiles)"));
        if (!file.isEmpty()) {
            m_path->setText(file);
            m_mbTiles->setChecked(true);
        }
    });
    connect(m_path, &QLineEdit::textEdited, m_mbTiles, [this] { m_mbTiles->setChecked(true); });
    connect(m_url, &QLineEdit::textEdited, m_server, [this] { m_server->setChecked(true); });

    switch (settings.basemap()) {
    case MapSettings::Basemap::None: m_none->setChecked(true); break;
    case MapSettings::Basemap::MbTiles: m_mbTiles->setChecked(true); break;
    case MapSettings::Basemap::TileServer: m_server->setChecked(true); break;
    }
}

QString MapSettingsDialog::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void MapSettingsDialog::accept()
{
    QString problem;
    if (m_mbTiles->isChecked()) {
        if (m_path->text().trimmed().isEmpty()) {
            problem = tr("Choose an MBTiles file.");
        } else {
            const auto store = MbTilesStore::open(m_path->text().trimmed());
            if (!store)
                problem = store.errorString();
        }
    } else if (m_server->isChecked()) {
        const Status valid = XyzTileSource::validateTemplate(m_url->text());
        if (!valid)
            problem = valid.errorString();
    }
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    m_settings.setBasemap(m_mbTiles->isChecked()      ? MapSettings::Basemap::MbTiles
                              : m_server->isChecked() ? MapSettings::Basemap::TileServer
                                                      : MapSettings::Basemap::None);
    m_settings.setMbTilesPath(m_path->text().trimmed());
    m_settings.setUrlTemplate(m_url->text().trimmed());
    QDialog::accept();
}

} // namespace saferhomes
