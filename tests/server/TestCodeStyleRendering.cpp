// services/CodeStyleRendering: a code style as CodeStyleService answers it becomes the symbology and
// common::SymbolStyle of the PNG the server issues. QR PNGs are read back with libpng, ZXing and
// zbarimg (module size, colours, content); Grid Matrix, which neither decoder reads, structurally.
#define ZX_USE_UTF8
#include "Process.h"
#include "TempDir.h"
#include "citycode/common/Symbol.h"
#include "services/CodeStyleRendering.h"

#include <Poco/JSON/Parser.h>

#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>
#include <png.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using citycode::server::CodeStyleRendering;
namespace common = citycode::common;

namespace {

// A dynamic code as the server seals it: base45 after "CC1:".
const std::string kContent = "CC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEXHJ%K.8AB7KD49DXXA$YA";

struct Pixels
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;

    std::tuple<int, int, int> at(int x, int y) const
    {
        const std::uint8_t* p = rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3;
        return {p[0], p[1], p[2]};
    }
};

Pixels decodePng(const common::Bytes& png)
{
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, png.data(), png.size()))
        throw std::runtime_error(std::string("not a PNG: ") + image.message);
    image.format = PNG_FORMAT_RGB;
    Pixels pixels;
    pixels.width = static_cast<int>(image.width);
    pixels.height = static_cast<int>(image.height);
    pixels.rgb.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.rgb.data(), 0, nullptr))
        throw std::runtime_error(std::string("bad PNG: ") + image.message);
    return pixels;
}

std::string readWithZxing(const Pixels& pixels)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result =
        ZXing::ReadBarcode({pixels.rgb.data(), pixels.width, pixels.height, ZXing::ImageFormat::RGB}, hints);
    return result.isValid() ? result.text() : std::string();
}

std::tuple<int, int, int> rgbOf(const common::Rgb& colour)
{
    return {colour.red, colour.green, colour.blue};
}

Poco::JSON::Object::Ptr record(const std::string& json)
{
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

// The 1x1 PNG of TestCodeStyles, as the logo of a record (the renderer only clears its square).
const char kLogo[] = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==";

} // namespace

struct QrCase
{
    const char* name;
    std::string json;
};

void PrintTo(const QrCase& c, std::ostream* out)
{
    *out << c.name;
}

class QrStyles : public ::testing::TestWithParam<QrCase>
{
};

TEST_P(QrStyles, RenderAsStoredAndDecode)
{
    const auto stored = record(GetParam().json);
    const CodeStyleRendering look = CodeStyleRendering::fromRecord(stored);
    const CodeStyleRendering read = CodeStyleRendering::read(*stored);
    // fromRecord kept the record's look (it falls back only for styles common refuses).
    EXPECT_EQ(look.symbol.modulePixels, stored->getValue<int>("modulePixels"));
    EXPECT_EQ(look.symbol.quietZoneModules, stored->getValue<int>("quietZoneModules"));
    EXPECT_EQ(look.symbol.ecLevel, read.symbol.ecLevel);
    EXPECT_EQ(look.symbology, common::Symbology::Qr);

    const common::Bytes png = look.renderPng(kContent);
    const Pixels pixels = decodePng(png);
    const common::ModuleMatrix matrix = common::encodeSymbol(kContent, common::Symbology::Qr, look.symbol.ecLevel);
    const int px = stored->getValue<int>("modulePixels");
    const int quiet = stored->getValue<int>("quietZoneModules");
    ASSERT_EQ(pixels.width, (matrix.width() + 2 * quiet) * px);
    ASSERT_EQ(pixels.height, pixels.width);
    const auto foreground = rgbOf(common::Rgb::fromHex(stored->getValue<std::string>("foregroundColor")));
    const auto background = rgbOf(common::Rgb::fromHex(stored->getValue<std::string>("backgroundColor")));
    // The quiet zone in the background colour, then the finder pattern's 7 dark modules of px pixels.
    EXPECT_EQ(pixels.at(0, 0), background);
    EXPECT_EQ(pixels.at(quiet * px - 1, quiet * px), background);
    for (int x = quiet * px; x < (quiet + 7) * px; ++x)
        EXPECT_EQ(pixels.at(x, quiet * px), foreground) << "x " << x;
    EXPECT_EQ(pixels.at((quiet + 7) * px, quiet * px), background);
    // The logo's square, when there is one, is cleared to the background.
    if (look.symbol.logoAreaFraction > 0.0)
        EXPECT_EQ(pixels.at(pixels.width / 2, pixels.height / 2), background);

    EXPECT_EQ(readWithZxing(pixels), kContent);
    ASSERT_TRUE(citycode::test::haveProgram("zbarimg")) << "zbarimg (package zbar-tools) is needed";
    citycode::test::TempDir dir;
    const std::string file = dir.file("code.png");
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    const auto scanned = citycode::test::runProcess({"zbarimg", "--nodbus", "--quiet", "--raw", "-Sbinary", file});
    EXPECT_EQ(scanned.exitCode, 0) << scanned.err;
    EXPECT_EQ(scanned.out.substr(0, kContent.size()), kContent);
}

INSTANTIATE_TEST_SUITE_P(
    CodeStyleRendering, QrStyles,
    ::testing::Values(
        QrCase{"navy on cream, level Q, 6 px, wide quiet zone",
               R"({"symbology":"qr","ecLevel":"Q","foregroundColor":"#1A2A6C","backgroundColor":"#FFF8E1",)"
               R"("quietZoneModules":8,"modulePixels":6,"printSizeMm":40,"logoAreaFraction":0,"logoPngBase64":""})"},
        QrCase{"green on white, level L, the 3-pixel minimum",
               R"({"symbology":"qr","ecLevel":"L","foregroundColor":"#006400","backgroundColor":"#FFFFFF",)"
               R"("quietZoneModules":4,"modulePixels":3,"printSizeMm":30,"logoAreaFraction":0,"logoPngBase64":""})"},
        QrCase{"level H with a logo at its whole budget",
               std::string(R"({"symbology":"qr","ecLevel":"H","foregroundColor":"#000000","backgroundColor":"#FFFFFF",)"
                           R"("quietZoneModules":5,"modulePixels":5,"printSizeMm":30,"logoAreaFraction":0.05,)"
                           R"("logoPngBase64":")") +
                   kLogo + "\"}"}),
    [](const ::testing::TestParamInfo<QrCase>& info) {
        std::string name;
        for (const char c : std::string(info.param.name))
            name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        return name;
    });

TEST(CodeStyleRendering, GridMatrixStyleDrawsTheGridMatrixSymbol)
{
    const auto stored =
        record(R"({"symbology":"gridmatrix","ecLevel":"M","foregroundColor":"#003366",)"
               R"("backgroundColor":"#F0F8FF","quietZoneModules":6,"modulePixels":4,"printSizeMm":35})");
    const CodeStyleRendering look = CodeStyleRendering::fromRecord(stored);
    EXPECT_EQ(look.symbology, common::Symbology::GridMatrix);
    EXPECT_EQ(look.printSizeMm, 35);
    const common::ModuleMatrix matrix =
        common::encodeSymbol(kContent, common::Symbology::GridMatrix, common::EcLevel::M);
    const Pixels pixels = decodePng(look.renderPng(kContent));
    ASSERT_EQ(pixels.width, (matrix.width() + 12) * 4);
    // Every module drawn in its colour, 4x4 pixels, after 6 modules of quiet zone.
    const auto dark = rgbOf(common::Rgb::fromHex("#003366"));
    const auto light = rgbOf(common::Rgb::fromHex("#F0F8FF"));
    int wrong = 0;
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            const auto expected = matrix.at(x, y) ? dark : light;
            wrong += pixels.at((6 + x) * 4 + 1, (6 + y) * 4 + 2) != expected;
        }
    }
    EXPECT_EQ(wrong, 0);
    EXPECT_EQ(pixels.at(6 * 4 - 1, 6 * 4 - 1), light);
}

// No active style, or one stored before styles were checked: the look every code had before.
TEST(CodeStyleRendering, WithoutAUsableStyleCodesLookAsBefore)
{
    const common::SymbolStyle before; // what the show and static-code PNGs used
    const common::Bytes expected = common::renderPng(
        common::encodeSymbol(kContent, common::Symbology::Qr, before.ecLevel, common::QrMask::SealedPayload), before);
    EXPECT_EQ(CodeStyleRendering::fromRecord(nullptr).renderPng(kContent), expected);
    EXPECT_EQ(CodeStyleRendering::fromRecord(
                  record(R"({"foregroundColor":"#777777","backgroundColor":"#888888","modulePixels":4})"))
                  .renderPng(kContent),
              expected);
    EXPECT_EQ(CodeStyleRendering::fromRecord(record(R"({"symbology":"aztec"})")).renderPng(kContent), expected);
    // A stored style with the default look renders the same bytes.
    EXPECT_EQ(CodeStyleRendering::fromRecord(
                  record(R"({"symbology":"qr","ecLevel":"M","foregroundColor":"#000000","backgroundColor":"#FFFFFF",)"
                         R"("quietZoneModules":4,"modulePixels":4,"printSizeMm":30,"logoAreaFraction":0.02,)"
                         R"("logoPngBase64":""})"))
                  .renderPng(kContent),
              expected);
}

TEST(CodeStyleRendering, NamesRoundTrip)
{
    for (const auto symbology : {common::Symbology::Qr, common::Symbology::GridMatrix}) {
        common::Symbology parsed = common::Symbology::Qr;
        EXPECT_TRUE(CodeStyleRendering::parseSymbology(CodeStyleRendering::symbologyName(symbology), &parsed));
        EXPECT_EQ(parsed, symbology);
    }
    for (const auto level : {common::EcLevel::L, common::EcLevel::M, common::EcLevel::Q, common::EcLevel::H}) {
        common::EcLevel parsed = common::EcLevel::L;
        EXPECT_TRUE(CodeStyleRendering::parseEcLevel(CodeStyleRendering::ecLevelName(level), &parsed));
        EXPECT_EQ(parsed, level);
    }
    common::EcLevel level = common::EcLevel::M;
    EXPECT_FALSE(CodeStyleRendering::parseEcLevel("m", &level));
    common::Symbology symbology = common::Symbology::Qr;
    EXPECT_FALSE(CodeStyleRendering::parseSymbology("grid_matrix", &symbology));
}
