#pragma once

#include "domain/visit.h"
#include "doorstep/doorsteppage.h"
#include "shell/mainwindow.h"
#include "uitest.h"

#include <QJsonObject>

#include <memory>

class QWidget;

namespace saferhomes::test {

/// A window on a database with the sample households and the equipment catalogue, with
/// keyboard helpers that act only on the focused widget, as a user would.
class DoorstepTest : public UiTest {
protected:
    void SetUp() override;

    /// Opens the main window at tablet size, shown and active so that shortcuts reach it.
    std::unique_ptr<MainWindow> openWindow();
    /// Opens the main window in doorstep mode on household \a id.
    std::unique_ptr<MainWindow> openDoorstep(const QUuid &id);

    /// Adds every equipment code the built-in rules can recommend to the catalogue.
    void addCatalogue();
    /// Gives consent for \a purposes through the service (signature).
    void giveConsent(const QUuid &household, const QList<ConsentPurpose> &purposes);
    /// A small PNG file in the test folder.
    QString writePng(const QString &name) const;
};

/// The widget with the keyboard focus.
QWidget *focused();
/// Presses \a key on whatever has the keyboard focus.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
/// Types \a text into whatever has the keyboard focus.
void type(const QString &text);
/// Presses Tab until \a target has the focus (at most \a limit times).
bool tabTo(const QWidget *target, int limit = 80);
/// Opens the survey step of the page's household, starting a survey when none is open.
void startSurvey(DoorstepPage &page);
/// Completes a survey whose rules recommend a cylinder, a viewer, a chain, a light and an alarm.
void completeSurvey(DoorstepPage &page);

} // namespace saferhomes::test
