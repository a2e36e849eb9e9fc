#pragma once

#include "citycode/common/Bytes.h"
#include "citycode/common/Symbol.h"

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

namespace citycode::server {

// What a stored code style (000 §2.2.3) draws a code with: the symbology and the common::SymbolStyle
// the console's style designer shows, so that the server's PNG is the designed one. Also the names
// the code-style API writes for symbologies and levels.
struct CodeStyleRendering
{
    static constexpr int kDefaultPrintSizeMm = 30; // 002 §6.2: printed at least 3 cm wide
    static constexpr int kMaximumPrintSizeMm = 1000;

    common::Symbology symbology = common::Symbology::Qr;
    // Level M, black on white, 4 pixels a module, the standard quiet zone: the look of a code
    // whose code type has no active style. Pass symbol.ecLevel to encodeSymbol.
    common::SymbolStyle symbol = standardSymbol();
    int printSizeMm = kDefaultPrintSizeMm;

    // The look of a record as CodeStyleService answers it (get, list items, activeStyle): absent
    // fields keep the standard look; the logo area is zero without a logo. Throws
    // Error("BAD_REQUEST") naming the field when a value is malformed; does not check the style
    // (common::checkStyle does).
    static CodeStyleRendering read(const Poco::JSON::Object& record);
    // For issuing: the look of `style`, or the standard look for nullptr (no active style) and
    // for a record common would refuse to render (rows stored before styles were validated).
    // Never throws.
    static CodeStyleRendering fromRecord(const Poco::JSON::Object::Ptr& style) noexcept;

    // encodeSymbol(content, symbology, symbol.ecLevel, QrMask::SealedPayload) drawn by
    // common::renderPng in this style: `content` is a sealed code ("CC1:..."), whose QR symbol
    // gets the fixed mask. Throws the SYMBOL_* errors of encodeSymbol and renderPng.
    common::Bytes renderPng(std::string_view content) const;

    static common::SymbolStyle standardSymbol();
    // "qr", "gridmatrix"; "L", "M", "Q", "H". The parsers return false for any other text.
    static std::string symbologyName(common::Symbology symbology);
    static bool parseSymbology(const std::string& name, common::Symbology* symbology);
    static std::string ecLevelName(common::EcLevel level);
    static bool parseEcLevel(const std::string& name, common::EcLevel* level);
};

} // namespace citycode::server
