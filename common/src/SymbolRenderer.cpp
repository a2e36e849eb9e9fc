// PNG and SVG output of encoded symbols. The PNG path is on the server's hot path (every "show" of a dynamic
// code renders one), so it builds each distinct 1-bit scanline once, compresses them with zlib in one go and has
// libpng write the chunks around them, straight into memory.
#include "citycode/common/Error.h"
#include "citycode/common/Symbol.h"

#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace citycode::common {

namespace {

// The image as PNG scanlines: 1-bit rows, bit value 0 the foreground (dark) and 1 the background, each row
// preceded by its filter type byte (0, None). Each distinct scanline is built once: `lines` holds the all-background
// one of the quiet zone first, then one per module row, `lineOfRow` says which one each pixel row repeats.
struct ScanlineImage
{
    int width = 0;
    int height = 0;
    std::size_t lineBytes = 0; // filter byte included
    std::vector<std::uint8_t> lines;
    std::vector<std::uint32_t> lineOfRow;

    const std::uint8_t* row(int r) const { return lines.data() + lineBytes * lineOfRow[static_cast<std::size_t>(r)]; }
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

ScanlineImage buildScanlines(const ModuleMatrix& matrix, const SymbolStyle& style, const SymbolGeometry& g)
{
    const int px = style.modulePixels;
    const int quiet = g.quietZone;
    const LogoSquare logo(g, px);
    ScanlineImage image;
    image.width = g.imageWidth;
    image.height = g.imageHeight;
    image.lineBytes = 1 + (static_cast<std::size_t>(image.width) + 7) / 8;
    // Line 0 is the quiet zone's; line 1 + y is module row y. Padding bits past the width stay 1, as the rest.
    image.lines.assign(image.lineBytes * (matrix.height() + 1), 0xFF);
    const std::uint8_t* dark = matrix.modules().data();
    for (int y = 0; y <= matrix.height(); ++y)
        image.lines[image.lineBytes * y] = 0; // filter type None
    for (int y = 0; y < matrix.height(); ++y) {
        std::uint8_t* row = image.lines.data() + image.lineBytes * (y + 1) + 1;
        const std::uint8_t* line = dark + static_cast<std::size_t>(y) * matrix.width();
        const bool logoRow = y >= logo.top && y < logo.top + logo.side;
        auto isDark = [&](int x) { return line[x] && !(logoRow && x >= logo.left && x < logo.left + logo.side); };
        int x = 0;
        while (x < matrix.width()) {
            if (!isDark(x)) {
                ++x;
                continue;
            }
            int end = x + 1;
            while (end < matrix.width() && isDark(end))
                ++end;
            clearBits(row, (quiet + x) * px, (quiet + end) * px);
            x = end;
        }
    }
    image.lineOfRow.resize(static_cast<std::size_t>(image.height));
    for (int r = 0; r < image.height; ++r) {
        const int moduleRow = r / px - quiet;
        image.lineOfRow[static_cast<std::size_t>(r)] =
            moduleRow >= 0 && moduleRow < matrix.height() ? static_cast<std::uint32_t>(moduleRow + 1) : 0;
    }
    return image;
}

struct DeflateStream
{
    z_stream z{};
    bool open = false;
    ~DeflateStream()
    {
        if (open)
            deflateEnd(&z);
    }
};

// Feeds `size` bytes to the stream, growing `out` as needed; with Z_FINISH until the stream ends.
void deflateInto(z_stream& z, const std::uint8_t* data, std::size_t size, int flush, Bytes& out)
{
    z.next_in = const_cast<Bytef*>(data); // zlib does not write through next_in
    z.avail_in = static_cast<uInt>(size);
    for (;;) {
        if (out.size() == z.total_out)
            out.resize(out.size() * 2 + 256);
        z.next_out = out.data() + z.total_out;
        z.avail_out = static_cast<uInt>(std::min<std::size_t>(out.size() - z.total_out, 1u << 30));
        const int result = deflate(&z, flush);
        if (result == Z_STREAM_END)
            return;
        if (result != Z_OK && result != Z_BUF_ERROR)
            throw Error("SYMBOL_RENDER_FAILED", "zlib could not compress the image");
        if (flush != Z_FINISH && z.avail_in == 0 && z.avail_out != 0)
            return;
    }
}

// The zlib stream of an IDAT chunk (ISO/IEC 15948 §10): every scanline, compressed with deflate level 1.
// libpng's own row writer (png_write_image) calls deflate once per pixel row, 196 calls for the 196 x 196 image
// of a typical show code, each adding some 400 instructions to the 1 100 that compressing the row takes; here the
// scanlines go to zlib in batches of up to 64 KiB, for such codes all in one call. Each row repeats modulePixels times
// and is made of long runs, so plain deflate at level 1 without row filters finds long matches cheaply. Measured on
// that code (valgrind, instructions per image, whole renderPng): libpng's writer 396 000, 668 bytes; one call with the
// same memLevel 1, 293 000; with memLevel 4, 274 000 and 591 bytes, the best of memLevel 1-5 with memLevel 2 (648
// bytes): memLevel 1 flushes a block with fresh Huffman trees every 128 symbols, memLevel 4 every 1024, and the default
// memLevel 8 clears a 64 KiB hash table for every image. Z_RLE was three times slower, the Up filter as fast at
// best but a third larger, a smaller window or a shorter match search (deflateTune) slower.
Bytes compressScanlines(const ScanlineImage& image)
{
    constexpr std::size_t kBatch = 64 * 1024;
    const std::size_t total = image.lineBytes * static_cast<std::size_t>(image.height);
    // The smallest window (2^9 .. 2^15 bytes) that holds the whole image with zlib's lookahead, as libpng picks.
    int windowBits = 9;
    while (windowBits < 15 && (std::size_t{1} << windowBits) < total + 262)
        ++windowBits;
    DeflateStream stream;
    if (deflateInit2(&stream.z, 1, Z_DEFLATED, windowBits, 4, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("SYMBOL_RENDER_FAILED", "zlib could not start compressing the image");
    stream.open = true;
    Bytes out(std::min<std::size_t>(deflateBound(&stream.z, total), 1u << 20));
    std::vector<std::uint8_t> batch;
    batch.reserve(std::min(total, kBatch));
    for (int r = 0; r < image.height; ++r) {
        if (batch.size() + image.lineBytes > kBatch) {
            deflateInto(stream.z, batch.data(), batch.size(), Z_NO_FLUSH, out);
            batch.clear();
        }
        const std::uint8_t* line = image.row(r);
        batch.insert(batch.end(), line, line + image.lineBytes);
    }
    deflateInto(stream.z, batch.data(), batch.size(), Z_FINISH, out);
    out.resize(stream.z.total_out);
    return out;
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

// libpng writes the signature, IHDR, PLTE, the compressed scanlines as one IDAT chunk and IEND, with their CRCs.
// libpng reports errors by longjmp, which must not cross frames holding C++ objects with destructors: this
// function has none, and returns false on failure.
bool writePng(png_structp png, png_infop info, const ScanlineImage& image, bool greyscale, const SymbolStyle& style,
              const Bytes& idat, Bytes& out)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_set_write_fn(png, &out, appendToBytes, flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 1,
                 greyscale ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_color palette[2] = {{style.foreground.red, style.foreground.green, style.foreground.blue},
                            {style.background.red, style.background.green, style.background.blue}};
    if (!greyscale)
        png_set_PLTE(png, info, palette, 2);
    png_write_info(png, info);
    static const png_byte kIdat[5] = "IDAT";
    static const png_byte kIend[5] = "IEND";
    png_write_chunk(png, kIdat, idat.data(), idat.size());
    png_write_chunk(png, kIend, nullptr, 0);
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
    const ScanlineImage image = buildScanlines(matrix, style, geometry);
    const Bytes idat = compressScanlines(image);
    const bool greyscale = style.foreground == Rgb{0, 0, 0} && style.background == Rgb{255, 255, 255};

    Bytes out;
    out.reserve(idat.size() + 128); // signature, IHDR, PLTE, chunk headers and CRCs
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, onPngError, onPngWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    const bool ok = info && writePng(png, info, image, greyscale, style, idat, out);
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
