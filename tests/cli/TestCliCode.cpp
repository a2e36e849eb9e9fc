// citycode-cli sign-code, trust-list and verify-code: emergency codes verified with no server
// (issue 4, must show 5), through the real binary.
#include "Process.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <ctime>

using namespace citycode::test;

namespace {

ProcessResult cli(const std::vector<std::string>& args)
{
    std::vector<std::string> argv = {CITYCODE_CLI_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv);
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

class CliCode : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(
            cli({"keygen", "--alg", "sm2", "--out", dir.file("platform.pem"), "--pub-out", dir.file("platform.pub")})
                .exitCode,
            0);
        ASSERT_EQ(
            cli({"keygen", "--alg", "p256", "--out", dir.file("root.pem"), "--pub-out", dir.file("root.pub")}).exitCode,
            0);
        ProcessResult list = cli({"trust-list", "--signer", dir.file("root.pem"), "--keys", dir.file("platform.pub"),
                                  "--out", dir.file("trust.json"), "--valid-days", "7"});
        ASSERT_EQ(list.exitCode, 0) << list.err;
    }

    std::string signCode(const std::string& key, const std::vector<std::string>& extra = {})
    {
        std::vector<std::string> args = {"sign-code", "--key", key, "--rule-id", "42", "--subject", "U20261123"};
        args.insert(args.end(), extra.begin(), extra.end());
        ProcessResult r = cli(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return trimmed(r.out);
    }

    ProcessResult verify(const std::string& code, const std::vector<std::string>& extra = {})
    {
        std::vector<std::string> args = {"verify-code", "--trust-list", dir.file("trust.json"), "--anchor",
                                         dir.file("root.pub")};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(code);
        return cli(args);
    }

    TempDir dir;
};

} // namespace

TEST_F(CliCode, EmergencyCodeVerifiesWithNoServer)
{
    const std::string code = signCode(dir.file("platform.pem"));
    ASSERT_EQ(code.rfind("CC1:", 0), 0u) << code;
    ProcessResult r = verify(code);
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(r.out.rfind("VALID rule=42", 0), 0u) << r.out;
}

TEST_F(CliCode, CodeFromAKeyOutsideTheTrustListIsRefused)
{
    ASSERT_EQ(cli({"keygen", "--alg", "sm2", "--out", dir.file("rogue.pem")}).exitCode, 0);
    ProcessResult r = verify(signCode(dir.file("rogue.pem")));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.rfind("UNKNOWN_KEY", 0), 0u) << r.out;
}

TEST_F(CliCode, ExpiredTrustListCannotVerify)
{
    const std::string code = signCode(dir.file("platform.pem"));
    const std::string eightDaysOn = std::to_string(std::time(nullptr) + 8 * 86400);
    ProcessResult r = verify(code, {"--now", eightDaysOn});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.rfind("TRUSTLIST_EXPIRED", 0), 0u) << r.out;
}

TEST_F(CliCode, ExpiredCodeSaysSo)
{
    const std::string code = signCode(dir.file("platform.pem"), {"--valid-seconds", "60"});
    ProcessResult r = verify(code, {"--now", std::to_string(std::time(nullptr) + 61)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("EXPIRED"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("码已过期"), std::string::npos) << r.out;
}

TEST_F(CliCode, TrustListFromAnotherSignerIsRefusedUnderThePinnedAnchor)
{
    ASSERT_EQ(cli({"keygen", "--alg", "p256", "--out", dir.file("rogue-root.pem")}).exitCode, 0);
    ASSERT_EQ(cli({"trust-list", "--signer", dir.file("rogue-root.pem"), "--keys", dir.file("platform.pub"), "--out",
                   dir.file("trust.json")})
                  .exitCode,
              0);
    ProcessResult r = verify(signCode(dir.file("platform.pem")));
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("TRUSTLIST_SIGNER_UNTRUSTED"), std::string::npos) << r.err;
}

TEST_F(CliCode, UsageErrorsExitNonZeroWithAMessage)
{
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"verify-code", "--trust-list", dir.file("missing.json"), "CC1:X"},
             {"verify-code", "--trust-list", dir.file("trust.json")},
             {"sign-code", "--key", dir.file("platform.pem"), "--subject", "U1"},
             {"sign-code", "--key", dir.file("platform.pem"), "--rule-id", "-1", "--subject", "U1"},
             {"trust-list", "--signer", dir.file("root.pem"), "--keys", "", "--out", dir.file("x.json")},
         }) {
        ProcessResult r = cli(args);
        EXPECT_NE(r.exitCode, 0) << args[0];
        EXPECT_FALSE(r.err.empty()) << args[0];
    }
}
