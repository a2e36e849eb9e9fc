#include "services/CodeStyleRendering.h"

#include "citycode/common/Error.h"

namespace citycode::server {

namespace {

bool present(const Poco::JSON::Object& record, const std::string& field)
{
    return record.has(field) && !record.isNull(field);
}

std::string textOf(const Poco::JSON::Object& record, const std::string& field)
{
    const Poco::Dynamic::Var value = record.get(field);
    if (!value.isString())
        throw common::Error("BAD_REQUEST", field + " must be text");
    return value.extract<std::string>();
}

int integerOf(const Poco::JSON::Object& record, const std::string& field)
{
    const Poco::Dynamic::Var value = record.get(field);
    if (!value.isInteger())
        throw common::Error("BAD_REQUEST", field + " must be a whole number");
    const Poco::Int64 number = value.convert<Poco::Int64>();
    if (number < -1000000 || number > 1000000)
        throw common::Error("BAD_REQUEST", field + " is out of range");
    return static_cast<int>(number);
}

common::Rgb colourOf(const Poco::JSON::Object& record, const std::string& field)
{
    try {
        return common::Rgb::fromHex(textOf(record, field));
    } catch (const common::Error&) {
        throw common::Error("BAD_REQUEST", field + " must be a colour like #1A2B3C");
    }
}

} // namespace

common::SymbolStyle CodeStyleRendering::standardSymbol()
{
    common::SymbolStyle style;
    style.foreground = {0, 0, 0};
    style.background = {255, 255, 255};
    style.ecLevel = common::EcLevel::M;
    style.modulePixels = 4;
    style.quietZoneModules = common::minimumQuietZone(common::Symbology::Qr);
    style.logoAreaFraction = 0.0;
    return style;
}

CodeStyleRendering CodeStyleRendering::read(const Poco::JSON::Object& record)
{
    CodeStyleRendering look;
    if (present(record, "symbology") && !parseSymbology(textOf(record, "symbology"), &look.symbology))
        throw common::Error("BAD_REQUEST", "symbology must be qr or gridmatrix");
    if (present(record, "ecLevel") && !parseEcLevel(textOf(record, "ecLevel"), &look.symbol.ecLevel))
        throw common::Error("BAD_REQUEST", "ecLevel must be L, M, Q or H");
    if (present(record, "foregroundColor"))
        look.symbol.foreground = colourOf(record, "foregroundColor");
    if (present(record, "backgroundColor"))
        look.symbol.background = colourOf(record, "backgroundColor");
    if (present(record, "quietZoneModules"))
        look.symbol.quietZoneModules = integerOf(record, "quietZoneModules");
    if (present(record, "modulePixels"))
        look.symbol.modulePixels = integerOf(record, "modulePixels");
    if (present(record, "printSizeMm"))
        look.printSizeMm = integerOf(record, "printSizeMm");
    if (present(record, "logoAreaFraction")) {
        const Poco::Dynamic::Var value = record.get("logoAreaFraction");
        if (!value.isNumeric())
            throw common::Error("BAD_REQUEST", "logoAreaFraction must be a number");
        look.symbol.logoAreaFraction = value.convert<double>();
    }
    // The designer clears the logo's square only when there is a logo to paint into it.
    if (!present(record, "logoPngBase64") || textOf(record, "logoPngBase64").empty())
        look.symbol.logoAreaFraction = 0.0;
    return look;
}

CodeStyleRendering CodeStyleRendering::fromRecord(const Poco::JSON::Object::Ptr& style) noexcept
{
    if (style.isNull())
        return {};
    try {
        CodeStyleRendering look = read(*style);
        common::checkStyle(look.symbol, look.symbology);
        return look;
    } catch (const std::exception&) {
        return {};
    }
}

common::Bytes CodeStyleRendering::renderPng(std::string_view content) const
{
    // A sealed code is pseudo-random, so the fixed QR mask serves it as well as the best one would (Symbol.h).
    return common::renderPng(common::encodeSymbol(content, symbology, symbol.ecLevel, common::QrMask::SealedPayload),
                             symbol);
}

std::string CodeStyleRendering::symbologyName(common::Symbology symbology)
{
    return symbology == common::Symbology::GridMatrix ? "gridmatrix" : "qr";
}

bool CodeStyleRendering::parseSymbology(const std::string& name, common::Symbology* symbology)
{
    if (name == "qr")
        *symbology = common::Symbology::Qr;
    else if (name == "gridmatrix")
        *symbology = common::Symbology::GridMatrix;
    else
        return false;
    return true;
}

std::string CodeStyleRendering::ecLevelName(common::EcLevel level)
{
    switch (level) {
    case common::EcLevel::L:
        return "L";
    case common::EcLevel::M:
        return "M";
    case common::EcLevel::Q:
        return "Q";
    case common::EcLevel::H:
        return "H";
    }
    return "M";
}

bool CodeStyleRendering::parseEcLevel(const std::string& name, common::EcLevel* level)
{
    for (const common::EcLevel candidate :
         {common::EcLevel::L, common::EcLevel::M, common::EcLevel::Q, common::EcLevel::H}) {
        if (name == ecLevelName(candidate)) {
            *level = candidate;
            return true;
        }
    }
    return false;
}

} // namespace citycode::server
