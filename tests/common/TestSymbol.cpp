// QR Code and Grid Matrix encoding and rendering (common/Symbol.h). QR symbols are rendered to PNG, decoded back
// to pixels with libpng and read with ZXing-cpp, so every test checks what a scanner would see. No decoder for
// Grid Matrix exists in Debian (neither ZXing nor zbar reads it), so Grid Matrix is checked structurally.
#define ZX_USE_UTF8
#include "citycode/common/Error.h"
#include "citycode/common/Symbol.h"

#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace citycode::test {
namespace {

using namespace citycode::common;

const EcLevel kLevels[] = {EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H};

char levelLetter(EcLevel level)
{
    return "LMQH"[static_cast<int>(level)];
}

// ISO/IEC 18004:2015 Table 7: data codewords of versions 1..40 per level L, M, Q, H.
const int kDataCodewords[4][40] = {
    {19,   34,   55,   80,   108,  136,  156,  194,  232,  274,  324,  370,  428,  461,
     523,  589,  647,  721,  795,  861,  932,  1006, 1094, 1174, 1276, 1370, 1468, 1531,
     1631, 1735, 1843, 1955, 2071, 2191, 2306, 2434, 2566, 2702, 2812, 2956},
    {16,   28,   44,   64,   86,   108,  124,  154,  182,  216,  254,  290,  334,  365,
     415,  453,  507,  563,  627,  669,  714,  782,  860,  914,  1000, 1062, 1128, 1193,
     1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334},
    {13,  22,  34,  48,  62,  76,  88,  110, 132, 154, 180,  206,  244,  261,  295,  325,  367,  397,  445,  485,
     512, 568, 614, 664, 718, 754, 808, 871, 911, 985, 1033, 1115, 1171, 1231, 1286, 1354, 1426, 1502, 1582, 1666},
    {9,   16,  26,  36,  46,  60,  66,  86,  100, 122, 140, 158, 180, 197, 223, 253,  283,  313,  341,  385,
     406, 442, 464, 514, 538, 596, 628, 661, 701, 745, 793, 845, 901, 961, 986, 1054, 1096, 1142, 1222, 1276},
};

// Most bytes that fit in one 8-bit segment (mode indicator 4 bits, count 8 or 16 bits; ISO/IEC 18004 Table 3).
int byteCapacity(int version, EcLevel level)
{
    const int bits = 8 * kDataCodewords[static_cast<int>(level)][version - 1];
    return (bits - 4 - (version <= 9 ? 8 : 16)) / 8;
}

// Most characters that fit in one alphanumeric segment: 11 bits per pair, 6 for a last odd one.
int alphanumericCapacity(int version, EcLevel level)
{
    const int bits = 8 * kDataCodewords[static_cast<int>(level)][version - 1];
    const int available = bits - 4 - (version <= 9 ? 9 : version <= 26 ? 11 : 13);
    return available / 11 * 2 + (available % 11 >= 6 ? 1 : 0);
}

// Text in the base45 alphabet, like our "CC1:..." payloads.
std::string base45Text(std::size_t length)
{
    static const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    std::string text = "CC1:";
    for (std::size_t i = 0; text.size() < length; ++i)
        text += alphabet[(i * 7 + i / 45) % alphabet.size()];
    text.resize(length);
    return text;
}

// Every byte value, NUL and high bytes included.
Bytes binaryData(std::size_t length)
{
    Bytes data(length);
    for (std::size_t i = 0; i < length; ++i)
        data[i] = static_cast<std::uint8_t>(i * 37 + 11);
    return data;
}

// Chinese and ASCII mixed, cut on a character boundary to at most `maxBytes` bytes.
std::string chineseText(std::size_t maxBytes)
{
    static const char* pieces[] = {"城市码", " CityCode ", "健康码", "绿码", "2023", "核酸检测 ", "扫码通行", ":/"};
    std::string text;
    for (std::size_t i = 0;; ++i) {
        const std::string piece = pieces[i % 8];
        if (text.size() + piece.size() > maxBytes)
            return text;
        text += piece;
    }
}

struct Pixels
{
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<std::uint8_t> data;

    std::tuple<int, int, int> rgb(int x, int y) const
    {
        const std::uint8_t* p = data.data() + (static_cast<std::size_t>(y) * width + x) * channels;
        return {p[0], p[1], p[2]};
    }
};

// Decodes a PNG with libpng's simplified API, as 8-bit grey (one channel) or RGB (three).
Pixels decodePng(const Bytes& png, bool colour)
{
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, png.data(), png.size()))
        throw std::runtime_error(std::string("not a PNG: ") + image.message);
    image.format = colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    Pixels pixels;
    pixels.width = static_cast<int>(image.width);
    pixels.height = static_cast<int>(image.height);
    pixels.channels = colour ? 3 : 1;
    pixels.data.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data.data(), 0, nullptr))
        throw std::runtime_error(std::string("bad PNG: ") + image.message);
    return pixels;
}

ZXing::Result readQr(const Bytes& png)
{
    const Pixels pixels = decodePng(png, false);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    return ZXing::ReadBarcode({pixels.data.data(), pixels.width, pixels.height, ZXing::ImageFormat::Lum}, hints);
}

// Renders, scans and returns the bytes the scanner read ("<no symbol found>" when it found none).
Bytes renderAndScan(const ModuleMatrix& matrix, const SymbolStyle& style = {})
{
    const ZXing::Result result = readQr(renderPng(matrix, style));
    if (!result.isValid())
        return toBytes("<no symbol found>");
    return Bytes(result.bytes().begin(), result.bytes().end());
}

void expectErrorCode(const std::function<void()>& action, const std::string& code)
{
    try {
        action();
        ADD_FAILURE() << "expected Error " << code;
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
    }
}

// --- QR Code: capacity and version choice at every level --------------------------------------------------

class QrVersionTest : public ::testing::TestWithParam<EcLevel>
{
};

TEST_P(QrVersionTest, AlphanumericTextPicksTheSmallestVersionAndScans)
{
    const EcLevel level = GetParam();
    for (int version = 1; version <= 40; ++version) {
        SCOPED_TRACE("version " + std::to_string(version));
        const std::size_t capacity = static_cast<std::size_t>(alphanumericCapacity(version, level));
        const std::string full = base45Text(capacity);
        const ModuleMatrix atCapacity = encodeSymbol(full, Symbology::Qr, level);
        EXPECT_EQ(atCapacity.version(), version);
        EXPECT_EQ(atCapacity.width(), 17 + 4 * version);
        EXPECT_EQ(atCapacity.height(), atCapacity.width());
        if (capacity <= 1000) {
            EXPECT_EQ(renderAndScan(atCapacity), toBytes(full));
        }

        const std::string onePast = base45Text(capacity + 1);
        if (version == 40) {
            expectErrorCode([&] { encodeSymbol(onePast, Symbology::Qr, level); }, "SYMBOL_DATA_TOO_LONG");
            continue;
        }
        const ModuleMatrix grown = encodeSymbol(onePast, Symbology::Qr, level);
        EXPECT_EQ(grown.version(), version + 1);
        if (capacity + 1 <= 1000) {
            EXPECT_EQ(renderAndScan(grown), toBytes(onePast));
        }
    }
}

TEST_P(QrVersionTest, BytesPickTheSmallestVersionAndScan)
{
    const EcLevel level = GetParam();
    for (int version = 1; version <= 40; ++version) {
        SCOPED_TRACE("version " + std::to_string(version));
        const std::size_t capacity = static_cast<std::size_t>(byteCapacity(version, level));
        const Bytes full = binaryData(capacity);
        const ModuleMatrix atCapacity = encodeSymbol(full, Symbology::Qr, level);
        EXPECT_EQ(atCapacity.version(), version);
        if (capacity <= 1000) {
            EXPECT_EQ(renderAndScan(atCapacity), full);
        }

        const Bytes onePast = binaryData(capacity + 1);
        if (version == 40) {
            expectErrorCode([&] { encodeSymbol(onePast, Symbology::Qr, level); }, "SYMBOL_DATA_TOO_LONG");
            continue;
        }
        const ModuleMatrix grown = encodeSymbol(onePast, Symbology::Qr, level);
        EXPECT_EQ(grown.version(), version + 1);
        if (capacity + 1 <= 1000) {
            EXPECT_EQ(renderAndScan(grown), onePast);
        }
    }
}

TEST_P(QrVersionTest, ChineseTextScansBackExactly)
{
    for (std::size_t size : {9u, 40u, 120u, 300u, 600u, 1000u}) {
        const std::string text = chineseText(size);
        if (text.empty())
            continue;
        SCOPED_TRACE(text.size());
        const ModuleMatrix matrix = encodeSymbol(text, Symbology::Qr, GetParam());
        const ZXing::Result result = readQr(renderPng(matrix, {}));
        ASSERT_TRUE(result.isValid());
        EXPECT_EQ(std::string(result.bytes().begin(), result.bytes().end()), text);
        EXPECT_EQ(result.ecLevel(), std::string(1, levelLetter(GetParam())));
    }
}

TEST_P(QrVersionTest, TheScannerSeesTheRequestedLevel)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(80), Symbology::Qr, GetParam());
    EXPECT_EQ(matrix.ecLevel(), GetParam());
    const ZXing::Result result = readQr(renderPng(matrix, {}));
    ASSERT_TRUE(result.isValid());
    EXPECT_EQ(result.ecLevel(), std::string(1, levelLetter(GetParam())));
}

INSTANTIATE_TEST_SUITE_P(Levels, QrVersionTest, ::testing::ValuesIn(kLevels),
                         [](const auto& row) { return std::string(1, levelLetter(row.param)); });

TEST(QrTest, Base45PayloadUsesAlphanumericMode)
{
    // 80 characters need version 4 at M in alphanumeric mode (capacity 90) but version 5 as bytes (capacity 62
    // in version 4).
    const std::string payload = base45Text(80);
    EXPECT_EQ(encodeSymbol(payload, Symbology::Qr, EcLevel::M).version(), 4);
    EXPECT_EQ(encodeSymbol(toBytes(payload), Symbology::Qr, EcLevel::M).version(), 5);
}

TEST(QrTest, DigitsUseNumericMode)
{
    // Version 1-M holds 34 digits, but only 20 alphanumeric characters.
    const std::string digits(34, '7');
    EXPECT_EQ(encodeSymbol(digits, Symbology::Qr, EcLevel::M).version(), 1);
    EXPECT_EQ(renderAndScan(encodeSymbol(digits, Symbology::Qr, EcLevel::M)), toBytes(digits));
}

TEST(QrTest, TextWithNulIsEncodedAsBytes)
{
    const std::string text("a\0b", 3);
    EXPECT_EQ(renderAndScan(encodeSymbol(text, Symbology::Qr, EcLevel::M)), toBytes(text));
}

TEST(QrTest, EmptyDataIsRefused)
{
    expectErrorCode([] { encodeSymbol(std::string_view(), Symbology::Qr, EcLevel::M); }, "SYMBOL_DATA_EMPTY");
    expectErrorCode([] { encodeSymbol(Bytes(), Symbology::GridMatrix, EcLevel::M); }, "SYMBOL_DATA_EMPTY");
}

TEST(QrTest, SameDataGivesTheSameMatrix)
{
    EXPECT_EQ(encodeSymbol(base45Text(50), Symbology::Qr, EcLevel::Q),
              encodeSymbol(base45Text(50), Symbology::Qr, EcLevel::Q));
    EXPECT_NE(encodeSymbol(base45Text(50), Symbology::Qr, EcLevel::Q),
              encodeSymbol(base45Text(50), Symbology::Qr, EcLevel::H));
}

// The mask pattern (0..7) and level letter a QR symbol's format information names (ISO/IEC 18004 §7.9: 15 bits
// around the top left finder, bit 14 first next to the timing pattern, masked with 101010000010010).
std::pair<int, char> qrFormat(const ModuleMatrix& m)
{
    int bits = 0;
    for (int i = 0; i <= 5; ++i)
        bits |= (m.at(8, i) ? 1 : 0) << i;
    bits |= (m.at(8, 7) ? 1 : 0) << 6;
    bits |= (m.at(8, 8) ? 1 : 0) << 7;
    bits |= (m.at(7, 8) ? 1 : 0) << 8;
    for (int i = 9; i <= 14; ++i)
        bits |= (m.at(14 - i, 8) ? 1 : 0) << i;
    const int data = (bits ^ 0x5412) >> 10;
    return {data & 7, "MLHQ"[data >> 3]};
}

TEST(QrTest, SealedPayloadsGetMaskThreeAndScanAtEveryLevel)
{
    // Sealed codes as the server issues them, 40 to 300 characters, and a few that are not pseudo-random at all.
    std::vector<std::string> texts;
    for (std::size_t length : {40u, 88u, 136u, 137u, 200u, 300u})
        texts.push_back(base45Text(length));
    texts.push_back(std::string(60, '0'));
    texts.push_back("CC1:" + std::string(100, 'A'));
    for (const EcLevel level : kLevels) {
        for (const std::string& text : texts) {
            SCOPED_TRACE(std::string(1, levelLetter(level)) + " " + std::to_string(text.size()));
            const ModuleMatrix fixed = encodeSymbol(text, Symbology::Qr, level, QrMask::SealedPayload);
            const ModuleMatrix best = encodeSymbol(text, Symbology::Qr, level);
            EXPECT_EQ(fixed.ecLevel(), level);
            EXPECT_LE(fixed.version(), best.version());
            EXPECT_EQ(fixed.width(), 17 + 4 * fixed.version());
            EXPECT_EQ(qrFormat(fixed), std::make_pair(3, levelLetter(level)));
            EXPECT_EQ(qrFormat(best).second, levelLetter(level));
            const ZXing::Result result = readQr(renderPng(fixed, {}));
            ASSERT_TRUE(result.isValid());
            EXPECT_EQ(std::string(result.bytes().begin(), result.bytes().end()), text);
            EXPECT_EQ(result.ecLevel(), std::string(1, levelLetter(level)));
        }
    }
}

TEST(QrTest, SealedPayloadMaskKeepsOtherTextAsItIs)
{
    // Text outside the alphanumeric set goes as its UTF-8 bytes, without ECI or Shift JIS, as without the option.
    for (const std::string& text :
         {chineseText(120), std::string("a\0b", 3), std::string("https://city.example/x?y=1")}) {
        const ModuleMatrix matrix = encodeSymbol(text, Symbology::Qr, EcLevel::M, QrMask::SealedPayload);
        EXPECT_EQ(renderAndScan(matrix), toBytes(text));
    }
    expectErrorCode([] { encodeSymbol(base45Text(5000), Symbology::Qr, EcLevel::M, QrMask::SealedPayload); },
                    "SYMBOL_DATA_TOO_LONG");
    expectErrorCode([] { encodeSymbol(std::string_view(), Symbology::Qr, EcLevel::M, QrMask::SealedPayload); },
                    "SYMBOL_DATA_EMPTY");
}

TEST(QrTest, SealedPayloadEncodingDependsOnlyOnItsInput)
{
    // The fixed-mask encoder reuses one libzint symbol per thread: nothing of a previous symbol, larger or smaller,
    // may leak into the next one, on this thread or another.
    const std::string text = base45Text(136);
    const ModuleMatrix first = encodeSymbol(text, Symbology::Qr, EcLevel::M, QrMask::SealedPayload);
    encodeSymbol(base45Text(1500), Symbology::Qr, EcLevel::H, QrMask::SealedPayload);
    encodeSymbol(chineseText(60), Symbology::Qr, EcLevel::L, QrMask::SealedPayload);
    expectErrorCode([] { encodeSymbol(base45Text(5000), Symbology::Qr, EcLevel::M, QrMask::SealedPayload); },
                    "SYMBOL_DATA_TOO_LONG");
    EXPECT_EQ(encodeSymbol(text, Symbology::Qr, EcLevel::M, QrMask::SealedPayload), first);
    std::unique_ptr<ModuleMatrix> other;
    std::thread([&] {
        other = std::make_unique<ModuleMatrix>(encodeSymbol(text, Symbology::Qr, EcLevel::M, QrMask::SealedPayload));
    }).join();
    ASSERT_TRUE(other);
    EXPECT_EQ(*other, first);
    EXPECT_EQ(renderAndScan(first), toBytes(text));
}

// --- Grid Matrix --------------------------------------------------------------------------------------------

TEST(GridMatrixTest, DimensionsFollowTheLayerCount)
{
    std::set<int> versions;
    int previous = 0;
    for (std::size_t size : {1u, 10u, 30u, 60u, 100u, 200u, 400u, 600u, 800u, 1000u}) {
        SCOPED_TRACE(size);
        const ModuleMatrix matrix = encodeSymbol(binaryData(size), Symbology::GridMatrix, EcLevel::L);
        EXPECT_EQ(matrix.symbology(), Symbology::GridMatrix);
        EXPECT_GE(matrix.version(), 1);
        EXPECT_LE(matrix.version(), 13);
        EXPECT_EQ(matrix.width(), 6 + 12 * matrix.version()); // GB/T 27766: 18 x 18 up to 162 x 162 modules
        EXPECT_EQ(matrix.height(), matrix.width());
        EXPECT_GE(matrix.version(), previous);
        previous = matrix.version();
        versions.insert(matrix.version());
    }
    EXPECT_GE(versions.size(), 5u);
}

TEST(GridMatrixTest, DifferentDataGivesDifferentMatrices)
{
    const Bytes data = binaryData(100);
    const ModuleMatrix reference = encodeSymbol(data, Symbology::GridMatrix, EcLevel::M);
    EXPECT_EQ(encodeSymbol(data, Symbology::GridMatrix, EcLevel::M), reference);
    for (std::size_t i : {0u, 50u, 99u}) {
        Bytes changed = data;
        changed[i] ^= 0x01;
        const ModuleMatrix other = encodeSymbol(changed, Symbology::GridMatrix, EcLevel::M);
        EXPECT_EQ(other.width(), reference.width());
        EXPECT_NE(other, reference) << "byte " << i;
    }
}

TEST(GridMatrixTest, MacromoduleFramesAlternate)
{
    // GB/T 27766: the symbol is a grid of 6 x 6 macromodules; every other one has a dark frame, starting with a
    // framed one in the top left corner.
    const ModuleMatrix matrix = encodeSymbol(std::string("CityCode 城市码"), Symbology::GridMatrix, EcLevel::M);
    const int macromodules = matrix.width() / 6;
    for (int my = 0; my < macromodules; ++my) {
        for (int mx = 0; mx < macromodules; ++mx) {
            const bool framed = (mx + my) % 2 == 0;
            for (int i = 0; i < 6; ++i) {
                EXPECT_EQ(matrix.at(mx * 6 + i, my * 6), framed) << mx << "," << my;
                EXPECT_EQ(matrix.at(mx * 6, my * 6 + i), framed) << mx << "," << my;
                EXPECT_EQ(matrix.at(mx * 6 + 5, my * 6 + i), framed) << mx << "," << my;
            }
        }
    }
}

TEST(GridMatrixTest, ChineseUsesHanziMode)
{
    // GB 2312 Hanzi mode takes 13 bits a character; the same text as UTF-8 bytes takes 24.
    std::string text;
    for (int i = 0; i < 60; ++i)
        text += "城市码";
    const ModuleMatrix hanzi = encodeSymbol(text, Symbology::GridMatrix, EcLevel::M);
    const ModuleMatrix bytes = encodeSymbol(toBytes(text), Symbology::GridMatrix, EcLevel::M);
    EXPECT_LT(hanzi.version(), bytes.version());
}

TEST(GridMatrixTest, TextOutsideGb2312StillEncodes)
{
    // U+20BB7 is not in GB 2312: sent as UTF-8 under ECI 26.
    const ModuleMatrix matrix = encodeSymbol(std::string("\xF0\xA0\xAE\xB7 吉"), Symbology::GridMatrix, EcLevel::M);
    EXPECT_GE(matrix.version(), 1);
}

TEST(GridMatrixTest, StrongerLevelsNeverNeedSmallerSymbols)
{
    // libzint sizes Grid Matrix symbols by a recommended codeword count first, so neighbouring levels may share
    // a size; H still needs more layers than L.
    const Bytes data = binaryData(500);
    int previous = 0;
    for (EcLevel level : kLevels) {
        const ModuleMatrix matrix = encodeSymbol(data, Symbology::GridMatrix, level);
        EXPECT_EQ(matrix.ecLevel(), level);
        EXPECT_GE(matrix.version(), previous);
        previous = matrix.version();
    }
    EXPECT_GT(encodeSymbol(data, Symbology::GridMatrix, EcLevel::H).version(),
              encodeSymbol(data, Symbology::GridMatrix, EcLevel::L).version());
}

TEST(GridMatrixTest, DataThatFitsOnlyAtAWeakerLevelIsRefused)
{
    // 1000 bytes fit the largest symbol at level L, but not at H: libzint would silently lower the level.
    const Bytes data = binaryData(1000);
    EXPECT_EQ(encodeSymbol(data, Symbology::GridMatrix, EcLevel::L).version(), 13);
    expectErrorCode([&] { encodeSymbol(data, Symbology::GridMatrix, EcLevel::H); }, "SYMBOL_DATA_TOO_LONG");
    expectErrorCode([&] { encodeSymbol(binaryData(3000), Symbology::GridMatrix, EcLevel::L); }, "SYMBOL_DATA_TOO_LONG");
}

TEST(GridMatrixTest, RendersWithItsOwnQuietZone)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(80), Symbology::GridMatrix, EcLevel::M);
    SymbolStyle style;
    style.modulePixels = 3;
    const Pixels pixels = decodePng(renderPng(matrix, style), false);
    EXPECT_EQ(pixels.width, (matrix.width() + 2 * 6) * 3);
    EXPECT_EQ(pixels.height, pixels.width);
    // The first dark pixel of the top row of modules is the corner of the top left macromodule frame.
    EXPECT_EQ(pixels.data[static_cast<std::size_t>(6 * 3 * pixels.width + 6 * 3 - 1)], 255);
    EXPECT_EQ(pixels.data[static_cast<std::size_t>(6 * 3 * pixels.width + 6 * 3)], 0);

    const std::string svg = renderSvg(matrix, style);
    const std::string side = std::to_string(pixels.width);
    EXPECT_NE(svg.find("width=\"" + side + "\" height=\"" + side + "\""), std::string::npos);
    style.quietZoneModules = 5;
    expectErrorCode([&] { renderPng(matrix, style); }, "SYMBOL_QUIET_ZONE_TOO_SMALL");
}

// --- Rendering ----------------------------------------------------------------------------------------------

TEST(RenderTest, PngHasTheExpectedSizeAndModules)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(80), Symbology::Qr, EcLevel::M);
    for (int px : {3, 4, 7}) {
        SymbolStyle style;
        style.modulePixels = px;
        const Pixels pixels = decodePng(renderPng(matrix, style), false);
        ASSERT_EQ(pixels.width, (matrix.width() + 8) * px);
        ASSERT_EQ(pixels.height, (matrix.height() + 8) * px);
        for (int y = 0; y < pixels.height; ++y) {
            for (int x = 0; x < pixels.width; ++x) {
                const int mx = x / px - 4;
                const int my = y / px - 4;
                const bool inside = mx >= 0 && my >= 0 && mx < matrix.width() && my < matrix.height();
                const bool dark = inside && matrix.at(mx, my);
                ASSERT_EQ(pixels.data[static_cast<std::size_t>(y) * pixels.width + x], dark ? 0 : 255)
                    << "pixel " << x << "," << y << " at " << px << " px per module";
            }
        }
        EXPECT_EQ(renderAndScan(matrix, style), toBytes(base45Text(80)));
    }
}

// Every pixel of the PNG against the matrix: module sizes that do and do not fill whole bytes, rows longer than one
// deflate copy (258 bytes), quiet zones beyond the minimum, greyscale and palette, up to version 40.
TEST(RenderTest, PngPixelsMatchTheModulesForEverySize)
{
    const ModuleMatrix small = encodeSymbol(base45Text(136), Symbology::Qr, EcLevel::M, QrMask::SealedPayload);
    const ModuleMatrix large = encodeSymbol(binaryData(2900), Symbology::Qr, EcLevel::L);
    ASSERT_EQ(large.version(), 40);
    struct Case
    {
        const ModuleMatrix* matrix;
        int px;
        int quiet;
        bool colour;
    };
    for (const Case c : {Case{&small, 3, 4, false}, Case{&small, 4, 4, false}, Case{&small, 5, 9, true},
                         Case{&small, 8, 4, false}, Case{&small, 13, 6, true}, Case{&small, 64, 64, false},
                         Case{&large, 3, 4, true}, Case{&large, 12, 4, false}}) {
        SCOPED_TRACE(std::to_string(c.matrix->version()) + " " + std::to_string(c.px) + " px quiet " +
                     std::to_string(c.quiet));
        SymbolStyle style;
        style.modulePixels = c.px;
        style.quietZoneModules = c.quiet;
        if (c.colour) {
            style.foreground = Rgb{0x20, 0x30, 0x60};
            style.background = Rgb{0xf0, 0xf0, 0xd0};
        }
        const Pixels pixels = decodePng(renderPng(*c.matrix, style), false);
        ASSERT_EQ(pixels.width, (c.matrix->width() + 2 * c.quiet) * c.px);
        ASSERT_EQ(pixels.height, (c.matrix->height() + 2 * c.quiet) * c.px);
        std::set<int> values;
        for (int y = 0; y < pixels.height; ++y) {
            for (int x = 0; x < pixels.width; ++x) {
                const int mx = x / c.px - c.quiet;
                const int my = y / c.px - c.quiet;
                const bool dark =
                    mx >= 0 && my >= 0 && mx < c.matrix->width() && my < c.matrix->height() && c.matrix->at(mx, my);
                const int value = pixels.data[static_cast<std::size_t>(y) * pixels.width + x];
                values.insert(value);
                ASSERT_EQ(value < 128, dark) << "pixel " << x << "," << y;
            }
        }
        EXPECT_EQ(values.size(), 2u);
    }
}

// CRC-32 of ISO/IEC 15948 Annex D, bit by bit.
std::uint32_t pngCrc(const std::uint8_t* data, std::size_t size)
{
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

std::uint32_t bigEndian32(const std::uint8_t* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

TEST(RenderTest, PngIsSignatureHeaderOneImageChunkAndEnd)
{
    // The renderer compresses the scanlines itself and has libpng frame them as one IDAT chunk: check the chunk
    // sequence, every length and CRC, and that nothing follows IEND, for a small and a large (multi-batch) image.
    const ModuleMatrix small = encodeSymbol(base45Text(136), Symbology::Qr, EcLevel::M, QrMask::SealedPayload);
    const ModuleMatrix large = encodeSymbol(binaryData(2900), Symbology::Qr, EcLevel::L);
    SymbolStyle colour;
    colour.foreground = Rgb{0x20, 0x30, 0x60};
    SymbolStyle big;
    big.modulePixels = 6; // 154 KB of scanlines: three batches
    for (const auto& [matrix, style, expected] :
         {std::make_tuple(&small, SymbolStyle{}, std::vector<std::string>{"IHDR", "IDAT", "IEND"}),
          std::make_tuple(&small, colour, std::vector<std::string>{"IHDR", "PLTE", "IDAT", "IEND"}),
          std::make_tuple(&large, big, std::vector<std::string>{"IHDR", "IDAT", "IEND"})}) {
        const Bytes png = renderPng(*matrix, style);
        const std::uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        ASSERT_GT(png.size(), 8u);
        ASSERT_TRUE(std::equal(signature, signature + 8, png.begin()));
        std::vector<std::string> chunks;
        std::size_t pos = 8;
        while (pos + 12 <= png.size()) {
            const std::uint32_t length = bigEndian32(png.data() + pos);
            ASSERT_LE(pos + 12 + length, png.size());
            chunks.emplace_back(png.begin() + static_cast<std::ptrdiff_t>(pos + 4),
                                png.begin() + static_cast<std::ptrdiff_t>(pos + 8));
            EXPECT_EQ(bigEndian32(png.data() + pos + 8 + length), pngCrc(png.data() + pos + 4, length + 4))
                << chunks.back();
            pos += 12 + length;
        }
        EXPECT_EQ(pos, png.size());
        EXPECT_EQ(chunks, expected);
        EXPECT_EQ(renderAndScan(*matrix, style), matrix == &small ? toBytes(base45Text(136)) : binaryData(2900));
    }
}

TEST(RenderTest, BlackOnWhiteIsGreyscaleOtherColoursArePalette)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(20), Symbology::Qr, EcLevel::M);
    const Bytes plain = renderPng(matrix, {});
    // IHDR follows the 8-byte signature and 8 bytes of chunk header: width, height, depth, colour type.
    ASSERT_GT(plain.size(), 26u);
    EXPECT_EQ(plain[24], 1); // bit depth
    EXPECT_EQ(plain[25], 0); // greyscale
    SymbolStyle style;
    style.foreground = Rgb::fromHex("#1A3C8E");
    const Bytes coloured = renderPng(matrix, style);
    EXPECT_EQ(coloured[24], 1);
    EXPECT_EQ(coloured[25], 3); // palette
}

TEST(RenderTest, ColoursAppearInThePng)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(80), Symbology::Qr, EcLevel::M);
    SymbolStyle style;
    style.foreground = Rgb{0x1a, 0x3c, 0x8e};
    style.background = Rgb{0xff, 0xfb, 0xe6};
    const Pixels pixels = decodePng(renderPng(matrix, style), true);
    std::map<std::tuple<int, int, int>, int> histogram;
    for (int y = 0; y < pixels.height; ++y)
        for (int x = 0; x < pixels.width; ++x)
            ++histogram[pixels.rgb(x, y)];
    ASSERT_EQ(histogram.size(), 2u);
    EXPECT_GT(histogram[std::make_tuple(0x1a, 0x3c, 0x8e)], 0);
    EXPECT_GT(histogram[std::make_tuple(0xff, 0xfb, 0xe6)], 0);
    EXPECT_EQ(pixels.rgb(0, 0), std::make_tuple(0xff, 0xfb, 0xe6));   // quiet zone
    EXPECT_EQ(pixels.rgb(16, 16), std::make_tuple(0x1a, 0x3c, 0x8e)); // finder pattern corner
    EXPECT_EQ(renderAndScan(matrix, style), toBytes(base45Text(80)));
}

TEST(RenderTest, ModulesBelowThreePixelsAreRefused)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(20), Symbology::Qr, EcLevel::M);
    SymbolStyle style;
    for (int px : {2, 1, 0, -4}) {
        style.modulePixels = px;
        expectErrorCode([&] { renderPng(matrix, style); }, "SYMBOL_MODULE_TOO_SMALL");
        expectErrorCode([&] { renderSvg(matrix, style); }, "SYMBOL_MODULE_TOO_SMALL");
        expectErrorCode([&] { checkStyle(style, Symbology::Qr); }, "SYMBOL_MODULE_TOO_SMALL");
    }
    style.modulePixels = 65;
    expectErrorCode([&] { renderPng(matrix, style); }, "SYMBOL_STYLE_INVALID");
}

TEST(RenderTest, QuietZoneBelowTheStandardIsRefused)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(20), Symbology::Qr, EcLevel::M);
    SymbolStyle style;
    style.quietZoneModules = 3;
    expectErrorCode([&] { renderPng(matrix, style); }, "SYMBOL_QUIET_ZONE_TOO_SMALL");
    style.quietZoneModules = 10;
    const Pixels pixels = decodePng(renderPng(matrix, style), false);
    EXPECT_EQ(pixels.width, (matrix.width() + 20) * style.modulePixels);
    EXPECT_EQ(symbolGeometry(matrix, style).quietZone, 10);
}

TEST(RenderTest, LowContrastIsRefused)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(20), Symbology::Qr, EcLevel::M);
    auto styleWith = [](const char* fg, const char* bg) {
        SymbolStyle style;
        style.foreground = Rgb::fromHex(fg);
        style.background = Rgb::fromHex(bg);
        return style;
    };
    for (auto [fg, bg] : {std::pair{"#000000", "#000000"}, std::pair{"#ffffff", "#000000"},
                          std::pair{"#999999", "#ffffff"}, std::pair{"#ff0000", "#00ff00"}}) {
        SCOPED_TRACE(std::string(fg) + " on " + bg);
        expectErrorCode([&] { renderPng(matrix, styleWith(fg, bg)); }, "SYMBOL_LOW_CONTRAST");
    }
    // #777777 on white has a contrast ratio of 4.48.
    EXPECT_EQ(renderAndScan(matrix, styleWith("#777777", "#ffffff")), toBytes(base45Text(20)));
}

TEST(RenderTest, ColoursParseFromHex)
{
    EXPECT_EQ(Rgb::fromHex("#1a3C8e"), (Rgb{0x1a, 0x3c, 0x8e}));
    EXPECT_EQ(Rgb::fromHex("#1a3C8e").toHex(), "#1a3c8e");
    for (const char* bad : {"", "#", "1a3c8e", "#1a3c8", "#1a3c8e0", "#1g3c8e", "#1a3c8e ", "red"})
        expectErrorCode([&] { Rgb::fromHex(bad); }, "SYMBOL_COLOUR_INVALID");
}

// Parses the one path of renderSvg back into modules.
std::vector<std::uint8_t> modulesFromSvgPath(const std::string& svg, int side)
{
    std::vector<std::uint8_t> modules(static_cast<std::size_t>(side) * side, 0);
    const std::smatch path = [&] {
        std::smatch m;
        std::regex_search(svg, m, std::regex(" d=\"([^\"]*)\""));
        return m;
    }();
    const std::string d = path[1];
    const std::regex run("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
    std::size_t consumed = 0;
    for (auto it = std::sregex_iterator(d.begin(), d.end(), run); it != std::sregex_iterator(); ++it) {
        EXPECT_EQ(static_cast<std::size_t>(it->position()), consumed) << "unexpected text in the path";
        consumed += static_cast<std::size_t>(it->length());
        const int x = std::stoi((*it)[1]);
        const int y = std::stoi((*it)[2]);
        const int n = std::stoi((*it)[3]);
        EXPECT_EQ(n, std::stoi((*it)[4]));
        for (int i = 0; i < n; ++i) {
            auto& module = modules.at(static_cast<std::size_t>(y) * side + x + i);
            EXPECT_EQ(module, 0) << "runs overlap";
            module = 1;
        }
    }
    EXPECT_EQ(consumed, d.size());
    return modules;
}

TEST(RenderTest, SvgIsWellFormedAndDrawsTheModules)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(80), Symbology::Qr, EcLevel::M);
    SymbolStyle style;
    style.modulePixels = 5;
    style.foreground = Rgb::fromHex("#1a3c8e");
    const std::string svg = renderSvg(matrix, style);
    const int side = matrix.width() + 8;
    const std::string px = std::to_string(side * 5);
    EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0), 0u);
    EXPECT_NE(svg.find("xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
    EXPECT_NE(svg.find("width=\"" + px + "\" height=\"" + px + "\""), std::string::npos);
    EXPECT_NE(svg.find("viewBox=\"0 0 " + std::to_string(side) + " " + std::to_string(side) + "\""), std::string::npos);
    EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#1a3c8e\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#ffffff\""), std::string::npos);
    EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
    // Tags balance: one svg, one self-closed rect and path, nothing else.
    EXPECT_EQ(std::count(svg.begin(), svg.end(), '<'), 4 + 1);
    EXPECT_EQ(std::count(svg.begin(), svg.end(), '>'), 4 + 1);

    const std::vector<std::uint8_t> drawn = modulesFromSvgPath(svg, side);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const bool inside = x >= 4 && y >= 4 && x < side - 4 && y < side - 4;
            ASSERT_EQ(drawn[static_cast<std::size_t>(y) * side + x] != 0, inside && matrix.at(x - 4, y - 4))
                << x << "," << y;
        }
}

// --- Logo area ----------------------------------------------------------------------------------------------

class LogoTest : public ::testing::TestWithParam<EcLevel>
{
};

TEST_P(LogoTest, LogoWithinTheBudgetScansInEveryVersion)
{
    const EcLevel level = GetParam();
    SymbolStyle style;
    style.ecLevel = level;
    style.logoAreaFraction = logoAreaBudget(level);
    for (int version = 1; version <= 40; ++version) {
        SCOPED_TRACE("version " + std::to_string(version));
        const std::string text = base45Text(static_cast<std::size_t>(alphanumericCapacity(version, level)));
        const ModuleMatrix matrix = encodeSymbol(text, Symbology::Qr, level);
        ASSERT_EQ(matrix.version(), version);
        const SymbolGeometry geometry = symbolGeometry(matrix, style);
        const int px = style.modulePixels;
        const int side = geometry.logo.width / px;
        ASSERT_GT(side, 0);
        EXPECT_EQ(geometry.logo.width, geometry.logo.height);
        EXPECT_LE(side * side, style.logoAreaFraction * matrix.width() * matrix.height());
        // Centred exactly, in whole modules.
        EXPECT_EQ(geometry.logo.x % px, 0);
        EXPECT_EQ(geometry.logo.x * 2 + geometry.logo.width, geometry.imageWidth);
        EXPECT_EQ(geometry.logo.y * 2 + geometry.logo.height, geometry.imageHeight);

        const Bytes png = renderPng(matrix, style);
        const Pixels pixels = decodePng(png, false);
        for (int y = geometry.logo.y; y < geometry.logo.y + geometry.logo.height; ++y)
            for (int x = geometry.logo.x; x < geometry.logo.x + geometry.logo.width; ++x)
                ASSERT_EQ(pixels.data[static_cast<std::size_t>(y) * pixels.width + x], 255) << x << "," << y;
        EXPECT_EQ(renderAndScan(matrix, style), toBytes(text));
    }
}

INSTANTIATE_TEST_SUITE_P(Levels, LogoTest, ::testing::Values(EcLevel::M, EcLevel::Q, EcLevel::H),
                         [](const auto& row) { return std::string(1, levelLetter(row.param)); });

TEST(LogoBudgetTest, GrowsWithTheLevel)
{
    EXPECT_EQ(logoAreaBudget(EcLevel::L), 0.0);
    EXPECT_GT(logoAreaBudget(EcLevel::M), logoAreaBudget(EcLevel::L));
    EXPECT_GT(logoAreaBudget(EcLevel::Q), logoAreaBudget(EcLevel::M));
    EXPECT_GT(logoAreaBudget(EcLevel::H), logoAreaBudget(EcLevel::Q));
    EXPECT_LE(logoAreaBudget(EcLevel::H), 0.15); // half of H's nominal 30 %
}

TEST(LogoBudgetTest, LogoBeyondTheBudgetIsRefused)
{
    for (EcLevel level : kLevels) {
        SCOPED_TRACE(levelLetter(level));
        const ModuleMatrix matrix = encodeSymbol(base45Text(80), Symbology::Qr, level);
        SymbolStyle style;
        style.ecLevel = level;
        style.logoAreaFraction = logoAreaBudget(level) + 0.001;
        expectErrorCode([&] { renderPng(matrix, style); }, "SYMBOL_LOGO_TOO_LARGE");
        expectErrorCode([&] { renderSvg(matrix, style); }, "SYMBOL_LOGO_TOO_LARGE");
        expectErrorCode([&] { checkStyle(style, Symbology::Qr); }, "SYMBOL_LOGO_TOO_LARGE");
        style.logoAreaFraction = -0.01;
        expectErrorCode([&] { renderPng(matrix, style); }, "SYMBOL_STYLE_INVALID");
        style.logoAreaFraction = std::nan("");
        expectErrorCode([&] { renderPng(matrix, style); }, "SYMBOL_STYLE_INVALID");
    }
}

TEST(LogoBudgetTest, IsCheckedAgainstTheLevelOfTheSymbol)
{
    // A style asking for H cannot put an H-sized logo on a symbol encoded at M.
    const ModuleMatrix matrix = encodeSymbol(base45Text(80), Symbology::Qr, EcLevel::M);
    SymbolStyle style;
    style.ecLevel = EcLevel::H;
    style.logoAreaFraction = logoAreaBudget(EcLevel::H);
    EXPECT_NO_THROW(checkStyle(style, Symbology::Qr));
    expectErrorCode([&] { renderPng(matrix, style); }, "SYMBOL_LOGO_TOO_LARGE");
}

TEST(LogoBudgetTest, SvgLeavesTheSameSquareClear)
{
    const ModuleMatrix matrix = encodeSymbol(base45Text(80), Symbology::Qr, EcLevel::H);
    SymbolStyle style;
    style.ecLevel = EcLevel::H;
    style.logoAreaFraction = logoAreaBudget(EcLevel::H);
    const SymbolGeometry geometry = symbolGeometry(matrix, style);
    const int side = matrix.width() + 8;
    const std::vector<std::uint8_t> drawn = modulesFromSvgPath(renderSvg(matrix, style), side);
    const Pixels pixels = decodePng(renderPng(matrix, style), false);
    int cleared = 0;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const int px = style.modulePixels;
            const bool pngDark = pixels.data[static_cast<std::size_t>(y * px) * pixels.width + x * px] == 0;
            ASSERT_EQ(drawn[static_cast<std::size_t>(y) * side + x] != 0, pngDark) << x << "," << y;
            const bool inLogo = x * px >= geometry.logo.x && x * px < geometry.logo.x + geometry.logo.width &&
                                y * px >= geometry.logo.y && y * px < geometry.logo.y + geometry.logo.height;
            cleared += inLogo && matrix.at(x - 4, y - 4) ? 1 : 0;
        }
    EXPECT_GT(cleared, 0) << "the logo square should have hidden some dark modules";
}

} // namespace
} // namespace citycode::test
