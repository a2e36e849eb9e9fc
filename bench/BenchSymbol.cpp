// Time to turn a code payload into a QR Code PNG, as the server's show endpoint does for every request
// (QUALITY: under 100 us per code). BM_QrPng is our path for a sealed dynamic code (what
// CodeStyleRendering::renderPng does in the standard look); BM_QrPngNaive the obvious libqrencode + libpng loop it
// is measured against, on the same payload. The steps, to see where the time goes: BM_QrEncode (our encoder with
// the fixed mask for sealed codes, and libqrencode choosing the mask with the lowest penalty), BM_QrRenderPng
// (the PNG of an encoded symbol) and BM_QrBase64 (the PNG as show answers it).
#include "citycode/common/CodePayload.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/Symbol.h"

#include <benchmark/benchmark.h>
#include <png.h>
#include <qrencode.h>

#include <string>
#include <vector>

namespace {

using citycode::common::Bytes;
using citycode::common::EcLevel;
using citycode::common::QrMask;
using citycode::common::Symbology;

Bytes bigEndian(std::uint64_t value)
{
    Bytes out(8);
    for (int i = 7; i >= 0; --i, value >>= 8)
        out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value & 0xFF);
    return out;
}

// A dynamic code as DynamicCodeService::show seals it: HMAC-SM3, a 4-digit user id, code type, platform and app
// id fields. 136 characters of base45: version 6 at level M.
std::string showPayload()
{
    citycode::common::CodePayload payload;
    payload.alg = citycode::common::CodeAlg::HmacSm3;
    payload.keyId = citycode::common::randomBytes(citycode::common::kKeyIdSize);
    payload.ruleId = 3;
    payload.ruleVersion = 1;
    payload.subjectRef = citycode::common::toBytes("1042");
    payload.issuedAt = 1764470000;
    payload.expiresAt = payload.issuedAt + 60;
    payload.nonce = citycode::common::randomBytes(citycode::common::kNonceSize);
    payload.fields.push_back({1, {1}});
    payload.fields.push_back({3, bigEndian(1)});
    payload.fields.push_back({4, bigEndian(2)});
    return citycode::common::sealCode(payload, citycode::common::randomBytes(32));
}

const std::string kPayload = showPayload();

constexpr int kModulePixels = 4;
constexpr int kQuietZone = 4;

citycode::common::SymbolStyle standardStyle()
{
    citycode::common::SymbolStyle style;
    style.modulePixels = kModulePixels;
    style.quietZoneModules = kQuietZone;
    return style;
}

void BM_QrPng(benchmark::State& state)
{
    const auto style = standardStyle();
    std::size_t size = 0;
    for (auto _ : state) {
        const auto matrix = citycode::common::encodeSymbol(kPayload, Symbology::Qr, EcLevel::M, QrMask::SealedPayload);
        const Bytes png = citycode::common::renderPng(matrix, style);
        size = png.size();
        benchmark::DoNotOptimize(png.data());
    }
    state.counters["png_bytes"] = static_cast<double>(size);
    state.counters["payload_chars"] = static_cast<double>(kPayload.size());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QrPng);

// Argument 0: QrMask::SealedPayload (libzint, fixed mask); 1: QrMask::LowestPenalty (libqrencode, eight masks).
void BM_QrEncode(benchmark::State& state)
{
    const QrMask mask = state.range(0) == 0 ? QrMask::SealedPayload : QrMask::LowestPenalty;
    int version = 0;
    for (auto _ : state) {
        const auto matrix = citycode::common::encodeSymbol(kPayload, Symbology::Qr, EcLevel::M, mask);
        version = matrix.version();
        benchmark::DoNotOptimize(matrix.modules().data());
    }
    state.counters["version"] = version;
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QrEncode)->Arg(0)->Arg(1);

// Argument: module pixels (4 is the standard look).
void BM_QrRenderPng(benchmark::State& state)
{
    auto style = standardStyle();
    style.modulePixels = static_cast<int>(state.range(0));
    const auto matrix = citycode::common::encodeSymbol(kPayload, Symbology::Qr, EcLevel::M, QrMask::SealedPayload);
    std::size_t size = 0;
    for (auto _ : state) {
        const Bytes png = citycode::common::renderPng(matrix, style);
        size = png.size();
        benchmark::DoNotOptimize(png.data());
    }
    state.counters["png_bytes"] = static_cast<double>(size);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QrRenderPng)->Arg(4)->Arg(10);

void BM_QrBase64(benchmark::State& state)
{
    const auto matrix = citycode::common::encodeSymbol(kPayload, Symbology::Qr, EcLevel::M, QrMask::SealedPayload);
    const Bytes png = citycode::common::renderPng(matrix, standardStyle());
    for (auto _ : state) {
        const std::string text = citycode::common::toBase64(png);
        benchmark::DoNotOptimize(text.data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QrBase64);

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
