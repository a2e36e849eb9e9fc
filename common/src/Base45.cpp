#include "citycode/common/Base45.h"

#include "citycode/common/Error.h"

#include <array>

namespace citycode::common {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

constexpr std::array<int, 256> makeReverse()
{
    std::array<int, 256> table{};
    for (auto& v : table)
        v = -1;
    for (int i = 0; i < 45; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = i;
    return table;
}

constexpr std::array<int, 256> kReverse = makeReverse();

int valueAt(std::string_view text, std::size_t i)
{
    int v = kReverse[static_cast<unsigned char>(text[i])];
    if (v < 0)
        throw Error("BASE45_INVALID", "base45: character at position " + std::to_string(i) + " is not in the alphabet");
    return v;
}

} // namespace

std::string base45Encode(const Bytes& data)
{
    std::string out;
    out.reserve((data.size() / 2) * 3 + 2);
    std::size_t i = 0;
    // RFC 9285 §4: two bytes -> three characters, least significant first; a last lone byte -> two.
    for (; i + 1 < data.size(); i += 2) {
        unsigned n = data[i] * 256u + data[i + 1];
        out.push_back(kAlphabet[n % 45]);
        n /= 45;
        out.push_back(kAlphabet[n % 45]);
        out.push_back(kAlphabet[n / 45]);
    }
    if (i < data.size()) {
        unsigned n = data[i];
        out.push_back(kAlphabet[n % 45]);
        out.push_back(kAlphabet[n / 45]);
    }
    return out;
}

Bytes base45Decode(std::string_view text)
{
    if (text.size() % 3 == 1)
        throw Error("BASE45_INVALID", "base45: length " + std::to_string(text.size()) + " leaves a dangling character");
    Bytes out;
    out.reserve(text.size() / 3 * 2 + 1);
    std::size_t i = 0;
    for (; i + 2 < text.size(); i += 3) {
        unsigned n = valueAt(text, i) + valueAt(text, i + 1) * 45u + valueAt(text, i + 2) * 45u * 45u;
        if (n > 0xFFFF)
            throw Error("BASE45_INVALID", "base45: group at position " + std::to_string(i) + " exceeds two bytes");
        out.push_back(static_cast<std::uint8_t>(n >> 8));
        out.push_back(static_cast<std::uint8_t>(n & 0xFF));
    }
    if (i < text.size()) {
        unsigned n = valueAt(text, i) + valueAt(text, i + 1) * 45u;
        if (n > 0xFF)
            throw Error("BASE45_INVALID", "base45: final group exceeds one byte");
        out.push_back(static_cast<std::uint8_t>(n));
    }
    return out;
}

} // namespace citycode::common
