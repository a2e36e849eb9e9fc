#include "CodeCommands.h"

#include "CliArgs.h"

#include "citycode/common/CodePayload.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"
#include "citycode/common/TrustList.h"

#include <cerrno>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

namespace citycode::cli {

using namespace citycode::common;

namespace {

std::uint32_t nowSeconds()
{
    return static_cast<std::uint32_t>(std::time(nullptr));
}

std::uint64_t numberOption(const CliArgs& args, const std::string& name, std::uint64_t fallback, std::uint64_t max)
{
    if (!args.has(name))
        return fallback;
    const std::string text = args.value(name);
    errno = 0;
    char* end = nullptr;
    unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || text[0] == '-' || errno != 0 || *end != '\0' || v > max)
        throw UsageError("option --" + name + " needs a whole number up to " + std::to_string(max) + ", got '" + text +
                         "'");
    return v;
}

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("FILE_UNREADABLE", "cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out || !(out << text) || !out.flush())
        throw Error("FILE_UNWRITABLE", "cannot write " + path);
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty())
            items.push_back(item);
    return items;
}

} // namespace

int runSignCode(const std::vector<std::string>& argv)
{
    CliArgs args(argv, {"key", "rule-id", "rule-version", "subject", "valid-seconds", "issued-at", "out"});
    const PrivateKey key = PrivateKey::load(args.value("key"));
    CodePayload p;
    p.ruleId = numberOption(args, "rule-id", 0, UINT64_MAX);
    if (!args.has("rule-id"))
        throw UsageError("missing option --rule-id");
    p.ruleVersion = static_cast<std::uint32_t>(numberOption(args, "rule-version", 1, UINT32_MAX));
    p.subjectRef = toBytes(args.value("subject"));
    p.issuedAt = static_cast<std::uint32_t>(numberOption(args, "issued-at", nowSeconds(), UINT32_MAX));
    const std::uint64_t valid = numberOption(args, "valid-seconds", 24 * 3600, 366ull * 24 * 3600);
    if (valid == 0 || p.issuedAt + valid > UINT32_MAX)
        throw UsageError("option --valid-seconds must be at least 1 and end before 2106");
    p.expiresAt = static_cast<std::uint32_t>(p.issuedAt + valid);
    p.nonce = randomBytes(kNonceSize);
    const std::string code = signCode(p, key);
    if (args.has("out"))
        writeText(args.value("out"), code + "\n");
    else
        std::cout << code << "\n";
    return 0;
}

int runTrustList(const std::vector<std::string>& argv)
{
    CliArgs args(argv, {"signer", "keys", "out", "issuer", "serial", "valid-days", "key-not-before", "key-days"});
    const PrivateKey signer = PrivateKey::load(args.value("signer"));
    TrustList list;
    list.serial = numberOption(args, "serial", nowSeconds(), UINT64_MAX);
    list.issuer = args.value("issuer", "CityCode");
    list.issuedAt = nowSeconds();
    list.expiresAt = static_cast<std::uint32_t>(list.issuedAt + numberOption(args, "valid-days", 7, 3660) * 86400);
    const auto notBefore = static_cast<std::uint32_t>(numberOption(args, "key-not-before", 0, UINT32_MAX));
    const auto notAfter = static_cast<std::uint32_t>(list.issuedAt + numberOption(args, "key-days", 365, 3660) * 86400);
    const auto paths = splitList(args.value("keys"));
    if (paths.empty())
        throw UsageError("option --keys needs at least one public key file");
    for (const auto& path : paths) {
        TrustedKey k;
        k.key = PublicKey::load(path);
        k.alg = k.key->alg();
        k.keyId = k.key->keyId();
        k.notBefore = notBefore;
        k.notAfter = notAfter;
        k.label = list.issuer;
        list.keys.push_back(std::move(k));
    }
    writeText(args.value("out"), signTrustList(list, signer));
    std::cout << "trust list with " << list.keys.size() << " key(s), valid until " << list.expiresAt << ", signed by "
              << toHex(signer.publicKey().keyId()) << "\n";
    return 0;
}

int runVerifyCode(const std::vector<std::string>& argv)
{
    CliArgs args(argv, {"trust-list", "anchor", "now"});
    if (args.positional().size() != 1)
        throw UsageError("give exactly one code (quote it: codes may contain spaces)");
    std::optional<PublicKey> anchor;
    if (args.has("anchor"))
        anchor = PublicKey::load(args.value("anchor"));
    Bytes signerId;
    const TrustList list = parseTrustList(readText(args.value("trust-list")), anchor ? &*anchor : nullptr, &signerId);
    if (!anchor)
        std::cerr << "warning: trust list signer " << toHex(signerId)
                  << " is not pinned; pass --anchor PUB.pem to refuse lists from any other key\n";
    const auto now = static_cast<std::uint32_t>(numberOption(args, "now", nowSeconds(), UINT32_MAX));
    const OfflineVerification v = verifyCodeOffline(args.positional()[0], list, now);
    if (v.verdict != OfflineVerdict::Valid) {
        std::cout << offlineVerdictName(v.verdict) << ": " << v.detail << "\n";
        return 1;
    }
    const CodePayload& p = v.code->payload;
    std::cout << "VALID rule=" << p.ruleId << " version=" << p.ruleVersion << " key=" << toHex(p.keyId) << " ("
              << codeAlgName(p.alg) << ") issued=" << p.issuedAt << " expires=" << p.expiresAt << "\n";
    return 0;
}

} // namespace citycode::cli
