#include "importexport/gridconverter.h"

#include <gtest/gtest.h>

#include <utility>

using namespace saferhomes;

TEST(GridConverter, ConvertsKnownPointsToWgs84)
{
    GridConverter converter;
    ASSERT_TRUE(converter.status()) << qPrintable(converter.status().errorString());
    // Ordnance Survey's worked example (Caister water tower): on OSGB36 this grid reference
    // is 52°39'27.2531"N 1°43'4.5177"E. WGS84 differs by the OSGB36 datum shift, here about
    // 45 m north and 125 m west; a conversion that forgot the shift would be ~130 m out.
    const auto caister = converter.toWgs84(651409.903, 313177.270);
    ASSERT_TRUE(caister);
    const double osgbLatitude = 52.0 + 39.0 / 60 + 27.2531 / 3600;
    const double osgbLongitude = 1.0 + 43.0 / 60 + 4.5177 / 3600;
    EXPECT_NEAR(caister->latitude - osgbLatitude, 0.00041, 0.00005);
    EXPECT_NEAR(caister->longitude - osgbLongitude, -0.00187, 0.00005);
    // Melton Mowbray market place, roughly.
    const auto melton = converter.toWgs84(475300, 319200);
    ASSERT_TRUE(melton);
    EXPECT_NEAR(melton->latitude, 52.766, 0.01);
    EXPECT_NEAR(melton->longitude, -0.886, 0.01);
}

TEST(GridConverter, RefusesPointsOffTheGrid)
{
    GridConverter converter;
    for (const auto &[easting, northing] :
         {std::pair {-5.0, 100.0}, std::pair {800000.0, 100.0}, std::pair {100.0, 1400000.0}}) {
        const auto position = converter.toWgs84(easting, northing);
        ASSERT_FALSE(position) << easting << " " << northing;
        EXPECT_EQ(position.error().kind, Error::Kind::Invalid);
        EXPECT_TRUE(position.errorString().contains(QStringLiteral("not on the British National")))
            << qPrintable(position.errorString());
    }
}
