// Password hashing (PBKDF2-HMAC-SHA256, checked against the openssl command) and one-time
// password generation.
#include "Process.h"
#include "services/Passwords.h"

#include <gtest/gtest.h>

#include <cctype>
#include <regex>
#include <set>
#include <stdexcept>

using citycode::server::Passwords;
using namespace citycode::test;

namespace {

std::string opensslPbkdf2Hex(const std::string& password, const std::string& saltHex, int iterations)
{
    const ProcessResult r =
        runProcess({"openssl", "kdf", "-keylen", "32", "-kdfopt", "digest:SHA256", "-kdfopt", "pass:" + password,
                    "-kdfopt", "hexsalt:" + saltHex, "-kdfopt", "iter:" + std::to_string(iterations), "PBKDF2"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::string hex;
    for (char c : r.out) {
        if (std::isxdigit(static_cast<unsigned char>(c)))
            hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return hex;
}

const std::regex kFormat(R"(pbkdf2-sha256\$600000\$([0-9a-f]{32})\$([0-9a-f]{64}))");

} // namespace

TEST(Passwords, HashIsSelfDescribingAndSalted)
{
    const std::string a = Passwords::hash("correct horse battery staple");
    const std::string b = Passwords::hash("correct horse battery staple");
    EXPECT_TRUE(std::regex_match(a, kFormat)) << a;
    EXPECT_NE(a, b) << "every hash has its own salt";
}

TEST(Passwords, HashMatchesTheOpensslCommand)
{
    if (!haveProgram("openssl"))
        GTEST_SKIP() << "openssl not installed";
    const std::string password = "Zhōngwén 密码 p@ss";
    const std::string encoded = Passwords::hash(password);
    std::smatch m;
    ASSERT_TRUE(std::regex_match(encoded, m, kFormat));
    EXPECT_EQ(opensslPbkdf2Hex(password, m[1].str(), Passwords::kIterations), m[2].str());
}

TEST(Passwords, VerifyAcceptsOnlyTheRightPassword)
{
    const std::string encoded = Passwords::hash("s3cret-Password");
    EXPECT_TRUE(Passwords::verify("s3cret-Password", encoded));
    EXPECT_FALSE(Passwords::verify("s3cret-password", encoded));
    EXPECT_FALSE(Passwords::verify("", encoded));
}

TEST(Passwords, VerifyAcceptsOtherIterationCounts)
{
    // Hashes keep their own cost: 1000 iterations, salt "00..0f", produced by openssl.
    if (!haveProgram("openssl"))
        GTEST_SKIP() << "openssl not installed";
    const std::string salt = "000102030405060708090a0b0c0d0e0f";
    const std::string encoded = "pbkdf2-sha256$1000$" + salt + "$" + opensslPbkdf2Hex("legacy", salt, 1000);
    EXPECT_TRUE(Passwords::verify("legacy", encoded));
    EXPECT_FALSE(Passwords::verify("Legacy", encoded));
}

TEST(Passwords, VerifyRejectsMalformedEncodings)
{
    const std::string good = Passwords::hash("x");
    const std::string hash = good.substr(good.rfind('$') + 1);
    const std::vector<std::string> encodings = {std::string(),
                                                std::string("x"),
                                                "plain-text-password",
                                                "pbkdf2-sha1$600000$00$" + hash,
                                                "pbkdf2-sha256$0$0011$" + hash,
                                                "pbkdf2-sha256$-5$0011$" + hash,
                                                "pbkdf2-sha256$600000$$" + hash,
                                                "pbkdf2-sha256$600000$zz$" + hash,
                                                "pbkdf2-sha256$600000$0011$abcd",
                                                "pbkdf2-sha256$9999999999$0011$" + hash,
                                                good + "$extra"};
    for (const std::string& encoded : encodings) {
        SCOPED_TRACE(encoded);
        EXPECT_FALSE(Passwords::verify("x", encoded));
    }
}

TEST(Passwords, GeneratedPasswordsAreUnambiguousAndMixed)
{
    std::set<std::string> seen;
    for (int i = 0; i < 500; ++i) {
        const std::string p = Passwords::generate();
        ASSERT_EQ(p.size(), 16u);
        EXPECT_TRUE(std::regex_match(p, std::regex("[A-HJ-NP-Za-km-np-z2-9]+"))) << p;
        EXPECT_TRUE(std::regex_search(p, std::regex("[A-Z]"))) << p;
        EXPECT_TRUE(std::regex_search(p, std::regex("[a-z]"))) << p;
        EXPECT_TRUE(std::regex_search(p, std::regex("[0-9]"))) << p;
        seen.insert(p);
    }
    EXPECT_EQ(seen.size(), 500u);
    EXPECT_EQ(Passwords::generate(24).size(), 24u);
}

TEST(Passwords, ConfiguredCostIsWrittenIntoTheHashAndNeverBelowTheMinimum)
{
    ASSERT_EQ(Passwords::iterations(), Passwords::kIterations);
    const std::string strong = Passwords::hash("Correct-Horse-7");
    EXPECT_THROW(Passwords::setIterations(Passwords::kMinimumIterations - 1), std::invalid_argument);
    EXPECT_EQ(Passwords::iterations(), Passwords::kIterations);

    Passwords::setIterations(2000);
    const std::string cheap = Passwords::hash("Correct-Horse-7");
    Passwords::setIterations(Passwords::kIterations);
    EXPECT_EQ(cheap.rfind("pbkdf2-sha256$2000$", 0), 0u) << cheap;
    EXPECT_EQ(strong.rfind("pbkdf2-sha256$600000$", 0), 0u) << strong;
    // Each hash carries its cost, so hashes of both costs verify whatever the current setting.
    EXPECT_TRUE(Passwords::verify("Correct-Horse-7", cheap));
    EXPECT_TRUE(Passwords::verify("Correct-Horse-7", strong));
    EXPECT_FALSE(Passwords::verify("Correct-Horse-8", cheap));
}
