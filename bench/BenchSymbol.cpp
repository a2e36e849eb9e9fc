// Time to turn a code payload into a QR Code PNG, as the server's show endpoint does for every request
// (QUALITY: under 100 us per code). BM_QrPng is our path; BM_QrPngNaive the obvious libqrencode + libpng loop it
// is measured against. BM_QrEncode isolates libqrencode's share of BM_QrPng.
#include "citycode/common/Symbol.h"

#include <benchmark/benchmark.h>
#include <png.h>
#include <qrencode.h>

#include <string>
#include <vector>

namespace {

using citycode::common::Bytes;

// A typical dynamic code as the server issues it: 80 characters of base45 text.
const std::string kPayload = "CC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEPWK G2EP4J0B3KL6QM5/OVGA/MAT%ZS";

constexpr int kModulePixels = 4;
constexpr int kQuietZone = 4;

void BM_QrPng(benchmark::State& state)
{
    citycode::common::SymbolStyle style;
    style.modulePixels = kModulePixels;
    std::size_t size = 0;
    for (auto _ : state) {
        const auto matrix =
            citycode::common::encodeSymbol(kPayload, citycode::common::Symbology::Qr, citycode::common::EcLevel::M);
        const Bytes png = citycode::common::renderPng(matrix, style);
        size = png.size();
        benchmark::DoNotOptimize(png.data());
    }
    state.counters["png_bytes"] = static_cast<double>(size);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QrPng);

void BM_QrEncode(benchmark::State& state)
{
    for (auto _ : state) {
        const auto matrix =
            citycode::common::encodeSymbol(kPayload, citycode::common::Symbology::Qr, citycode::common::EcLevel::M);
        benchmark::DoNotOptimize(matrix.modules().data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QrEncode);

void appendToBytes(png_structp png, png_bytep data, png_size_t length)
{
    auto* out = static_cast<Bytes*>(png_get_io_ptr(png));
    out->insert(out->end(), data, data + length);
}

void flushNothing(png_structp) {}

// The baseline as most code writes it: libpng defaults, 8-bit RGB, every pixel set one by one. libpng reports
// errors by longjmp, so this frame holds no C++ objects with destructors.
bool writeNaivePng(const QRcode* code, png_bytep row, Bytes* out)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    const int side = (code->width + 2 * kQuietZone) * kModulePixels;
    png_set_write_fn(png, out, appendToBytes, flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(side), static_cast<png_uint_32>(side), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < side; ++y) {
        const int my = y / kModulePixels - kQuietZone;
        for (int x = 0; x < side; ++x) {
            const int mx = x / kModulePixels - kQuietZone;
            const bool dark = mx >= 0 && my >= 0 && mx < code->width && my < code->width &&
                              (code->data[my * code->width + mx] & 1) != 0;
            const png_byte value = dark ? 0 : 255;
            row[x * 3] = value;
            row[x * 3 + 1] = value;
            row[x * 3 + 2] = value;
        }
        png_write_row(png, row);
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

void BM_QrPngNaive(benchmark::State& state)
{
    std::vector<png_byte> row(static_cast<std::size_t>(177 + 2 * kQuietZone) * kModulePixels * 3);
    std::size_t size = 0;
    for (auto _ : state) {
        QRcode* code = QRcode_encodeString(kPayload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        Bytes png;
        const bool ok = code && writeNaivePng(code, row.data(), &png);
        QRcode_free(code);
        if (!ok)
            state.SkipWithError("naive PNG failed");
        size = png.size();
        benchmark::DoNotOptimize(png.data());
    }
    state.counters["png_bytes"] = static_cast<double>(size);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QrPngNaive);

} // namespace
