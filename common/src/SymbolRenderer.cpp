// PNG and SVG output of encoded symbols. The PNG path is on the server's hot path (every "show" of a dynamic
// code renders one), so it writes 1-bit rows straight into memory with the cheapest zlib settings.
#include "citycode/common/Error.h"
#include "citycode/common/Symbol.h"

#include <png.h>

#include <cstring>

namespace citycode::common {

namespace {

// The image as 1-bit rows: bit value 0 is the foreground (dark), 1 the background. Each distinct row is
// stored once; `rows` points every pixel row at its buffer.
struct BitImage
{
    int width = 0;
    int height = 0;
    bool greyscale = false;
    std::vector<std::uint8_t> buffers;
    std::vector<png_bytep> rows;
};

// Clears bits [from, to) of a packed MSB-first row.
void clearBits(std::uint8_t* row, int from, int to)
{
    if (from >= to)
        return;
    const int firstByte = from >> 3;
    const int lastByte = (to - 1) >> 3;
    const auto headMask = static_cast<std::uint8_t>(0xFF >> (from & 7));           // bits from `from` on
    const auto tailMask = static_cast<std::uint8_t>(0xFF << (7 - ((to - 1) & 7))); // bits up to `to - 1`
    if (firstByte == lastByte) {
        row[firstByte] &= static_cast<std::uint8_t>(~(headMask & tailMask));
        return;
    }
    row[firstByte] &= static_cast<std::uint8_t>(~headMask);
    std::memset(row + firstByte + 1, 0, static_cast<std::size_t>(lastByte - firstByte - 1));
    row[lastByte] &= static_cast<std::uint8_t>(~tailMask);
}

// The cleared logo square in module coordinates of the symbol (quiet zone excluded).
struct LogoSquare
{
    int left = 0;
    int top = 0;
    int side = 0;

    LogoSquare(const SymbolGeometry& g, int px)
        : left(g.logo.x / px - g.quietZone), top(g.logo.y / px - g.quietZone), side(g.logo.width / px)
    {
    }
    bool contains(int x, int y) const { return x >= left && x < left + side && y >= top && y < top + side; }
};

BitImage buildBitImage(const ModuleMatrix& matrix, const SymbolStyle& style, const SymbolGeometry& g)
{
    const int px = style.modulePixels;
    const int quiet = g.quietZone;
    const LogoSquare logo(g, px);
    BitImage image;
    image.width = g.imageWidth;
    image.height = g.imageHeight;
    const std::size_t rowBytes = (static_cast<std::size_t>(image.width) + 7) / 8;
    // Buffer 0 is an all-background row for the quiet zone; buffer 1 + y is module row y.
    image.buffers.assign(rowBytes * (matrix.height() + 1), 0xFF);
    const std::uint8_t* dark = matrix.modules().data();
    for (int y = 0; y < matrix.height(); ++y) {
        std::uint8_t* row = image.buffers.data() + rowBytes * (y + 1);
        const std::uint8_t* line = dark + static_cast<std::size_t>(y) * matrix.width();
        int x = 0;
        while (x < matrix.width()) {
            if (!line[x] || logo.contains(x, y)) {
                ++x;
                continue;
            }
            int end = x + 1;
            while (end < matrix.width() && line[end] && !logo.contains(end, y))
                ++end;
            clearBits(row, (quiet + x) * px, (quiet + end) * px);
            x = end;
        }
    }
    image.rows.resize(static_cast<std::size_t>(image.height));
    for (int r = 0; r < image.height; ++r) {
        const int moduleRow = r / px - quiet;
        const std::size_t buffer = moduleRow >= 0 && moduleRow < matrix.height() ? moduleRow + 1 : 0;
        image.rows[static_cast<std::size_t>(r)] = image.buffers.data() + rowBytes * buffer;
    }
    return image;
}

void appendToBytes(png_structp png, png_bytep data, png_size_t length)
{
    auto* out = static_cast<Bytes*>(png_get_io_ptr(png));
    out->insert(out->end(), data, data + length);
}

void flushNothing(png_structp) {}

[[noreturn]] void onPngError(png_structp png, png_const_charp)
{
    png_longjmp(png, 1);
}

void onPngWarning(png_structp, png_const_charp) {}

// libpng reports errors by longjmp, which must not cross frames holding C++ objects with destructors: this
// function has none, and returns false on failure.
bool writePng(png_structp png, png_infop info, BitImage& image, const SymbolStyle& style, Bytes& out)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_set_write_fn(png, &out, appendToBytes, flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 1,
                 image.greyscale ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_color palette[2] = {{style.foreground.red, style.foreground.green, style.foreground.blue},
                            {style.background.red, style.background.green, style.background.blue}};
    if (!image.greyscale)
        png_set_PLTE(png, info, palette, 2);
    // Each row repeats modulePixels times and is made of long runs, so plain deflate at level 1 without row
    // filters finds long matches cheaply. The smallest hash table (memLevel 1) matters most: the default one
    // (64 KiB) is cleared for every image, which alone doubled the time. Measured here: about 20 us for an
    // 80-character code at 4 px per module, against about 45 us with Z_RLE or the default memLevel.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 1);
    png_set_compression_mem_level(png, 1);
    png_write_info(png, info);
    png_write_image(png, image.rows.data());
    png_write_end(png, nullptr);
    return true;
}

void appendNumber(std::string& out, int value)
{
    out += std::to_string(value);
}

} // namespace

Bytes renderPng(const ModuleMatrix& matrix, const SymbolStyle& style)
{
    const SymbolGeometry geometry = symbolGeometry(matrix, style);
    BitImage image = buildBitImage(matrix, style, geometry);
    image.greyscale = style.foreground == Rgb{0, 0, 0} && style.background == Rgb{255, 255, 255};

    Bytes out;
    out.reserve(image.rows.size() * 4 + 1024);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, onPngError, onPngWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    const bool ok = info && writePng(png, info, image, style, out);
    png_destroy_write_struct(&png, &info);
    if (!ok)
        throw Error("SYMBOL_RENDER_FAILED", "libpng could not write the image");
    return out;
}

std::string renderSvg(const ModuleMatrix& matrix, const SymbolStyle& style)
{
    const SymbolGeometry geometry = symbolGeometry(matrix, style);
    const int px = style.modulePixels;
    const int quiet = geometry.quietZone;
    const LogoSquare logo(geometry, px);
    const int widthModules = matrix.width() + 2 * quiet;
    const int heightModules = matrix.height() + 2 * quiet;

    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"";
    appendNumber(svg, geometry.imageWidth);
    svg += "\" height=\"";
    appendNumber(svg, geometry.imageHeight);
    svg += "\" viewBox=\"0 0 ";
    appendNumber(svg, widthModules);
    svg += ' ';
    appendNumber(svg, heightModules);
    svg += "\" shape-rendering=\"crispEdges\">\n<rect width=\"";
    appendNumber(svg, widthModules);
    svg += "\" height=\"";
    appendNumber(svg, heightModules);
    svg += "\" fill=\"" + style.background.toHex() + "\"/>\n<path fill=\"" + style.foreground.toHex() + "\" d=\"";
    // One subpath per horizontal run of dark modules: "M x y h n v 1 h -n z".
    for (int y = 0; y < matrix.height(); ++y) {
        int x = 0;
        while (x < matrix.width()) {
            if (!matrix.at(x, y) || logo.contains(x, y)) {
                ++x;
                continue;
            }
            int end = x + 1;
            while (end < matrix.width() && matrix.at(end, y) && !logo.contains(end, y))
                ++end;
            svg += 'M';
            appendNumber(svg, quiet + x);
            svg += ' ';
            appendNumber(svg, quiet + y);
            svg += 'h';
            appendNumber(svg, end - x);
            svg += "v1h-";
            appendNumber(svg, end - x);
            svg += 'z';
            x = end;
        }
    }
    svg += "\"/>\n</svg>\n";
    return svg;
}

} // namespace citycode::common
