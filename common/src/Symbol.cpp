// Encoding of QR Code (libqrencode, or libzint for a fixed mask) and Grid Matrix (libzint) symbols, and the style
// rules shared by the renderers in SymbolRenderer.cpp.
#include "citycode/common/Symbol.h"

#include "citycode/common/Error.h"

#include <qrencode.h>
#include <zint.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <memory>

namespace citycode::common {

namespace {

struct QrCodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};
struct QrInputDeleter
{
    void operator()(QRinput* input) const { QRinput_free(input); }
};
struct ZintDeleter
{
    void operator()(zint_symbol* symbol) const { ZBarcode_Delete(symbol); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeDeleter>;
using QrInputPtr = std::unique_ptr<QRinput, QrInputDeleter>;
using ZintPtr = std::unique_ptr<zint_symbol, ZintDeleter>;

QRecLevel qrLevel(EcLevel level)
{
    switch (level) {
    case EcLevel::L:
        return QR_ECLEVEL_L;
    case EcLevel::M:
        return QR_ECLEVEL_M;
    case EcLevel::Q:
        return QR_ECLEVEL_Q;
    case EcLevel::H:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

// Grid Matrix levels 1..5 correct about 10..50 % (GB/T 27766); the weakest one at least as strong as ours.
int gridMatrixLevel(EcLevel level)
{
    switch (level) {
    case EcLevel::L:
        return 1;
    case EcLevel::M:
        return 2;
    case EcLevel::Q:
        return 3;
    case EcLevel::H:
        return 4;
    }
    return 2;
}

bool isQrAlphanumeric(char c)
{
    // ISO/IEC 18004:2015 Table 5: the 45 characters of alphanumeric mode.
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '$' || c == '%' || c == '*' ||
           c == '+' || c == '-' || c == '.' || c == '/' || c == ':';
}

[[noreturn]] void throwQrFailure()
{
    if (errno == ERANGE)
        throw Error("SYMBOL_DATA_TOO_LONG", "too much data for a QR Code at this error-correction level");
    throw Error("SYMBOL_ENCODE_FAILED", "libqrencode could not encode the data");
}

ModuleMatrix fromQrCode(const QRcode& code, EcLevel level)
{
    const int width = code.width;
    std::vector<std::uint8_t> dark(static_cast<std::size_t>(width) * width);
    // libqrencode: bit 0 of each byte is the module's colour, the other bits describe its role.
    for (std::size_t i = 0; i < dark.size(); ++i)
        dark[i] = code.data[i] & 1;
    return ModuleMatrix(Symbology::Qr, level, code.version, width, width, std::move(dark));
}

ModuleMatrix encodeQrSegment(QRencodeMode mode, const std::uint8_t* data, std::size_t size, EcLevel level)
{
    // Version 0 lets libqrencode pick the smallest version that holds the data.
    QrInputPtr input(QRinput_new2(0, qrLevel(level)));
    if (!input || QRinput_append(input.get(), mode, static_cast<int>(size), data) != 0)
        throwQrFailure();
    QrCodePtr code(QRcode_encodeInput(input.get()));
    if (!code)
        throwQrFailure();
    return fromQrCode(*code, level);
}

ModuleMatrix encodeQrText(std::string_view text, EcLevel level)
{
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return encodeQrSegment(QR_MODE_NUM, bytes, text.size(), level);
    if (std::all_of(text.begin(), text.end(), isQrAlphanumeric))
        return encodeQrSegment(QR_MODE_AN, bytes, text.size(), level);
    if (text.find('\0') != std::string_view::npos)
        return encodeQrSegment(QR_MODE_8, bytes, text.size(), level);
    // Mixed text: libqrencode splits it into numeric, alphanumeric and 8-bit segments. Hint QR_MODE_8 keeps it
    // from recoding anything as Shift JIS Kanji, which would garble UTF-8.
    const std::string terminated(text);
    QrCodePtr code(QRcode_encodeString(terminated.c_str(), 0, qrLevel(level), QR_MODE_8, 1));
    if (!code)
        throwQrFailure();
    return fromQrCode(*code, level);
}

// zint's modules, one bit each in encoded_data (bit x & 7 of byte x >> 3), as one byte per module.
std::vector<std::uint8_t> zintModules(const zint_symbol& symbol)
{
    const int width = symbol.width;
    std::vector<std::uint8_t> dark(static_cast<std::size_t>(width) * symbol.rows);
    for (int y = 0; y < symbol.rows; ++y) {
        const unsigned char* in = symbol.encoded_data[y];
        std::uint8_t* out = dark.data() + static_cast<std::size_t>(y) * width;
        int x = 0;
        for (; x + 8 <= width; x += 8) { // a whole byte at a time: the compiler unrolls it
            const unsigned bits = in[x >> 3];
            for (int b = 0; b < 8; ++b)
                out[x + b] = static_cast<std::uint8_t>((bits >> b) & 1);
        }
        for (; x < width; ++x)
            out[x] = static_cast<std::uint8_t>((in[x >> 3] >> (x & 7)) & 1);
    }
    return dark;
}

// QR Code by libzint with mask pattern 011 (QrMask::SealedPayload). DATA_MODE takes the bytes as they are (no
// ECI, no Shift JIS); zint picks the numeric, alphanumeric and 8-bit segments and the smallest version.
// Where zint 2.11 spends its time on a 136-character sealed payload (valgrind, instructions): a third in choosing
// the segments (its optimal segmentation runs three times: for version 40, the estimated version and the next
// smaller one), a fifth in computing all eight mask patterns for every module although only one is applied, the
// rest in Reed-Solomon coding and placement. FAST_MODE and a fixed version (option_2) change
// nothing of it with a fixed mask.
ModuleMatrix encodeQrFixedMask(std::string_view text, EcLevel level)
{
    constexpr int kMaskPattern = 3; // (i + j) mod 3 = 0
    // One symbol per thread, cleared before each use: ZBarcode_Create zeroes all of its 30 KB (8 % of the encode),
    // ZBarcode_Clear only what the last symbol used. The options are all set every time (2.11 leaves them as given,
    // but a zint that reports the version or level it used in them must not carry one symbol's into the next).
    thread_local ZintPtr symbol(ZBarcode_Create());
    if (!symbol)
        throw Error("SYMBOL_ENCODE_FAILED", "libzint could not allocate a symbol");
    ZBarcode_Clear(symbol.get());
    symbol->symbology = BARCODE_QRCODE;
    symbol->option_1 = static_cast<int>(level) + 1; // zint: 1 L, 2 M, 3 Q, 4 H, kept as given
    symbol->option_2 = 0;                           // zint: version, 0 for the smallest that holds the data
    symbol->option_3 = (kMaskPattern + 1) << 8;     // zint: pattern + 1 in bits 8-11
    symbol->eci = 0;
    symbol->input_mode = DATA_MODE;
    const int result = ZBarcode_Encode(symbol.get(), reinterpret_cast<const unsigned char*>(text.data()),
                                       static_cast<int>(text.size()));
    if (result == ZINT_ERROR_TOO_LONG)
        throw Error("SYMBOL_DATA_TOO_LONG", "too much data for a QR Code at this error-correction level");
    if (result >= ZINT_ERROR || symbol->width < 21 || symbol->width != symbol->rows)
        throw Error("SYMBOL_ENCODE_FAILED", "libzint could not encode the data (code " + std::to_string(result) + ")");
    const int width = symbol->width;
    return ModuleMatrix(Symbology::Qr, level, (width - 17) / 4, width, width, zintModules(*symbol));
}

// The level a Grid Matrix symbol was made with, read back from the layer IDs of its two innermost
// macromodule layers (GB/T 27766, AIMD014): zint quietly lowers the level when the data would not fit otherwise.
int gridMatrixLevelOf(const ModuleMatrix& m)
{
    const int centre = (m.width() / 6) / 2; // macromodules are 6 x 6 modules
    auto layerId = [&m](int mx, int my) {
        return (m.at(mx * 6 + 1, my * 6 + 1) ? 2 : 0) | (m.at(mx * 6 + 2, my * 6 + 1) ? 1 : 0);
    };
    const int inner = layerId(centre, centre);
    const int next = layerId(centre, centre - 1);
    if (inner == 3)
        return next == 2 ? 1 : 2;
    return 5 - inner;
}

// Returns zint's result code; `out` is set only on success.
int tryGridMatrix(const std::uint8_t* data, std::size_t size, int inputMode, int eci, EcLevel level,
                  std::unique_ptr<ModuleMatrix>& out)
{
    ZintPtr symbol(ZBarcode_Create());
    if (!symbol)
        throw Error("SYMBOL_ENCODE_FAILED", "libzint could not allocate a symbol");
    symbol->symbology = BARCODE_GRIDMATRIX;
    symbol->option_1 = gridMatrixLevel(level);
    symbol->input_mode = inputMode;
    symbol->eci = eci;
    const int result = ZBarcode_Encode(symbol.get(), data, static_cast<int>(size));
    if (result >= ZINT_ERROR)
        return result;

    const int width = symbol->width;
    out = std::make_unique<ModuleMatrix>(Symbology::GridMatrix, level, (width - 6) / 12, width, symbol->rows,
                                         zintModules(*symbol));
    if (gridMatrixLevelOf(*out) < gridMatrixLevel(level))
        throw Error("SYMBOL_DATA_TOO_LONG", "too much data for a Grid Matrix symbol at this error-correction level");
    return result;
}

ModuleMatrix encodeGridMatrix(const std::uint8_t* data, std::size_t size, bool isText, EcLevel level)
{
    std::unique_ptr<ModuleMatrix> matrix;
    int result = ZINT_ERROR_INVALID_DATA;
    if (isText) {
        result = tryGridMatrix(data, size, UNICODE_MODE, 0, level, matrix);
        // Characters outside Latin-1 and GB 2312: send the UTF-8 as it is, announced by ECI 26.
        if (result == ZINT_ERROR_INVALID_DATA)
            result = tryGridMatrix(data, size, UNICODE_MODE, 26, level, matrix);
    }
    // Bytes, or text that is not even valid UTF-8.
    if (result == ZINT_ERROR_INVALID_DATA)
        result = tryGridMatrix(data, size, DATA_MODE, 0, level, matrix);
    if (result == ZINT_ERROR_TOO_LONG)
        throw Error("SYMBOL_DATA_TOO_LONG", "too much data for a Grid Matrix symbol at this error-correction level");
    if (!matrix)
        throw Error("SYMBOL_ENCODE_FAILED", "libzint could not encode the data (code " + std::to_string(result) + ")");
    return std::move(*matrix);
}

void requireData(std::size_t size)
{
    if (size == 0)
        throw Error("SYMBOL_DATA_EMPTY", "a symbol needs at least one byte of data");
}

// One sRGB channel linearised as in the WCAG 2.1 definition of relative luminance.
double linearChannel(std::uint8_t value)
{
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

void checkStyleAt(const SymbolStyle& style, Symbology symbology, EcLevel level)
{
    if (style.modulePixels < kMinimumModulePixels)
        throw Error("SYMBOL_MODULE_TOO_SMALL",
                    "a module needs at least 3 pixels (002 6.2), got " + std::to_string(style.modulePixels));
    if (style.modulePixels > kMaximumModulePixels)
        throw Error("SYMBOL_STYLE_INVALID", "at most " + std::to_string(kMaximumModulePixels) + " pixels per module");
    if (style.quietZoneModules >= 0 && style.quietZoneModules < minimumQuietZone(symbology))
        throw Error("SYMBOL_QUIET_ZONE_TOO_SMALL",
                    "the quiet zone must be at least " + std::to_string(minimumQuietZone(symbology)) + " modules");
    if (style.quietZoneModules > kMaximumQuietZone)
        throw Error("SYMBOL_STYLE_INVALID", "at most " + std::to_string(kMaximumQuietZone) + " modules of quiet zone");
    if (style.foreground.luminance() >= style.background.luminance() ||
        contrastRatio(style.foreground, style.background) < kMinimumContrastRatio)
        throw Error("SYMBOL_LOW_CONTRAST", "the foreground must be darker than the background, contrast at least 3:1");
    if (!(style.logoAreaFraction >= 0.0)) // also refuses NaN
        throw Error("SYMBOL_STYLE_INVALID", "the logo area cannot be negative");
    if (style.logoAreaFraction > logoAreaBudget(level))
        throw Error("SYMBOL_LOGO_TOO_LARGE",
                    "the logo covers more of the symbol than the error-correction level allows");
}

} // namespace

ModuleMatrix::ModuleMatrix(Symbology symbology, EcLevel ecLevel, int version, int width, int height,
                           std::vector<std::uint8_t> dark)
    : m_symbology(symbology), m_ecLevel(ecLevel), m_version(version), m_width(width), m_height(height),
      m_dark(std::move(dark))
{
    if (width <= 0 || height <= 0 || m_dark.size() != static_cast<std::size_t>(width) * height)
        throw Error("SYMBOL_MATRIX_INVALID", "module count does not match the symbol's size");
}

bool ModuleMatrix::operator==(const ModuleMatrix& other) const
{
    return m_symbology == other.m_symbology && m_ecLevel == other.m_ecLevel && m_version == other.m_version &&
           m_width == other.m_width && m_height == other.m_height && m_dark == other.m_dark;
}

ModuleMatrix encodeSymbol(std::string_view text, Symbology symbology, EcLevel level, QrMask mask)
{
    requireData(text.size());
    if (symbology == Symbology::Qr)
        return mask == QrMask::SealedPayload ? encodeQrFixedMask(text, level) : encodeQrText(text, level);
    return encodeGridMatrix(reinterpret_cast<const std::uint8_t*>(text.data()), text.size(), true, level);
}

ModuleMatrix encodeSymbol(const Bytes& data, Symbology symbology, EcLevel level)
{
    requireData(data.size());
    if (symbology == Symbology::Qr)
        return encodeQrSegment(QR_MODE_8, data.data(), data.size(), level);
    return encodeGridMatrix(data.data(), data.size(), false, level);
}

Rgb Rgb::fromHex(std::string_view text)
{
    Bytes rgb;
    if (text.size() == 7 && text[0] == '#') {
        try {
            rgb = common::fromHex(text.substr(1));
        } catch (const Error&) {
            rgb.clear();
        }
    }
    if (rgb.size() != 3)
        throw Error("SYMBOL_COLOUR_INVALID", "a colour is written #RRGGBB");
    return Rgb{rgb[0], rgb[1], rgb[2]};
}

std::string Rgb::toHex() const
{
    static const char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (std::uint8_t c : {red, green, blue}) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

double Rgb::luminance() const
{
    return 0.2126 * linearChannel(red) + 0.7152 * linearChannel(green) + 0.0722 * linearChannel(blue);
}

double contrastRatio(const Rgb& a, const Rgb& b)
{
    const double la = a.luminance();
    const double lb = b.luminance();
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

int minimumQuietZone(Symbology symbology)
{
    return symbology == Symbology::Qr ? 4 : 6;
}

double logoAreaBudget(EcLevel level)
{
    // A centred square damages more codewords than its share of the area suggests (it cuts codewords in two and
    // skips function patterns), most of all in small versions. Measured with ZXing over QR versions 1-40, the
    // largest square that still decoded in the worst version was 1.4 % (L), 4.0 % (M), 5.7 % (Q) and 9.3 % (H)
    // of the area; the budget is about half of that, the other half kept for wear and dirt.
    switch (level) {
    case EcLevel::L:
        return 0.0;
    case EcLevel::M:
        return 0.02;
    case EcLevel::Q:
        return 0.03;
    case EcLevel::H:
        return 0.05;
    }
    return 0.0;
}

void checkStyle(const SymbolStyle& style, Symbology symbology)
{
    checkStyleAt(style, symbology, style.ecLevel);
}

SymbolGeometry symbolGeometry(const ModuleMatrix& matrix, const SymbolStyle& style)
{
    checkStyleAt(style, matrix.symbology(), matrix.ecLevel());
    const int quiet = style.quietZoneModules < 0 ? minimumQuietZone(matrix.symbology()) : style.quietZoneModules;
    const int px = style.modulePixels;
    SymbolGeometry geometry;
    geometry.quietZone = quiet;
    geometry.imageWidth = (matrix.width() + 2 * quiet) * px;
    geometry.imageHeight = (matrix.height() + 2 * quiet) * px;
    if (style.logoAreaFraction > 0.0) {
        // Whole modules only, so that PNG and SVG clear the same modules; the side keeps the parity of the
        // symbol's so the square sits exactly in the middle. Rounding down keeps it within the budget.
        const int shorter = std::min(matrix.width(), matrix.height());
        int side = static_cast<int>(std::floor(std::sqrt(style.logoAreaFraction * matrix.width() * matrix.height())));
        side = std::min(side, shorter);
        if ((shorter - side) % 2 != 0)
            --side;
        if (side > 0) {
            geometry.logo.x = (quiet + (matrix.width() - side) / 2) * px;
            geometry.logo.y = (quiet + (matrix.height() - side) / 2) * px;
            geometry.logo.width = side * px;
            geometry.logo.height = side * px;
        }
    }
    return geometry;
}

} // namespace citycode::common
