// `citycode-cli` key, signature and digest commands against the real `openssl` command line,
// in both directions: what we sign, openssl verifies, and what openssl signs, we verify. For SM2
// both sides pass the GM/T 0009 ID explicitly (`-pkeyopt distid:1234567812345678`), and a
// signature made with an empty or other ID must not verify, which proves ours sets the ID.
#include "Process.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace citycode::test {
namespace {

const std::string kCli = CITYCODE_CLI_BIN;
constexpr char kDistId[] = "distid:1234567812345678";

ProcessResult cli(std::vector<std::string> args)
{
    args.insert(args.begin(), kCli);
    return runProcess(args);
}

ProcessResult openssl(std::vector<std::string> args)
{
    args.insert(args.begin(), "openssl");
    return runProcess(args);
}

std::string describe(const ProcessResult& r)
{
    return "exit " + std::to_string(r.exitCode) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}

// One signature algorithm as both tools name it.
struct Alg
{
    const char* name;                     // test name
    const char* cliAlg;                   // citycode-cli keygen --alg
    std::vector<std::string> genpkey;     // openssl genpkey options
    std::vector<std::string> pkeyutlOpts; // openssl pkeyutl -sign/-verify options after -rawin
};

// Names the row in gtest's messages instead of dumping its bytes.
void PrintTo(const Alg& alg, std::ostream* os)
{
    *os << alg.name;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

class CliSignature : public ::testing::TestWithParam<Alg>
{
protected:
    void SetUp() override
    {
        if (!haveProgram("openssl"))
            GTEST_SKIP() << "openssl command line not installed";
        writeFile(m_dir.file("message.txt"), "citycode emergency code 42\n");
    }

    // openssl pkeyutl -verify of `sig` over message.txt with the public key `pub`.
    ProcessResult opensslVerify(const std::string& pub, const std::string& sig,
                                const std::vector<std::string>& opts) const
    {
        return openssl(concat({"pkeyutl", "-verify", "-pubin", "-inkey", pub, "-rawin", "-in",
                               m_dir.file("message.txt"), "-sigfile", sig},
                              opts));
    }

    ProcessResult opensslSign(const std::string& key, const std::string& sig, const std::vector<std::string>& opts)
    {
        return openssl(
            concat({"pkeyutl", "-sign", "-inkey", key, "-rawin", "-in", m_dir.file("message.txt"), "-out", sig}, opts));
    }

    ProcessResult cliVerify(const std::string& pub, const std::string& sig) const
    {
        return cli({"verify", "--pub", pub, "--in", m_dir.file("message.txt"), "--sig", sig});
    }

    // An openssl-made key pair: key.pem and pub.pem in the test folder.
    void opensslKeyPair()
    {
        const ProcessResult gen =
            openssl(concat(concat({"genpkey"}, GetParam().genpkey), {"-out", m_dir.file("ossl-key.pem")}));
        ASSERT_EQ(gen.exitCode, 0) << describe(gen);
        const ProcessResult pub =
            openssl({"pkey", "-in", m_dir.file("ossl-key.pem"), "-pubout", "-out", m_dir.file("ossl-pub.pem")});
        ASSERT_EQ(pub.exitCode, 0) << describe(pub);
    }

    TempDir m_dir;
};

TEST_P(CliSignature, OpenSslVerifiesWhatWeSign)
{
    const ProcessResult gen =
        cli({"keygen", "--alg", GetParam().cliAlg, "--out", m_dir.file("key.pem"), "--pub-out", m_dir.file("pub.pem")});
    ASSERT_EQ(gen.exitCode, 0) << describe(gen);
    EXPECT_NE(gen.out.find("key id"), std::string::npos) << gen.out;
    struct stat st = {};
    ASSERT_EQ(::stat(m_dir.file("key.pem").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "private key files are readable by their owner only";

    const ProcessResult sign =
        cli({"sign", "--key", m_dir.file("key.pem"), "--in", m_dir.file("message.txt"), "--out", m_dir.file("sig")});
    ASSERT_EQ(sign.exitCode, 0) << describe(sign);
    const ProcessResult check = opensslVerify(m_dir.file("pub.pem"), m_dir.file("sig"), GetParam().pkeyutlOpts);
    EXPECT_EQ(check.exitCode, 0) << describe(check);
    EXPECT_NE(check.out.find("Signature Verified Successfully"), std::string::npos) << describe(check);

    const ProcessResult ours = cliVerify(m_dir.file("pub.pem"), m_dir.file("sig"));
    EXPECT_EQ(ours.exitCode, 0) << describe(ours);
    EXPECT_EQ(ours.out, "OK\n");

    // The public key openssl derives from our private key is the one we wrote.
    const ProcessResult derived = openssl({"pkey", "-in", m_dir.file("key.pem"), "-pubout"});
    ASSERT_EQ(derived.exitCode, 0) << describe(derived);
    EXPECT_EQ(derived.out, readFile(m_dir.file("pub.pem")));
}

TEST_P(CliSignature, WeVerifyWhatOpenSslSignsWithItsOwnKey)
{
    opensslKeyPair();
    const ProcessResult sign = opensslSign(m_dir.file("ossl-key.pem"), m_dir.file("ossl.sig"), GetParam().pkeyutlOpts);
    ASSERT_EQ(sign.exitCode, 0) << describe(sign);
    const ProcessResult check = cliVerify(m_dir.file("ossl-pub.pem"), m_dir.file("ossl.sig"));
    EXPECT_EQ(check.exitCode, 0) << describe(check);
    EXPECT_EQ(check.out, "OK\n");

    // Our tool reads openssl's key files too: pubkey gives the same public key, sign works.
    const ProcessResult pub = cli({"pubkey", "--key", m_dir.file("ossl-key.pem")});
    ASSERT_EQ(pub.exitCode, 0) << describe(pub);
    EXPECT_EQ(pub.out, readFile(m_dir.file("ossl-pub.pem")));
    const ProcessResult ourSign = cli({"sign", "--key", m_dir.file("ossl-key.pem"), "--in", m_dir.file("message.txt"),
                                       "--out", m_dir.file("ours.sig")});
    ASSERT_EQ(ourSign.exitCode, 0) << describe(ourSign);
    const ProcessResult theirCheck =
        opensslVerify(m_dir.file("ossl-pub.pem"), m_dir.file("ours.sig"), GetParam().pkeyutlOpts);
    EXPECT_EQ(theirCheck.exitCode, 0) << describe(theirCheck);
}

TEST_P(CliSignature, ChangedMessageOrOtherKeyPrintsFailed)
{
    opensslKeyPair();
    ASSERT_EQ(opensslSign(m_dir.file("ossl-key.pem"), m_dir.file("ossl.sig"), GetParam().pkeyutlOpts).exitCode, 0);
    writeFile(m_dir.file("message.txt"), "citycode emergency code 43\n");
    const ProcessResult changed = cliVerify(m_dir.file("ossl-pub.pem"), m_dir.file("ossl.sig"));
    EXPECT_EQ(changed.exitCode, 1) << describe(changed);
    EXPECT_EQ(changed.out, "FAILED\n");

    ASSERT_EQ(
        cli({"keygen", "--alg", GetParam().cliAlg, "--out", m_dir.file("k2.pem"), "--pub-out", m_dir.file("p2.pem")})
            .exitCode,
        0);
    ASSERT_EQ(opensslSign(m_dir.file("ossl-key.pem"), m_dir.file("ossl.sig"), GetParam().pkeyutlOpts).exitCode, 0);
    const ProcessResult otherKey = cliVerify(m_dir.file("p2.pem"), m_dir.file("ossl.sig"));
    EXPECT_EQ(otherKey.exitCode, 1) << describe(otherKey);
    EXPECT_EQ(otherKey.out, "FAILED\n");
}

INSTANTIATE_TEST_SUITE_P(
    OpenSsl, CliSignature,
    ::testing::Values(
        Alg{"Sm2", "sm2", {"-algorithm", "SM2"}, {"-digest", "sm3", "-pkeyopt", kDistId}},
        Alg{"EcdsaP256", "p256", {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"}, {"-digest", "sha256"}},
        Alg{"Ed25519", "ed25519", {"-algorithm", "ED25519"}, {}}),
    [](const ::testing::TestParamInfo<Alg>& row) { return std::string(row.param.name); });

class CliCrypto : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!haveProgram("openssl"))
            GTEST_SKIP() << "openssl command line not installed";
        writeFile(m_dir.file("message.txt"), "SM2 signed with the default ID");
    }
    TempDir m_dir;
};

TEST_F(CliCrypto, Sm2SignaturesWithAnEmptyOrOtherIdDoNotVerify)
{
    ASSERT_EQ(openssl({"genpkey", "-algorithm", "SM2", "-out", m_dir.file("key.pem")}).exitCode, 0);
    ASSERT_EQ(openssl({"pkey", "-in", m_dir.file("key.pem"), "-pubout", "-out", m_dir.file("pub.pem")}).exitCode, 0);
    const auto signWith = [&](const std::vector<std::string>& idOpts, const std::string& sig) {
        const ProcessResult r = openssl(concat({"pkeyutl", "-sign", "-inkey", m_dir.file("key.pem"), "-rawin",
                                                "-digest", "sm3", "-in", m_dir.file("message.txt"), "-out", sig},
                                               idOpts));
        ASSERT_EQ(r.exitCode, 0) << describe(r);
    };
    signWith({}, m_dir.file("empty-id.sig")); // OpenSSL 3.0's default: an empty ID
    signWith({"-pkeyopt", "distid:ALICE123@YAHOO.COM"}, m_dir.file("other-id.sig"));
    signWith({"-pkeyopt", kDistId}, m_dir.file("default-id.sig"));

    for (const char* sig : {"empty-id.sig", "other-id.sig"}) {
        const ProcessResult r = cli(
            {"verify", "--pub", m_dir.file("pub.pem"), "--in", m_dir.file("message.txt"), "--sig", m_dir.file(sig)});
        EXPECT_EQ(r.exitCode, 1) << sig << "\n" << describe(r);
        EXPECT_EQ(r.out, "FAILED\n") << sig;
    }
    const ProcessResult good = cli({"verify", "--pub", m_dir.file("pub.pem"), "--in", m_dir.file("message.txt"),
                                    "--sig", m_dir.file("default-id.sig")});
    EXPECT_EQ(good.exitCode, 0) << describe(good);

    // And our signature does not verify for openssl without the ID.
    ASSERT_EQ(cli({"sign", "--key", m_dir.file("key.pem"), "--in", m_dir.file("message.txt"), "--out",
                   m_dir.file("ours.sig")})
                  .exitCode,
              0);
    const ProcessResult noId =
        openssl({"pkeyutl", "-verify", "-pubin", "-inkey", m_dir.file("pub.pem"), "-rawin", "-digest", "sm3", "-in",
                 m_dir.file("message.txt"), "-sigfile", m_dir.file("ours.sig")});
    EXPECT_NE(noId.exitCode, 0) << describe(noId);
}

TEST_F(CliCrypto, EcdsaInteroperatesWithOpenSslDgst)
{
    ASSERT_EQ(
        cli({"keygen", "--alg", "p256", "--out", m_dir.file("key.pem"), "--pub-out", m_dir.file("pub.pem")}).exitCode,
        0);
    ASSERT_EQ(cli({"sign", "--key", m_dir.file("key.pem"), "--in", m_dir.file("message.txt"), "--out",
                   m_dir.file("ours.sig")})
                  .exitCode,
              0);
    const ProcessResult check = openssl({"dgst", "-sha256", "-verify", m_dir.file("pub.pem"), "-signature",
                                         m_dir.file("ours.sig"), m_dir.file("message.txt")});
    EXPECT_EQ(check.exitCode, 0) << describe(check);
    EXPECT_NE(check.out.find("Verified OK"), std::string::npos) << describe(check);

    const ProcessResult sign = openssl(
        {"dgst", "-sha256", "-sign", m_dir.file("key.pem"), "-out", m_dir.file("ossl.sig"), m_dir.file("message.txt")});
    ASSERT_EQ(sign.exitCode, 0) << describe(sign);
    const ProcessResult ours = cli(
        {"verify", "--pub", m_dir.file("pub.pem"), "--in", m_dir.file("message.txt"), "--sig", m_dir.file("ossl.sig")});
    EXPECT_EQ(ours.exitCode, 0) << describe(ours);
}

TEST_F(CliCrypto, Sm3MatchesOpenSslDgst)
{
    std::string big;
    for (int i = 0; i < 100000; ++i)
        big += static_cast<char>(i * 7);
    writeFile(m_dir.file("empty.bin"), "");
    writeFile(m_dir.file("big.bin"), big);
    for (const char* name : {"empty.bin", "message.txt", "big.bin"}) {
        const std::string path = m_dir.file(name);
        const ProcessResult ours = cli({"sm3", path});
        ASSERT_EQ(ours.exitCode, 0) << describe(ours);
        const ProcessResult theirs = openssl({"dgst", "-sm3", "-r", path});
        ASSERT_EQ(theirs.exitCode, 0) << describe(theirs);
        // openssl -r prints "<hex> *FILE"; we print "<hex>  FILE" like sha256sum.
        const std::string hex = theirs.out.substr(0, theirs.out.find(' '));
        ASSERT_EQ(hex.size(), 64u) << theirs.out;
        EXPECT_EQ(ours.out, hex + "  " + path + "\n") << name;
    }
    const ProcessResult two = cli({"sm3", m_dir.file("empty.bin"), m_dir.file("message.txt")});
    EXPECT_EQ(two.exitCode, 0);
    EXPECT_EQ(std::count(two.out.begin(), two.out.end(), '\n'), 2) << two.out;
}

// Every failure exits non-zero with a message on stderr and nothing half-done on stdout.
TEST_F(CliCrypto, ErrorsExitNonZeroWithAMessage)
{
    ASSERT_EQ(
        cli({"keygen", "--alg", "sm2", "--out", m_dir.file("key.pem"), "--pub-out", m_dir.file("pub.pem")}).exitCode,
        0);
    ASSERT_EQ(
        openssl({"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", m_dir.file("rsa.pem")})
            .exitCode,
        0);
    writeFile(m_dir.file("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n");
    const std::string msg = m_dir.file("message.txt");

    struct Case
    {
        const char* what;
        std::vector<std::string> args;
        const char* stderrMentions;
    };
    const std::vector<Case> cases = {
        {"missing key file",
         {"sign", "--key", m_dir.file("absent.pem"), "--in", msg, "--out", m_dir.file("s")},
         "CRYPTO_KEY_FILE"},
        {"corrupt key file",
         {"sign", "--key", m_dir.file("garbage.pem"), "--in", msg, "--out", m_dir.file("s")},
         "CRYPTO_KEY_INVALID"},
        {"missing input file",
         {"sign", "--key", m_dir.file("key.pem"), "--in", m_dir.file("absent.txt"), "--out", m_dir.file("s")},
         "absent.txt"},
        {"missing signature file",
         {"verify", "--pub", m_dir.file("pub.pem"), "--in", msg, "--sig", m_dir.file("absent.sig")},
         "absent.sig"},
        {"unknown algorithm", {"keygen", "--alg", "rsa", "--out", m_dir.file("new.pem")}, "CRYPTO_ALG_UNKNOWN"},
        {"MAC algorithm for a key", {"keygen", "--alg", "hmac-sm3", "--out", m_dir.file("new.pem")}, "--alg"},
        {"private key where a public key belongs",
         {"verify", "--pub", m_dir.file("key.pem"), "--in", msg, "--sig", msg},
         "CRYPTO_KEY_INVALID"},
        {"public key where a private key belongs",
         {"sign", "--key", m_dir.file("pub.pem"), "--in", msg, "--out", m_dir.file("s")},
         "CRYPTO_KEY_INVALID"},
        {"RSA key",
         {"sign", "--key", m_dir.file("rsa.pem"), "--in", msg, "--out", m_dir.file("s")},
         "CRYPTO_KEY_UNSUPPORTED"},
        {"key file that exists", {"keygen", "--alg", "p256", "--out", m_dir.file("key.pem")}, "already exists"},
        {"missing option", {"sign", "--key", m_dir.file("key.pem"), "--in", msg}, "--out"},
        {"unknown option",
         {"verify", "--pub", m_dir.file("pub.pem"), "--in", msg, "--sig", msg, "--fast", "1"},
         "--fast"},
        {"sm3 without a file", {"sm3"}, "usage"},
        {"sm3 of a missing file", {"sm3", m_dir.file("absent.bin")}, "absent.bin"},
        {"directory as input",
         {"sign", "--key", m_dir.file("key.pem"), "--in", m_dir.path(), "--out", m_dir.file("s")},
         "is a directory"},
        {"directory as key", {"sign", "--key", m_dir.path(), "--in", msg, "--out", m_dir.file("s")}, "CRYPTO_KEY_FILE"},
    };
    for (const Case& c : cases) {
        const ProcessResult r = cli(c.args);
        EXPECT_NE(r.exitCode, 0) << c.what << "\n" << describe(r);
        EXPECT_NE(r.err.find(c.stderrMentions), std::string::npos) << c.what << "\n" << describe(r);
        EXPECT_EQ(r.out, "") << c.what;
    }
    EXPECT_EQ(readFile(m_dir.file("key.pem")).rfind("-----BEGIN PRIVATE KEY-----", 0), 0u)
        << "existing key left untouched";
}

} // namespace
} // namespace citycode::test
