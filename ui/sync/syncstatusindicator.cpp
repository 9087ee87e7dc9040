#include "sync/syncstatusindicator.h"

#include "sync/synccontroller.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace saferhomes {

namespace {

// Okabe–Ito colours, as StatusPalette; the text always says the same.
constexpr QRgb kGreen = 0xff009e73;
constexpr QRgb kSkyBlue = 0xff56b4e9;
constexpr QRgb kGrey = 0xff999999;
constexpr QRgb kVermillion = 0xffd55e00;
constexpr QRgb kOrange = 0xffe69f00;

QIcon dot(QRgb colour)
{
    QIcon icon;
    for (const qreal ratio : {1.0, 2.0}) {
        const int size = 12;
        QPixmap pixmap(QSize(size, size) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 1));
        painter.setBrush(QColor::fromRgba(colour));
        painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString when(const QDateTime &at)
{
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

} // namespace

SyncStatusIndicator::SyncStatusIndicator(const SyncController &controller, QWidget *parent)
    : QToolButton(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("syncStatus"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setFocusPolicy(Qt::TabFocus);
    connect(&controller, &SyncController::statusChanged, this, &SyncStatusIndicator::refresh);
    refresh();
}

QString SyncStatusIndicator::stateText() const
{
    if (m_controller.isRunning())
        return tr("Syncing\u2026");
    switch (m_controller.link()) {
    case SyncController::Link::NotConfigured: return tr("Not connected");
    case SyncController::Link::NotTried: return {}; // the last sync time says enough
    case SyncController::Link::Online: return tr("Online");
    case SyncController::Link::Offline: return tr("Offline");
    case SyncController::Link::Failed: return tr("Sync failed");
    }
    return {};
}

void SyncStatusIndicator::refresh()
{
    const Result<SyncSummary> read = m_controller.summary();
    if (!read) {
        // A database that cannot be read is not "nothing to send".
        setIcon(dot(kVermillion));
        setText(tr("Sync state unreadable"));
        setToolTip(read.errorString());
        setAccessibleName(tr("Sync status"));
        setAccessibleDescription(text());
        return;
    }
    const SyncSummary &summary = *read;
    const QLocale locale;
    QRgb colour = kGrey;
    if (m_controller.isRunning())
        colour = kSkyBlue;
    else if (m_controller.link() == SyncController::Link::Online)
        colour = summary.openConflicts + summary.refused > 0 ? kOrange : kGreen;
    else if (m_controller.link() == SyncController::Link::Failed)
        colour = kVermillion;
    setIcon(dot(colour));

    QStringList parts;
    if (const QString state = stateText(); !state.isEmpty())
        parts.append(state);
    parts.append(tr("%Ln to send", nullptr, summary.pending));
    parts.append(summary.lastSync.isValid() ? tr("synced %1").arg(when(summary.lastSync))
                                            : tr("never synced"));
    if (summary.openConflicts > 0) {
        parts.append(tr("%Ln conflicts", nullptr, summary.openConflicts));
    }
    if (summary.refused > 0)
        parts.append(tr("%Ln refused", nullptr, summary.refused));
    setText(parts.join(QStringLiteral(" \u00b7 ")));

    QStringList tip {
        stateText().isEmpty() ? tr("No sync tried since SaferHomes started.") : stateText(),
        tr("Changes waiting to be sent: %1").arg(locale.toString(summary.pending)),
        summary.lastSync.isValid()
            ? tr("Last completed sync: %1")
                  .arg(locale.toString(summary.lastSync.toLocalTime(), QLocale::LongFormat))
            : tr("No sync has completed on this database yet."),
        tr("Open conflicts: %1").arg(locale.toString(summary.openConflicts)),
        tr("Changes the server refused: %1").arg(locale.toString(summary.refused)),
    };
    if (!m_controller.lastError().isEmpty())
        tip.append(m_controller.lastError());
    tip.append(tr("Click to see conflicts and refused changes."));
    setToolTip(tip.join(QLatin1Char('\n')));
    setAccessibleName(tr("Sync status"));
    setAccessibleDescription(text());
}

} // namespace saferhomes
