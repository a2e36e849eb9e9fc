#pragma once

#include "citycode/common/Bytes.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citycode::common {

// The two symbologies 002 §6 allows: QR Code (GB/T 18284, ISO/IEC 18004) and Grid Matrix (GB/T 27766).
enum class Symbology
{
    Qr,
    GridMatrix
};

// Error-correction level, named as in QR Code: L, M, Q, H recover about 7, 15, 25, 30 % of the codewords.
// Grid Matrix has five levels of about 10, 20, 30, 40, 50 %; each of ours maps to the weakest Grid Matrix level
// that is at least as strong: L -> 1, M -> 2, Q -> 3, H -> 4 (zint's option_1).
enum class EcLevel
{
    L,
    M,
    Q,
    H
};

// One encoded symbol: its modules, row by row, without quiet zone. It owns a copy of the modules, so it
// outlives the encoder's buffers and can be rendered any number of times in any style.
class ModuleMatrix
{
public:
    // `dark` holds width * height entries, non-zero for a dark module.
    ModuleMatrix(Symbology symbology, EcLevel ecLevel, int version, int width, int height,
                 std::vector<std::uint8_t> dark);

    Symbology symbology() const { return m_symbology; }
    // The level asked for; the symbol's own level is at least this strong (small Grid Matrix symbols force a
    // stronger one).
    EcLevel ecLevel() const { return m_ecLevel; }
    // QR: 1..40 (width 17 + 4 * version). Grid Matrix: the number of layers, 1..13 (width 6 + 12 * version).
    int version() const { return m_version; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    // True for a dark module; x and y count from the top left corner and must lie inside the symbol.
    bool at(int x, int y) const { return m_dark[static_cast<std::size_t>(y) * m_width + x] != 0; }
    // One byte per module (1 dark, 0 light), row-major; what renderers walk.
    const std::vector<std::uint8_t>& modules() const { return m_dark; }

    bool operator==(const ModuleMatrix& other) const;
    bool operator!=(const ModuleMatrix& other) const { return !(*this == other); }

private:
    Symbology m_symbology;
    EcLevel m_ecLevel;
    int m_version;
    int m_width;
    int m_height;
    std::vector<std::uint8_t> m_dark;
};

// How a QR Code's mask pattern (ISO/IEC 18004 §7.8) is chosen. Any of the eight decodes: the format information
// names it. The standard's encoder masks with each in turn and keeps the one with the lowest penalty (long runs,
// 2 x 2 blocks, finder-like patterns, dark/light balance), a heuristic that keeps structured data scannable.
enum class QrMask
{
    // libqrencode: all eight evaluated, the lowest penalty kept. About 0.2 ms for a 41 x 41 symbol.
    LowestPenalty,
    // Always pattern 011, (i + j) mod 3 = 0 (libzint's option_3): one sixth of the cost. Only for sealed codes
    // ("CC1:" payloads): their nonce, times and MAC make them pseudo-random, so no mask is much better than another
    // for them. Over 400 sealed show codes this one scored on average 3.5 % above the best mask of each code
    // (the others 5-13 %) and was the worst of the eight for 2 % of them.
    SealedPayload
};

// Encodes UTF-8 text in the smallest symbol of the symbology that holds it at `level`.
// QR: text made only of QR alphanumeric characters (0-9 A-Z space $ % * + - . / :, which covers our base45
// "CC1:..." payloads) goes in one alphanumeric segment (numeric when all digits); other text in numeric,
// alphanumeric and 8-bit segments with its UTF-8 bytes as they are (no ECI, as QR readers expect). With
// QrMask::SealedPayload libzint cuts the text into the numeric, alphanumeric and 8-bit segments that need the
// fewest bits (its bytes still as they are, no ECI), so the symbol is never larger.
// Grid Matrix: Latin-1 text as bytes and Chinese in GB 2312 Hanzi mode; text outside both is sent as UTF-8
// under ECI 26. `mask` does not apply.
// Throws Error "SYMBOL_DATA_EMPTY", "SYMBOL_DATA_TOO_LONG" (too much for the largest symbol at `level`),
// "SYMBOL_ENCODE_FAILED" (the encoder failed for another reason).
ModuleMatrix encodeSymbol(std::string_view text, Symbology symbology, EcLevel level,
                          QrMask mask = QrMask::LowestPenalty);
// Encodes arbitrary bytes (QR 8-bit mode, Grid Matrix byte mode); same errors.
ModuleMatrix encodeSymbol(const Bytes& data, Symbology symbology, EcLevel level);

// A colour as 8-bit sRGB components.
struct Rgb
{
    std::uint8_t red = 0;
    std::uint8_t green = 0;
    std::uint8_t blue = 0;

    // Parses "#RRGGBB" (hex digits in either case); throws Error("SYMBOL_COLOUR_INVALID") otherwise.
    static Rgb fromHex(std::string_view text);
    // "#rrggbb".
    std::string toHex() const;
    // WCAG 2.1 relative luminance, 0 (black) .. 1 (white).
    double luminance() const;

    bool operator==(const Rgb& other) const { return red == other.red && green == other.green && blue == other.blue; }
    bool operator!=(const Rgb& other) const { return !(*this == other); }
};

// How a symbol is drawn: the look a code rule's style designer edits (colours, sizes, EC level, logo).
//
// Rules enforced by checkStyle() and by the renderers, each with its Error code:
// - SYMBOL_MODULE_TOO_SMALL: modulePixels < 3 (002 §6.2: at least 3 pixels per module);
//   SYMBOL_STYLE_INVALID when above 64.
// - SYMBOL_QUIET_ZONE_TOO_SMALL: quietZoneModules below the symbology's minimum, 4 modules for QR
//   (ISO/IEC 18004) and 6 for Grid Matrix (GB/T 27766, AIM Grid Matrix spec AIMD014 §7.1); SYMBOL_STYLE_INVALID when
//   above 64. A negative value means that minimum.
// - SYMBOL_LOW_CONTRAST: the foreground must be darker than the background (no reflectance reversal: not every
//   scanner tries inverted symbols) with a WCAG 2.1 contrast ratio of at least 3:1.
// - SYMBOL_LOGO_TOO_LARGE: logoAreaFraction, the share of the symbol's area (quiet zone excluded) cleared for a
//   logo in its centre, is limited to about half of what a good decoder absorbs in the worst QR version:
//   L none, M 2 %, Q 3 %, H 5 % (see logoAreaBudget()). Far less than the levels' nominal 7-30 % recovery,
//   because a square cuts many codewords. SYMBOL_STYLE_INVALID when negative.
struct SymbolStyle
{
    Rgb foreground{0, 0, 0};
    Rgb background{255, 255, 255};
    int quietZoneModules = -1;
    int modulePixels = 4;
    // The level to encode with (pass it to encodeSymbol); the logo budget is checked against it.
    EcLevel ecLevel = EcLevel::M;
    double logoAreaFraction = 0.0;
};

// Limits of SymbolStyle that checkStyle() enforces, for forms and APIs that check field by field.
constexpr int kMinimumModulePixels = 3;  // 002 §6.2
constexpr int kMaximumModulePixels = 64; // and kMaximumQuietZone: beyond them SYMBOL_STYLE_INVALID
constexpr int kMaximumQuietZone = 64;
constexpr double kMinimumContrastRatio = 3.0;

// The standard's minimum quiet zone in modules: QR 4, Grid Matrix 6.
int minimumQuietZone(Symbology symbology);
// WCAG 2.1 contrast ratio of two colours, 1 (same luminance) .. 21 (black and white), whichever is darker.
// SYMBOL_LOW_CONTRAST is a foreground not darker than the background or a ratio under kMinimumContrastRatio.
double contrastRatio(const Rgb& a, const Rgb& b);
// The largest logoAreaFraction allowed at `level`.
double logoAreaBudget(EcLevel level);
// Throws the Error the renderers would throw for this style (see SymbolStyle); for forms that check early.
void checkStyle(const SymbolStyle& style, Symbology symbology);

// A rectangle in pixels, origin at the image's top left corner.
struct PixelRect
{
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

// Where things land in a rendered image, for a console that paints the logo or prints at a given size.
struct SymbolGeometry
{
    int imageWidth = 0;  // pixels, quiet zone included
    int imageHeight = 0; // pixels, quiet zone included
    int quietZone = 0;   // modules on each side
    // The cleared centre square, in whole modules and centred; empty without a logo.
    PixelRect logo;
};

// Checks the style like the renderers do (the logo budget against matrix.ecLevel()).
SymbolGeometry symbolGeometry(const ModuleMatrix& matrix, const SymbolStyle& style);

// PNG (ISO/IEC 15948) of the symbol with its quiet zone: 1-bit greyscale for black on white, otherwise a 1-bit
// palette of the two colours, all scanlines in one IDAT chunk compressed with fast zlib settings (about 20 us for
// the 196 x 196 px image of a typical show code, 4 px per module, most of it in zlib).
// Throws the style errors listed at SymbolStyle, the logo budget checked against matrix.ecLevel().
Bytes renderPng(const ModuleMatrix& matrix, const SymbolStyle& style);
// SVG 1.1 of the same image: width and height in pixels, a viewBox in modules, the background as one rect and
// the dark modules as one path of row runs, drawn with crisp edges. Same errors as renderPng.
std::string renderSvg(const ModuleMatrix& matrix, const SymbolStyle& style);

} // namespace citycode::common
