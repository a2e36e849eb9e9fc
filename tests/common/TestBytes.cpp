// Hex and base64 of common/Bytes.h.
#include "citycode/common/Bytes.h"
#include "citycode/common/Error.h"

#include <gtest/gtest.h>

using namespace citycode::common;

namespace {

std::string base64Error(const std::string& text)
{
    try {
        fromBase64(text);
    } catch (const Error& e) {
        return e.code();
    }
    return "OK";
}

} // namespace

TEST(Bytes, Base64MatchesRfc4648Vectors)
{
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(toBase64(toBytes(plain)), encoded);
        EXPECT_EQ(toString(fromBase64(encoded)), plain);
    }
}

TEST(Bytes, Base64RoundTripsEveryByteValue)
{
    Bytes all;
    for (int i = 0; i < 256; ++i)
        all.push_back(static_cast<std::uint8_t>(i));
    for (std::size_t len = 0; len <= all.size(); len += 1)
        EXPECT_EQ(fromBase64(toBase64(Bytes(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(len)))),
                  Bytes(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(len)));
}

TEST(Bytes, Base64IsStrict)
{
    EXPECT_EQ(base64Error("Zg="), "BASE64_INVALID");        // length not a multiple of 4
    EXPECT_EQ(base64Error("Zg"), "BASE64_INVALID");         // padding missing
    EXPECT_EQ(base64Error("Z==="), "BASE64_INVALID");       // too much padding
    EXPECT_EQ(base64Error("Zh=="), "BASE64_INVALID");       // non-zero bits under the padding
    EXPECT_EQ(base64Error("Zm9v\nYmFy"), "BASE64_INVALID"); // no line breaks
    EXPECT_EQ(base64Error("Zm9-"), "BASE64_INVALID");       // base64url is another alphabet
    EXPECT_EQ(base64Error("Zg==Zg=="), "BASE64_INVALID");   // padding only at the end
}

TEST(Bytes, HexRoundTripsAndRefusesBadDigits)
{
    EXPECT_EQ(toHex(Bytes{0x00, 0xab, 0xff}), "00abff");
    EXPECT_EQ(fromHex("00ABff"), (Bytes{0x00, 0xab, 0xff}));
    EXPECT_THROW(fromHex("abc"), Error);
    EXPECT_THROW(fromHex("zz"), Error);
}
