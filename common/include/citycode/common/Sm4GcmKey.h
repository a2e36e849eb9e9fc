#pragma once

#include "citycode/common/Bytes.h"

#include <memory>

namespace citycode::common {

// SM4-GCM under one 16-byte key whose SM4 key schedule is prepared once: the sealed format of
// aeadSeal/aeadOpen with AeadAlg::Sm4Gcm (12-byte random nonce || ciphertext || 16-byte tag,
// RFC 8998 §3.1), for a key that seals and opens many short values (PersonalDataCipher); aeadSeal
// and aeadOpen use it too where OpenSSL has no SM4-GCM of its own (before 3.2). GHASH is OpenSSL's (CRYPTO_gcm128,
// carry-less multiply where the CPU has it). Immutable, safe to share between threads.
class Sm4GcmKey
{
public:
    // Throws Error("CRYPTO_AEAD_KEY") unless the key has 16 bytes.
    explicit Sm4GcmKey(const Bytes& key);
    ~Sm4GcmKey();
    Sm4GcmKey(const Sm4GcmKey&) = delete;
    Sm4GcmKey& operator=(const Sm4GcmKey&) = delete;

    Bytes seal(const Bytes& plaintext, const Bytes& aad) const;
    // Throws Error("CRYPTO_AEAD_FAILED") for a value that was tampered with, sealed under another
    // key or with other associated data; no plaintext is returned or kept then.
    Bytes open(const std::uint8_t* sealed, std::size_t size, const Bytes& aad) const;

private:
    struct Schedule;
    std::unique_ptr<Schedule> m_schedule;
};

} // namespace citycode::common
