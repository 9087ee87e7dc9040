#include "admin/budgetsdialog.h"

#include "store/database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace saferhomes {

namespace {

enum Column {
    AreaColumn,
    CapitalColumn,
    RevenueColumn,
    SpentColumn,
    ForecastColumn,
    OutlookColumn
};

QString pounds(qint64 pence)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toCurrencyString(double(pence) / 100.0, QStringLiteral("\u00a3"));
}

qint64 pence(const QDoubleSpinBox *box)
{
    return qint64(std::llround(box->value() * 100.0));
}

} // namespace

BudgetsDialog::BudgetsDialog(Database &database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setWindowTitle(tr("Budgets"));
    m_year = new QComboBox(this);
    m_year->setAccessibleName(tr("Financial year"));
    const FinancialPeriod current = FinancialPeriod::yearContaining(
        FinancialPeriod::londonDay(QDateTime::currentDateTimeUtc()));
    for (int year = current.startYear() - 3; year <= current.startYear() + 2; ++year)
        m_year->addItem(FinancialPeriod::year(year).name(), year);
    m_year->setCurrentIndex(m_year->findData(current.startYear()));
    connect(m_year, &QComboBox::currentIndexChanged, this, [this] { reload(); });

    m_table = new QTableWidget(0, 6, this);
    m_table->setHorizontalHeaderLabels({tr("Area"), tr("Capital"), tr("Revenue"),
                                        tr("Spent so far"), tr("Forecast"), tr("Outlook")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(AreaColumn, QHeaderView::ResizeToContents);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    // Several lines when edits wait to be sent or were refused: the table gives way to them.
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_table->setMinimumHeight(120);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Financial year:"), m_year);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addStretch();
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(860, 360);
    reload();
}

void BudgetsDialog::showYear(int startYear)
{
    const int index = m_year->findData(startYear);
    if (index < 0)
        m_year->addItem(FinancialPeriod::year(startYear).name(), startYear);
    m_year->setCurrentIndex(m_year->findData(startYear));
}

void BudgetsDialog::reload()
{
    m_budgets.clear();
    m_table->setRowCount(0);
    m_save->setEnabled(false);
    const int startYear = m_year->currentData().toInt();
    const auto budgets = BudgetRepository(m_database, Database::localUserName()).forYear(startYear);
    const FinancialPeriod year = FinancialPeriod::year(startYear);
    const auto forecast = SpendForecast::forPeriod(m_database, year);
    if (!budgets || !forecast) {
        m_status->setText(tr("The budgets could not be read: %1")
                              .arg(!budgets ? budgets.errorString() : forecast.errorString()));
        return;
    }
    m_budgets = *budgets;
    m_table->setRowCount(int(m_budgets.size()));
    for (int row = 0; row < m_budgets.size(); ++row) {
        const AreaBudget &budget = m_budgets.at(row);
        m_table->setItem(row, AreaColumn, new QTableWidgetItem(budget.areaName));
        const auto money = [&](int column, qint64 value, const QString &what) {
            auto *box = new QDoubleSpinBox(m_table);
            box->setPrefix(QStringLiteral("\u00a3"));
            box->setDecimals(2);
            box->setRange(0, 100'000'000);
            box->setGroupSeparatorShown(true);
            box->setValue(double(value) / 100.0);
            box->setAccessibleName(tr("%1 budget of %2").arg(what, budget.areaName));
            connect(box, &QDoubleSpinBox::valueChanged, this, [this] { markChanged(); });
            m_table->setCellWidget(row, column, box);
        };
        money(CapitalColumn, budget.capitalPence, tr("Capital"));
        money(RevenueColumn, budget.revenuePence, tr("Revenue"));
        const auto line = std::find_if(
            forecast->byArea.cbegin(), forecast->byArea.cend(), [&](const SpendForecast::Line &l) {
                return l.areaId == budget.areaId.toString(QUuid::WithoutBraces);
            });
        if (line != forecast->byArea.cend()) {
            m_table->setItem(row, SpentColumn, new QTableWidgetItem(pounds(line->spentPence)));
            m_table->setItem(row, ForecastColumn,
                             new QTableWidgetItem(pounds(line->forecastPence)));
            auto *outlook = new QTableWidgetItem(SpendForecast::outlookText(line->outlook));
            if (line->flagged()) {
                QFont bold = outlook->font();
                bold.setBold(true);
                outlook->setFont(bold);
            }
            m_table->setItem(row, OutlookColumn, outlook);
        }
    }
    m_table->resizeColumnsToContents();
    m_status->setText(m_budgets.isEmpty()
                          ? tr("No areas yet: areas come with the households imported into them.")
                          : tr("Spend to %1 of %2 days; the forecast is a straight line to "
                               "31 March.")
                                  .arg(forecast->asOf.toString(Qt::ISODate))
                                  .arg(forecast->dayCount)
                              + syncText());
}

QString BudgetsDialog::syncText() const
{
    const auto state = BudgetRepository(m_database, Database::localUserName()).syncState();
    if (!state)
        return u'\n' + tr("The budgets' sync state could not be read: %1").arg(state.errorString());
    QString text;
    // A register that does not sync keeps its budgets to itself: nothing to say.
    if (state->syncs && state->pending > 0) {
        text += u'\n'
            + tr("Budget changes waiting to be sent to the central database: %1.")
                  .arg(state->pending);
    }
    // The latest refusals: the central database lets managers and admins set budgets.
    for (qsizetype i = 0; i < std::min<qsizetype>(state->refusals.size(), 3); ++i)
        text
            += u'\n' + tr("Refused by the central database and undone: %1").arg(state->refusals[i]);
    return text;
}

void BudgetsDialog::markChanged()
{
    m_save->setEnabled(true);
    m_status->setText(tr("Unsaved changes."));
}

bool BudgetsDialog::save()
{
    BudgetRepository repository(m_database, Database::localUserName());
    for (int row = 0; row < m_budgets.size(); ++row) {
        AreaBudget budget = m_budgets.at(row);
        const auto *capital
            = qobject_cast<QDoubleSpinBox *>(m_table->cellWidget(row, CapitalColumn));
        const auto *revenue
            = qobject_cast<QDoubleSpinBox *>(m_table->cellWidget(row, RevenueColumn));
        if (!capital || !revenue)
            continue;
        if (budget.isSet && pence(capital) == budget.capitalPence
            && pence(revenue) == budget.revenuePence)
            continue;
        if (!budget.isSet && pence(capital) == 0 && pence(revenue) == 0)
            continue;
        budget.capitalPence = pence(capital);
        budget.revenuePence = pence(revenue);
        if (const Status saved = repository.set(budget); !saved) {
            m_status->setText(
                tr("The budget of %1 was not saved: %2").arg(budget.areaName, saved.errorString()));
            return false;
        }
    }
    reload();
    m_status->setText(tr("Saved.") + syncText());
    return true;
}

} // namespace saferhomes
