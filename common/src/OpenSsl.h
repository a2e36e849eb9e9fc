#pragma once

// Internal to common/: ownership and error helpers over the OpenSSL 3 C API, shared by
// Crypto.cpp, Keys.cpp, Aead.cpp and Sm4GcmKey.cpp. Not installed, not part of the public API.
#include <openssl/bio.h>
#include <openssl/evp.h>

#include <memory>
#include <string>

namespace citycode::common {

// Frees any OpenSSL object the crypto sources hold, so each can live in a unique_ptr.
struct OpenSslDeleter
{
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MAC_CTX* p) const { EVP_MAC_CTX_free(p); }
    void operator()(EVP_CIPHER_CTX* p) const { EVP_CIPHER_CTX_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
};

template <class T>
using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter>;

// Throws Error(code, what + the first reason on OpenSSL's error queue) and empties the queue,
// so that a later call on this thread does not report a stale reason.
[[noreturn]] void throwOpenSslError(const std::string& code, const std::string& what);

// Digests fetched once per process (OpenSSL 3 would otherwise look the name up on every use).
const EVP_MD* fetchedSm3();
const EVP_MD* fetchedSha256();

// A cipher fetched from OpenSSL (keep it in a static: once per process); nullptr, with the error
// queue emptied, when this OpenSSL lacks it. In Aead.cpp.
const EVP_CIPHER* fetchCipherOrNull(const char* name);

} // namespace citycode::common
