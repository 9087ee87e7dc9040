#include "domain/householdfield.h"

#include <gtest/gtest.h>

using namespace saferhomes;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

TEST(Postcode, NormalisesToUpperCaseWithOneSpace)
{
    EXPECT_EQ(HouseholdFields::normalisePostcode(s("le13 1ab")), s("LE13 1AB"));
    EXPECT_EQ(HouseholdFields::normalisePostcode(s("LE131AB")), s("LE13 1AB"));
    EXPECT_EQ(HouseholdFields::normalisePostcode(s("  le2   5fe ")), s("LE2 5FE"));
    EXPECT_EQ(HouseholdFields::normalisePostcode(s("EC1A 1BB")), s("EC1A 1BB"));
    EXPECT_EQ(HouseholdFields::normalisePostcode(s("W1A 0AX")), s("W1A 0AX"));
    EXPECT_EQ(HouseholdFields::normalisePostcode(s("M1 1AE")), s("M1 1AE"));
    EXPECT_EQ(HouseholdFields::normalisePostcode(s("gir 0aa")), s("GIR 0AA"));
}

TEST(Postcode, RefusesWhatIsNotAPostcode)
{
    for (const char *bad : {"", "LE13", "LE13 1", "123 456", "LE13 1CI", "LEE13 1AB", "LE13 11AB",
                            "LE13-1AB", "not a postcode", "LE13 1AB X"}) {
        EXPECT_FALSE(HouseholdFields::normalisePostcode(s(bad))) << bad;
    }
}

TEST(Uprn, UpToTwelveDigits)
{
    EXPECT_TRUE(HouseholdFields::isValidUprn(s("1")));
    EXPECT_TRUE(HouseholdFields::isValidUprn(s("100030512345")));
    EXPECT_FALSE(HouseholdFields::isValidUprn(s("1000305123456")));
    EXPECT_FALSE(HouseholdFields::isValidUprn(s("12a")));
    EXPECT_FALSE(HouseholdFields::isValidUprn(s("-12")));
    EXPECT_FALSE(HouseholdFields::isValidUprn(QString()));
    EXPECT_FALSE(HouseholdFields::isValidUprn(s("١٢٣"))); // Arabic-Indic digits
}

TEST(Coordinates, InsideTheUk)
{
    EXPECT_TRUE(HouseholdFields::isInsideUk(52.7661, -0.8867)); // Melton Mowbray
    EXPECT_TRUE(HouseholdFields::isInsideUk(60.15, -1.15)); // Lerwick
    EXPECT_TRUE(HouseholdFields::isInsideUk(54.6, -5.93)); // Belfast
    EXPECT_TRUE(HouseholdFields::isInsideUk(51.5074, -0.1278)); // London
    EXPECT_TRUE(HouseholdFields::isInsideUk(51.4816, -3.1791)); // Cardiff
    EXPECT_TRUE(HouseholdFields::isInsideUk(52.4811, 1.7534)); // Lowestoft
    EXPECT_TRUE(HouseholdFields::isInsideUk(51.1279, 1.3134)); // Dover
    EXPECT_TRUE(HouseholdFields::isInsideUk(50.1186, -5.5373)); // Penzance
    EXPECT_TRUE(HouseholdFields::isInsideUk(49.9145, -6.3110)); // St Mary's, Scilly
    EXPECT_TRUE(HouseholdFields::isInsideUk(58.2090, -6.3860)); // Stornoway
    EXPECT_TRUE(HouseholdFields::isInsideUk(58.9810, -2.9600)); // Kirkwall
    EXPECT_TRUE(HouseholdFields::isInsideUk(57.1497, -2.0943)); // Aberdeen
    EXPECT_TRUE(HouseholdFields::isInsideUk(57.4778, -4.2247)); // Inverness
    EXPECT_TRUE(HouseholdFields::isInsideUk(54.9966, -7.3086)); // Derry
    EXPECT_TRUE(HouseholdFields::isInsideUk(54.1751, -6.3402)); // Newry
    EXPECT_TRUE(HouseholdFields::isInsideUk(54.3438, -7.6315)); // Enniskillen
    EXPECT_TRUE(HouseholdFields::isInsideUk(52.6069, -1.0830)); // Oadby
    EXPECT_FALSE(HouseholdFields::isInsideUk(53.3498, -6.2603)); // Dublin
    EXPECT_FALSE(HouseholdFields::isInsideUk(54.0000, -6.4050)); // Dundalk
    EXPECT_FALSE(HouseholdFields::isInsideUk(54.2492, -6.9683)); // Monaghan
    EXPECT_FALSE(HouseholdFields::isInsideUk(54.9500, -7.7333)); // Letterkenny
    EXPECT_FALSE(HouseholdFields::isInsideUk(50.5211, 1.5857)); // Le Touquet
    EXPECT_FALSE(HouseholdFields::isInsideUk(50.9513, 1.8587)); // Calais
    EXPECT_FALSE(HouseholdFields::isInsideUk(54.1523, -4.4861)); // Douglas, Isle of Man
    EXPECT_FALSE(HouseholdFields::isInsideUk(49.4550, -2.5360)); // St Peter Port, Guernsey
    EXPECT_FALSE(HouseholdFields::isInsideUk(48.85, 2.35)); // Paris
    EXPECT_FALSE(HouseholdFields::isInsideUk(-0.8867, 52.7661)); // swapped
    const Result<QString> outside = HouseholdFields::check(HouseholdField::Latitude, s("40.7"));
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(outside.error().message, s("latitude 40.7 is outside the UK"));
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::Longitude, s("west")).ok());
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::Latitude, s("nan")).ok());
}

TEST(Coordinates, ACoordinateIsItsValueOrWhyNot)
{
    const Result<double> latitude
        = HouseholdFields::coordinate(HouseholdField::Latitude, s("+52.7661"));
    ASSERT_TRUE(latitude) << qPrintable(latitude.errorString());
    EXPECT_EQ(*latitude, 52.7661);
    const Result<double> outside = HouseholdFields::coordinate(HouseholdField::Latitude, s("40.7"));
    ASSERT_FALSE(outside);
    EXPECT_EQ(outside.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(outside.error().message, s("latitude 40.7 is outside the UK"));
    const Result<double> west = HouseholdFields::coordinate(HouseholdField::Longitude, s("west"));
    ASSERT_FALSE(west);
    EXPECT_EQ(west.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(west.error().message, s("longitude is not a number"));
}

TEST(Coordinates, FormatReadsBackExactly)
{
    for (double value : {52.7661, -0.8867, 52.766123456789012, -1.1, 60.0}) {
        EXPECT_EQ(HouseholdFields::formatCoordinate(value).toDouble(), value);
    }
    EXPECT_EQ(HouseholdFields::formatCoordinate(52.7661), s("52.7661"));
}

TEST(Eligibility, KnownWordsOnlyNormalised)
{
    const Result<QString> ok
        = HouseholdFields::check(HouseholdField::Eligibility, s("Repeat_Victim; hotspot;;hotspot"));
    ASSERT_TRUE(ok.ok()) << qPrintable(ok.errorString());
    EXPECT_EQ(*ok, s("repeat_victim;hotspot"));
    const Result<QString> bad
        = HouseholdFields::check(HouseholdField::Eligibility, s("vulnerable;burgled"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, Error::Kind::Invalid);
    EXPECT_TRUE(bad.error().message.contains(s("burgled")));
}

TEST(Fields, FreeTextIsKeptExactly)
{
    for (const char *text : {"Zoë Ó Súilleabháin", "O'Brien", "'; DROP TABLE household; --",
                             "  leading and trailing  "}) {
        const Result<QString> check = HouseholdFields::check(HouseholdField::ResidentName, s(text));
        ASSERT_TRUE(check.ok());
        EXPECT_EQ(*check, s(text));
    }
    EXPECT_EQ(HouseholdFields::check(HouseholdField::AddressLine1, s(" 12 Thorpe End ")).value(),
              s(" 12 Thorpe End "));
}

TEST(Fields, RequiredAndTypedFields)
{
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::AddressLine1, s("   ")).ok());
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::Postcode, QString()).ok());
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::Status, s("done")).ok());
    EXPECT_TRUE(HouseholdFields::check(HouseholdField::Status, s("followed_up")).ok());
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::Priority, s("10")).ok());
    EXPECT_EQ(HouseholdFields::check(HouseholdField::Priority, QString()).value(), s("0"));
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::Email, s("someone@")).ok());
    EXPECT_TRUE(HouseholdFields::check(HouseholdField::Email, s("a.b@example.org")).ok());
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::Phone, s("call me")).ok());
    EXPECT_FALSE(HouseholdFields::check(HouseholdField::Phone, s("12345")).ok());
    EXPECT_TRUE(HouseholdFields::check(HouseholdField::Phone, s("01664 500500 (evenings)")).ok());
    EXPECT_TRUE(HouseholdFields::check(HouseholdField::Phone, s("+44 (0)116 496 0123")).ok());
}

TEST(Fields, NamesRoundTrip)
{
    for (HouseholdField field : HouseholdFields::all())
        EXPECT_EQ(HouseholdFields::fromName(HouseholdFields::name(field)), field);
    EXPECT_EQ(HouseholdFields::fromName(s("POSTCODE")), HouseholdField::Postcode);
    EXPECT_FALSE(HouseholdFields::fromName(s("colour")));
}
