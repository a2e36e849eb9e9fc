// Throughput of the code cryptography as the server uses it: verifying MACs of dynamic codes
// and signing/verifying signed codes, one call per code. bench/run.sh sets these against
// `openssl speed` for the same algorithms, measured in the same run.
#include "citycode/common/Crypto.h"

#include <benchmark/benchmark.h>

namespace {

using citycode::common::Bytes;
using citycode::common::CodeAlg;
using citycode::common::PrivateKey;
using citycode::common::PublicKey;

// About the size of a dynamic code body before its MAC (docs/code-format.md).
constexpr std::size_t kCodeBodySize = 100;

Bytes codeBody()
{
    Bytes body(kCodeBodySize);
    for (std::size_t i = 0; i < body.size(); ++i)
        body[i] = static_cast<std::uint8_t>(i * 31 + 7);
    return body;
}

// Keys made once and shared by every benchmark thread, as the server shares its keys.
const PrivateKey& sharedKey(CodeAlg alg)
{
    static const PrivateKey sm2 = PrivateKey::generate(CodeAlg::Sm2Sm3);
    static const PrivateKey p256 = PrivateKey::generate(CodeAlg::EcdsaP256);
    static const PrivateKey ed25519 = PrivateKey::generate(CodeAlg::Ed25519);
    return alg == CodeAlg::Sm2Sm3 ? sm2 : alg == CodeAlg::EcdsaP256 ? p256 : ed25519;
}

const PublicKey& sharedPublicKey(CodeAlg alg)
{
    static const PublicKey sm2 = sharedKey(CodeAlg::Sm2Sm3).publicKey();
    static const PublicKey p256 = sharedKey(CodeAlg::EcdsaP256).publicKey();
    static const PublicKey ed25519 = sharedKey(CodeAlg::Ed25519).publicKey();
    return alg == CodeAlg::Sm2Sm3 ? sm2 : alg == CodeAlg::EcdsaP256 ? p256 : ed25519;
}

// One verification per iteration of a 16-byte truncated MAC, the form codes carry.
void BM_MacVerify(benchmark::State& state, CodeAlg alg)
{
    static const Bytes key = citycode::common::randomBytes(32);
    const Bytes body = codeBody();
    const Bytes full = citycode::common::mac(alg, key, body);
    const Bytes tag(full.begin(), full.begin() + 16);
    for (auto _ : state) {
        const bool ok = citycode::common::macVerify(alg, key, body, tag);
        benchmark::DoNotOptimize(ok);
        if (!ok)
            state.SkipWithError("MAC did not verify");
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_Sign(benchmark::State& state, CodeAlg alg)
{
    const PrivateKey& key = sharedKey(alg);
    const Bytes body = codeBody();
    for (auto _ : state)
        benchmark::DoNotOptimize(key.sign(body));
    state.SetItemsProcessed(state.iterations());
}

void BM_Verify(benchmark::State& state, CodeAlg alg)
{
    const PublicKey& pub = sharedPublicKey(alg);
    const Bytes body = codeBody();
    const Bytes signature = sharedKey(alg).sign(body);
    for (auto _ : state) {
        const bool ok = pub.verify(body, signature);
        benchmark::DoNotOptimize(ok);
        if (!ok)
            state.SkipWithError("signature did not verify");
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK_CAPTURE(BM_MacVerify, HmacSm3, CodeAlg::HmacSm3);
BENCHMARK_CAPTURE(BM_MacVerify, HmacSha256, CodeAlg::HmacSha256);
BENCHMARK_CAPTURE(BM_Sign, Sm2, CodeAlg::Sm2Sm3);
BENCHMARK_CAPTURE(BM_Verify, Sm2, CodeAlg::Sm2Sm3);
BENCHMARK_CAPTURE(BM_Sign, EcdsaP256, CodeAlg::EcdsaP256);
BENCHMARK_CAPTURE(BM_Verify, EcdsaP256, CodeAlg::EcdsaP256);
BENCHMARK_CAPTURE(BM_Sign, Ed25519, CodeAlg::Ed25519);
BENCHMARK_CAPTURE(BM_Verify, Ed25519, CodeAlg::Ed25519);
// Two threads sharing one key object: the server verifies from a pool of threads.
BENCHMARK_CAPTURE(BM_MacVerify, HmacSm3, CodeAlg::HmacSm3)->Threads(2)->UseRealTime();
BENCHMARK_CAPTURE(BM_Verify, EcdsaP256, CodeAlg::EcdsaP256)->Threads(2)->UseRealTime();
