#include "citycode/common/Crypto.h"

#include "OpenSsl.h"
#include "citycode/common/Error.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace citycode::common {

namespace {

constexpr int kSm2IdLength = sizeof(kSm2DefaultId) - 1;

std::string groupName(const EVP_PKEY* pkey)
{
    char name[80] = {};
    std::size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof(name), &len) != 1) {
        ERR_clear_error();
        return {};
    }
    return std::string(name, len);
}

// Rebuilds an "EC" key on the SM2 curve as an "SM2" key. Some OpenSSL 3 builds decode SM2 PEM
// files as plain EC keys, and an EC key would be signed with ECDSA instead of SM2 (GB/T 32918).
OpenSslPtr<EVP_PKEY> reimportAsSm2(const EVP_PKEY* ecKey, int selection)
{
    OSSL_PARAM* params = nullptr;
    if (EVP_PKEY_todata(ecKey, selection, &params) != 1)
        throwOpenSslError("CRYPTO_KEY_INVALID", "cannot export the EC key on the SM2 curve");
    OpenSslPtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "SM2", nullptr));
    EVP_PKEY* sm2Key = nullptr;
    const bool ok =
        ctx && EVP_PKEY_fromdata_init(ctx.get()) == 1 && EVP_PKEY_fromdata(ctx.get(), &sm2Key, selection, params) == 1;
    OSSL_PARAM_free(params);
    if (!ok)
        throwOpenSslError("CRYPTO_KEY_INVALID", "cannot import the key as an SM2 key");
    return OpenSslPtr<EVP_PKEY>(sm2Key);
}

// Works out which code algorithm a decoded key serves; SM2 is recognised by its curve
// (NID_sm2) whatever key type the decoder chose.
CodeAlg classify(OpenSslPtr<EVP_PKEY>& pkey, int selection)
{
    if (EVP_PKEY_is_a(pkey.get(), "ED25519"))
        return CodeAlg::Ed25519;
    if (EVP_PKEY_is_a(pkey.get(), "SM2") || EVP_PKEY_is_a(pkey.get(), "EC")) {
        const std::string group = groupName(pkey.get());
        const int nid = OBJ_sn2nid(group.c_str());
        if (nid == NID_sm2) {
            if (!EVP_PKEY_is_a(pkey.get(), "SM2"))
                pkey = reimportAsSm2(pkey.get(), selection);
            return CodeAlg::Sm2Sm3;
        }
        if (nid == NID_X9_62_prime256v1 && EVP_PKEY_is_a(pkey.get(), "EC"))
            return CodeAlg::EcdsaP256;
        throw Error("CRYPTO_KEY_UNSUPPORTED",
                    "EC key on curve '" + group + "' is not supported (expected SM2 or P-256)");
    }
    throw Error("CRYPTO_KEY_UNSUPPORTED", std::string("key type ") + EVP_PKEY_get0_type_name(pkey.get()) +
                                              " is not supported (expected SM2, P-256 or Ed25519)");
}

// Readers of PEM would otherwise prompt on the terminal for the password of an encrypted key.
int refusePassword(char*, int, int, void*)
{
    return -1;
}

OpenSslPtr<BIO> memoryBio(const std::string& text)
{
    if (text.size() > static_cast<std::size_t>(INT_MAX))
        throw Error("CRYPTO_KEY_INVALID", "key text is too large");
    OpenSslPtr<BIO> bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
    if (!bio)
        throwOpenSslError("CRYPTO_OPENSSL", "cannot create a memory BIO");
    return bio;
}

std::string bioText(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(len));
}

std::string readKeyFile(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error("CRYPTO_KEY_FILE", "key file '" + path + "' is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("CRYPTO_KEY_FILE", "cannot read key file '" + path + "': " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw Error("CRYPTO_KEY_FILE", "cannot read key file '" + path + "'");
    return text.str();
}

// The digest each signature algorithm hashes the message with; none for Ed25519, which hashes
// internally (RFC 8032 §5.1.6, PureEdDSA).
const EVP_MD* signatureDigest(CodeAlg alg)
{
    switch (alg) {
    case CodeAlg::Sm2Sm3:
        return fetchedSm3();
    case CodeAlg::EcdsaP256:
        return fetchedSha256();
    default:
        return nullptr;
    }
}

// Signing or verifying contexts of one key, initialised once and copied for each operation.
// OpenSSL 3.0's EVP_DigestSignInit looks the signature and digest implementations up by name
// and builds a key context on every call, about 3 µs or 13% of an ECDSA P-256 signature here;
// copying an initialised context only duplicates its state. Each template is lent to one
// thread at a time, as OpenSSL does not promise that a context may be copied concurrently, so
// the pool grows to the number of threads that use the key at once.
class OperationTemplates
{
public:
    OperationTemplates(EVP_PKEY* pkey, CodeAlg alg, bool forSigning)
        : m_pkey(pkey), m_alg(alg), m_forSigning(forSigning)
    {
        m_idle.push_back(makeTemplate());
    }

    // A fresh context, initialised and ready for one EVP_DigestSign or EVP_DigestVerify.
    OpenSslPtr<EVP_MD_CTX> start() const
    {
        Template t = borrow();
        OpenSslPtr<EVP_MD_CTX> work(EVP_MD_CTX_new());
        const bool ok = work && EVP_MD_CTX_copy_ex(work.get(), t.md.get()) == 1;
        giveBack(std::move(t));
        if (!ok)
            throwOpenSslError("CRYPTO_OPENSSL", "cannot copy a signature context");
        // Finalise in place: without the flag OpenSSL copies the context once more to keep it usable.
        EVP_MD_CTX_set_flags(work.get(), EVP_MD_CTX_FLAG_FINALISE);
        return work;
    }

private:
    struct Template
    {
        OpenSslPtr<EVP_PKEY_CTX> pctx; // not owned by md (EVP_MD_CTX_set_pkey_ctx), so freed after it
        OpenSslPtr<EVP_MD_CTX> md;
    };

    // For SM2 the key context carries the distinguishing ID that enters
    // Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA) (GB/T 32918.2 §5.5). OpenSSL 3.0 uses
    // an empty ID unless told, which no GM/T 0009 implementation would verify; the ID only
    // takes effect when set on a context handed to EVP_MD_CTX_set_pkey_ctx before the init.
    Template makeTemplate() const
    {
        Template t;
        t.pctx.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, m_pkey, nullptr));
        t.md.reset(EVP_MD_CTX_new());
        if (!t.pctx || !t.md)
            throwOpenSslError("CRYPTO_OPENSSL", "cannot create a signature context");
        if (m_alg == CodeAlg::Sm2Sm3 && EVP_PKEY_CTX_set1_id(t.pctx.get(), kSm2DefaultId, kSm2IdLength) != 1)
            throwOpenSslError("CRYPTO_OPENSSL", "cannot set the SM2 distinguishing ID");
        EVP_MD_CTX_set_pkey_ctx(t.md.get(), t.pctx.get());
        const EVP_MD* md = signatureDigest(m_alg);
        const int ok = m_forSigning ? EVP_DigestSignInit(t.md.get(), nullptr, md, nullptr, m_pkey)
                                    : EVP_DigestVerifyInit(t.md.get(), nullptr, md, nullptr, m_pkey);
        if (ok != 1)
            throwOpenSslError("CRYPTO_OPENSSL", std::string(codeAlgName(m_alg)) + " context setup failed");
        return t;
    }

    Template borrow() const
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!m_idle.empty()) {
                Template t = std::move(m_idle.back());
                m_idle.pop_back();
                return t;
            }
        }
        return makeTemplate();
    }

    void giveBack(Template t) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_idle.push_back(std::move(t));
    }

    EVP_PKEY* m_pkey; // owned by the key's Impl, which owns this object
    CodeAlg m_alg;
    bool m_forSigning;
    mutable std::mutex m_mutex;
    mutable std::vector<Template> m_idle;
};

} // namespace

struct PrivateKey::Impl
{
    OpenSslPtr<EVP_PKEY> pkey;
    CodeAlg alg = CodeAlg::Sm2Sm3;
    std::size_t maxSignatureSize = 0;
    std::unique_ptr<OperationTemplates> signing;
};

struct PublicKey::Impl
{
    OpenSslPtr<EVP_PKEY> pkey;
    CodeAlg alg = CodeAlg::Sm2Sm3;
    Bytes der;
    Bytes keyId;
    std::unique_ptr<OperationTemplates> verifying;
};

namespace {

PublicKey makePublicKey(OpenSslPtr<EVP_PKEY> pkey)
{
    auto impl = std::make_shared<PublicKey::Impl>();
    impl->alg = classify(pkey, EVP_PKEY_PUBLIC_KEY);
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(pkey.get(), &der);
    if (len <= 0)
        throwOpenSslError("CRYPTO_KEY_INVALID", "cannot encode the public key");
    impl->der.assign(der, der + len);
    OPENSSL_free(der);
    const Bytes digest = sm3(impl->der);
    impl->keyId.assign(digest.begin(), digest.begin() + 8);
    impl->pkey = std::move(pkey);
    impl->verifying = std::make_unique<OperationTemplates>(impl->pkey.get(), impl->alg, false);
    return PublicKey(std::move(impl));
}

PrivateKey makePrivateKey(OpenSslPtr<EVP_PKEY> pkey)
{
    auto impl = std::make_shared<PrivateKey::Impl>();
    impl->alg = classify(pkey, EVP_PKEY_KEYPAIR);
    const int size = EVP_PKEY_get_size(pkey.get());
    if (size <= 0)
        throwOpenSslError("CRYPTO_KEY_INVALID", "private key has no signature size");
    impl->maxSignatureSize = static_cast<std::size_t>(size);
    impl->pkey = std::move(pkey);
    impl->signing = std::make_unique<OperationTemplates>(impl->pkey.get(), impl->alg, true);
    return PrivateKey(std::move(impl));
}

} // namespace

PrivateKey PrivateKey::generate(CodeAlg alg)
{
    if (!isSignatureAlg(alg))
        throw Error("CRYPTO_ALG_INVALID", std::string(codeAlgName(alg)) + " is not a signature algorithm");
    const char* type = alg == CodeAlg::Sm2Sm3 ? "SM2" : alg == CodeAlg::EcdsaP256 ? "EC" : "ED25519";
    OpenSslPtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", std::string("cannot generate ") + codeAlgName(alg) + " keys");
    if (alg == CodeAlg::EcdsaP256 && EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "cannot select curve P-256");
    EVP_PKEY* pkey = nullptr;
    if (EVP_PKEY_generate(ctx.get(), &pkey) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", std::string("generating a ") + codeAlgName(alg) + " key failed");
    return makePrivateKey(OpenSslPtr<EVP_PKEY>(pkey));
}

PrivateKey PrivateKey::fromRawEd25519(const Bytes& secretKey)
{
    if (secretKey.size() != 32)
        throw Error("CRYPTO_KEY_INVALID", "an Ed25519 secret key has 32 bytes");
    OpenSslPtr<EVP_PKEY> pkey(
        EVP_PKEY_new_raw_private_key_ex(nullptr, "ED25519", nullptr, secretKey.data(), secretKey.size()));
    if (!pkey)
        throwOpenSslError("CRYPTO_KEY_INVALID", "cannot build an Ed25519 key");
    return makePrivateKey(std::move(pkey));
}

PrivateKey PrivateKey::fromPem(const std::string& pem)
{
    OpenSslPtr<BIO> bio = memoryBio(pem);
    OpenSslPtr<EVP_PKEY> pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassword, nullptr));
    if (!pkey)
        throwOpenSslError("CRYPTO_KEY_INVALID", "not an unencrypted PKCS#8 or EC private key in PEM form");
    return makePrivateKey(std::move(pkey));
}

PrivateKey PrivateKey::load(const std::string& path)
{
    const std::string pem = readKeyFile(path);
    try {
        return fromPem(pem);
    } catch (const Error& e) {
        throw Error(e.code(), "key file '" + path + "': " + e.what());
    }
}

std::string PrivateKey::toPem() const
{
    OpenSslPtr<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_impl->pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "cannot encode the private key");
    return bioText(bio.get());
}

void PrivateKey::save(const std::string& path) const
{
    const std::string pem = toPem();
#ifdef _WIN32
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << pem;
    out.close();
    if (!out)
        throw Error("CRYPTO_KEY_FILE", "cannot write key file '" + path + "'");
#else
    // Created 0600 from the start (not chmod-ed afterwards) so the key is never readable by
    // others; fchmod covers a file that already existed with a wider mode.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error("CRYPTO_KEY_FILE", "cannot write key file '" + path + "': " + std::strerror(errno));
    bool ok = ::fchmod(fd, 0600) == 0;
    for (std::size_t done = 0; ok && done < pem.size();) {
        const ssize_t n = ::write(fd, pem.data() + done, pem.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        done += ok ? static_cast<std::size_t>(n) : 0;
    }
    const int savedErrno = errno;
    ok = ::close(fd) == 0 && ok;
    if (!ok)
        throw Error("CRYPTO_KEY_FILE", "cannot write key file '" + path + "': " + std::strerror(savedErrno));
#endif
}

CodeAlg PrivateKey::alg() const
{
    return m_impl->alg;
}

PublicKey PrivateKey::publicKey() const
{
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(m_impl->pkey.get(), &der);
    if (len <= 0)
        throwOpenSslError("CRYPTO_OPENSSL", "cannot encode the public key");
    const Bytes spki(der, der + len);
    OPENSSL_free(der);
    return PublicKey::fromDer(spki);
}

Bytes PrivateKey::sign(const Bytes& message) const
{
    OpenSslPtr<EVP_MD_CTX> md = m_impl->signing->start();
    Bytes signature(m_impl->maxSignatureSize);
    std::size_t len = signature.size();
    if (EVP_DigestSign(md.get(), signature.data(), &len, message.data(), message.size()) != 1)
        throwOpenSslError("CRYPTO_SIGN_FAILED", std::string(codeAlgName(m_impl->alg)) + " signing failed");
    signature.resize(len);
    return signature;
}

PublicKey PublicKey::fromPem(const std::string& pem)
{
    OpenSslPtr<BIO> bio = memoryBio(pem);
    OpenSslPtr<EVP_PKEY> pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, refusePassword, nullptr));
    if (!pkey && pem.find("PRIVATE KEY-----") != std::string::npos) {
        ERR_clear_error();
        throw Error("CRYPTO_KEY_INVALID", "this is a private key; a public key (SubjectPublicKeyInfo PEM) is needed");
    }
    if (!pkey)
        throwOpenSslError("CRYPTO_KEY_INVALID", "not a public key (SubjectPublicKeyInfo) in PEM form");
    return makePublicKey(std::move(pkey));
}

PublicKey PublicKey::fromDer(const Bytes& der)
{
    if (der.size() > static_cast<std::size_t>(LONG_MAX))
        throw Error("CRYPTO_KEY_INVALID", "public key DER is too large");
    const unsigned char* p = der.data();
    OpenSslPtr<EVP_PKEY> pkey(d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size())));
    if (!pkey)
        throwOpenSslError("CRYPTO_KEY_INVALID", "not a DER SubjectPublicKeyInfo");
    if (p != der.data() + der.size())
        throw Error("CRYPTO_KEY_INVALID", "trailing bytes after the DER SubjectPublicKeyInfo");
    return makePublicKey(std::move(pkey));
}

PublicKey PublicKey::load(const std::string& path)
{
    const std::string pem = readKeyFile(path);
    try {
        return fromPem(pem);
    } catch (const Error& e) {
        throw Error(e.code(), "key file '" + path + "': " + e.what());
    }
}

std::string PublicKey::toPem() const
{
    OpenSslPtr<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_impl->pkey.get()) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "cannot encode the public key");
    return bioText(bio.get());
}

Bytes PublicKey::toDer() const
{
    return m_impl->der;
}

CodeAlg PublicKey::alg() const
{
    return m_impl->alg;
}

Bytes PublicKey::keyId() const
{
    return m_impl->keyId;
}

bool PublicKey::verify(const Bytes& message, const Bytes& signature) const
{
    OpenSslPtr<EVP_MD_CTX> md = m_impl->verifying->start();
    const bool ok = EVP_DigestVerify(md.get(), signature.data(), signature.size(), message.data(), message.size()) == 1;
    // A bad signature leaves decoding errors on this thread's queue; they are expected here.
    if (!ok)
        ERR_clear_error();
    return ok;
}

} // namespace citycode::common
