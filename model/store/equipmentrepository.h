#pragma once

#include "domain/result.h"
#include "repository.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// One type of equipment the scheme fits (DESIGN §8): what surveys recommend, jobs carry and
/// the stock ledger counts, by its code.
struct EquipmentType {
    QString code; ///< upper case, digits and underscores, starting with a letter
    QString name;
    QString standard; ///< e.g. "BS 3621", "TS 007 3 star"; may be empty
    qint64 unitCostPence = 0;
    int fitMinutes = 0;
    QString skill; ///< locks, alarms, electrical or general
    QString supplierCode;
    int reorderLevel = 0; ///< stock below this is to be ordered again

    /// "Name (standard)", or the name alone when there is no standard.
    QString label() const;
    bool operator==(const EquipmentType &) const = default;
};

/// The fields of an EquipmentType, to say which one a problem is about.
enum class EquipmentField { Code, Name, Standard, UnitCost, FitMinutes, Skill, Supplier, Reorder };

/// A catalogue change the central database refused (its outbox op, kept and not sent again).
struct CatalogueRefusal {
    QString code;
    QString kind; ///< "create", "update" or "delete"
    QString reason; ///< the server's words
};

/// Reads and writes the equipment catalogue in the local store, each change audited. A type
/// that anything refers to (a survey rule, a recommendation, an agreed package, a job item, a
/// stock movement) cannot be deleted.
class EquipmentRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(EquipmentRepository)

public:
    /// \a ruleCodes are the codes the survey's recommendation rules use (ruleCodesBuiltIn()).
    EquipmentRepository(const Database &database, QString userName, QStringList ruleCodes);

    /// The codes the built-in recommendation rules name.
    static QStringList ruleCodesBuiltIn();
    /// The skills a type may need, in the order forms offer them.
    static QStringList skills();
    /// What is wrong with \a type, by field; empty when it may be stored.
    static QHash<EquipmentField, QString> problems(const EquipmentType &type);

    /// Every type, by code.
    Result<QList<EquipmentType>> all() const;
    Result<EquipmentType> find(const QString &code) const;
    /// Stores a new type; refused (Invalid) when its fields are wrong or the code is taken.
    Result<EquipmentType> add(const EquipmentType &type);
    /// Replaces the stored type of the same code; NotFound when there is none.
    Result<EquipmentType> update(const EquipmentType &type);
    /// Deletes the type \a code; Refused, naming what refers to it, while anything does.
    Status remove(const QString &code);
    /// The changes made here that the central database refused, oldest first: only
    /// coordinators and admins may change the catalogue there (DESIGN §7). Every change is
    /// queued for the next sync by the table's triggers.
    Result<QList<CatalogueRefusal>> refusedChanges() const;
    /// What refers to \a code, one line each ("job items (2)"); empty when it may be deleted.
    Result<QStringList> references(const QString &code) const;

private:
    QStringList m_ruleCodes;
};

} // namespace saferhomes
