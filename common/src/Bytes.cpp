#include "citycode/common/Bytes.h"

#include "citycode/common/Error.h"

namespace citycode::common {

namespace {

int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string toHex(const Bytes& data)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(data.size() * 2);
    for (std::uint8_t b : data) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0f]);
    }
    return out;
}

Bytes fromHex(std::string_view hex)
{
    if (hex.size() % 2 != 0)
        throw Error("HEX_INVALID", "hex string has an odd number of digits");
    Bytes out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = hexDigitValue(hex[i]);
        const int lo = hexDigitValue(hex[i + 1]);
        if (hi < 0 || lo < 0)
            throw Error("HEX_INVALID",
                        "hex string has a non-hex digit at position " + std::to_string(hi < 0 ? i : i + 1));
        out.push_back(static_cast<std::uint8_t>((hi << 4) | lo));
    }
    return out;
}

} // namespace citycode::common

namespace citycode::common {

namespace {

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

[[noreturn]] void badBase64(const std::string& why)
{
    throw Error("BASE64_INVALID", "base64: " + why);
}

} // namespace

std::string toBase64(const Bytes& data)
{
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        unsigned n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        out += kBase64Alphabet[(n >> 18) & 63];
        out += kBase64Alphabet[(n >> 12) & 63];
        out += kBase64Alphabet[(n >> 6) & 63];
        out += kBase64Alphabet[n & 63];
    }
    if (i < data.size()) {
        unsigned n = data[i] << 16;
        if (i + 1 < data.size())
            n |= data[i + 1] << 8;
        out += kBase64Alphabet[(n >> 18) & 63];
        out += kBase64Alphabet[(n >> 12) & 63];
        out += i + 1 < data.size() ? kBase64Alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

Bytes fromBase64(std::string_view text)
{
    if (text.size() % 4 != 0)
        badBase64("length " + std::to_string(text.size()) + " is not a multiple of 4");
    std::size_t padding = 0;
    if (!text.empty() && text.back() == '=')
        padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
    Bytes out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const std::size_t dataChars = last ? 4 - padding : 4;
        unsigned n = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            int v = 0;
            if (j < dataChars) {
                v = base64Value(text[i + j]);
                if (v < 0)
                    badBase64("character at position " + std::to_string(i + j) + " is not in the alphabet");
            }
            n = (n << 6) | static_cast<unsigned>(v);
        }
        out.push_back(static_cast<std::uint8_t>(n >> 16));
        if (dataChars > 2)
            out.push_back(static_cast<std::uint8_t>(n >> 8));
        if (dataChars > 3)
            out.push_back(static_cast<std::uint8_t>(n));
        // Canonical form: the bits under the padding must be zero.
        if ((dataChars == 2 && (n & 0xFFFF) != 0) || (dataChars == 3 && (n & 0xFF) != 0))
            badBase64("non-zero bits before the padding");
    }
    return out;
}

} // namespace citycode::common
