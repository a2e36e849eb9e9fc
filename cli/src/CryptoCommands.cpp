#include "CryptoCommands.h"

#include "CliArgs.h"

#include "citycode/common/Crypto.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>

namespace citycode::cli {

namespace {

using common::Bytes;
using common::CodeAlg;
using common::PrivateKey;
using common::PublicKey;

void requireNoPositional(const CliArgs& args)
{
    if (!args.positional().empty())
        throw UsageError("unexpected argument '" + args.positional().front() + "'");
}

Bytes readInput(const std::string& path)
{
    // A directory opens like an empty file; signing or hashing "nothing" would go unnoticed.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw std::runtime_error("'" + path + "' is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read '" + path + "': " + std::strerror(errno));
    Bytes data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw std::runtime_error("cannot read '" + path + "'");
    return data;
}

void writeOutput(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out)
        throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
}

// Overwriting a key file would lose the key every code it signed depends on: refuse.
void refuseToOverwrite(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        throw std::runtime_error("'" + path + "' already exists; remove it first to replace the key");
}

} // namespace

int runKeygen(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"alg", "out", "pub-out"});
    requireNoPositional(args);
    const std::string algName = args.value("alg");
    const std::string keyPath = args.value("out");
    const CodeAlg alg = common::parseCodeAlg(algName);
    if (!common::isSignatureAlg(alg))
        throw UsageError("--alg must be sm2, p256 or ed25519, not '" + algName + "'");
    refuseToOverwrite(keyPath);
    if (args.has("pub-out"))
        refuseToOverwrite(args.value("pub-out"));

    const PrivateKey key = PrivateKey::generate(alg);
    key.save(keyPath);
    const PublicKey pub = key.publicKey();
    if (args.has("pub-out"))
        writeOutput(args.value("pub-out"), pub.toPem());
    std::cout << "wrote " << common::codeAlgName(alg) << " private key " << keyPath << " (key id "
              << common::toHex(pub.keyId()) << ")\n";
    return 0;
}

int runPubkey(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"key", "out"});
    requireNoPositional(args);
    const std::string pem = PrivateKey::load(args.value("key")).publicKey().toPem();
    if (args.has("out"))
        writeOutput(args.value("out"), pem);
    else
        std::cout << pem;
    return 0;
}

int runSign(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"key", "in", "out"});
    requireNoPositional(args);
    const PrivateKey key = PrivateKey::load(args.value("key"));
    const std::string outPath = args.value("out");
    // DER for SM2 and ECDSA, 64 raw bytes for Ed25519: what `openssl pkeyutl -sign -rawin` writes.
    const Bytes signature = key.sign(readInput(args.value("in")));
    writeOutput(outPath, common::toString(signature));
    return 0;
}

int runVerify(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"pub", "in", "sig"});
    requireNoPositional(args);
    const PublicKey pub = PublicKey::load(args.value("pub"));
    const Bytes message = readInput(args.value("in"));
    const Bytes signature = readInput(args.value("sig"));
    if (pub.verify(message, signature)) {
        std::cout << "OK\n";
        return 0;
    }
    std::cout << "FAILED\n";
    return 1;
}

// Prints "<hex>  FILE" per file, the layout of sha256sum, so `sha256sum -c` habits carry over.
int runSm3(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {});
    if (args.positional().empty())
        throw UsageError("no file given");
    for (const std::string& path : args.positional())
        std::cout << common::toHex(common::sm3(readInput(path))) << "  " << path << "\n";
    return 0;
}

} // namespace citycode::cli
