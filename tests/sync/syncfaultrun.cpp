#include "syncfaultrun.h"

#include "domain/householdfield.h"
#include "domain/householdstatus.h"
#include "sync/centraladmin.h"

#include <QSet>

namespace saferhomes::synctest {

namespace {

const QString kPassword = QStringLiteral("fault-test-password");
const QString kMelton = QStringLiteral("Melton Town Centre");
const QString kOadby = QStringLiteral("Oadby and Wigston");
const QString kSyston = QStringLiteral("Syston");

/// Fields a random update picks from (eligibility and area are added on purpose, see update()).
const QList<HouseholdField> kEditable {
    HouseholdField::Notes,        HouseholdField::Priority, HouseholdField::Status,
    HouseholdField::AddressLine2, HouseholdField::Town,     HouseholdField::ResidentName,
    HouseholdField::Phone,        HouseholdField::Email,
};
/// Fields two devices set at once.
const QList<HouseholdField> kContested {HouseholdField::Notes, HouseholdField::Phone,
                                        HouseholdField::ResidentName, HouseholdField::Priority,
                                        HouseholdField::Status};

} // namespace

QString FaultPlan::describe() const
{
    return QStringLiteral("fault plan: seed %1, %2 round(s), restarts %3, area moves %4")
        .arg(seed)
        .arg(rounds)
        .arg(restarts ? u"on" : u"off", areaMoves ? u"on" : u"off");
}

FaultRun::FaultRun(const FaultPlan &plan)
    : m_plan(plan)
    , m_random(plan.seed)
{ }

FaultRun::~FaultRun()
{
    m_sessions.clear();
    m_devices.clear();
    QString error;
    if (m_clusterStarted && !m_cluster.stop(&error))
        std::fprintf(stderr, "%s\n", qPrintable(error));
}

std::unique_ptr<PgSession> FaultRun::superuser()
{
    return std::make_unique<PgSession>(m_cluster, m_database, m_cluster.superuser(),
                                       m_cluster.superuserPassword());
}

std::unique_ptr<PgSession> FaultRun::sessionOf(const QString &login)
{
    return std::make_unique<PgSession>(m_cluster, m_database, login, kPassword);
}

bool FaultRun::setUp(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    // The restarts must not lose what the server acknowledged; the same superuser password as
    // the shared cluster's, which PGPASSWORD holds for CentralAdmin.
    PgClusterOptions options;
    options.crashSafe = true;
    options.superuserPassword = PgCluster::shared().superuserPassword();
    if (!m_cluster.start(options, error))
        return false;
    m_clusterStarted = true;
    m_database = m_cluster.createDatabase(QStringLiteral("syncfault"), error);
    if (m_database.isEmpty())
        return false;
    const CentralAdmin::Report init
        = CentralAdmin().initServer(m_cluster.uri(m_cluster.superuser(), m_database));
    if (!init.ok()) {
        *error = init.errorString();
        return false;
    }
    auto session = superuser();
    if (!session->isOpen() || !installRowHistory(*session)) {
        *error = session->openError() + session->lastError();
        return false;
    }
    if (!addPeople(error))
        return false;

    // A first register everyone has: Melton and Oadby shared by several people, Syston by one.
    const auto index = [this](const QString &name) {
        for (size_t d = 0; d < m_devices.size(); ++d) {
            if (m_devices[d]->name() == name)
                return int(d);
        }
        return -1;
    };
    for (int i = 0; i < 12; ++i) {
        create(index(QStringLiteral("officer_mo")), 1, false);
        create(index(QStringLiteral("coordinator_o")), 1, false);
        create(index(QStringLiteral("officer_s")), 1, false);
    }
    const QStringList settled = settle();
    if (!settled.isEmpty()) {
        *error = settled.join(u'\n');
        return false;
    }
    if (!m_problems.isEmpty()) {
        *error = m_problems.join(u'\n');
        return false;
    }
    return true;
}

bool FaultRun::addPeople(QString *error)
{
    m_people = {
        {QStringLiteral("officer_mo"), QStringLiteral("officer"), {kMelton, kOadby}, {}},
        {QStringLiteral("officer_m"), QStringLiteral("officer"), {kMelton}, {}},
        {QStringLiteral("volunteer_m"), QStringLiteral("volunteer"), {kMelton}, {}},
        {QStringLiteral("coordinator_o"), QStringLiteral("coordinator"), {kOadby}, {}},
        {QStringLiteral("officer_s"), QStringLiteral("officer"), {kSyston}, {}},
        {QStringLiteral("coordinator_m"), QStringLiteral("coordinator"), {kMelton}, {}},
    };
    for (Person &person : m_people) {
        person.login = PgCluster::uniqueName(person.key);
        const CentralAdmin::Report result
            = CentralAdmin().addUser(m_cluster.uri(m_cluster.superuser(), m_database), person.login,
                                     person.role, person.areas, kPassword);
        if (!result.ok()) {
            *error = result.errorString();
            return false;
        }
    }
    // officer_m works on two devices: one login, two files.
    const QList<std::pair<QString, int>> devices {
        {QStringLiteral("officer_mo"), 0},       {QStringLiteral("officer_m_laptop"), 1},
        {QStringLiteral("officer_m_tablet"), 1}, {QStringLiteral("volunteer_m"), 2},
        {QStringLiteral("coordinator_o"), 3},    {QStringLiteral("officer_s"), 4},
    };
    for (const auto &[name, person] : devices) {
        const QString login = m_people[size_t(person)].login;
        auto device
            = std::make_unique<TestDevice>(name, m_dir.filePath(name + QStringLiteral(".db")),
                                           login, kPassword, m_cluster.uri(login, m_database));
        if (!device->open(error))
            return false;
        m_devices.push_back(std::move(device));
        m_personOf.push_back(person);
    }
    return true;
}

QStringList FaultRun::householdsOf(int device) const
{
    QStringList ids;
    for (const QVariantList &row :
         m_devices[size_t(device)]->rows(QStringLiteral("SELECT id FROM household ORDER BY id")))
        ids.append(row[0].toString());
    return ids;
}

QString FaultRun::areaOf(int device, const QString &household) const
{
    const QList<QVariantList> rows = m_devices[size_t(device)]->rows(
        QStringLiteral("SELECT a.name FROM household h JOIN area a ON a.id = h.area_id "
                       "WHERE h.id = ?"),
        {household});
    return rows.isEmpty() ? QString() : rows[0][0].toString();
}

void FaultRun::create(int device, int count, bool mayStrayOutside)
{
    const Person &person = m_people[size_t(m_personOf[size_t(device)])];
    QList<HouseholdRecord> records;
    for (int i = 0; i < count; ++i) {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.addressLine1 = token() + QStringLiteral(" Fault Street");
        record.household.postcode = QStringLiteral("LE13 1AA");
        record.household.areaName = person.areas[bounded(0, int(person.areas.size()))];
        // Now and then somewhere the person does not work: the server must refuse it.
        if (mayStrayOutside && count == 1 && chance(0.1)) {
            const QStringList all {kMelton, kOadby, kSyston};
            QStringList outside;
            for (const QString &area : all) {
                if (!person.areas.contains(area))
                    outside.append(area);
            }
            record.household.areaName = outside[bounded(0, int(outside.size()))];
        }
        if (chance(0.6))
            record.resident.name = QStringLiteral("Resident ") + token();
        records.append(record);
    }
    HouseholdRepository repository = m_devices[size_t(device)]->households();
    if (const Status inserted = repository.insert(records); !inserted)
        m_problems.append(QStringLiteral("%1: a local insert failed: %2")
                              .arg(m_devices[size_t(device)]->name(), inserted.errorString()));
    m_counts.edits += count;
}

namespace {

QString randomValue(HouseholdField field, QRandomGenerator &random, const QString &token)
{
    switch (field) {
    case HouseholdField::Notes: return QStringLiteral("note ") + token;
    case HouseholdField::Priority: return QString::number(random.bounded(10));
    case HouseholdField::Status: {
        const QStringList names = HouseholdStatusRules::allNames();
        return names[random.bounded(int(names.size()))];
    }
    case HouseholdField::AddressLine2: return QStringLiteral("Flat ") + token;
    case HouseholdField::Town: return QStringLiteral("Town ") + token;
    case HouseholdField::ResidentName: return QStringLiteral("Resident ") + token;
    case HouseholdField::Phone: return QStringLiteral("07700 9") + token;
    case HouseholdField::Email: return QStringLiteral("r%1@example.org").arg(token);
    case HouseholdField::Eligibility: {
        const QStringList words = HouseholdFields::eligibilityWords();
        return words[random.bounded(int(words.size()))];
    }
    default: return token;
    }
}

} // namespace

void FaultRun::update(int device, const QString &household)
{
    const Person &person = m_people[size_t(m_personOf[size_t(device)])];
    QList<std::pair<HouseholdField, QString>> changes;
    QList<HouseholdField> fields = kEditable;
    const int count = bounded(1, 4);
    for (int i = 0; i < count; ++i) {
        const HouseholdField field = fields.takeAt(bounded(0, int(fields.size())));
        changes.append({field, randomValue(field, m_random, token())});
    }
    // Eligibility: officers and coordinators may set it; the server refuses a volunteer's.
    if (chance(0.08)) {
        changes.append({HouseholdField::Eligibility,
                        randomValue(HouseholdField::Eligibility, m_random, token())});
    }
    if (m_plan.areaMoves && chance(0.3)) {
        // Mostly within the person's areas (others gain or lose the row), now and then out of
        // them (the server must refuse it).
        const QString current = areaOf(device, household);
        QStringList targets = person.areas;
        targets.removeAll(current);
        if (targets.isEmpty() || chance(0.15)) {
            for (const QString &area : {kMelton, kOadby, kSyston}) {
                if (area != current && !person.areas.contains(area))
                    targets.append(area);
            }
        }
        changes.append({HouseholdField::Area, targets[bounded(0, int(targets.size()))]});
    }
    HouseholdRepository repository = m_devices[size_t(device)]->households();
    if (const Status changed = repository.setFields(QUuid::fromString(household), changes);
        !changed)
        m_problems.append(
            QStringLiteral("%1: a local edit of %2 failed: %3")
                .arg(m_devices[size_t(device)]->name(), household, changed.errorString()));
    ++m_counts.edits;
}

void FaultRun::editSameField(int device)
{
    const QStringList mine = householdsOf(device);
    const QSet<QString> mineSet(mine.begin(), mine.end());
    QList<std::pair<int, QString>> shared;
    for (int other = 0; other < int(m_devices.size()); ++other) {
        if (other == device)
            continue;
        for (const QString &id : householdsOf(other)) {
            if (mineSet.contains(id))
                shared.append({other, id});
        }
    }
    if (shared.isEmpty()) {
        if (!mine.isEmpty())
            update(device, mine[bounded(0, int(mine.size()))]);
        return;
    }
    const auto [other, household] = shared[bounded(0, int(shared.size()))];
    const HouseholdField field = kContested[bounded(0, int(kContested.size()))];
    for (const int who : {device, other}) {
        HouseholdRepository repository = m_devices[size_t(who)]->households();
        if (const Status changed = repository.setFields(
                QUuid::fromString(household), {{field, randomValue(field, m_random, token())}});
            !changed)
            m_problems.append(
                QStringLiteral("%1: a local edit of %2 failed: %3")
                    .arg(m_devices[size_t(who)]->name(), household, changed.errorString()));
        ++m_counts.edits;
    }
}

void FaultRun::moveStock(int device)
{
    // The ledger is written by SQL here, as the stock screens will write it: the outbox trigger
    // adds the op in the same transaction.
    const QStringList codes {QStringLiteral("WINDOW_LOCK"), QStringLiteral("DOOR_VIEWER"),
                             QStringLiteral("PIR_LIGHT")};
    const QList<std::pair<QString, std::pair<int, int>>> reasons {
        {QStringLiteral("received"), {1, 21}},        {QStringLiteral("returned"), {1, 4}},
        {QStringLiteral("reserved"), {-3, 0}},        {QStringLiteral("released"), {1, 4}},
        {QStringLiteral("fitted"), {-2, 0}},          {QStringLiteral("count_adjustment"), {-3, 0}},
        {QStringLiteral("count_adjustment"), {1, 4}},
    };
    const auto &[reason, range] = reasons[bounded(0, int(reasons.size()))];
    TestDevice &target = *m_devices[size_t(device)];
    if (!target.exec(QStringLiteral("INSERT INTO stock_movement (id, equipment_code, qty_change, "
                                    "reason, at, by_user, note) VALUES (?, ?, ?, ?, "
                                    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?)"),
                     {QUuid::createUuid().toString(QUuid::WithoutBraces),
                      codes[bounded(0, int(codes.size()))], bounded(range.first, range.second),
                      reason, target.login(), QStringLiteral("stock ") + token()}))
        m_problems.append(QStringLiteral("%1: a local stock movement failed: %2")
                              .arg(target.name(), target.lastError()));
    ++m_counts.edits;
    ++m_counts.stockMovements;
}

void FaultRun::edit(int device, int)
{
    // Now and then someone else moves stock: the server refuses it (only coordinators and
    // fitters may).
    if (m_people[size_t(m_personOf[size_t(device)])].role != u"coordinator" && chance(0.03))
        return moveStock(device);
    const double kind = m_random.generateDouble();
    const QStringList households = householdsOf(device);
    if (kind < 0.15 || households.isEmpty())
        create(device, 1, true);
    else if (kind < 0.35)
        editSameField(device);
    else
        update(device, households[bounded(0, int(households.size()))]);
}

} // namespace saferhomes::synctest
