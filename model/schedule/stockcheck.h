#pragma once

#include "domain/job.h"
#include "domain/stock.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <utility>
#include <vector>

namespace saferhomes {

/// Turns the ledger's figures (ScheduleStock) into the feasibility checker's stock input: item
/// codes as indexes, each van's and the depot's available stock, and what each job still
/// needs beyond what is reserved for it. The board (ScheduleService) and the optimiser
/// (AutoScheduler) build it the same way, so they agree on "stock short".
class StockCheckInput {
public:
    explicit StockCheckInput(const ScheduleStock &stock)
        : m_stock(stock)
    {
        for (const QHash<QString, int> &place : stock.available) {
            for (auto it = place.cbegin(); it != place.cend(); ++it)
                m_tracked.insert(it.key());
        }
    }

    /// The available stock of \a fitterId's van, by item index.
    std::vector<int> van(const QUuid &fitterId) { return place(StockLocation::van(fitterId)); }

    /// What \a job needs of each item that is not reserved for it. An item the ledger has
    /// never seen anywhere is not kept in stock (yet): it is never short.
    std::vector<std::pair<int, int>> needed(const Job &job)
    {
        QHash<QString, int> need;
        for (const JobItem &item : job.items)
            need[item.code] += item.qty;
        const QHash<QString, int> held = m_stock.reserved.value(job.id);
        std::vector<std::pair<int, int>> needed;
        for (auto it = need.cbegin(); it != need.cend(); ++it) {
            const int missing = it.value() - held.value(it.key());
            if (missing > 0 && m_tracked.contains(it.key()))
                needed.emplace_back(index(it.key()), missing);
        }
        return needed;
    }

    /// The depot's available stock, by item index (after every van and job, so that every
    /// code has its index).
    std::vector<int> depot() { return place(StockLocation::depot()); }

private:
    int index(const QString &code)
    {
        auto found = m_index.constFind(code);
        if (found == m_index.constEnd())
            found = m_index.insert(code, int(m_index.size()));
        return *found;
    }

    std::vector<int> place(const QString &location)
    {
        const QHash<QString, int> available = m_stock.available.value(location);
        for (auto it = available.cbegin(); it != available.cend(); ++it)
            index(it.key());
        std::vector<int> stock(size_t(m_index.size()), 0);
        for (auto it = available.cbegin(); it != available.cend(); ++it)
            stock[size_t(index(it.key()))] = std::max(0, it.value());
        return stock;
    }

    const ScheduleStock &m_stock;
    QSet<QString> m_tracked;
    QHash<QString, int> m_index;
};

} // namespace saferhomes
