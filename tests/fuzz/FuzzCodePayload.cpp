// Fuzz target: the code parser (printable "CC1:" + base45 and binary forms) and both verifiers.
// A parse either throws common::Error with a PAYLOAD_* code or yields a payload that re-encodes
// to the exact bytes that were parsed; verification of fuzzed input never succeeds and never
// crashes.
#include "citycode/common/CodePayload.h"
#include "citycode/common/Error.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace citycode::common;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Bytes macKey(32, 0x5a);
    static const PublicKey publicKey = PrivateKey::generate(CodeAlg::Ed25519).publicKey();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const ParsedCode parsed = parseCode(text);
        if (encodeCodeBody(parsed.payload) != parsed.body)
            std::abort(); // two texts for one payload: the replay key would be ambiguous
        // Fuzzed bytes cannot carry a valid MAC or signature, whatever key id they name.
        const Bytes keyId = parsed.payload.keyId;
        if (verifyCodeMac(parsed, parsed.payload.alg, keyId, macKey) == CodeAuthResult::Ok ||
            verifyCodeSignature(parsed, CodeAlg::Ed25519, publicKey) == CodeAuthResult::Ok)
            std::abort();
    } catch (const Error& e) {
        if (std::string_view(e.code()).substr(0, 8) != "PAYLOAD_" && e.code() != "BASE45_INVALID")
            std::abort();
    }
    return 0;
}
