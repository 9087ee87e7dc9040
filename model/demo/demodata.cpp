#include "demodata.h"

#include "domain/householdstatus.h"
#include "store/database.h"
#include "store/demorepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <random>
#include <span>
#include <unordered_map>
#include <vector>

namespace saferhomes {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DemoData", text);
}

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// Draws from std::mt19937 without the standard distributions, whose results differ between
/// standard libraries: a seed must give the same data on every platform.
class Random {
public:
    explicit Random(quint32 seed)
        : m_engine(seed)
    { }

    quint32 next() { return quint32(m_engine()); }
    /// 0 ≤ result < n
    int below(int n) { return int((quint64(next()) * quint64(std::max(n, 1))) >> 32); }
    int between(int low, int high) { return low + below(high - low + 1); }
    double unit() { return next() / 4294967296.0; }
    bool chance(double probability) { return unit() < probability; }
    /// An index chosen in proportion to \a weights.
    int weighted(std::initializer_list<int> weights)
    {
        int total = 0;
        for (int w : weights)
            total += w;
        int draw = below(total);
        int index = 0;
        for (int w : weights) {
            if (draw < w)
                return index;
            draw -= w;
            ++index;
        }
        return index - 1;
    }
    template<typename Container> decltype(auto) pick(const Container &items)
    {
        return items[size_t(below(int(std::size(items))))];
    }
    /// A version 7 UUID whose "time" is a counter from a fixed start and whose other bits
    /// come from the stream: ids repeat with the seed, and each fill's ids are in ascending
    /// order, so they append to the id indexes instead of landing all over them.
    QUuid uuid()
    {
        const quint64 clock = kUuidEpochMs + m_issued++;
        const quint32 b = next(), c = next(), d = next();
        return QUuid(uint(clock >> 16), ushort(clock), ushort((b & 0x0fff) | 0x7000),
                     uchar(((c >> 24) & 0x3f) | 0x80), uchar(c >> 16), uchar(c >> 8), uchar(c),
                     uchar(d >> 24), uchar(d >> 16), uchar(d >> 8), uchar(d));
    }

private:
    static constexpr quint64 kUuidEpochMs = 1704067200000ull; // 2024-01-01T00:00:00Z
    std::mt19937 m_engine;
    quint64 m_issued = 0;
};

// ---- Places -------------------------------------------------------------------------------

/// A real street, drawn as a straight line between its two ends.
struct Street {
    const char *name;
    const char *town;
    const char *locality; ///< address line 2, may be empty
    const char *outward;
    char sector;
    double lat1, lon1, lat2, lon2;
    int lastNumber;
};

constexpr Street kMeltonStreets[] = {
    {"Thorpe End", "Melton Mowbray", "", "LE13", '1', 52.7668, -0.8835, 52.7682, -0.8755, 120},
    {"Burton Road", "Melton Mowbray", "", "LE13", '1', 52.7612, -0.8852, 52.7498, -0.8828, 180},
    {"Nottingham Street", "Melton Mowbray", "", "LE13", '1', 52.7663, -0.8872, 52.7672, -0.8896,
     60},
    {"Sherrard Street", "Melton Mowbray", "", "LE13", '1', 52.7669, -0.8856, 52.7677, -0.8822, 70},
    {"Dalby Road", "Melton Mowbray", "", "LE13", '0', 52.7598, -0.8893, 52.7478, -0.8962, 200},
    {"Leicester Road", "Melton Mowbray", "", "LE13", '0', 52.7628, -0.8902, 52.7579, -0.8991, 120},
    {"Asfordby Road", "Melton Mowbray", "", "LE13", '0', 52.7664, -0.8931, 52.7689, -0.9102, 220},
    {"Scalford Road", "Melton Mowbray", "", "LE13", '1', 52.7696, -0.8879, 52.7838, -0.8902, 200},
    {"Norman Way", "Melton Mowbray", "", "LE13", '1', 52.7701, -0.8821, 52.7739, -0.8761, 100},
    {"Wilton Road", "Melton Mowbray", "", "LE13", '0', 52.7651, -0.8909, 52.7631, -0.8951, 50},
    {"Saxby Road", "Melton Mowbray", "", "LE13", '1', 52.7669, -0.8789, 52.7641, -0.8652, 120},
    {"Snow Hill", "Melton Mowbray", "", "LE13", '1', 52.7689, -0.8861, 52.7706, -0.8843, 40},
    {"Park Lane", "Melton Mowbray", "", "LE13", '0', 52.7651, -0.8819, 52.7629, -0.8779, 60},
    {"Welby Lane", "Melton Mowbray", "", "LE13", '0', 52.7719, -0.8931, 52.7769, -0.8989, 150},
    {"Nottingham Road", "Melton Mowbray", "", "LE13", '0', 52.7701, -0.8921, 52.7781, -0.9012, 180},
    {"Craven Street", "Melton Mowbray", "", "LE13", '0', 52.7699, -0.8893, 52.7711, -0.8869, 50},
};

constexpr Street kOadbyWigstonStreets[] = {
    {"Leicester Road", "Oadby", "", "LE2", '4', 52.6119, -1.0931, 52.6071, -1.0851, 200},
    {"Harborough Road", "Oadby", "", "LE2", '4', 52.6049, -1.0811, 52.5951, -1.0721, 180},
    {"Stoughton Road", "Oadby", "", "LE2", '4', 52.6081, -1.0801, 52.6169, -1.0721, 150},
    {"Launde Road", "Oadby", "", "LE2", '4', 52.6099, -1.0741, 52.6131, -1.0689, 80},
    {"Glen Road", "Oadby", "", "LE2", '4', 52.6021, -1.0821, 52.5959, -1.0841, 120},
    {"Uplands Road", "Oadby", "", "LE2", '4', 52.6019, -1.0761, 52.5989, -1.0699, 120},
    {"Severn Road", "Oadby", "", "LE2", '4', 52.6109, -1.0781, 52.6131, -1.0759, 60},
    {"London Road", "Oadby", "", "LE2", '5', 52.6061, -1.0861, 52.6129, -1.0959, 200},
    {"Brabazon Road", "Oadby", "", "LE2", '5', 52.6109, -1.0879, 52.6141, -1.0921, 90},
    {"Howdon Road", "Oadby", "", "LE2", '5', 52.6051, -1.0889, 52.6029, -1.0951, 100},
    {"Fludes Lane", "Oadby", "", "LE2", '4', 52.6001, -1.0851, 52.5989, -1.0901, 80},
    {"Bull Head Street", "Wigston", "", "LE18", '1', 52.5861, -1.1049, 52.5879, -1.1011, 90},
    {"Leicester Road", "Wigston", "", "LE18", '1', 52.5891, -1.1051, 52.5969, -1.1071, 220},
    {"Aylestone Lane", "Wigston", "", "LE18", '1', 52.5901, -1.1119, 52.5929, -1.1201, 150},
    {"Long Street", "Wigston", "", "LE18", '2', 52.5856, -1.1029, 52.5831, -1.0989, 100},
    {"Moat Street", "Wigston", "", "LE18", '2', 52.5861, -1.1011, 52.5846, -1.0979, 60},
    {"Station Road", "Wigston", "", "LE18", '2', 52.5831, -1.1059, 52.5801, -1.1089, 100},
    {"Horsewell Lane", "Wigston", "", "LE18", '2', 52.5849, -1.1069, 52.5831, -1.1101, 70},
    {"Welford Road", "Wigston", "", "LE18", '3', 52.5839, -1.1049, 52.5721, -1.1031, 200},
    {"Kelmarsh Avenue", "Wigston", "", "LE18", '3', 52.5781, -1.1079, 52.5761, -1.1041, 80},
    {"Newton Lane", "Wigston", "", "LE18", '3', 52.5809, -1.0991, 52.5761, -1.0951, 90},
    {"Blaby Road", "Wigston", "South Wigston", "LE18", '4', 52.5789, -1.1151, 52.5759, -1.1239,
     200},
    {"Countesthorpe Road", "Wigston", "South Wigston", "LE18", '4', 52.5741, -1.1159, 52.5681,
     -1.1169, 150},
    {"Saffron Road", "Wigston", "South Wigston", "LE18", '4', 52.5799, -1.1219, 52.5859, -1.1251,
     120},
};

/// One scheme area: its streets, base target and where its fitters start from.
struct AreaPlan {
    const char *name;
    int baseTarget;
    std::span<const Street> streets;
    const char *landlinePrefix; ///< Ofcom numbers set aside for drama: never a real line
    double depotLatitude;
    double depotLongitude;
};

const AreaPlan kAreas[] = {
    {"Melton Town Centre", 150, kMeltonStreets, "01632 960", 52.7625, -0.8790},
    {"Oadby and Wigston", 170, kOadbyWigstonStreets, "0116 496 0", 52.5925, -1.0980},
};
constexpr int kAreaCount = int(std::size(kAreas));

// ---- People -------------------------------------------------------------------------------

/// The DESIGN §5 eligibility words, how common each is and the priority it gives.
struct Eligibility {
    const char *word;
    int weight;
    int priority;
};
constexpr Eligibility kEligibility[] = {
    {"repeat_victim", 12, 8}, {"near_repeat", 25, 6}, {"vulnerable", 25, 6},
    {"hotspot", 40, 3},       {"referral", 12, 4},
};
static_assert(std::size(kEligibility) == 5, "Generator::makeHousehold draws from five");

constexpr const char *kBritishFirst[] = {
    "Margaret", "Joan",   "Dorothy", "Eileen",  "Brenda",  "Pauline", "Susan", "Karen",  "Julie",
    "Sarah",    "Emma",   "Laura",   "Hannah",  "Chloë",   "Zoë",     "Renée", "Amelia", "Olivia",
    "Noël",     "Harold", "Dennis",  "Brian",   "Kenneth", "Roy",     "Derek", "Trevor", "Graham",
    "Paul",     "Mark",   "Darren",  "Jason",   "Lee",     "Daniel",  "Ryan",  "Liam",   "Callum",
    "Jack",     "Grace",  "Sheila",  "Maureen", "Alan",    "Keith"};
constexpr const char *kBritishLast[] = {
    "Smith",        "Jones",  "Taylor", "Brown",   "Wilson",   "Walker",  "Wright",    "Thompson",
    "Robinson",     "Hughes", "Green",  "Hall",    "Clarke",   "Lewis",   "Harris",    "Cooper",
    "King",         "Baker",  "Ward",   "Bennett", "Mitchell", "Holmes",  "Atkinson",  "Marsh",
    "Pickering",    "Fox",    "Storer", "Needham", "Dakin",    "Hextall", "Wakefield", "Pawley",
    "Cooper-Smith", "Brontë", "Ellis",  "Freeman", "Bates",    "Gamble"};
constexpr const char *kIrishFirst[] = {"Siobhán", "Aoife",  "Seán",   "Ciarán", "Niamh",
                                       "Pádraig", "Róisín", "Declan", "Bríd",   "Eoin"};
constexpr const char *kIrishLast[]
    = {"O'Brien", "O'Neill",  "O'Connor",   "Ó Súilleabháin", "Murphy",
       "Byrne",   "Kavanagh", "O'Sullivan", "Mac Cárthaigh",  "Doyle"};
constexpr const char *kGujaratiFirst[] = {"Hitesh", "Nilesh", "Meera", "Hansa",    "Kokila",
                                          "Rajesh", "Bhavna", "Dipak", "Jayshree", "Pravin"};
constexpr const char *kGujaratiLast[]
    = {"Patel", "Mistry", "Chauhan", "Parmar", "Lad", "Solanki", "Gohil", "Rathod", "Modi", "Shah"};
constexpr const char *kPunjabiFirst[]
    = {"Jaswinder", "Gurpreet", "Harjit", "Amrit", "Manjit", "Baljit", "Sukhdev", "Kulwant"};
constexpr const char *kPunjabiLast[]
    = {"Kaur", "Singh", "Sandhu", "Gill", "Bains", "Dhillon", "Sahota"};
constexpr const char *kUrduFirst[]
    = {"Mohammed", "Imran", "Aisha", "Fatima", "Nasreen", "Tariq", "Shazia", "Rubina"};
constexpr const char *kUrduLast[]
    = {"Khan", "Hussain", "Begum", "Ahmed", "Rahman", "Akhtar", "Iqbal"};
constexpr const char *kPolishFirst[]
    = {"Tomasz", "Łukasz", "Agnieszka", "Katarzyna", "Marek", "Małgorzata", "Paweł", "Zofia"};
constexpr const char *kPolishLast[]
    = {"Nowak", "Kowalczyk", "Wójcik", "Mazur", "Krawczyk", "Zając", "Dudek", "Wiśniewski"};
constexpr const char *kRomanianFirst[]
    = {"Andreea", "Bogdan", "Elena", "Ionuț", "Mihaela", "Ștefan"};
constexpr const char *kRomanianLast[]
    = {"Popescu", "Ionescu", "Stan", "Dumitru", "Munteanu", "Constantin"};
constexpr const char *kCaribbeanFirst[]
    = {"Winston", "Delroy", "Marcia", "Chidi", "Ngozi", "Kwame", "Abena", "Marlene"};
constexpr const char *kCaribbeanLast[]
    = {"Campbell", "Francis", "Okafor", "Mensah", "Thomas", "Adeyemi", "Asante", "Forbes"};

/// Names that go together, and the language some of their speakers prefer.
struct NameGroup {
    int weight;
    std::span<const char *const> first;
    std::span<const char *const> last;
    const char *language;
    int languagePercent;
};

const NameGroup kNameGroups[] = {
    {58, kBritishFirst, kBritishLast, "", 0},
    {7, kIrishFirst, kIrishLast, "", 0},
    {12, kGujaratiFirst, kGujaratiLast, "Gujarati", 25},
    {6, kPunjabiFirst, kPunjabiLast, "Punjabi", 20},
    {4, kUrduFirst, kUrduLast, "Urdu", 20},
    {6, kPolishFirst, kPolishLast, "Polish", 30},
    {3, kRomanianFirst, kRomanianLast, "Romanian", 30},
    {4, kCaribbeanFirst, kCaribbeanLast, "", 0},
};

constexpr const char *kHouseholdNotes[] = {"Dog in the back garden",
                                           "Please phone before visiting",
                                           "Prefers morning appointments",
                                           "Key safe by the front door; code held by the carer",
                                           "Daughter helps with appointments",
                                           "Side gate sticks; knock at the front",
                                           "Night-shift worker: avoid mornings",
                                           "Ring the bell twice; slow to the door"};
constexpr const char *kAccessNeeds[]
    = {"Uses a wheelchair", "Hard of hearing: knock loudly and wait",
       "Partially sighted: read documents aloud", "Has dementia; daughter present for visits",
       "Uses a walking frame: allow time to answer"};

// People who visit and fit (login names, as the audit trail records them).
constexpr const char *kMeltonOfficers[] = {"rhughes", "dwalker", "amarsh"};
constexpr const char *kOadbyWigstonOfficers[] = {"kmistry", "jpatel", "sobrien"};
constexpr const char *kCoordinator = "lgreen";

// ---- Catalogue and fitters ----------------------------------------------------------------

enum Skill { Locks = 1, Alarms = 2, Electrical = 4, General = 8 };

struct CatalogueItem {
    const char *code;
    const char *name;
    const char *standard;
    int unitCostPence;
    int fitMinutes;
    Skill skill;
    const char *serialPrefix; ///< empty when the item has no serial number
};

constexpr CatalogueItem kCatalogue[] = {
    {"MORTICE_DEADLOCK_BS3621", "5-lever mortice deadlock", "BS 3621:2007+A2:2012", 2850, 60, Locks,
     "MDL"},
    {"CYLINDER_TS007_3STAR", "Anti-snap euro cylinder, 3 star", "TS 007:2014 3 star", 3200, 20,
     Locks, "CYL"},
    {"DOOR_VIEWER", "Wide-angle door viewer", "", 650, 20, General, ""},
    {"DOOR_CHAIN_TS003", "Door chain", "TS 003", 900, 15, Locks, ""},
    {"WINDOW_LOCK", "Keyed window lock", "BS 7950 hardware", 550, 15, Locks, ""},
    {"LETTERBOX_GUARD", "Letterbox guard", "TS 008:2015", 1800, 15, General, ""},
    {"PIR_LIGHT", "LED security light with PIR sensor", "BS EN 60598", 2500, 60, Electrical, ""},
    {"INTRUDER_ALARM", "Wireless intruder alarm kit", "BS EN 50131 grade 2", 18900, 150, Alarms,
     "IA"},
    {"GATE_LOCK", "Keyed rear gate lock", "", 1500, 30, Locks, ""},
    {"SHED_ALARM", "Battery shed alarm", "", 1200, 20, General, ""},
    {"PROPERTY_MARKING_KIT", "Forensic property marking kit", "LPS 1225", 2400, 10, General, ""},
};
constexpr int kCatalogueSize = int(std::size(kCatalogue));

int catalogueIndex(const char *code)
{
    for (int i = 0; i < kCatalogueSize; ++i) {
        if (qstrcmp(kCatalogue[i].code, code) == 0)
            return i;
    }
    return -1;
}

QStringList skillNames(int skills)
{
    QStringList names;
    if (skills & Locks)
        names.append(QStringLiteral("locks"));
    if (skills & Alarms)
        names.append(QStringLiteral("alarms"));
    if (skills & Electrical)
        names.append(QStringLiteral("electrical"));
    if (skills & General)
        names.append(QStringLiteral("general"));
    return names;
}

struct FitterSeed {
    const char *name;
    const char *login;
    int skills;
    int area; ///< index into kAreas, -1 for both
    int shiftStart, shiftEnd; ///< local minutes after midnight
};

constexpr FitterSeed kFitters[] = {
    {"Dave Hollis", "dhollis", Locks | General, 0, 8 * 60, 16 * 60 + 30},
    {"Sandra Bell", "sbell", Locks | Alarms | General, 0, 9 * 60, 15 * 60},
    {"Mo Rahman", "mrahman", Locks | Alarms | Electrical | General, 0, 8 * 60, 16 * 60 + 30},
    {"Priya Chauhan", "pchauhan", Locks | Alarms | Electrical | General, 1, 8 * 60, 16 * 60 + 30},
    {"Tomasz Wiśniewski", "twisniewski", Locks | Electrical | General, 1, 7 * 60 + 30, 16 * 60},
    {"Gareth O'Connor", "goconnor", Alarms | Electrical | General, -1, 8 * 60 + 30, 17 * 60},
};

// ---- Survey -------------------------------------------------------------------------------

struct DoorAnswers {
    QString material;
    QString lock;
    QString cylinder;
};

/// Doorstep survey answers with the DESIGN §6 question ids.
struct SurveyAnswers {
    DoorAnswers front;
    bool rearPresent = false;
    DoorAnswers rear;
    bool viewer = false;
    bool chain = false;
    QString windowLocks;
    int unlockedWindows = 0;
    bool letterboxGuard = false;
    QString lighting;
    QString alarm;
    QString gateLock;
    bool shed = false;
    bool shedSecured = false;
    bool marked = false;
    QString previousBurglary;
};

QString option(std::initializer_list<const char *> options, int index)
{
    return QString::fromLatin1(options.begin()[index]);
}

DoorAnswers randomDoor(Random &r)
{
    DoorAnswers door;
    door.material
        = option({"upvc", "composite", "timber", "metal", "other"}, r.weighted({45, 20, 25, 3, 7}));
    const auto locks
        = {"none", "nightlatch_only", "mortice_non_bs", "bs3621_mortice", "multipoint"};
    if (door.material == u"upvc" || door.material == u"composite")
        door.lock = option(locks, r.weighted({1, 4, 0, 0, 95}));
    else if (door.material == u"timber")
        door.lock = option(locks, r.weighted({5, 35, 25, 25, 10}));
    else
        door.lock = option(locks, r.weighted({5, 30, 25, 25, 15}));
    const auto cylinders = {"na", "standard", "ts007_1star", "ts007_3star", "sold_secure_diamond"};
    if (door.lock == u"none")
        door.cylinder = QStringLiteral("na");
    else if (door.lock == u"multipoint")
        door.cylinder = option(cylinders, r.weighted({0, 55, 10, 25, 10}));
    else if (door.lock == u"nightlatch_only")
        door.cylinder = option(cylinders, r.weighted({0, 80, 10, 10, 0}));
    else // a mortice, perhaps with a nightlatch too
        door.cylinder = option(cylinders, r.weighted({40, 45, 5, 10, 0}));
    return door;
}

SurveyAnswers randomSurvey(Random &r, bool repeatVictim)
{
    SurveyAnswers a;
    a.front = randomDoor(r);
    a.rearPresent = r.chance(0.85);
    if (a.rearPresent)
        a.rear = randomDoor(r);
    a.viewer = r.chance(0.35);
    a.chain = r.chance(0.3);
    a.windowLocks = option({"all", "some", "none"}, r.weighted({55, 30, 15}));
    if (a.windowLocks == u"some")
        a.unlockedWindows = r.between(1, 3);
    else if (a.windowLocks == u"none")
        a.unlockedWindows = r.between(2, 4);
    a.letterboxGuard = r.chance(0.2);
    a.lighting = option({"none", "manual", "pir", "dusk_dawn"}, r.weighted({30, 30, 30, 10}));
    a.alarm = option({"none", "dummy", "bells_only", "monitored"}, r.weighted({60, 10, 20, 10}));
    a.gateLock = option({"na", "yes", "no"}, r.weighted({20, 40, 40}));
    a.shed = r.chance(0.55);
    a.shedSecured = a.shed && r.chance(0.4);
    a.marked = r.chance(0.15);
    a.previousBurglary = repeatVictim
        ? option({"within_12m", "over_12m"}, r.weighted({70, 30}))
        : option({"none", "within_12m", "over_12m"}, r.weighted({75, 10, 15}));
    return a;
}

QByteArray answersJson(const SurveyAnswers &a)
{
    const auto yesNo = [](bool value) {
        return value ? QStringLiteral("yes") : QStringLiteral("no");
    };
    QJsonObject json {
        {QStringLiteral("front_door.material"), a.front.material},
        {QStringLiteral("front_door.lock"), a.front.lock},
        {QStringLiteral("front_door.cylinder"), a.front.cylinder},
        {QStringLiteral("front_door.viewer"), yesNo(a.viewer)},
        {QStringLiteral("front_door.chain"), yesNo(a.chain)},
        {QStringLiteral("rear_door.present"), yesNo(a.rearPresent)},
        {QStringLiteral("windows.ground_floor_locks"), a.windowLocks},
        {QStringLiteral("letterbox.guard"), yesNo(a.letterboxGuard)},
        {QStringLiteral("lighting.external"), a.lighting},
        {QStringLiteral("alarm.intruder"), a.alarm},
        {QStringLiteral("garden.rear_gate_lock"), a.gateLock},
        {QStringLiteral("shed.present"), yesNo(a.shed)},
        {QStringLiteral("property_marking.done"), yesNo(a.marked)},
        {QStringLiteral("occupant.previous_burglary"), a.previousBurglary},
    };
    if (a.rearPresent) {
        json.insert(QStringLiteral("rear_door.material"), a.rear.material);
        json.insert(QStringLiteral("rear_door.lock"), a.rear.lock);
        json.insert(QStringLiteral("rear_door.cylinder"), a.rear.cylinder);
    }
    if (a.windowLocks != u"all")
        json.insert(QStringLiteral("windows.unlocked_count"), a.unlockedWindows);
    if (a.shed)
        json.insert(QStringLiteral("shed.secured"), yesNo(a.shedSecured));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

struct Recommended {
    int item; ///< index into kCatalogue
    int qty;
    QString reason;
};

/// A survey before it is written: answers, what the rules recommend, what was agreed.
struct SurveyPlan {
    SurveyAnswers answers;
    QList<Recommended> items;
    QList<bool> agreed;

    QList<Recommended> agreedItems() const
    {
        QList<Recommended> result;
        for (int i = 0; i < items.size(); ++i) {
            if (agreed[i])
                result.append(items[i]);
        }
        return result;
    }
    /// Time on site for the agreed items, setting up included.
    int minutes() const
    {
        int total = 15;
        for (int i = 0; i < items.size(); ++i) {
            if (agreed[i])
                total += kCatalogue[items[i].item].fitMinutes * items[i].qty;
        }
        return total;
    }
    int skills() const
    {
        int needed = 0;
        for (int i = 0; i < items.size(); ++i) {
            if (agreed[i])
                needed |= kCatalogue[items[i].item].skill;
        }
        return needed;
    }
};

/// The DESIGN §6 rules; the same code from two doors adds up.
QList<Recommended> recommend(const SurveyAnswers &a)
{
    QList<Recommended> items;
    const auto add = [&](const char *code, int qty, const QString &reason) {
        const int item = catalogueIndex(code);
        for (Recommended &existing : items) {
            if (existing.item == item) {
                existing.qty += qty;
                existing.reason += QStringLiteral("; ") + reason;
                return;
            }
        }
        items.append({item, qty, reason});
    };
    const auto door = [&](const DoorAnswers &d, const QString &which) {
        if (d.material == u"timber"
            && (d.lock == u"none" || d.lock == u"nightlatch_only" || d.lock == u"mortice_non_bs"))
            add("MORTICE_DEADLOCK_BS3621", 1,
                QStringLiteral("%1 door: timber with no BS 3621 lock").arg(which));
        if (d.cylinder == u"standard" || d.cylinder == u"ts007_1star")
            add("CYLINDER_TS007_3STAR", 1,
                QStringLiteral("%1 door: cylinder is not 3-star anti-snap").arg(which));
    };
    door(a.front, QStringLiteral("Front"));
    if (a.rearPresent)
        door(a.rear, QStringLiteral("Rear"));
    if (!a.viewer)
        add("DOOR_VIEWER", 1, QStringLiteral("No door viewer"));
    if (!a.chain)
        add("DOOR_CHAIN_TS003", 1, QStringLiteral("No door chain"));
    if (a.unlockedWindows > 0) {
        add("WINDOW_LOCK", a.unlockedWindows,
            QStringLiteral("%1 ground-floor windows without locks").arg(a.unlockedWindows));
    }
    if (!a.letterboxGuard)
        add("LETTERBOX_GUARD", 1, QStringLiteral("No letterbox guard"));
    if (a.lighting == u"none" || a.lighting == u"manual")
        add("PIR_LIGHT", 1,
            a.lighting == u"none" ? QStringLiteral("No external lighting")
                                  : QStringLiteral("Manual external light only"));
    if (a.alarm == u"none" || a.alarm == u"dummy")
        add("INTRUDER_ALARM", 1,
            a.alarm == u"none" ? QStringLiteral("No intruder alarm")
                               : QStringLiteral("Dummy alarm box only"));
    if (a.gateLock == u"no")
        add("GATE_LOCK", 1, QStringLiteral("Rear gate has no lock"));
    if (a.shed && !a.shedSecured)
        add("SHED_ALARM", 1, QStringLiteral("Shed not secured"));
    if (!a.marked)
        add("PROPERTY_MARKING_KIT", 1, QStringLiteral("Property not marked"));
    return items;
}

// ---- The generator ------------------------------------------------------------------------

double roundTo6(double value)
{
    return std::round(value * 1e6) / 1e6;
}

/// A household as written, with what its story needs to know.
struct HouseholdPlan {
    HouseholdRecord record;
    int area = 0;
    bool repeatVictim = false;
    bool hasSecondResident = false;
    int nameGroup = 0;
    QString surname;
};

/// A fitter's slot on one day.
struct Booking {
    int fitter = -1;
    QDate day;
    int startMinute = 0;
};

/// Writes one fill: households from one random stream (so they repeat exactly with the seed)
/// and their histories from another (so dates around today cannot disturb the households).
class Generator {
public:
    Generator(DemoRepository &repository, const DemoData::Options &options)
        : m_repository(repository)
        , m_options(options)
        , m_households(options.seed)
        , m_events(options.seed ^ 0x9e3779b9u)
        , m_zone(QByteArrayLiteral("Europe/London"))
    {
        if (!m_zone.isValid())
            m_zone = QTimeZone::utc();
        m_now = QDateTime::currentDateTimeUtc();
        m_today = m_now.toTimeZone(m_zone).date();
    }

    bool run()
    {
        return writeAreas() && writeCatalogue() && writeFitters() && writeHouseholds()
            && writeStock();
    }
    /// Why run() failed when the repository did not say.
    QString errorString() const { return m_error; }

private:
    bool writeAreas();
    bool writeCatalogue();
    bool writeFitters();
    void planPostcodes();
    QList<HouseholdStatus> statusesFor(int count);
    HouseholdPlan makeHousehold(int area, HouseholdStatus status);
    Resident makeResident(const NameGroup &group, const QString &surname, int area);
    bool writeHouseholds();
    bool writeStory(const HouseholdPlan &plan);
    bool writeStock();

    bool writeSurveyedStory(const HouseholdPlan &plan);
    bool writeAcceptedStory(const HouseholdPlan &plan);
    bool writeDeclinedStory(const HouseholdPlan &plan);
    bool writeClosedStory(const HouseholdPlan &plan, const QString &outcome);

    // Pieces of a story.
    QDate pastDay(int minDaysAgo, int maxDaysAgo);
    QDateTime at(const QDate &day, int minute);
    QDateTime visitTime(const QDate &day);
    QString officer(int area);
    DemoVisit visit(const HouseholdPlan &plan, const QDateTime &when, const QString &by,
                    const char *outcome);
    bool addNoAnswers(const HouseholdPlan &plan, QDate before, int count);
    bool addConsents(const HouseholdPlan &plan, const QDateTime &when, const QString &by,
                     bool fitting, bool evaluation);
    bool addRefusal(const HouseholdPlan &plan, const QDateTime &when, const QString &by);
    SurveyPlan planSurvey(const HouseholdPlan &plan, bool agree);
    bool addSurvey(const HouseholdPlan &plan, const SurveyPlan &survey, const QUuid &visitId,
                   const QDateTime &when, const QString &by, QUuid *surveyId);
    std::optional<Booking> book(int area, int skills, int minutes, QDate from, int direction);
    bool addJob(const HouseholdPlan &plan, const QUuid &surveyId, const SurveyPlan &survey,
                const Booking &booking, const QString &status, const QDateTime &createdAt);
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    DemoRepository &m_repository;
    DemoData::Options m_options;
    Random m_households;
    Random m_events;
    QTimeZone m_zone;
    QDate m_today;
    QDateTime m_now;
    std::unordered_map<qint64, int> m_utcOffsets; ///< Julian day → seconds east of UTC
    QList<QUuid> m_areaIds;
    int m_areaHouseholds[kAreaCount] = {};
    QList<QStringList> m_postcodes[kAreaCount]; ///< per street, one per run of numbers
    std::unordered_map<qint64, int> m_addressUse;
    quint64 m_uprn = 100030000000ull;

    struct FitterState {
        DemoFitter row;
        QString login;
        int skills = 0;
        int area = -1;
        int shiftStart = 0;
        int shiftEnd = 0;
    };
    std::vector<FitterState> m_fitters;
    /// One working day of every fitter: when each is next free, and the longest job any
    /// fitter of each area could still take (so a full day is passed over at once).
    struct DayPlan {
        std::vector<int> nextFree;
        int longestGap[kAreaCount] = {};
    };
    std::unordered_map<qint64, DayPlan> m_days;
    DayPlan &dayPlan(const QDate &day);
    int m_rotation = 0;

    QString m_error;
    int m_fitted[kCatalogueSize] = {};
    int m_booked[kCatalogueSize] = {};
    QDate m_firstFitted;
};

bool Generator::writeAreas()
{
    // Households are shared out in proportion to the areas' base targets.
    int targets = 0;
    for (const AreaPlan &plan : kAreas)
        targets += plan.baseTarget;
    int left = m_options.households;
    for (int i = 0; i < kAreaCount; ++i) {
        m_areaHouseholds[i] = i + 1 < kAreaCount
            ? int(std::lround(double(m_options.households) * kAreas[i].baseTarget / targets))
            : left;
        left -= m_areaHouseholds[i];
    }
    for (int i = 0; i < kAreaCount; ++i) {
        Area area;
        area.id = m_households.uuid();
        area.name = QString::fromLatin1(kAreas[i].name);
        // A bigger register means a bigger scheme: the target covers every home on it.
        area.targetHomes = std::max(kAreas[i].baseTarget, (m_areaHouseholds[i] + 9) / 10 * 10);
        area.budgetPence = qint64(area.targetHomes) * 30000;
        const std::optional<QUuid> id = m_repository.addArea(area);
        if (!id)
            return false;
        m_areaIds.append(*id);
    }
    return true;
}

bool Generator::writeCatalogue()
{
    for (const CatalogueItem &item : kCatalogue) {
        const DemoEquipment row {QString::fromLatin1(item.code),
                                 QString::fromLatin1(item.name),
                                 QString::fromLatin1(item.standard),
                                 item.unitCostPence,
                                 item.fitMinutes,
                                 skillNames(item.skill).constFirst()};
        if (!m_repository.addEquipment(row))
            return false;
    }
    return true;
}

bool Generator::writeFitters()
{
    const auto add = [&](const QString &name, const QString &login, int skills, int area,
                         int shiftStart, int shiftEnd) {
        const AreaPlan &home = kAreas[area < 0 ? 0 : area];
        FitterState fitter;
        fitter.row.id = m_events.uuid();
        fitter.row.name = name;
        fitter.row.skills = skillNames(skills);
        fitter.row.startLatitude = roundTo6(home.depotLatitude + (m_events.unit() - 0.5) * 0.02);
        fitter.row.startLongitude = roundTo6(home.depotLongitude + (m_events.unit() - 0.5) * 0.03);
        fitter.row.shiftStart = QTime(shiftStart / 60, shiftStart % 60).toString(u"HH:mm");
        fitter.row.shiftEnd = QTime(shiftEnd / 60, shiftEnd % 60).toString(u"HH:mm");
        fitter.login = login;
        fitter.skills = skills;
        fitter.area = area;
        fitter.shiftStart = shiftStart;
        fitter.shiftEnd = shiftEnd;
        m_fitters.push_back(fitter);
        return m_repository.addFitter(fitter.row);
    };
    for (const FitterSeed &seed : kFitters) {
        if (!add(text(seed.name), QString::fromLatin1(seed.login), seed.skills, seed.area,
                 seed.shiftStart, seed.shiftEnd))
            return false;
    }
    // A bigger register needs more hands, or its jobs would be spread over years.
    const int wanted = (m_options.households + 999) / 1000;
    for (int i = int(std::size(kFitters)); i < wanted; ++i) {
        const NameGroup &group = kNameGroups[0];
        const QString name
            = text(m_events.pick(group.first)) + QLatin1Char(' ') + text(m_events.pick(group.last));
        if (!add(name, QStringLiteral("fitter%1").arg(i + 1), Locks | Alarms | Electrical | General,
                 i % kAreaCount, 8 * 60, 16 * 60 + 30))
            return false;
    }
    return true;
}

void Generator::planPostcodes()
{
    // Postcodes belong to the streets, not to the seed: the same street keeps its postcodes.
    static const QString unitLetters = QStringLiteral("ABDEFGHJLNPQRSTUWXYZ");
    Random places(20240501u);
    QSet<QString> used;
    for (int a = 0; a < kAreaCount; ++a) {
        for (const Street &street : kAreas[a].streets) {
            QStringList units;
            const int count = std::max(2, street.lastNumber / 30);
            while (units.size() < count) {
                const QString postcode = QString::fromLatin1(street.outward) + QLatin1Char(' ')
                    + QLatin1Char(street.sector) + unitLetters.at(places.below(20))
                    + unitLetters.at(places.below(20));
                if (!used.contains(postcode)) {
                    used.insert(postcode);
                    units.append(postcode);
                }
            }
            m_postcodes[a].append(units);
        }
    }
}

/// Exactly apportioned statuses in a random order, so every status appears once there are
/// eleven or more households.
QList<HouseholdStatus> Generator::statusesFor(int count)
{
    // Per mille, in HouseholdStatus order: a scheme well under way.
    static constexpr int kShare[] = {200, 80, 70, 60, 60, 180, 120, 100, 40, 60, 30};
    const QList<HouseholdStatus> all = HouseholdStatusRules::all();
    QList<int> quota(all.size());
    QList<std::pair<int, int>> remainders; // (remainder, index)
    int assigned = 0;
    for (int i = 0; i < all.size(); ++i) {
        quota[i] = count * kShare[i] / 1000;
        if (count >= all.size())
            quota[i] = std::max(quota[i], 1);
        assigned += quota[i];
        remainders.append({count * kShare[i] % 1000, i});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int k = 0; assigned < count; k = (k + 1) % int(remainders.size()), ++assigned)
        ++quota[remainders[k].second];
    for (int i = 0; assigned > count; i = (i + 1) % int(all.size())) {
        if (quota[i] > 1 || (count < all.size() && quota[i] > 0)) {
            --quota[i];
            --assigned;
        }
    }
    QList<HouseholdStatus> statuses;
    statuses.reserve(count);
    for (int i = 0; i < all.size(); ++i)
        statuses.insert(statuses.size(), quota[i], all[i]);
    for (int i = int(statuses.size()) - 1; i > 0; --i) // Fisher–Yates
        std::swap(statuses[i], statuses[m_households.below(i + 1)]);
    return statuses;
}

Resident Generator::makeResident(const NameGroup &group, const QString &surname, int area)
{
    Random &r = m_households;
    Resident resident;
    resident.id = r.uuid();
    resident.name = text(r.pick(group.first)) + QLatin1Char(' ') + surname;
    const int phoneKind = r.weighted({62, 28, 10});
    if (phoneKind == 0)
        resident.phone = QStringLiteral("07700 900%1").arg(r.below(1000), 3, 10, QLatin1Char('0'));
    else if (phoneKind == 1)
        resident.phone = QString::fromLatin1(kAreas[area].landlinePrefix)
            + QStringLiteral("%1").arg(r.below(1000), 3, 10, QLatin1Char('0'));
    if (r.chance(0.22)) {
        // An address on a domain set aside for examples, made of the name's plain letters.
        QString local;
        QString folded = resident.name.toLower();
        folded.replace(QChar(0x0142), QLatin1Char('l')); // ł has no decomposition
        for (const QChar c : folded.normalized(QString::NormalizationForm_D)) {
            if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                local.append(c);
            else if (c == QLatin1Char(' ') && !local.endsWith(QLatin1Char('.')))
                local.append(QLatin1Char('.'));
        }
        const char *domains[] = {"example.com", "example.org", "example.net"};
        resident.email = local + QLatin1Char('@') + QString::fromLatin1(domains[r.below(3)]);
    }
    if (!resident.email.isEmpty() && r.chance(0.5))
        resident.preferredContact = QStringLiteral("email");
    else if (!resident.phone.isEmpty())
        resident.preferredContact = QStringLiteral("phone");
    else
        resident.preferredContact
            = r.chance(0.5) ? QStringLiteral("letter") : QStringLiteral("visit");
    if (group.languagePercent > 0 && r.below(100) < group.languagePercent)
        resident.language = QString::fromLatin1(group.language);
    if (r.chance(0.08))
        resident.accessNeeds = QString::fromLatin1(r.pick(kAccessNeeds));
    return resident;
}

HouseholdPlan Generator::makeHousehold(int area, HouseholdStatus status)
{
    Random &r = m_households;
    const AreaPlan &plan = kAreas[area];
    HouseholdPlan result;
    result.area = area;
    Household &h = result.record.household;
    h.id = r.uuid();
    h.status = status;
    h.areaId = m_areaIds[area];
    h.areaName = QString::fromLatin1(plan.name);
    m_uprn += quint64(r.between(1, 4));
    h.uprn = QString::number(m_uprn);

    // A street in proportion to its length, then a number not yet taken (else a flat).
    int total = 0;
    for (const Street &street : plan.streets)
        total += street.lastNumber;
    int draw = r.below(total);
    int streetIndex = 0;
    while (draw >= plan.streets[streetIndex].lastNumber)
        draw -= plan.streets[streetIndex++].lastNumber;
    const Street &street = plan.streets[streetIndex];
    int number = 0;
    int flat = 0;
    for (int attempt = 0; attempt < 8; ++attempt) {
        number = r.between(1, street.lastNumber);
        const qint64 key = (qint64(area) << 40) | (qint64(streetIndex) << 20) | number;
        int &use = m_addressUse[key];
        if (use == 0 || attempt == 7) {
            flat = use++;
            break;
        }
    }
    const QString line = QStringLiteral("%1 %2").arg(number).arg(text(street.name));
    h.addressLine1 = flat > 0 ? QStringLiteral("Flat %1, %2").arg(flat).arg(line) : line;
    h.addressLine2 = text(street.locality);
    h.town = text(street.town);
    const QStringList &units = m_postcodes[area][streetIndex];
    h.postcode = units[(number - 1) * int(units.size()) / street.lastNumber];

    // Odd numbers on one side, even on the other, a little jitter for each house.
    const double t = street.lastNumber > 1 ? double((number - 1) / 2 * 2) / street.lastNumber : 0.5;
    const double metresPerLat = 111320.0;
    const double metresPerLon = 111320.0 * std::cos(street.lat1 * M_PI / 180.0);
    const double dx = (street.lon2 - street.lon1) * metresPerLon;
    const double dy = (street.lat2 - street.lat1) * metresPerLat;
    const double length = std::max(std::hypot(dx, dy), 1.0);
    const double side = (number % 2 ? 12.0 : -12.0) + (r.unit() - 0.5) * 6.0;
    const double along = (r.unit() - 0.5) * 6.0;
    const double east = dx * t + (-dy / length) * side + (dx / length) * along;
    const double north = dy * t + (dx / length) * side + (dy / length) * along;
    h.latitude = roundTo6(street.lat1 + north / metresPerLat);
    h.longitude = roundTo6(street.lon1 + east / metresPerLon);

    // Why the household is on the list (one to three reasons), and how urgent it is.
    bool chosen[std::size(kEligibility)] = {};
    for (int k = 1 + r.weighted({70, 25, 5}); k > 0; --k) {
        chosen[r.weighted({kEligibility[0].weight, kEligibility[1].weight, kEligibility[2].weight,
                           kEligibility[3].weight, kEligibility[4].weight})]
            = true;
    }
    for (size_t i = 0; i < std::size(kEligibility); ++i) {
        if (chosen[i]) {
            h.eligibility.append(QString::fromLatin1(kEligibility[i].word));
            h.priority = std::max(h.priority, std::min(9, kEligibility[i].priority + r.below(2)));
        }
    }
    result.repeatVictim = chosen[0];
    if (r.chance(0.18))
        h.notes = QString::fromLatin1(r.pick(kHouseholdNotes));

    int weight = 0;
    for (const NameGroup &group : kNameGroups)
        weight += group.weight;
    int groupDraw = r.below(weight);
    int groupIndex = 0;
    while (groupDraw >= kNameGroups[groupIndex].weight)
        groupDraw -= kNameGroups[groupIndex++].weight;
    const NameGroup &group = kNameGroups[groupIndex];
    result.nameGroup = groupIndex;
    result.surname = text(r.pick(group.last));
    result.record.resident = makeResident(group, result.surname, area);
    result.record.resident.householdId = h.id;
    result.hasSecondResident = r.chance(0.35);
    return result;
}

bool Generator::writeHouseholds()
{
    planPostcodes();
    for (int area = 0; area < kAreaCount; ++area) {
        const QList<HouseholdStatus> statuses = statusesFor(m_areaHouseholds[area]);
        for (HouseholdStatus status : statuses) {
            HouseholdPlan plan = makeHousehold(area, status);
            if (!m_repository.addHousehold(plan.record))
                return false;
            if (plan.hasSecondResident) {
                // Drawn from the household stream before the story, so it repeats too.
                Resident second = makeResident(kNameGroups[plan.nameGroup], plan.surname, area);
                second.householdId = plan.record.household.id;
                if (!m_repository.addResident(second))
                    return false;
            }
            if (!writeStory(plan))
                return false;
        }
    }
    return true;
}

// ---- Stories: what happened at each household, agreeing with its status ------------------

constexpr const char *kRevisitNotes[]
    = {"Asked us to come back when her son is home", "Busy today; call back next week",
       "Wants to check with the landlord first", "Interpreter needed next time",
       "Recovering from an operation; come back in a fortnight"};
constexpr const char *kDeclineReasons[] = {
    "Does not want strangers in the house",  "Landlord will not give permission",
    "Already arranging their own locksmith", "Not interested",
    "Family member will fit locks",          "Does not want an alarm and nothing else is needed"};
constexpr const char *kIneligibleReasons[]
    = {"Housing association fits its own security",
       "Already has BS 3621 locks and a monitored alarm", "Outside the scheme boundary",
       "Business premises, not a home", "Referral withdrawn by the partner agency"};
constexpr const char *kWordingVersion = "2024.1";

QDate Generator::pastDay(int minDaysAgo, int maxDaysAgo)
{
    QDate day = m_today.addDays(-m_events.between(minDaysAgo, maxDaysAgo));
    if (day.dayOfWeek() == Qt::Sunday)
        day = day.addDays(-1);
    return day;
}

/// \a minute after local midnight on \a day, in UTC. Converting through the time zone is
/// slow, so each day's offset is looked up once; visits and jobs happen in the daytime, after
/// any change of the clocks.
QDateTime Generator::at(const QDate &day, int minute)
{
    minute = std::clamp(minute, 0, 24 * 60 - 1);
    auto [it, inserted] = m_utcOffsets.try_emplace(day.toJulianDay(), 0);
    if (inserted)
        it->second = QDateTime(day, QTime(12, 0), m_zone).offsetFromUtc();
    return QDateTime(day, QTime(minute / 60, minute % 60), Qt::UTC).addSecs(-it->second);
}

QDateTime Generator::visitTime(const QDate &day)
{
    return at(day, m_events.between(9 * 12 + 6, 19 * 12) * 5); // 09:30 to 19:00
}

QString Generator::officer(int area)
{
    return QString::fromLatin1(area == 0 ? m_events.pick(kMeltonOfficers)
                                         : m_events.pick(kOadbyWigstonOfficers));
}

DemoVisit Generator::visit(const HouseholdPlan &plan, const QDateTime &when, const QString &by,
                           const char *outcome)
{
    DemoVisit visit;
    visit.id = m_events.uuid();
    visit.householdId = plan.record.household.id;
    visit.at = when;
    visit.byUser = by;
    visit.outcome = QString::fromLatin1(outcome);
    return visit;
}

/// \a count unanswered knocks, a few days apart, the last some days before \a before.
bool Generator::addNoAnswers(const HouseholdPlan &plan, QDate before, int count)
{
    QList<QDate> days;
    QDate day = before;
    for (int k = 0; k < count; ++k) {
        day = day.addDays(-m_events.between(3, 12));
        if (day.dayOfWeek() == Qt::Sunday)
            day = day.addDays(-1);
        days.prepend(day);
    }
    for (const QDate &knock : days) {
        DemoVisit v = visit(plan, visitTime(knock), officer(plan.area), "no_answer");
        v.notes = QStringLiteral("Calling card left");
        if (!m_repository.addVisit(v))
            return false;
    }
    return true;
}

bool Generator::addConsents(const HouseholdPlan &plan, const QDateTime &when, const QString &by,
                            bool fitting, bool evaluation)
{
    Random &r = m_events;
    const bool signed_ = r.chance(0.6);
    QUuid signatureId;
    if (signed_) {
        // A small pen stroke: enough to show that a signature is stored with its hash.
        QByteArray path = QByteArrayLiteral("M") + QByteArray::number(r.between(15, 40)) + ' '
            + QByteArray::number(r.between(45, 70));
        for (int x = 40, k = r.between(5, 8); k > 0; --k, x += r.between(25, 40)) {
            path += " Q" + QByteArray::number(x) + ' ' + QByteArray::number(r.between(10, 90)) + ' '
                + QByteArray::number(x + 15) + ' ' + QByteArray::number(r.between(30, 70));
        }
        DemoAttachment signature {r.uuid(),
                                  plan.record.household.id,
                                  QStringLiteral("signature"),
                                  QStringLiteral("image/svg+xml"),
                                  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 "
                                  "100\"><path fill=\"none\" stroke=\"black\" stroke-width=\"2\" "
                                  "d=\""
                                      + path + "\"/></svg>",
                                  when,
                                  by};
        if (!m_repository.addAttachment(signature))
            return false;
        signatureId = signature.id;
    }
    QStringList purposes {QStringLiteral("survey_fitting")};
    if (fitting && r.chance(0.6))
        purposes.append(QStringLiteral("photos"));
    if (fitting && r.chance(0.4))
        purposes.append(QStringLiteral("partner_sharing"));
    if (evaluation || (fitting && r.chance(0.7)))
        purposes.append(QStringLiteral("evaluation"));
    QString witness;
    if (!signed_) {
        do {
            witness = officer(plan.area);
        } while (witness == by);
    }
    for (const QString &purpose : purposes) {
        DemoConsent consent {r.uuid(),
                             plan.record.household.id,
                             plan.record.resident.id,
                             purpose,
                             QString::fromLatin1(kWordingVersion),
                             signed_ ? QStringLiteral("signature")
                                     : QStringLiteral("verbal_witnessed"),
                             witness,
                             signatureId,
                             by,
                             when,
                             {}};
        const QDateTime withdrawn = when.addDays(r.between(5, 60));
        if (purpose == u"photos" && r.chance(0.05) && withdrawn < m_now)
            consent.withdrawnAt = withdrawn;
        if (!m_repository.addConsent(consent))
            return false;
    }
    return true;
}

/// A refusal is recorded without personal details (DESIGN §6).
bool Generator::addRefusal(const HouseholdPlan &plan, const QDateTime &when, const QString &by)
{
    const DemoConsent refusal {m_events.uuid(),
                               plan.record.household.id,
                               {},
                               QStringLiteral("survey_fitting"),
                               QString::fromLatin1(kWordingVersion),
                               QStringLiteral("refused"),
                               {},
                               {},
                               by,
                               when,
                               {}};
    return m_repository.addConsent(refusal);
}

SurveyPlan Generator::planSurvey(const HouseholdPlan &plan, bool agree)
{
    Random &r = m_events;
    SurveyPlan survey;
    for (int attempt = 0; attempt < 5 && survey.items.isEmpty(); ++attempt) {
        survey.answers = randomSurvey(r, plan.repeatVictim);
        survey.items = recommend(survey.answers);
    }
    if (survey.items.isEmpty()) {
        survey.answers.marked = false;
        survey.items = recommend(survey.answers);
    }
    for (const Recommended &item : std::as_const(survey.items)) {
        const char *code = kCatalogue[item.item].code;
        const double declineChance = qstrcmp(code, "INTRUDER_ALARM") == 0 ? 0.15
            : qstrcmp(code, "PROPERTY_MARKING_KIT") == 0                  ? 0.1
                                                                          : 0.02;
        survey.agreed.append(agree && !r.chance(declineChance));
    }
    if (agree && !survey.agreed.contains(true))
        survey.agreed[0] = true;
    // One visit's work: a householder with a long list takes the alarm or light another time.
    for (const char *optional : {"INTRUDER_ALARM", "PIR_LIGHT"}) {
        if (survey.minutes() <= 420)
            break;
        for (int i = 0; i < survey.items.size(); ++i) {
            if (survey.items[i].item == catalogueIndex(optional))
                survey.agreed[i] = false;
        }
    }
    return survey;
}

bool Generator::addSurvey(const HouseholdPlan &plan, const SurveyPlan &survey, const QUuid &visitId,
                          const QDateTime &when, const QString &by, QUuid *surveyId)
{
    const DemoSurvey row {m_events.uuid(),
                          plan.record.household.id,
                          visitId,
                          QStringLiteral("1"),
                          answersJson(survey.answers),
                          when,
                          when.addSecs(60 * m_events.between(20, 45)),
                          by};
    if (!m_repository.addSurvey(row))
        return false;
    for (int i = 0; i < survey.items.size(); ++i) {
        const Recommended &item = survey.items[i];
        const DemoRecommendation recommendation {
            m_events.uuid(), row.id,      QString::fromLatin1(kCatalogue[item.item].code),
            item.qty,        item.reason, survey.agreed[i]};
        if (!m_repository.addRecommendation(recommendation))
            return false;
    }
    *surveyId = row.id;
    return true;
}

Generator::DayPlan &Generator::dayPlan(const QDate &day)
{
    const auto [it, inserted] = m_days.try_emplace(day.toJulianDay());
    DayPlan &plan = it->second;
    if (inserted) {
        plan.nextFree.reserve(m_fitters.size());
        for (const FitterState &fitter : m_fitters) {
            plan.nextFree.push_back(fitter.shiftStart);
            for (int area = 0; area < kAreaCount; ++area) {
                if (fitter.area < 0 || fitter.area == area) {
                    plan.longestGap[area]
                        = std::max(plan.longestGap[area], fitter.shiftEnd - fitter.shiftStart);
                }
            }
        }
    }
    return plan;
}

/// The first working day from \a from, going in \a direction, on which a fitter of the area
/// with the skills has room for the job; fitters take turns so the work is shared out.
std::optional<Booking> Generator::book(int area, int skills, int minutes, QDate from, int direction)
{
    const int fitters = int(m_fitters.size());
    for (int step = 0; step < 3660; ++step) {
        const QDate day = from.addDays(qint64(direction) * step);
        if (day.dayOfWeek() > Qt::Friday)
            continue;
        DayPlan &plan = dayPlan(day);
        if (plan.longestGap[area] < minutes)
            continue;
        for (int k = 0; k < fitters; ++k) {
            const int f = (m_rotation + k) % fitters;
            const FitterState &fitter = m_fitters[size_t(f)];
            if ((fitter.area >= 0 && fitter.area != area) || (fitter.skills & skills) != skills)
                continue;
            const int start = plan.nextFree[size_t(f)];
            if (start + minutes > fitter.shiftEnd)
                continue;
            plan.nextFree[size_t(f)] = start + minutes + m_events.between(15, 35); // travel
            m_rotation = (f + 1) % fitters;
            std::fill(std::begin(plan.longestGap), std::end(plan.longestGap), 0);
            for (size_t i = 0; i < m_fitters.size(); ++i) {
                const int gap = m_fitters[i].shiftEnd - plan.nextFree[i];
                for (int a = 0; a < kAreaCount; ++a) {
                    if (m_fitters[i].area < 0 || m_fitters[i].area == a)
                        plan.longestGap[a] = std::max(plan.longestGap[a], gap);
                }
            }
            return Booking {f, day, start};
        }
    }
    return std::nullopt;
}

bool Generator::addJob(const HouseholdPlan &plan, const QUuid &surveyId, const SurveyPlan &survey,
                       const Booking &booking, const QString &status, const QDateTime &createdAt)
{
    Random &r = m_events;
    const FitterState &fitter = m_fitters[size_t(booking.fitter)];
    const bool completed = status == u"completed";
    DemoJob job;
    job.id = r.uuid();
    job.householdId = plan.record.household.id;
    job.surveyId = surveyId;
    job.fitterId = fitter.row.id;
    job.status = status;
    job.scheduledStart = at(booking.day, booking.startMinute);
    job.scheduledEnd = at(booking.day, booking.startMinute + survey.minutes());
    job.createdAt = createdAt;
    if (completed) {
        job.completedAt = job.scheduledEnd.addSecs(60 * r.between(-10, 20));
        job.signedOffBy = plan.record.resident.name;
    } else if (status == u"no_access") {
        job.notes = QStringLiteral("No answer at the booked time; card left");
    }
    if (!m_repository.addJob(job))
        return false;
    for (const Recommended &item : survey.agreedItems()) {
        const CatalogueItem &equipment = kCatalogue[item.item];
        DemoJobItem row {r.uuid(), job.id, QString::fromLatin1(equipment.code),
                         item.qty, {},     completed};
        if (completed && *equipment.serialPrefix) {
            row.serial = QStringLiteral("%1-%2")
                             .arg(QString::fromLatin1(equipment.serialPrefix))
                             .arg(r.below(100000000), 8, 10, QLatin1Char('0'));
        }
        if (!m_repository.addJobItem(row))
            return false;
        if (completed) {
            const DemoStockMovement fitted {
                r.uuid(), row.code,        -item.qty,    QStringLiteral("fitted"),
                job.id,   job.completedAt, fitter.login, {}};
            if (!m_repository.addStockMovement(fitted))
                return false;
            m_fitted[item.item] += item.qty;
            if (!m_firstFitted.isValid() || booking.day < m_firstFitted)
                m_firstFitted = booking.day;
        } else if (status == u"scheduled") {
            m_booked[item.item] += item.qty;
        }
    }
    return true;
}

bool Generator::writeStory(const HouseholdPlan &plan)
{
    using S = HouseholdStatus;
    switch (plan.record.household.status) {
    case S::Identified: return !m_events.chance(0.15) || addNoAnswers(plan, m_today, 1);
    case S::Unreachable: return addNoAnswers(plan, pastDay(7, 200).addDays(1), 3);
    case S::Contacted: {
        const QDate day = pastDay(1, 25);
        if (m_events.chance(0.4) && !addNoAnswers(plan, day, 1))
            return false;
        DemoVisit v = visit(plan, visitTime(day), officer(plan.area), "revisit_requested");
        v.revisitAt = at(m_today.addDays(m_events.between(2, 21)), m_events.between(19, 37) * 30);
        v.notes = QString::fromLatin1(m_events.pick(kRevisitNotes));
        return m_repository.addVisit(v);
    }
    case S::Surveyed: return writeSurveyedStory(plan);
    case S::Accepted:
    case S::Scheduled:
    case S::Installed:
    case S::FollowedUp: return writeAcceptedStory(plan);
    case S::Declined: return writeDeclinedStory(plan);
    case S::NotEligible: return writeClosedStory(plan, QStringLiteral("not_eligible"));
    case S::MovedAway: return writeClosedStory(plan, QStringLiteral("moved_away"));
    }
    return true;
}

/// Surveyed, but the package is not agreed yet: the officer comes back for the answer.
bool Generator::writeSurveyedStory(const HouseholdPlan &plan)
{
    const QDate day = pastDay(1, 20);
    if (m_events.chance(0.3) && !addNoAnswers(plan, day, 1))
        return false;
    const QString by = officer(plan.area);
    DemoVisit v = visit(plan, visitTime(day), by, "revisit_requested");
    v.revisitAt = at(m_today.addDays(m_events.between(2, 14)), m_events.between(19, 37) * 30);
    v.notes = QStringLiteral("Survey done; wants to talk the package over with the family");
    QUuid surveyId;
    return m_repository.addVisit(v) && addConsents(plan, v.at.addSecs(180), by, false, false)
        && addSurvey(plan, planSurvey(plan, false), v.id, v.at.addSecs(300), by, &surveyId);
}

/// Accepted and beyond. Completed work is booked first and the visit placed before it;
/// otherwise the visit comes first and any job is booked after today.
bool Generator::writeAcceptedStory(const HouseholdPlan &plan)
{
    using S = HouseholdStatus;
    Random &r = m_events;
    const S status = plan.record.household.status;
    const SurveyPlan survey = planSurvey(plan, true);
    std::optional<Booking> job;
    std::optional<Booking> noAccess;
    QDate visitDay;
    if (status == S::Accepted) {
        visitDay = pastDay(1, 30);
    } else if (status == S::Scheduled) {
        visitDay = pastDay(5, 40);
        job = book(plan.area, survey.skills(), survey.minutes(), m_today.addDays(1 + r.below(20)),
                   1);
    } else {
        const QDate completion = status == S::Installed ? pastDay(2, 90) : pastDay(45, 330);
        job = book(plan.area, survey.skills(), survey.minutes(), completion, -1);
        if (job && r.chance(0.06)) {
            noAccess = book(plan.area, survey.skills(), survey.minutes(),
                            job->day.addDays(-r.between(5, 12)), -1);
        }
        const QDate first = noAccess ? noAccess->day : job ? job->day : completion;
        visitDay = first.addDays(-r.between(10, 45));
        if (visitDay.dayOfWeek() == Qt::Sunday)
            visitDay = visitDay.addDays(-1);
    }
    if (status != S::Accepted && !job)
        return fail(tr("no fitter has room for a job of %1 minutes").arg(survey.minutes()));

    const QString by = officer(plan.area);
    DemoVisit v = visit(plan, visitTime(visitDay), by, "accepted");
    QUuid surveyId;
    if (!m_repository.addVisit(v)
        || !addConsents(plan, v.at.addSecs(180), by, true, status == S::FollowedUp)
        || !addSurvey(plan, survey, v.id, v.at.addSecs(300), by, &surveyId))
        return false;
    const QDateTime createdAt = at(visitDay.addDays(r.between(1, 3)), r.between(17, 33) * 30);
    if (noAccess
        && !addJob(plan, surveyId, survey, *noAccess, QStringLiteral("no_access"), createdAt))
        return false;
    if (job) {
        const QString jobStatus
            = status == S::Scheduled ? QStringLiteral("scheduled") : QStringLiteral("completed");
        return addJob(plan, surveyId, survey, *job, jobStatus, createdAt);
    }
    return true;
}

/// Declined, sometimes after hearing what the survey recommends.
bool Generator::writeDeclinedStory(const HouseholdPlan &plan)
{
    const QDate day = pastDay(2, 300);
    if (m_events.chance(0.3) && !addNoAnswers(plan, day, 1))
        return false;
    const QString by = officer(plan.area);
    DemoVisit v = visit(plan, visitTime(day), by, "declined");
    v.reason = QString::fromLatin1(m_events.pick(kDeclineReasons));
    if (!m_repository.addVisit(v))
        return false;
    if (m_events.chance(0.35)) {
        QUuid surveyId;
        return addConsents(plan, v.at.addSecs(180), by, false, false)
            && addSurvey(plan, planSurvey(plan, false), v.id, v.at.addSecs(300), by, &surveyId);
    }
    return addRefusal(plan, v.at.addSecs(120), by);
}

bool Generator::writeClosedStory(const HouseholdPlan &plan, const QString &outcome)
{
    const QDate day = pastDay(2, 300);
    if (m_events.chance(0.25) && !addNoAnswers(plan, day, 1))
        return false;
    DemoVisit v = visit(plan, visitTime(day), officer(plan.area), "");
    v.outcome = outcome;
    if (outcome == u"not_eligible")
        v.reason = QString::fromLatin1(m_events.pick(kIneligibleReasons));
    else
        v.notes = QStringLiteral("New occupier says the previous household has moved away");
    return m_repository.addVisit(v);
}

/// Deliveries: the first covers everything fitted so far, the second what is booked plus a
/// margin, so stock never goes below zero.
bool Generator::writeStock()
{
    QDate first = m_firstFitted.isValid() ? m_firstFitted.addDays(-14) : m_today.addDays(-60);
    QDate second = std::max(m_today.addDays(-10), first.addDays(1));
    for (QDate *day : {&first, &second}) {
        while (day->dayOfWeek() > Qt::Friday)
            *day = day->addDays(-1);
    }
    const int firstNote = m_events.between(1000, 8999);
    for (int i = 0; i < kCatalogueSize; ++i) {
        const auto roundUp = [](int qty) {
            return (qty + 9) / 10 * 10;
        };
        const QString code = QString::fromLatin1(kCatalogue[i].code);
        const int initial = roundUp(m_fitted[i]);
        const int topUp = roundUp(m_booked[i] + std::max(5, (m_fitted[i] + m_booked[i]) / 5));
        if (initial > 0
            && !m_repository.addStockMovement(
                {m_events.uuid(),
                 code,
                 initial,
                 QStringLiteral("received"),
                 {},
                 at(first, 600),
                 QString::fromLatin1(kCoordinator),
                 QStringLiteral("Delivery note DN-%1").arg(firstNote)}))
            return false;
        if (!m_repository.addStockMovement(
                {m_events.uuid(),
                 code,
                 topUp,
                 QStringLiteral("received"),
                 {},
                 at(second, 630),
                 QString::fromLatin1(kCoordinator),
                 QStringLiteral("Delivery note DN-%1").arg(firstNote + 1)}))
            return false;
    }
    return true;
}

} // namespace

bool DemoData::fill(const Database &database, const Options &options, QString *errorString)
{
    const auto fail = [&](const QString &message) {
        if (errorString)
            *errorString = message;
        return false;
    };
    if (!database.isOpen())
        return fail(tr("the database is not open"));
    if (options.households < 0)
        return fail(tr("the number of households cannot be negative"));

    DemoRepository repository(database, Database::localUserName());
    if (!repository.begin())
        return fail(repository.errorString());
    // Counted inside the transaction, so nothing can slip in between the check and the writes.
    const int existing = repository.householdCount();
    if (existing != 0) {
        repository.rollback();
        if (existing < 0)
            return fail(tr("cannot count the households already in the database"));
        return fail(QCoreApplication::translate(
            "DemoData",
            "the database already has %n household(s); demo data is only written to an "
            "empty database",
            nullptr, existing));
    }
    Generator generator(repository, options);
    if (!generator.run()) {
        const QString message = generator.errorString().isEmpty() ? repository.errorString()
                                                                  : generator.errorString();
        repository.rollback();
        return fail(message);
    }
    if (!repository.commit())
        return fail(repository.errorString());
    return true;
}

} // namespace saferhomes
