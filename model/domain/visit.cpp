#include "visit.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <array>

namespace saferhomes {

namespace {

template<typename Enum> struct NameInfo {
    Enum value;
    const char *name;
    const char *label;
};

constexpr std::array<NameInfo<VisitOutcome>, 6> kOutcomes {{
    {VisitOutcome::NoAnswer, "no_answer", QT_TRANSLATE_NOOP("VisitOutcome", "No answer")},
    {VisitOutcome::Declined, "declined", QT_TRANSLATE_NOOP("VisitOutcome", "Declined")},
    {VisitOutcome::Accepted, "accepted", QT_TRANSLATE_NOOP("VisitOutcome", "Agreed to a survey")},
    {VisitOutcome::NotEligible, "not_eligible", QT_TRANSLATE_NOOP("VisitOutcome", "Not eligible")},
    {VisitOutcome::RevisitRequested, "revisit_requested",
     QT_TRANSLATE_NOOP("VisitOutcome", "Asked us to come back")},
    {VisitOutcome::MovedAway, "moved_away", QT_TRANSLATE_NOOP("VisitOutcome", "Moved away")},
}};

constexpr std::array<NameInfo<ConsentPurpose>, 4> kPurposes {{
    {ConsentPurpose::SurveyFitting, "survey_fitting",
     QT_TRANSLATE_NOOP("ConsentPurpose", "Survey and fitting")},
    {ConsentPurpose::PartnerSharing, "partner_sharing",
     QT_TRANSLATE_NOOP("ConsentPurpose", "Sharing with partners")},
    {ConsentPurpose::Photos, "photos", QT_TRANSLATE_NOOP("ConsentPurpose", "Photos")},
    {ConsentPurpose::Evaluation, "evaluation",
     QT_TRANSLATE_NOOP("ConsentPurpose", "Follow-up evaluation")},
}};

constexpr std::array<NameInfo<ConsentMethod>, 3> kMethods {{
    {ConsentMethod::Signature, "signature", QT_TRANSLATE_NOOP("ConsentMethod", "Signature")},
    {ConsentMethod::VerbalWitnessed, "verbal_witnessed",
     QT_TRANSLATE_NOOP("ConsentMethod", "Verbal, witnessed")},
    {ConsentMethod::Refused, "refused", QT_TRANSLATE_NOOP("ConsentMethod", "Refused")},
}};

constexpr std::array<NameInfo<AttachmentKind>, 3> kKinds {{
    {AttachmentKind::Photo, "photo", nullptr},
    {AttachmentKind::Signature, "signature", nullptr},
    {AttachmentKind::Document, "document", nullptr},
}};

template<typename Enum, size_t N>
const NameInfo<Enum> &info(const std::array<NameInfo<Enum>, N> &table, Enum value)
{
    return table[static_cast<size_t>(value)];
}

template<typename Enum, size_t N>
std::optional<Enum> lookUp(const std::array<NameInfo<Enum>, N> &table, const QString &name)
{
    for (const NameInfo<Enum> &entry : table) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

template<typename Enum, size_t N> QList<Enum> values(const std::array<NameInfo<Enum>, N> &table)
{
    QList<Enum> result;
    for (const NameInfo<Enum> &entry : table)
        result.append(entry.value);
    return result;
}

} // namespace

QString Attachment::sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString DoorstepNames::name(VisitOutcome outcome)
{
    return QString::fromLatin1(info(kOutcomes, outcome).name);
}

QString DoorstepNames::name(ConsentPurpose purpose)
{
    return QString::fromLatin1(info(kPurposes, purpose).name);
}

QString DoorstepNames::name(ConsentMethod method)
{
    return QString::fromLatin1(info(kMethods, method).name);
}

QString DoorstepNames::name(AttachmentKind kind)
{
    return QString::fromLatin1(info(kKinds, kind).name);
}

QString DoorstepNames::label(VisitOutcome outcome)
{
    return QCoreApplication::translate("VisitOutcome", info(kOutcomes, outcome).label);
}

QString DoorstepNames::label(ConsentPurpose purpose)
{
    return QCoreApplication::translate("ConsentPurpose", info(kPurposes, purpose).label);
}

QString DoorstepNames::label(ConsentMethod method)
{
    return QCoreApplication::translate("ConsentMethod", info(kMethods, method).label);
}

std::optional<VisitOutcome> DoorstepNames::visitOutcome(const QString &name)
{
    return lookUp(kOutcomes, name);
}

std::optional<ConsentPurpose> DoorstepNames::consentPurpose(const QString &name)
{
    return lookUp(kPurposes, name);
}

std::optional<ConsentMethod> DoorstepNames::consentMethod(const QString &name)
{
    return lookUp(kMethods, name);
}

std::optional<AttachmentKind> DoorstepNames::attachmentKind(const QString &name)
{
    return lookUp(kKinds, name);
}

QList<VisitOutcome> DoorstepNames::visitOutcomes()
{
    return values(kOutcomes);
}

QList<ConsentPurpose> DoorstepNames::consentPurposes()
{
    return values(kPurposes);
}

} // namespace saferhomes
