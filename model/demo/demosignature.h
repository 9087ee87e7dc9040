#pragma once

#include <QByteArray>

namespace saferhomes {

class DemoRandom;

/// Draws a made-up signature, a pen stroke of a few joined curves, as a small black and
/// white PNG built with Qt Core alone (the model never links Qt Gui).
class DemoSignature {
public:
    static constexpr int kWidth = 200;
    static constexpr int kHeight = 60;

    /// A PNG of kWidth × kHeight pixels, one bit each, different for each draw.
    static QByteArray png(DemoRandom &random);
};

} // namespace saferhomes
