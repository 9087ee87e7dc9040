#include "domain/ukboundary.h"
#include "importexport/gridconverter.h"

#include <gtest/gtest.h>

using namespace saferhomes;

// Places the boundary must accept or refuse, with coordinates from maps (town centres, to a few
// hundred metres; the outline lies about 10 km out to sea, and along the Irish land border only
// places at least ~1 km from it are listed).
namespace {

struct Place {
    const char *name;
    double latitude;
    double longitude;
};

struct GridPlace {
    const char *name;
    double easting;
    double northing;
};

// Every coastal town of the issue that was refused, then round Great Britain clockwise from the
// Wash, the islands, inland places, and Northern Ireland with its border towns.
const Place kUk[] = {
    {"Caister-on-Sea", 52.651, 1.727},
    {"Hemsby", 52.696, 1.693},
    {"Winterton-on-Sea", 52.716, 1.691},
    {"Sea Palling", 52.789, 1.604},
    {"Skegness", 53.144, 0.336},
    {"Ingoldmells", 53.193, 0.341},
    {"Chapel St Leonards", 53.223, 0.338},
    {"Sutton on Sea", 53.311, 0.283},
    {"Hunstanton", 52.94, 0.489},
    {"Wells-next-the-Sea", 52.953, 0.851},
    {"Cromer", 52.931, 1.301},
    {"Happisburgh", 52.824, 1.532},
    {"Great Yarmouth", 52.608, 1.73},
    {"Lowestoft Ness Point", 52.4815, 1.7625},
    {"Southwold", 52.327, 1.68},
    {"Aldeburgh", 52.153, 1.601},
    {"Felixstowe", 51.962, 1.351},
    {"Clacton-on-Sea", 51.789, 1.155},
    {"Southend-on-Sea", 51.538, 0.711},
    {"Margate", 51.389, 1.386},
    {"Ramsgate", 51.335, 1.419},
    {"Deal", 51.223, 1.401},
    {"Dover", 51.1279, 1.3134},
    {"Folkestone", 51.081, 1.166},
    {"Dungeness", 50.913, 0.976},
    {"Hastings", 50.854, 0.573},
    {"Eastbourne", 50.768, 0.29},
    {"Brighton", 50.822, -0.137},
    {"Selsey", 50.735, -0.79},
    {"Ventnor, Isle of Wight", 50.594, -1.206},
    {"Portland Bill", 50.514, -2.456},
    {"Lyme Regis", 50.725, -2.936},
    {"Torquay", 50.462, -3.525},
    {"Salcombe", 50.238, -3.769},
    {"Plymouth", 50.375, -4.143},
    {"Lizard", 49.967, -5.205},
    {"Penzance", 50.1186, -5.5373},
    {"Sennen Cove", 50.078, -5.703},
    {"St Ives", 50.211, -5.48},
    {"Newquay", 50.415, -5.073},
    {"Bude", 50.83, -4.545},
    {"Ilfracombe", 51.208, -4.121},
    {"Lundy", 51.18, -4.67},
    {"Minehead", 51.204, -3.475},
    {"Weston-super-Mare", 51.346, -2.977},
    {"Cardiff", 51.4816, -3.1791},
    {"Tenby", 51.673, -4.703},
    {"St Davids", 51.882, -5.269},
    {"Fishguard", 51.994, -4.976},
    {"Aberystwyth", 52.415, -4.083},
    {"Aberdaron", 52.805, -4.713},
    {"Holyhead, Anglesey", 53.309, -4.633},
    {"Llandudno", 53.324, -3.827},
    {"Blackpool", 53.817, -3.036},
    {"Barrow-in-Furness", 54.111, -3.227},
    {"Whitehaven", 54.549, -3.587},
    {"Mull of Galloway", 54.635, -4.857},
    {"Portpatrick", 54.842, -5.117},
    {"Stranraer", 54.903, -5.024},
    {"Campbeltown", 55.425, -5.605},
    {"Port Ellen, Islay", 55.629, -6.19},
    {"Tobermory, Mull", 56.622, -6.065},
    {"Scarinish, Tiree", 56.5, -6.8},
    {"Oban", 56.415, -5.472},
    {"Mallaig", 57.004, -5.83},
    {"Portree, Skye", 57.413, -6.196},
    {"Castlebay, Barra", 56.955, -7.487},
    {"Lochmaddy, North Uist", 57.597, -7.163},
    {"Village Bay, St Kilda", 57.81, -8.57},
    {"Stornoway, Lewis", 58.209, -6.386},
    {"Ullapool", 57.896, -5.16},
    {"Durness", 58.567, -4.745},
    {"Thurso", 58.593, -3.522},
    {"John o' Groats", 58.644, -3.07},
    {"Wick", 58.439, -3.093},
    {"Stromness, Orkney", 58.963, -3.296},
    {"Kirkwall, Orkney", 58.981, -2.96},
    {"North Ronaldsay", 59.37, -2.43},
    {"Fair Isle", 59.53, -1.63},
    {"Sumburgh, Shetland", 59.87, -1.28},
    {"Lerwick, Shetland", 60.155, -1.145},
    {"Foula", 60.13, -2.07},
    {"Baltasound, Unst", 60.76, -0.85},
    {"Fraserburgh", 57.693, -2.005},
    {"Peterhead", 57.505, -1.798},
    {"Aberdeen", 57.1497, -2.0943},
    {"Montrose", 56.708, -2.467},
    {"St Andrews", 56.34, -2.796},
    {"Dunbar", 56.003, -2.517},
    {"Berwick-upon-Tweed", 55.771, -2.007},
    {"Holy Island", 55.669, -1.8},
    {"Whitby", 54.486, -0.615},
    {"Scarborough", 54.283, -0.399},
    {"Flamborough Head", 54.117, -0.082},
    {"Withernsea", 53.731, 0.032},
    {"Spurn Head", 53.578, 0.112},
    {"Mablethorpe", 53.341, 0.261},
    {"Melton Mowbray", 52.7661, -0.8867},
    {"Oadby", 52.6069, -1.083},
    {"London", 51.5074, -0.1278},
    {"Inverness", 57.4778, -4.2247},
    {"Ben Nevis", 56.797, -5.004},
    {"Belfast", 54.597, -5.93},
    {"Bangor", 54.66, -5.669},
    {"Portaferry", 54.38, -5.547},
    {"Newcastle, County Down", 54.217, -5.89},
    {"Kilkeel", 54.062, -6.0},
    {"Rostrevor", 54.101, -6.2},
    {"Newry", 54.1751, -6.3402},
    {"Crossmaglen", 54.076, -6.61},
    {"Armagh", 54.35, -6.653},
    {"Enniskillen", 54.3438, -7.6315},
    {"Belleek", 54.478, -8.096},
    {"Castlederg", 54.707, -7.593},
    {"Omagh", 54.6, -7.3},
    {"Strabane", 54.827, -7.463},
    {"Derry", 54.9966, -7.3086},
    {"Limavady", 55.051, -6.95},
    {"Coleraine", 55.133, -6.669},
    {"Portrush", 55.204, -6.652},
    {"Ballycastle", 55.204, -6.245},
    {"Church Bay, Rathlin Island", 55.297, -6.196},
    {"Larne", 54.858, -5.823},
};

// The Republic of Ireland (border towns too), France and Belgium, the Crown Dependencies (not
// part of the UK: see ukboundary.h), the open sea and farther places.
const Place kNotUk[] = {
    {"Dublin", 53.3498, -6.2603},
    {"Dundalk", 54.0036, -6.4049},
    {"Carlingford", 54.04, -6.186},
    {"Castleblayney", 54.117, -6.737},
    {"Carrickmacross", 53.976, -6.716},
    {"Monaghan", 54.2492, -6.9683},
    {"Cavan", 53.991, -7.36},
    {"Sligo", 54.277, -8.476},
    {"Bundoran", 54.478, -8.281},
    {"Ballyshannon", 54.503, -8.189},
    {"Letterkenny", 54.95, -7.7333},
    {"Buncrana", 55.133, -7.453},
    {"Moville", 55.19, -7.04},
    {"Malin Head", 55.381, -7.373},
    {"Drogheda", 53.717, -6.35},
    {"Wicklow", 52.981, -6.045},
    {"Rosslare", 52.25, -6.34},
    {"Cork", 51.897, -8.47},
    {"Calais", 50.9513, 1.8587},
    {"Cap Gris-Nez", 50.869, 1.584},
    {"Boulogne-sur-Mer", 50.726, 1.614},
    {"Le Touquet", 50.5211, 1.5857},
    {"Dunkirk", 51.034, 2.377},
    {"Ostend", 51.216, 2.927},
    {"Dieppe", 49.922, 1.078},
    {"Cherbourg", 49.639, -1.616},
    {"Roscoff", 48.727, -3.984},
    {"Paris", 48.85, 2.35},
    {"Douglas, Isle of Man", 54.1523, -4.4861},
    {"Ramsey, Isle of Man", 54.322, -4.383},
    {"Point of Ayre, Isle of Man", 54.416, -4.368},
    {"St Peter Port, Guernsey", 49.455, -2.536},
    {"St Helier, Jersey", 49.186, -2.107},
    {"St Anne, Alderney", 49.714, -2.205},
    {"North Sea", 56.0, 1.0},
    {"North Sea off Norfolk", 53.5, 1.5},
    {"Irish Sea", 53.8, -4.0},
    {"North Channel south of Ards", 54.0, -5.5},
    {"English Channel", 50.3, -2.0},
    {"Celtic Sea", 49.0, -6.0},
    {"Atlantic west of Lewis", 58.0, -9.5},
    {"north of Shetland", 61.0, 1.0},
    {"Bergen", 60.39, 5.32},
    {"Torshavn, Faroe", 62.01, -6.77},
};

// British National Grid references of the places of Great Britain above, computed from their
// latitude and longitude with GMT's mapproject (EPSG:27700), so independently of GridConverter.
const GridPlace kUkGrid[] = {
    {"Caister water tower (Ordnance Survey's worked example)", 651409.903, 313177.270},
    {"Caister-on-Sea", 652190, 312440},
    {"Hemsby", 649635, 317324},
    {"Winterton-on-Sea", 649385, 319541},
    {"Sea Palling", 643105, 327359},
    {"Skegness", 556338, 363310},
    {"Ingoldmells", 556494, 368771},
    {"Chapel St Leonards", 556184, 372101},
    {"Sutton on Sea", 552200, 381770},
    {"Hunstanton", 567357, 340967},
    {"Wells-next-the-Sea", 591621, 343317},
    {"Cromer", 621955, 342167},
    {"Happisburgh", 638060, 331010},
    {"Great Yarmouth", 652641, 307670},
    {"Lowestoft Ness Point", 655574, 293721},
    {"Southwold", 650850, 276255},
    {"Aldeburgh", 646431, 256640},
    {"Felixstowe", 630315, 234584},
    {"Clacton-on-Sea", 617687, 214747},
    {"Southend-on-Sea", 588108, 185605},
    {"Margate", 635675, 170992},
    {"Ramsgate", 638251, 165096},
    {"Deal", 637575, 152586},
    {"Dover", 631936, 141734},
    {"Folkestone", 621849, 136066},
    {"Dungeness", 609298, 116833},
    {"Hastings", 581202, 109208},
    {"Eastbourne", 561581, 98990},
    {"Brighton", 531321, 104149},
    {"Selsey", 485486, 93519},
    {"Ventnor, Isle of Wight", 456297, 77442},
    {"Portland Bill", 367765, 68345},
    {"Lyme Regis", 334029, 92127},
    {"Torquay", 291854, 63575},
    {"Salcombe", 273944, 39053},
    {"Plymouth", 247714, 54985},
    {"Lizard", 170260, 12348},
    {"Penzance", 147233, 30274},
    {"Sennen Cove", 135167, 26336},
    {"St Ives", 151808, 40352},
    {"Newquay", 181778, 61752},
    {"Bude", 220870, 106472},
    {"Ilfracombe", 251936, 147560},
    {"Lundy", 213478, 145697},
    {"Minehead", 297050, 146011},
    {"Weston-super-Mare", 332051, 161222},
    {"Cardiff", 318218, 176509},
    {"Tenby", 213196, 200597},
    {"St Davids", 175111, 225435},
    {"Fishguard", 195782, 237022},
    {"Aberystwyth", 258428, 281709},
    {"Aberdaron", 217220, 326500},
    {"Holyhead, Anglesey", 224672, 382351},
    {"Llandudno", 278409, 382343},
    {"Blackpool", 331890, 436134},
    {"Barrow-in-Furness", 319882, 469043},
    {"Whitehaven", 297446, 518242},
    {"Mull of Galloway", 215704, 530404},
    {"Portpatrick", 199953, 554141},
    {"Stranraer", 206216, 560664},
    {"Campbeltown", 171982, 620479},
    {"Port Ellen, Islay", 136357, 645236},
    {"Tobermory, Mull", 150736, 755186},
    {"Scarinish, Tiree", 104736, 744541},
    {"Oban", 185928, 730162},
    {"Mallaig", 167523, 796840},
    {"Portree, Skye", 148118, 843628},
    {"Castlebay, Barra", 66570, 798266},
    {"Lochmaddy, North Uist", 91666, 868078},
    {"Village Bay, St Kilda", 10056, 899004},
    {"Stornoway, Lewis", 142463, 932857},
    {"Ullapool", 212809, 893997},
    {"Durness", 240441, 967594},
    {"Thurso", 311630, 968227},
    {"John o' Groats", 337992, 973398},
    {"Wick", 336286, 950596},
    {"Stromness, Orkney", 325562, 1009146},
    {"Kirkwall, Orkney", 344915, 1010824},
    {"North Ronaldsay", 375660, 1053825},
    {"Fair Isle", 421030, 1071622},
    {"Sumburgh, Shetland", 440418, 1109647},
    {"Lerwick, Shetland", 447567, 1141476},
    {"Foula", 396211, 1138386},
    {"Baltasound, Unst", 462768, 1209101},
    {"Fraserburgh", 399801, 867019},
    {"Peterhead", 412204, 846107},
    {"Aberdeen", 394393, 806539},
    {"Montrose", 371507, 757464},
    {"St Andrews", 350890, 716689},
    {"Dunbar", 367856, 679016},
    {"Berwick-upon-Tweed", 399659, 653074},
    {"Holy Island", 412679, 641740},
    {"Whitby", 489823, 510955},
    {"Scarborough", 504328, 488667},
    {"Flamborough Head", 525465, 470714},
    {"Withernsea", 534147, 427984},
    {"Spurn Head", 539929, 411119},
    {"Mablethorpe", 550629, 385060},
    {"Melton Mowbray", 475215, 319303},
    {"Oadby", 462196, 301408},
    {"London", 530029, 180380},
    {"Inverness", 266700, 845245},
    {"Ben Nevis", 216648, 771300},
};

const GridPlace kNotUkGrid[] = {
    {"Dublin", 116570, 392121},
    {"Dundalk", 111463, 465382},
    {"Calais", 671109, 123965},
    {"Boulogne-sur-Mer", 655154, 98050},
    {"Cherbourg", 427723, -28897},
    {"Douglas, Isle of Man", 237742, 475799},
    {"St Peter Port, Guernsey", 361158, -49284},
    {"North Sea", 587175, 682622},
    {"Irish Sea", 268375, 435600},
    {"English Channel", 400096, 44450},
};

} // namespace

TEST(UkBoundary, ContainsPlacesAllRoundTheCoastAndOnTheIslands)
{
    for (const Place &place : kUk)
        EXPECT_TRUE(UkBoundary::contains(place.latitude, place.longitude)) << place.name;
}

TEST(UkBoundary, RefusesIrelandFranceTheCrownDependenciesAndTheOpenSea)
{
    for (const Place &place : kNotUk)
        EXPECT_FALSE(UkBoundary::contains(place.latitude, place.longitude)) << place.name;
}

TEST(UkBoundary, RefusesSwappedAndImpossibleCoordinates)
{
    for (const Place &place : kUk)
        EXPECT_FALSE(UkBoundary::contains(place.longitude, place.latitude)) << place.name;
    EXPECT_FALSE(UkBoundary::contains(qQNaN(), -1.0));
    EXPECT_FALSE(UkBoundary::contains(52.0, qQNaN()));
    EXPECT_FALSE(UkBoundary::contains(52.0, qInf()));
    EXPECT_FALSE(UkBoundary::contains(0, 0));
}

TEST(UkBoundary, ContainsGridReferencesAllRoundGreatBritain)
{
    GridConverter converter;
    ASSERT_TRUE(converter.status()) << qPrintable(converter.status().errorString());
    for (const GridPlace &place : kUkGrid) {
        const auto position = converter.toWgs84(place.easting, place.northing);
        ASSERT_TRUE(position) << place.name;
        EXPECT_TRUE(UkBoundary::contains(position->latitude, position->longitude)) << place.name;
    }
}

TEST(UkBoundary, RefusesGridReferencesOfPlacesOutsideTheUk)
{
    GridConverter converter;
    ASSERT_TRUE(converter.status()) << qPrintable(converter.status().errorString());
    for (const GridPlace &place : kNotUkGrid) {
        const auto position = converter.toWgs84(place.easting, place.northing);
        if (position) {
            EXPECT_FALSE(UkBoundary::contains(position->latitude, position->longitude))
                << place.name;
        }
    }
}
