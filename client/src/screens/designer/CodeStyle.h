#pragma once

#include <citycode/common/Symbol.h>

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace citycode::client {

// The look of one code type's symbol as the style designer edits it (000 §2.2.3 code style
// management: background, colour, icon; 001 code rule style: icon and caption): symbology,
// error correction, colours, sizes, logo and caption. Converts to the common::SymbolStyle the
// server renders with, and to and from the JSON of the server's code styles (every field is kept
// there, see the server's CodeStyleRendering).
struct CodeStyle
{
    Q_DECLARE_TR_FUNCTIONS(citycode::client::CodeStyle)

public:
    static constexpr int MinimumPrintSizeMm = 30; // 002 §6.2: a code is printed at least 3 cm wide
    static constexpr int DefaultModulePixels = 4;

    common::Symbology symbology = common::Symbology::Qr;
    common::EcLevel ecLevel = common::EcLevel::M;
    QColor foreground = QColor(0, 0, 0);
    QColor background = QColor(255, 255, 255);
    int quietZoneModules = 4;
    int modulePixels = DefaultModulePixels;
    QByteArray logoPng;            // the logo image (PNG bytes); empty for none
    double logoAreaFraction = 0.0; // share of the symbol cleared for the logo
    QString caption;               // printed under the symbol
    QColor captionColour = QColor(0, 0, 0);
    int printSizeMm = MinimumPrintSizeMm;
    QString codeType; // the code type the style belongs to (one active style per type)
    QString name;     // the style's name on the server

    bool hasLogo() const { return !logoPng.isEmpty() && logoAreaFraction > 0.0; }
    // What common's renderers take; the logo area is zero without a logo image.
    common::SymbolStyle symbolStyle() const;
    // WCAG 2.1 contrast ratio of the two colours, 1 .. 21.
    double contrastRatio() const;

    QJsonObject toJson() const;
    // Reads what toJson() writes, tolerating absent fields (their defaults stay). Returns false
    // with `error` for a field of the wrong type or value.
    static bool fromJson(const QJsonObject& json, CodeStyle* style, QString* error = nullptr);

    static QString symbologyName(common::Symbology symbology); // the API's "qr", "gridmatrix"
    static QString ecLevelName(common::EcLevel level);         // "L", "M", "Q", "H"
};

} // namespace citycode::client
