#include "citycode/common/Base45.h"
#include "citycode/common/Error.h"

#include <gtest/gtest.h>

#include <random>

using namespace citycode::common;

namespace {

struct Vector
{
    const char* plain;
    const char* encoded;
};

// RFC 9285 §4.3 and §4.4 examples.
const Vector kRfcVectors[] = {
    {"AB", "BB8"}, {"Hello!!", "%69 VD92EX0"}, {"base-45", "UJCLQE7W581"}, {"ietf!", "QED8WEX0"}, {"", ""},
};

std::string decodeCode(const std::string& text)
{
    try {
        base45Decode(text);
    } catch (const Error& e) {
        return e.code();
    }
    return "OK";
}

} // namespace

TEST(Base45, EncodesRfc9285Examples)
{
    for (const auto& v : kRfcVectors)
        EXPECT_EQ(base45Encode(toBytes(v.plain)), v.encoded) << v.plain;
}

TEST(Base45, DecodesRfc9285Examples)
{
    for (const auto& v : kRfcVectors)
        EXPECT_EQ(toString(base45Decode(v.encoded)), v.plain) << v.encoded;
}

TEST(Base45, RoundTripsRandomBinaryOfEveryLengthUpTo300)
{
    std::mt19937 rng(45);
    for (std::size_t len = 0; len <= 300; ++len) {
        Bytes data(len);
        for (auto& b : data)
            b = static_cast<std::uint8_t>(rng());
        std::string text = base45Encode(data);
        EXPECT_EQ(text.size(), len / 2 * 3 + (len % 2) * 2);
        EXPECT_EQ(base45Decode(text), data) << "length " << len;
    }
}

TEST(Base45, RejectsCharactersOutsideTheAlphabet)
{
    EXPECT_EQ(decodeCode("bb8"), "BASE45_INVALID"); // lower case is not base45
    EXPECT_EQ(decodeCode("BB#"), "BASE45_INVALID");
    EXPECT_EQ(decodeCode(std::string("BB\0", 3)), "BASE45_INVALID");
}

TEST(Base45, RejectsDanglingCharacter)
{
    EXPECT_EQ(decodeCode("BB8A"), "BASE45_INVALID");
    EXPECT_EQ(decodeCode("A"), "BASE45_INVALID");
}

TEST(Base45, RejectsGroupsThatOverflow)
{
    // ":::" is 44 + 44*45 + 44*2025 = 91124 > 65535 (RFC 9285 §6).
    EXPECT_EQ(decodeCode(":::"), "BASE45_INVALID");
    // "::" is 44 + 44*45 = 2024 > 255 for a final pair.
    EXPECT_EQ(decodeCode("::"), "BASE45_INVALID");
    // The largest legal three-character group, 65535 = "FGW".
    EXPECT_EQ(base45Decode("FGW"), (Bytes{0xFF, 0xFF}));
}
