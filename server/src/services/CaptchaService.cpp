#include "services/CaptchaService.h"

#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"
#include "services/TimeText.h"
#include "storage/CaptchaRepository.h"
#include "storage/Database.h"

#include <Poco/Checksum.h>
#include <Poco/Data/Session.h>
#include <Poco/DeflatingStream.h>

#include <array>
#include <cctype>
#include <cstring>
#include <sstream>

namespace citycode::server {

namespace {

// No 0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B: every character reads one way.
constexpr char kAlphabet[] = "ACEFHJKMNPRTUWXY3479";

// A 5x7 bitmap per alphabet character, rows top to bottom, '#' = ink.
const std::array<std::array<const char*, 7>, 20> kGlyphs = {{
    {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}, // A
    {".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."}, // C
    {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}, // E
    {"#####", "#....", "#....", "####.", "#....", "#....", "#...."}, // F
    {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}, // H
    {"..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."}, // J
    {"#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"}, // K
    {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}, // M
    {"#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"}, // N
    {"####.", "#...#", "#...#", "####.", "#....", "#....", "#...."}, // P
    {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}, // R
    {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}, // T
    {"#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}, // U
    {"#...#", "#...#", "#...#", "#.#.#", "#.#.#", "##.##", "#...#"}, // W
    {"#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"}, // X
    {"#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."}, // Y
    {"####.", "....#", "....#", ".###.", "....#", "....#", "####."}, // 3
    {"#...#", "#...#", "#...#", "#####", "....#", "....#", "....#"}, // 4
    {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}, // 7
    {".###.", "#...#", "#...#", ".####", "....#", "....#", ".###."}, // 9
}};

constexpr int kScale = 4;
constexpr int kCell = 5 * kScale + 4;
constexpr int kWidth = 12 + static_cast<int>(CaptchaService::kLength) * kCell;
constexpr int kHeight = 7 * kScale + 16;

// Uniform random numbers from the OpenSSL generator, bought in one batch per image.
class RandomBytes
{
public:
    explicit RandomBytes(std::size_t n) : m_bytes(common::randomBytes(n)) {}
    int next(int bound) // 0 .. bound-1; the slight modulo bias is irrelevant for noise
    {
        if (m_at == m_bytes.size()) {
            m_bytes = common::randomBytes(m_bytes.size());
            m_at = 0;
        }
        return m_bytes[m_at++] % bound;
    }

private:
    common::Bytes m_bytes;
    std::size_t m_at = 0;
};

void appendChunk(std::string& png, const char* type, const std::string& data)
{
    const auto be32 = [&png](std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8)
            png.push_back(static_cast<char>((v >> shift) & 0xff));
    };
    be32(static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    png += typed;
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32); // PNG §5.5: CRC-32 over type and data
    crc.update(typed.data(), static_cast<unsigned>(typed.size()));
    be32(crc.checksum());
}

// An 8-bit greyscale PNG (ISO/IEC 15948 colour type 0), every row with filter type 0.
common::Bytes encodePng(const std::vector<std::uint8_t>& pixels, int width, int height)
{
    std::ostringstream compressed;
    {
        Poco::DeflatingOutputStream deflate(compressed, Poco::DeflatingStreamBuf::STREAM_ZLIB);
        for (int y = 0; y < height; ++y) {
            deflate.put('\0');
            deflate.write(reinterpret_cast<const char*>(&pixels[static_cast<std::size_t>(y * width)]), width);
        }
        deflate.close();
    }
    std::string header;
    for (const int v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            header.push_back(static_cast<char>((v >> shift) & 0xff));
    header += std::string("\x08\x00\x00\x00\x00", 5); // depth 8, greyscale, deflate, no filter set, no interlace
    std::string png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", compressed.str());
    appendChunk(png, "IEND", "");
    return common::Bytes(png.begin(), png.end());
}

} // namespace

common::Bytes CaptchaService::render(const std::string& text)
{
    RandomBytes random(4096);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(kWidth * kHeight));
    for (auto& pixel : pixels)
        pixel = static_cast<std::uint8_t>(215 + random.next(40));
    const auto plot = [&pixels](int x, int y, int value) {
        if (x >= 0 && y >= 0 && x < kWidth && y < kHeight)
            pixels[static_cast<std::size_t>(y * kWidth + x)] = static_cast<std::uint8_t>(value);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* found = std::strchr(kAlphabet, text[i]);
        if (!found || text[i] == '\0')
            continue;
        const auto& glyph = kGlyphs[static_cast<std::size_t>(found - kAlphabet)];
        const int left = 6 + static_cast<int>(i) * kCell + random.next(5);
        const int top = 4 + random.next(9);
        const int slant = random.next(3) - 1; // -1, 0, +1 pixel per glyph row: a slight italic
        for (int row = 0; row < 7; ++row) {
            for (int column = 0; column < 5; ++column) {
                if (glyph[static_cast<std::size_t>(row)][column] != '#')
                    continue;
                for (int dy = 0; dy < kScale; ++dy)
                    for (int dx = 0; dx < kScale; ++dx)
                        plot(left + column * kScale + dx + slant * (3 - row), top + row * kScale + dy,
                             20 + random.next(70));
            }
        }
    }
    // Noise: lines across the text and scattered dots, so that plain template matching fails.
    for (int line = 0; line < 4; ++line) {
        int y = random.next(kHeight);
        const int step = random.next(3) - 1;
        for (int x = 0; x < kWidth; ++x) {
            if (x % 6 == 0)
                y = std::clamp(y + step * random.next(2), 0, kHeight - 1);
            plot(x, y, 60 + random.next(80));
        }
    }
    for (int dot = 0; dot < kWidth * kHeight / 12; ++dot)
        plot(random.next(256) * kWidth / 256, random.next(256) * kHeight / 256, random.next(256));
    return encodePng(pixels, kWidth, kHeight);
}

std::string CaptchaService::answerHash(const std::string& id, const std::string& answer)
{
    return common::toHex(common::sha256(common::toBytes(id + ":" + answer)));
}

Captcha CaptchaService::create()
{
    RandomBytes random(kLength);
    std::string answer;
    while (answer.size() < kLength)
        answer.push_back(kAlphabet[random.next(sizeof(kAlphabet) - 1)]);
    Captcha captcha;
    captcha.id = common::toHex(common::randomBytes(16));
    captcha.png = render(answer);
    const Poco::Timestamp now;
    Poco::Data::Session session = m_database.session();
    CaptchaRepository captchas(session);
    captchas.removeExpired(TimeText::format(now));
    captchas.insert(captcha.id, answerHash(captcha.id, answer), TimeText::afterSeconds(now, kLifetimeSeconds));
    return captcha;
}

void CaptchaService::verify(const std::string& id, const std::string& answer)
{
    if (id.empty() || answer.empty() || id.size() > 64 || answer.size() > 16)
        throw common::Error("CAPTCHA_INVALID", "enter the characters shown in the captcha image");
    std::string upper = answer;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    Poco::Data::Session session = m_database.session();
    const std::optional<std::string> stored = CaptchaRepository(session).take(id, TimeText::format(Poco::Timestamp()));
    if (!stored)
        throw common::Error("CAPTCHA_INVALID", "the captcha has expired or was used; load a new one");
    if (*stored != answerHash(id, upper))
        throw common::Error("CAPTCHA_INVALID", "the captcha answer is wrong; load a new one");
}

} // namespace citycode::server
