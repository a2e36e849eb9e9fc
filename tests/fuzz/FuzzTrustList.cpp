// Fuzz target: the trust list document parser (RapidJSON inside common/) with and without a
// pinned anchor. Malformed, deeply nested or oversized documents throw common::Error; with an
// anchor, no fuzzed document is ever accepted (it cannot carry the anchor's signature).
#include "citycode/common/Error.h"
#include "citycode/common/TrustList.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace citycode::common;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const PublicKey anchor = PrivateKey::generate(CodeAlg::Ed25519).publicKey();
    const std::string document(reinterpret_cast<const char*>(data), size);
    try {
        parseTrustList(document, &anchor);
        std::abort();
    } catch (const Error&) {
    }
    try {
        const TrustList list = parseTrustList(document, nullptr);
        (void)verifyCodeOffline("CC1:", list, 0);
    } catch (const Error&) {
    }
    return 0;
}
