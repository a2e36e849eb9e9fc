// `citycode-cli qr`: renders a QR Code or Grid Matrix symbol to PNG or SVG with the same code the server and
// console use, so operators can check a payload or a style from the command line.
#include "QrCommands.h"

#include "CliArgs.h"

#include "citycode/common/Error.h"
#include "citycode/common/Symbol.h"

#include <fstream>
#include <iostream>

namespace citycode::cli {

namespace {

using common::EcLevel;
using common::Symbology;

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Symbology parseSymbology(const std::string& name)
{
    if (name == "qr")
        return Symbology::Qr;
    if (name == "gridmatrix")
        return Symbology::GridMatrix;
    throw UsageError("option --symbology takes qr or gridmatrix, got '" + name + "'");
}

EcLevel parseEcLevel(const std::string& name)
{
    if (name == "L" || name == "l")
        return EcLevel::L;
    if (name == "M" || name == "m")
        return EcLevel::M;
    if (name == "Q" || name == "q")
        return EcLevel::Q;
    if (name == "H" || name == "h")
        return EcLevel::H;
    throw UsageError("option --ec takes L, M, Q or H, got '" + name + "'");
}

common::Rgb parseColour(const CliArgs& args, const std::string& option, common::Rgb fallback)
{
    if (!args.has(option))
        return fallback;
    try {
        return common::Rgb::fromHex(args.value(option));
    } catch (const common::Error&) {
        throw UsageError("option --" + option + " takes a colour #RRGGBB, got '" + args.value(option) + "'");
    }
}

void writeOutput(const std::string& path, const char* data, std::size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data, static_cast<std::streamsize>(size));
    out.close();
    if (!out)
        throw common::Error("CLI_WRITE_FAILED", "cannot write " + path);
}

} // namespace

int runQr(const std::vector<std::string>& arguments)
{
    const CliArgs args(arguments, {"text", "out", "symbology", "module-px", "ec", "quiet-zone", "fg", "bg"});
    if (!args.positional().empty())
        throw UsageError("unexpected argument '" + args.positional().front() + "'");
    const std::string text = args.value("text");
    const std::string out = args.value("out");
    const bool svg = endsWith(out, ".svg");
    if (!svg && !endsWith(out, ".png"))
        throw UsageError("option --out must name a .png or .svg file");

    const Symbology symbology = parseSymbology(args.value("symbology", "qr"));
    common::SymbolStyle style;
    style.ecLevel = parseEcLevel(args.value("ec", "M"));
    style.modulePixels = args.intValue("module-px", style.modulePixels);
    style.quietZoneModules = args.intValue("quiet-zone", style.quietZoneModules);
    style.foreground = parseColour(args, "fg", style.foreground);
    style.background = parseColour(args, "bg", style.background);
    // Refuse a bad style before spending time on encoding.
    common::checkStyle(style, symbology);

    const common::ModuleMatrix matrix = common::encodeSymbol(text, symbology, style.ecLevel);
    if (svg) {
        const std::string image = common::renderSvg(matrix, style);
        writeOutput(out, image.data(), image.size());
    } else {
        const common::Bytes image = common::renderPng(matrix, style);
        writeOutput(out, reinterpret_cast<const char*>(image.data()), image.size());
    }
    const common::SymbolGeometry geometry = common::symbolGeometry(matrix, style);
    std::cout << out << ": " << (symbology == Symbology::Qr ? "QR Code version " : "Grid Matrix layers ")
              << matrix.version() << ", " << matrix.width() << "x" << matrix.height() << " modules, "
              << geometry.imageWidth << "x" << geometry.imageHeight << " px\n";
    return 0;
}

} // namespace citycode::cli
