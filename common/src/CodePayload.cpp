#include "citycode/common/CodePayload.h"

#include "citycode/common/Base45.h"
#include "citycode/common/Error.h"

#include <cstring>

namespace citycode::common {

namespace {

[[noreturn]] void invalid(const std::string& what)
{
    throw Error("PAYLOAD_INVALID", "code payload: " + what);
}

bool knownAlg(std::uint8_t v)
{
    return v >= static_cast<std::uint8_t>(CodeAlg::HmacSm3) && v <= static_cast<std::uint8_t>(CodeAlg::Ed25519);
}

void putU32(Bytes& out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void putU64(Bytes& out, std::uint64_t v)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// Reads the binary form front to back; every read names what it expected when it runs out.
class Reader
{
public:
    explicit Reader(const Bytes& data) : m_data(data) {}

    std::uint8_t u8(const char* what)
    {
        need(1, what);
        return m_data[m_pos++];
    }
    std::uint32_t u32(const char* what)
    {
        need(4, what);
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | m_data[m_pos++];
        return v;
    }
    std::uint64_t u64(const char* what)
    {
        need(8, what);
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | m_data[m_pos++];
        return v;
    }
    Bytes bytes(std::size_t n, const char* what)
    {
        need(n, what);
        Bytes v(m_data.begin() + static_cast<std::ptrdiff_t>(m_pos),
                m_data.begin() + static_cast<std::ptrdiff_t>(m_pos + n));
        m_pos += n;
        return v;
    }
    std::size_t pos() const { return m_pos; }
    bool atEnd() const { return m_pos == m_data.size(); }

private:
    void need(std::size_t n, const char* what) const
    {
        if (m_data.size() - m_pos < n)
            throw Error("PAYLOAD_TRUNCATED", std::string("code payload: truncated in ") + what);
    }

    const Bytes& m_data;
    std::size_t m_pos = 0;
};

// Signature length rules per algorithm: a DER ECDSA/SM2 signature over a 256-bit curve is a
// SEQUENCE of two INTEGERs, 8 to 72 bytes; Ed25519 is always 64 bytes; our MACs are truncated to 16.
bool authLengthFits(CodeAlg alg, const Bytes& auth)
{
    switch (alg) {
    case CodeAlg::HmacSm3:
    case CodeAlg::HmacSha256:
        return auth.size() == kCodeMacSize;
    case CodeAlg::Ed25519:
        return auth.size() == 64;
    case CodeAlg::Sm2Sm3:
    case CodeAlg::EcdsaP256:
        return auth.size() >= 8 && auth.size() <= 72 && auth[0] == 0x30;
    }
    return false;
}

} // namespace

const CodeField* CodePayload::field(std::uint8_t tag) const
{
    for (const auto& f : fields)
        if (f.tag == tag)
            return &f;
    return nullptr;
}

bool CodePayload::operator==(const CodePayload& o) const
{
    if (fields.size() != o.fields.size())
        return false;
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].tag != o.fields[i].tag || fields[i].value != o.fields[i].value)
            return false;
    return version == o.version && alg == o.alg && keyId == o.keyId && ruleId == o.ruleId &&
           ruleVersion == o.ruleVersion && subjectRef == o.subjectRef && issuedAt == o.issuedAt &&
           expiresAt == o.expiresAt && nonce == o.nonce;
}

Bytes encodeCodeBody(const CodePayload& p)
{
    if (p.version != kCodeFormatVersion)
        invalid("unsupported version " + std::to_string(p.version));
    if (!knownAlg(static_cast<std::uint8_t>(p.alg)))
        invalid("unknown algorithm");
    if (p.keyId.size() != kKeyIdSize)
        invalid("key id must be " + std::to_string(kKeyIdSize) + " bytes");
    if (p.subjectRef.empty() || p.subjectRef.size() > kMaxSubjectRefSize)
        invalid("subject reference must be 1 to " + std::to_string(kMaxSubjectRefSize) + " bytes");
    if (p.expiresAt <= p.issuedAt)
        invalid("expires-at must be later than issued-at");
    if (p.nonce.size() != kNonceSize)
        invalid("nonce must be " + std::to_string(kNonceSize) + " bytes");
    if (p.fields.size() > kMaxOptionalFields)
        invalid("more than " + std::to_string(kMaxOptionalFields) + " optional fields");

    Bytes out;
    out.reserve(64 + p.subjectRef.size());
    out.push_back(p.version);
    out.push_back(static_cast<std::uint8_t>(p.alg));
    out.insert(out.end(), p.keyId.begin(), p.keyId.end());
    putU64(out, p.ruleId);
    putU32(out, p.ruleVersion);
    out.push_back(static_cast<std::uint8_t>(p.subjectRef.size()));
    out.insert(out.end(), p.subjectRef.begin(), p.subjectRef.end());
    putU32(out, p.issuedAt);
    putU32(out, p.expiresAt);
    out.insert(out.end(), p.nonce.begin(), p.nonce.end());
    out.push_back(static_cast<std::uint8_t>(p.fields.size()));
    int lastTag = 0;
    for (const auto& f : p.fields) {
        // Strictly increasing tags make the encoding canonical: one payload, one byte string.
        if (f.tag == 0 || f.tag <= lastTag)
            invalid("optional field tags must be non-zero and strictly increasing");
        if (f.value.size() > kMaxOptionalFieldSize)
            invalid("optional field " + std::to_string(f.tag) + " is longer than " +
                    std::to_string(kMaxOptionalFieldSize) + " bytes");
        lastTag = f.tag;
        out.push_back(f.tag);
        out.push_back(static_cast<std::uint8_t>(f.value.size()));
        out.insert(out.end(), f.value.begin(), f.value.end());
    }
    return out;
}

namespace {

std::string finish(Bytes body, const Bytes& auth)
{
    body.push_back(static_cast<std::uint8_t>(auth.size()));
    body.insert(body.end(), auth.begin(), auth.end());
    if (body.size() > kMaxCodeBinarySize)
        invalid("sealed code is longer than " + std::to_string(kMaxCodeBinarySize) + " bytes");
    return codeToText(body);
}

} // namespace

std::string sealCode(const CodePayload& payload, const Bytes& macKey)
{
    if (!isMacAlg(payload.alg))
        invalid("sealCode needs a MAC algorithm");
    Bytes body = encodeCodeBody(payload);
    Bytes tag = mac(payload.alg, macKey, body);
    tag.resize(kCodeMacSize);
    return finish(std::move(body), tag);
}

std::string signCode(CodePayload payload, const PrivateKey& key)
{
    PublicKey pub = key.publicKey();
    payload.alg = key.alg();
    payload.keyId = pub.keyId();
    Bytes body = encodeCodeBody(payload);
    Bytes sig = key.sign(body);
    return finish(std::move(body), sig);
}

std::string codeToText(const Bytes& binary)
{
    return kCodePrefix + base45Encode(binary);
}

Bytes codeBinary(const ParsedCode& code)
{
    Bytes out = code.body;
    out.push_back(static_cast<std::uint8_t>(code.auth.size()));
    out.insert(out.end(), code.auth.begin(), code.auth.end());
    return out;
}

ParsedCode parseCode(std::string_view text)
{
    if (text.empty())
        throw Error("PAYLOAD_EMPTY", "code payload: empty");
    if (text.size() > kMaxCodeTextSize)
        throw Error("PAYLOAD_TOO_LONG",
                    "code payload: longer than " + std::to_string(kMaxCodeTextSize) + " characters");
    const std::size_t prefixLen = std::strlen(kCodePrefix);
    if (text.compare(0, prefixLen, kCodePrefix) != 0)
        throw Error("PAYLOAD_PREFIX", "code payload: not a CityCode v1 code (missing \"CC1:\" prefix)");
    Bytes binary;
    try {
        binary = base45Decode(text.substr(prefixLen));
    } catch (const Error& e) {
        throw Error("PAYLOAD_ENCODING", std::string("code payload: ") + e.what());
    }
    return parseCodeBinary(binary);
}

ParsedCode parseCodeBinary(const Bytes& binary)
{
    if (binary.empty())
        throw Error("PAYLOAD_EMPTY", "code payload: empty");
    if (binary.size() > kMaxCodeBinarySize)
        throw Error("PAYLOAD_TOO_LONG", "code payload: longer than " + std::to_string(kMaxCodeBinarySize) + " bytes");

    Reader r(binary);
    ParsedCode code;
    CodePayload& p = code.payload;
    p.version = r.u8("version");
    if (p.version != kCodeFormatVersion)
        throw Error("PAYLOAD_VERSION", "code payload: unsupported format version " + std::to_string(p.version));
    std::uint8_t alg = r.u8("algorithm");
    if (!knownAlg(alg))
        throw Error("PAYLOAD_ALG", "code payload: unknown algorithm " + std::to_string(alg));
    p.alg = static_cast<CodeAlg>(alg);
    p.keyId = r.bytes(kKeyIdSize, "key id");
    p.ruleId = r.u64("rule id");
    p.ruleVersion = r.u32("rule version");
    std::uint8_t subjectLen = r.u8("subject length");
    if (subjectLen == 0 || subjectLen > kMaxSubjectRefSize)
        throw Error("PAYLOAD_FIELD", "code payload: subject reference length " + std::to_string(subjectLen) +
                                         " outside 1.." + std::to_string(kMaxSubjectRefSize));
    p.subjectRef = r.bytes(subjectLen, "subject reference");
    p.issuedAt = r.u32("issued-at");
    p.expiresAt = r.u32("expires-at");
    if (p.expiresAt <= p.issuedAt)
        throw Error("PAYLOAD_TIME", "code payload: expires-at is not later than issued-at");
    p.nonce = r.bytes(kNonceSize, "nonce");
    std::uint8_t count = r.u8("field count");
    if (count > kMaxOptionalFields)
        throw Error("PAYLOAD_FIELD", "code payload: " + std::to_string(count) + " optional fields, at most " +
                                         std::to_string(kMaxOptionalFields) + " allowed");
    int lastTag = 0;
    for (int i = 0; i < count; ++i) {
        CodeField f;
        f.tag = r.u8("field tag");
        if (f.tag == 0 || f.tag <= lastTag)
            throw Error("PAYLOAD_FIELD", "code payload: optional field tags out of order or zero");
        lastTag = f.tag;
        std::uint8_t len = r.u8("field length");
        if (len > kMaxOptionalFieldSize)
            throw Error("PAYLOAD_FIELD", "code payload: optional field " + std::to_string(f.tag) + " too long");
        f.value = r.bytes(len, "field value");
        p.fields.push_back(std::move(f));
    }
    const std::size_t bodyEnd = r.pos();
    std::uint8_t authLen = r.u8("authenticator length");
    code.auth = r.bytes(authLen, "authenticator");
    if (!r.atEnd())
        throw Error("PAYLOAD_TRAILING", "code payload: " + std::to_string(binary.size() - r.pos()) +
                                            " unexpected bytes after the authenticator");
    if (!authLengthFits(p.alg, code.auth))
        throw Error("PAYLOAD_AUTH", std::string("code payload: authenticator of ") + std::to_string(authLen) +
                                        " bytes does not fit " + codeAlgName(p.alg));
    code.body.assign(binary.begin(), binary.begin() + static_cast<std::ptrdiff_t>(bodyEnd));
    return code;
}

CodeAuthResult verifyCodeMac(const ParsedCode& code, CodeAlg expectedAlg, const Bytes& keyId, const Bytes& macKey)
{
    if (!isMacAlg(expectedAlg) || code.payload.alg != expectedAlg)
        return CodeAuthResult::AlgorithmNotAllowed;
    if (code.payload.keyId != keyId)
        return CodeAuthResult::UnknownKey;
    return macVerify(expectedAlg, macKey, code.body, code.auth) ? CodeAuthResult::Ok : CodeAuthResult::BadAuth;
}

CodeAuthResult verifyCodeSignature(const ParsedCode& code, CodeAlg expectedAlg, const PublicKey& key)
{
    if (!isSignatureAlg(expectedAlg) || code.payload.alg != expectedAlg || key.alg() != expectedAlg)
        return CodeAuthResult::AlgorithmNotAllowed;
    if (code.payload.keyId != key.keyId())
        return CodeAuthResult::UnknownKey;
    return key.verify(code.body, code.auth) ? CodeAuthResult::Ok : CodeAuthResult::BadAuth;
}

const char* codeAuthResultName(CodeAuthResult r)
{
    switch (r) {
    case CodeAuthResult::Ok:
        return "OK";
    case CodeAuthResult::AlgorithmNotAllowed:
        return "CODE_ALG_NOT_ALLOWED";
    case CodeAuthResult::UnknownKey:
        return "CODE_KEY_UNKNOWN";
    case CodeAuthResult::BadAuth:
        return "CODE_AUTH_FAILED";
    }
    return "CODE_AUTH_FAILED";
}

} // namespace citycode::common
