#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <iterator>
#include <span>

// The fixed tables behind the demo data: real streets of the two scheme areas, names, the
// equipment catalogue, fitters and the words of the doorstep stories.

namespace saferhomes {

// ---- Places -------------------------------------------------------------------------------

/// A real street, drawn as a straight line between its two ends.
struct DemoStreet {
    const char *name;
    const char *town;
    const char *locality; ///< address line 2, may be empty
    const char *outward;
    char sector;
    double lat1, lon1, lat2, lon2;
    int lastNumber;
};

inline constexpr DemoStreet kDemoMeltonStreets[] = {
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

inline constexpr DemoStreet kDemoOadbyWigstonStreets[] = {
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
struct DemoAreaPlan {
    const char *name;
    int baseTarget;
    std::span<const DemoStreet> streets;
    const char *landlinePrefix; ///< Ofcom numbers set aside for drama: never a real line
    double depotLatitude;
    double depotLongitude;
};

inline const DemoAreaPlan kDemoAreas[] = {
    {"Melton Town Centre", 150, kDemoMeltonStreets, "01632 960", 52.7625, -0.8790},
    {"Oadby and Wigston", 170, kDemoOadbyWigstonStreets, "0116 496 0", 52.5925, -1.0980},
};
inline constexpr int kDemoAreaCount = int(std::size(kDemoAreas));

// ---- People -------------------------------------------------------------------------------

/// The DESIGN §5 eligibility words, how common each is and the priority it gives.
struct DemoEligibility {
    const char *word;
    int weight;
    int priority;
};
inline constexpr DemoEligibility kDemoEligibility[] = {
    {"repeat_victim", 12, 8}, {"near_repeat", 25, 6}, {"vulnerable", 25, 6},
    {"hotspot", 40, 3},       {"referral", 12, 4},
};
static_assert(std::size(kDemoEligibility) == 5, "DemoHouseholds::make draws from five");

inline constexpr const char *kDemoBritishFirst[] = {
    "Margaret", "Joan",   "Dorothy", "Eileen",  "Brenda",  "Pauline", "Susan", "Karen",  "Julie",
    "Sarah",    "Emma",   "Laura",   "Hannah",  "Chloë",   "Zoë",     "Renée", "Amelia", "Olivia",
    "Noël",     "Harold", "Dennis",  "Brian",   "Kenneth", "Roy",     "Derek", "Trevor", "Graham",
    "Paul",     "Mark",   "Darren",  "Jason",   "Lee",     "Daniel",  "Ryan",  "Liam",   "Callum",
    "Jack",     "Grace",  "Sheila",  "Maureen", "Alan",    "Keith"};
inline constexpr const char *kDemoBritishLast[] = {
    "Smith",        "Jones",  "Taylor", "Brown",   "Wilson",   "Walker",  "Wright",    "Thompson",
    "Robinson",     "Hughes", "Green",  "Hall",    "Clarke",   "Lewis",   "Harris",    "Cooper",
    "King",         "Baker",  "Ward",   "Bennett", "Mitchell", "Holmes",  "Atkinson",  "Marsh",
    "Pickering",    "Fox",    "Storer", "Needham", "Dakin",    "Hextall", "Wakefield", "Pawley",
    "Cooper-Smith", "Brontë", "Ellis",  "Freeman", "Bates",    "Gamble"};
inline constexpr const char *kDemoIrishFirst[] = {"Siobhán", "Aoife",  "Seán",   "Ciarán", "Niamh",
                                                  "Pádraig", "Róisín", "Declan", "Bríd",   "Eoin"};
inline constexpr const char *kDemoIrishLast[]
    = {"O'Brien", "O'Neill",  "O'Connor",   "Ó Súilleabháin", "Murphy",
       "Byrne",   "Kavanagh", "O'Sullivan", "Mac Cárthaigh",  "Doyle"};
inline constexpr const char *kDemoGujaratiFirst[]
    = {"Hitesh", "Nilesh", "Meera", "Hansa",    "Kokila",
       "Rajesh", "Bhavna", "Dipak", "Jayshree", "Pravin"};
inline constexpr const char *kDemoGujaratiLast[]
    = {"Patel", "Mistry", "Chauhan", "Parmar", "Lad", "Solanki", "Gohil", "Rathod", "Modi", "Shah"};
inline constexpr const char *kDemoPunjabiFirst[]
    = {"Jaswinder", "Gurpreet", "Harjit", "Amrit", "Manjit", "Baljit", "Sukhdev", "Kulwant"};
inline constexpr const char *kDemoPunjabiLast[]
    = {"Kaur", "Singh", "Sandhu", "Gill", "Bains", "Dhillon", "Sahota"};
inline constexpr const char *kDemoUrduFirst[]
    = {"Mohammed", "Imran", "Aisha", "Fatima", "Nasreen", "Tariq", "Shazia", "Rubina"};
inline constexpr const char *kDemoUrduLast[]
    = {"Khan", "Hussain", "Begum", "Ahmed", "Rahman", "Akhtar", "Iqbal"};
inline constexpr const char *kDemoPolishFirst[]
    = {"Tomasz", "Łukasz", "Agnieszka", "Katarzyna", "Marek", "Małgorzata", "Paweł", "Zofia"};
inline constexpr const char *kDemoPolishLast[]
    = {"Nowak", "Kowalczyk", "Wójcik", "Mazur", "Krawczyk", "Zając", "Dudek", "Wiśniewski"};
inline constexpr const char *kDemoRomanianFirst[]
    = {"Andreea", "Bogdan", "Elena", "Ionuț", "Mihaela", "Ștefan"};
inline constexpr const char *kDemoRomanianLast[]
    = {"Popescu", "Ionescu", "Stan", "Dumitru", "Munteanu", "Constantin"};
inline constexpr const char *kDemoCaribbeanFirst[]
    = {"Winston", "Delroy", "Marcia", "Chidi", "Ngozi", "Kwame", "Abena", "Marlene"};
inline constexpr const char *kDemoCaribbeanLast[]
    = {"Campbell", "Francis", "Okafor", "Mensah", "Thomas", "Adeyemi", "Asante", "Forbes"};

/// Names that go together, and the language some of their speakers prefer.
struct DemoNameGroup {
    int weight;
    std::span<const char *const> first;
    std::span<const char *const> last;
    const char *language;
    int languagePercent;
};

inline const DemoNameGroup kDemoNameGroups[] = {
    {58, kDemoBritishFirst, kDemoBritishLast, "", 0},
    {7, kDemoIrishFirst, kDemoIrishLast, "", 0},
    {12, kDemoGujaratiFirst, kDemoGujaratiLast, "Gujarati", 25},
    {6, kDemoPunjabiFirst, kDemoPunjabiLast, "Punjabi", 20},
    {4, kDemoUrduFirst, kDemoUrduLast, "Urdu", 20},
    {6, kDemoPolishFirst, kDemoPolishLast, "Polish", 30},
    {3, kDemoRomanianFirst, kDemoRomanianLast, "Romanian", 30},
    {4, kDemoCaribbeanFirst, kDemoCaribbeanLast, "", 0},
};

inline constexpr const char *kDemoHouseholdNotes[]
    = {"Dog in the back garden",
       "Please phone before visiting",
       "Prefers morning appointments",
       "Key safe by the front door; code held by the carer",
       "Daughter helps with appointments",
       "Side gate sticks; knock at the front",
       "Night-shift worker: avoid mornings",
       "Ring the bell twice; slow to the door"};
inline constexpr const char *kDemoAccessNeeds[]
    = {"Uses a wheelchair", "Hard of hearing: knock loudly and wait",
       "Partially sighted: read documents aloud", "Has dementia; daughter present for visits",
       "Uses a walking frame: allow time to answer"};

// People who visit and fit (login names, as the audit trail records them).
inline constexpr const char *kDemoMeltonOfficers[] = {"rhughes", "dwalker", "amarsh"};
inline constexpr const char *kDemoOadbyWigstonOfficers[] = {"kmistry", "jpatel", "sobrien"};
/// The officers of each area, in kDemoAreas order.
inline const std::span<const char *const> kDemoOfficers[]
    = {kDemoMeltonOfficers, kDemoOadbyWigstonOfficers};
static_assert(std::size(kDemoOfficers) == std::size(kDemoAreas));
/// Who books the jobs.
inline constexpr const char *kDemoCoordinator = "lgreen";

// ---- Catalogue and fitters ----------------------------------------------------------------

enum DemoSkill { SkillLocks = 1, SkillAlarms = 2, SkillElectrical = 4, SkillGeneral = 8 };

struct DemoCatalogueItem {
    const char *code;
    const char *name;
    const char *standard;
    int unitCostPence;
    int fitMinutes;
    DemoSkill skill;
    const char *serialPrefix; ///< empty when the item has no serial number
};

inline constexpr DemoCatalogueItem kDemoCatalogue[] = {
    {"MORTICE_DEADLOCK_BS3621", "5-lever mortice deadlock", "BS 3621:2007+A2:2012", 2850, 60,
     SkillLocks, "MDL"},
    {"CYLINDER_TS007_3STAR", "Anti-snap euro cylinder, 3 star", "TS 007:2014 3 star", 3200, 20,
     SkillLocks, "CYL"},
    {"DOOR_VIEWER", "Wide-angle door viewer", "", 650, 20, SkillGeneral, ""},
    {"DOOR_CHAIN_TS003", "Door chain", "TS 003", 900, 15, SkillLocks, ""},
    {"WINDOW_LOCK", "Keyed window lock", "BS 7950 hardware", 550, 15, SkillLocks, ""},
    {"LETTERBOX_GUARD", "Letterbox guard", "TS 008:2015", 1800, 15, SkillGeneral, ""},
    {"PIR_LIGHT", "LED security light with PIR sensor", "BS EN 60598", 2500, 60, SkillElectrical,
     ""},
    {"INTRUDER_ALARM", "Wireless intruder alarm kit", "BS EN 50131 grade 2", 18900, 150,
     SkillAlarms, "IA"},
    {"GATE_LOCK", "Keyed rear gate lock", "", 1500, 30, SkillLocks, ""},
    {"SHED_ALARM", "Battery shed alarm", "", 1200, 20, SkillGeneral, ""},
    {"PROPERTY_MARKING_KIT", "Forensic property marking kit", "LPS 1225", 2400, 10, SkillGeneral,
     ""},
};
inline constexpr int kDemoCatalogueSize = int(std::size(kDemoCatalogue));

struct DemoFitterSeed {
    const char *name;
    const char *login;
    int skills;
    int area; ///< index into kDemoAreas, -1 for both
    int shiftStart, shiftEnd; ///< local minutes after midnight
};

inline constexpr DemoFitterSeed kDemoFitters[] = {
    {"Dave Hollis", "dhollis", SkillLocks | SkillGeneral, 0, 8 * 60, 16 * 60 + 30},
    {"Sandra Bell", "sbell", SkillLocks | SkillAlarms | SkillGeneral, 0, 9 * 60, 15 * 60},
    {"Mo Rahman", "mrahman", SkillLocks | SkillAlarms | SkillElectrical | SkillGeneral, 0, 8 * 60,
     16 * 60 + 30},
    {"Priya Chauhan", "pchauhan", SkillLocks | SkillAlarms | SkillElectrical | SkillGeneral, 1,
     8 * 60, 16 * 60 + 30},
    {"Tomasz Wiśniewski", "twisniewski", SkillLocks | SkillElectrical | SkillGeneral, 1,
     7 * 60 + 30, 16 * 60},
    {"Gareth O'Connor", "goconnor", SkillAlarms | SkillElectrical | SkillGeneral, -1, 8 * 60 + 30,
     17 * 60},
};

// ---- Stories: what happened at each household, agreeing with its status ------------------

inline constexpr const char *kDemoRevisitNotes[]
    = {"Asked us to come back when her son is home", "Busy today; call back next week",
       "Wants to check with the landlord first", "Interpreter needed next time",
       "Recovering from an operation; come back in a fortnight"};
inline constexpr const char *kDemoDeclineReasons[] = {
    "Does not want strangers in the house",  "Landlord will not give permission",
    "Already arranging their own locksmith", "Not interested",
    "Family member will fit locks",          "Does not want an alarm and nothing else is needed"};
inline constexpr const char *kDemoIneligibleReasons[]
    = {"Housing association fits its own security",
       "Already has BS 3621 locks and a monitored alarm", "Outside the scheme boundary",
       "Business premises, not a home", "Referral withdrawn by the partner agency"};
/// The version of the consent wording the officers show.
inline constexpr const char *kDemoWordingVersion = "2024.1";

/// The index of \a code in kDemoCatalogue, or -1.
inline int demoCatalogueIndex(QStringView code)
{
    for (int i = 0; i < kDemoCatalogueSize; ++i) {
        if (code == QLatin1String(kDemoCatalogue[i].code))
            return i;
    }
    return -1;
}

/// The fitter table's names of \a skills (DemoSkill flags), in flag order.
inline QStringList demoSkillNames(int skills)
{
    QStringList names;
    if (skills & SkillLocks)
        names.append(QStringLiteral("locks"));
    if (skills & SkillAlarms)
        names.append(QStringLiteral("alarms"));
    if (skills & SkillElectrical)
        names.append(QStringLiteral("electrical"));
    if (skills & SkillGeneral)
        names.append(QStringLiteral("general"));
    return names;
}

} // namespace saferhomes
