// citycode-cli: operator tool on top of common/ (keys, signatures, digests, QR symbols).
#include "CliArgs.h"
#include "CodeCommands.h"
#include "CryptoCommands.h"
#include "QrCommands.h"

#include "citycode/common/Error.h"

#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

struct Command
{
    std::function<int(const std::vector<std::string>&)> run;
    const char* usage;
};

const std::map<std::string, Command>& commands()
{
    using namespace citycode::cli;
    static const std::map<std::string, Command> table = {
        {"keygen", {runKeygen, "keygen --alg sm2|p256|ed25519 --out KEY.pem [--pub-out PUB.pem]"}},
        {"pubkey", {runPubkey, "pubkey --key KEY.pem [--out PUB.pem]"}},
        {"sign", {runSign, "sign --key KEY.pem --in FILE --out SIG"}},
        {"verify", {runVerify, "verify --pub PUB.pem --in FILE --sig SIG"}},
        {"sm3", {runSm3, "sm3 FILE... (prints \"<hex>  FILE\" like sha256sum)"}},
        {"sign-code",
         {runSignCode, "sign-code --key KEY.pem --rule-id N --subject REF [--rule-version N] "
                       "[--valid-seconds N] [--issued-at UNIX] [--out FILE]"}},
        {"trust-list",
         {runTrustList, "trust-list --signer KEY.pem --keys PUB.pem[,PUB.pem...] --out FILE "
                        "[--issuer NAME] [--valid-days N] [--key-days N] [--key-not-before UNIX]"}},
        {"verify-code", {runVerifyCode, "verify-code --trust-list FILE [--anchor PUB.pem] [--now UNIX] CODE"}},
        {"qr",
         {runQr, "qr --text TEXT --out FILE.png|FILE.svg [--symbology qr|gridmatrix] [--module-px N] "
                 "[--ec L|M|Q|H] [--quiet-zone N] [--fg #RRGGBB --bg #RRGGBB]"}},
    };
    return table;
}

void printUsage(std::ostream& out)
{
    out << "usage: citycode-cli COMMAND [OPTIONS]\n\ncommands:\n";
    for (const auto& [name, cmd] : commands())
        out << "  " << cmd.usage << "\n";
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "citycode-cli " << CITYCODE_VERSION << "\n";
        return 0;
    }
    auto it = commands().find(args[0]);
    if (it == commands().end()) {
        std::cerr << "citycode-cli: unknown command '" << args[0] << "'\n";
        printUsage(std::cerr);
        return 2;
    }
    try {
        return it->second.run(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const citycode::cli::UsageError& e) {
        std::cerr << "citycode-cli " << args[0] << ": " << e.what() << "\nusage: citycode-cli " << it->second.usage
                  << "\n";
        return 2;
    } catch (const citycode::common::Error& e) {
        std::cerr << "citycode-cli " << args[0] << ": " << e.what() << " [" << e.code() << "]\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "citycode-cli " << args[0] << ": " << e.what() << "\n";
        return 1;
    }
}
