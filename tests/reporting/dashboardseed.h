#pragma once

#include <QRegularExpression>
#include <QStringList>

#include <utility>

namespace saferhomes::test {

/// A small hand-made register whose dashboard figures were worked out by hand (see
/// test_dashboard.cpp): two areas, nine households (h9 deleted), jobs either side of the March
/// 2026 period: j6 at 00:30 on 1 March (GMT, inside), j2b at 23:30 UTC on 31 March, which is
/// 00:30 on 1 April in London (BST, outside). With \a uuids the ids of households, areas and
/// fitters are UUIDs ending in 00000N, 0000aN and 0000fN (the app reads them as UUIDs), else
/// 'h1', 'a1', 'f1'...
inline QStringList dashboardSeed(bool uuids = false)
{
    QStringList statements {
        QStringLiteral("INSERT INTO area (id, name, target_homes, budget_pence, created_at) VALUES "
                       "('a1', 'Alpha', 10, 777, '2025-01-01T00:00:00.000Z'), "
                       "('a2', 'Beta', 5, 888, '2025-01-01T00:00:00.000Z')"),
        // Budgets of 2024/25 and 2025/26 (April to March); none for 2026/27. The areas' own
        // budget_pence above is not what the dashboard reads.
        QStringLiteral("INSERT INTO area_budget (id, area_id, financial_year, capital_pence, "
                       "revenue_pence, updated_at) VALUES "
                       "('b1', 'a1', 2025, 100000, 20000, 'x'), ('b2', 'a2', 2025, 60000, 0, 'x'), "
                       "('b3', 'a1', 2024, 999999, 0, 'x')"),
        QStringLiteral(
            "INSERT INTO equipment_type (code, name, unit_cost_pence, fit_minutes, skill) VALUES "
            "('LOCK', 'Lock', 5000, 30, 'locks'), ('ALARM', 'Alarm', 10000, 60, 'alarms')"),
        QStringLiteral(
            "INSERT INTO fitter (id, name) VALUES ('f1', 'Fitter One'), ('f2', 'Fitter Two')"),
        QStringLiteral(
            "INSERT INTO household (id, uprn, address_line1, town, postcode, latitude, "
            "longitude, area_id, status, created_at, updated_at, deleted_at) VALUES "
            "('h1', '1', '1 High St', 'Melton', 'LE13 0AA', 52.7, -0.9, 'a1', 'installed', "
            " '2025-01-01', '2025-01-01', NULL), "
            "('h2', '2', '2 High St', '', 'LE13 0AB', 52.7, -0.9, 'a1', 'followed_up', "
            " '2025-01-01', '2025-01-01', NULL), "
            "('h3', NULL, '3 Low Rd', '', 'LE2 4AA', NULL, NULL, 'a2', 'scheduled', "
            " '2025-01-01', '2025-01-01', NULL), "
            "('h4', '4', '4 Low Rd', '', 'LE2 4AB', 52.6, -1.1, 'a2', 'declined', "
            " '2025-01-01', '2025-01-01', NULL), "
            "('h5', '5', '5 High St', '', 'LE13 0AC', 52.7, -0.9, 'a1', 'declined', "
            " '2025-01-01', '2025-01-01', NULL), "
            "('h6', '6', '6 Low Rd', '', 'LE2 4AC', 52.6, -1.1, 'a2', 'installed', "
            " '2025-01-01', '2025-01-01', NULL), "
            "('h7', '7', '7 High St', '', 'LE13 0AD', 52.7, -0.9, 'a1', 'accepted', "
            " '2025-01-01', '2025-01-01', NULL), "
            "('h8', '8', '8 High St', '', 'LE13 0AE', 52.7, -0.9, 'a1', 'identified', "
            " '2025-01-01', '2025-01-01', NULL), "
            "('h9', '9', '9 Low Rd', '', 'LE2 4AD', NULL, NULL, 'a2', 'contacted', "
            " '2025-01-01', '2025-01-01', '2025-06-01')"),
        QStringLiteral("INSERT INTO resident (id, household_id, name, phone, created_at) VALUES "
                       "('r1', 'h1', 'Ann Secret', '07700 900001', '2025-01-01')"),
        QStringLiteral(
            "INSERT INTO survey (id, household_id, definition_version, started_at, "
            "completed_at, by_user) VALUES "
            "('s1', 'h1', '1', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z', 'o'), "
            "('s2', 'h2', '1', '2025-11-03T09:00:00.000Z', '2025-11-03T09:30:00.000Z', 'o'), "
            "('s6', 'h6', '1', '2026-02-01T09:00:00.000Z', '2026-02-01T10:00:00.000Z', 'o')"),
        QStringLiteral(
            "INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
            "scheduled_end, completed_at, created_at) VALUES "
            "('j1', 'h1', 'f1', 'completed', NULL, NULL, '2026-03-20T10:00:00.000Z', '2026'), "
            "('j2', 'h2', 'f2', 'completed', NULL, NULL, '2025-12-01T10:00:00.000Z', '2025'), "
            "('j2b', 'h2', 'f1', 'completed', NULL, NULL, '2026-03-31T23:30:00.000Z', '2026'), "
            "('j3', 'h3', 'f1', 'scheduled', '2026-03-10T10:00:00.000Z', "
            " '2026-03-10T12:00:00.000Z', NULL, '2026'), "
            "('j6', 'h6', 'f2', 'completed', NULL, NULL, '2026-03-01T00:30:00.000Z', '2026')"),
        QStringLiteral(
            "INSERT INTO job_item (id, job_id, equipment_code, qty, fitted, fitted_qty) VALUES "
            "('i1', 'j1', 'LOCK', 2, 1, 2), ('i2', 'j1', 'ALARM', 1, 1, 1), "
            "('i3', 'j2', 'LOCK', 1, 1, 1), ('i4', 'j2b', 'ALARM', 1, 1, 1), "
            "('i6', 'j6', 'LOCK', 1, 0, 0)"),
        QStringLiteral(
            "INSERT INTO visit (id, household_id, at, by_user, outcome, reason) VALUES "
            "('v4', 'h4', '2026-03-05T10:00:00.000Z', 'o', 'declined', 'Not interested'), "
            "('v5', 'h5', '2026-02-28T23:30:00.000Z', 'o', 'declined', '')"),
    };
    if (uuids) {
        // h1 -> ...000001, a1 -> ...0000a1, f1 -> ...0000f1
        for (const auto &[pattern, into] :
             {std::pair {"'h([0-9])'", "'00000000-0000-4000-8000-00000000000\\1'"},
              std::pair {"'([af][0-9])'", "'00000000-0000-4000-8000-0000000000\\1'"}}) {
            const QRegularExpression key(QString::fromLatin1(pattern));
            for (QString &sql : statements)
                sql.replace(key, QString::fromLatin1(into));
        }
    }
    return statements;
}

} // namespace saferhomes::test
