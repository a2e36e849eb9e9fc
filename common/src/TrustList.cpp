#include "citycode/common/TrustList.h"

#include "citycode/common/Error.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace citycode::common {

namespace {

constexpr char kFormat[] = "citycode-trust-list/1";
constexpr std::size_t kMaxDocumentSize = 1 << 20;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

[[noreturn]] void fail(const char* code, const std::string& what)
{
    throw Error(code, "trust list: " + what);
}

rapidjson::Document parseJson(const std::string& text, const char* what)
{
    rapidjson::Document doc;
    // Iterative parsing: deeply nested input cannot exhaust the stack.
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    if (doc.HasParseError())
        fail("TRUSTLIST_MALFORMED", std::string(what) + " is not valid JSON (" +
                                        rapidjson::GetParseError_En(doc.GetParseError()) + " at offset " +
                                        std::to_string(doc.GetErrorOffset()) + ")");
    if (!doc.IsObject())
        fail("TRUSTLIST_MALFORMED", std::string(what) + " is not a JSON object");
    return doc;
}

const rapidjson::Value& member(const rapidjson::Value& obj, const char* name)
{
    auto it = obj.FindMember(name);
    if (it == obj.MemberEnd())
        fail("TRUSTLIST_MALFORMED", std::string("missing field \"") + name + "\"");
    return it->value;
}

std::string stringField(const rapidjson::Value& obj, const char* name)
{
    const auto& v = member(obj, name);
    if (!v.IsString())
        fail("TRUSTLIST_MALFORMED", std::string("field \"") + name + "\" must be a string");
    return std::string(v.GetString(), v.GetStringLength());
}

std::uint32_t timeField(const rapidjson::Value& obj, const char* name)
{
    const auto& v = member(obj, name);
    if (!v.IsUint())
        fail("TRUSTLIST_MALFORMED", std::string("field \"") + name + "\" must be Unix seconds");
    return v.GetUint();
}

CodeAlg signatureAlg(const std::string& name)
{
    CodeAlg alg;
    try {
        alg = parseCodeAlg(name);
    } catch (const Error&) {
        fail("TRUSTLIST_KEY_INVALID", "unknown algorithm \"" + name + "\"");
    }
    if (!isSignatureAlg(alg))
        fail("TRUSTLIST_KEY_INVALID", "algorithm " + name + " is not a signature algorithm");
    return alg;
}

// A key as written in the document: its id, algorithm and SubjectPublicKeyInfo must agree.
PublicKey keyField(const rapidjson::Value& obj, CodeAlg* alg, Bytes* keyId)
{
    *alg = signatureAlg(stringField(obj, "alg"));
    try {
        *keyId = fromHex(stringField(obj, "keyId"));
    } catch (const Error&) {
        fail("TRUSTLIST_KEY_INVALID", "keyId is not hex");
    }
    std::optional<PublicKey> key;
    try {
        key = PublicKey::fromDer(fromBase64(stringField(obj, "publicKey")));
    } catch (const Error& e) {
        fail("TRUSTLIST_KEY_INVALID", std::string("publicKey cannot be read: ") + e.what());
    }
    if (key->alg() != *alg)
        fail("TRUSTLIST_KEY_INVALID", "publicKey is not a " + std::string(codeAlgName(*alg)) + " key");
    if (key->keyId() != *keyId)
        fail("TRUSTLIST_KEY_INVALID", "keyId " + toHex(*keyId) + " does not match its publicKey");
    return *key;
}

void writeKey(Writer& w, const PublicKey& key)
{
    w.Key("keyId");
    w.String(toHex(key.keyId()).c_str());
    w.Key("alg");
    w.String(codeAlgName(key.alg()));
    w.Key("publicKey");
    w.String(toBase64(key.toDer()).c_str());
}

} // namespace

const TrustedKey* TrustList::find(const Bytes& keyId) const
{
    for (const auto& k : keys)
        if (k.keyId == keyId)
            return &k;
    return nullptr;
}

std::string signTrustList(const TrustList& list, const PrivateKey& signer)
{
    if (list.expiresAt <= list.issuedAt)
        fail("TRUSTLIST_INVALID", "expiresAt must be later than issuedAt");
    rapidjson::StringBuffer listBuffer;
    {
        Writer w(listBuffer);
        w.StartObject();
        w.Key("serial");
        w.Uint64(list.serial);
        w.Key("issuer");
        w.String(list.issuer.c_str(), static_cast<rapidjson::SizeType>(list.issuer.size()));
        w.Key("issuedAt");
        w.Uint(list.issuedAt);
        w.Key("expiresAt");
        w.Uint(list.expiresAt);
        w.Key("keys");
        w.StartArray();
        for (const auto& k : list.keys) {
            if (!k.key)
                fail("TRUSTLIST_INVALID", "a trusted key has no public key");
            if (k.notAfter <= k.notBefore)
                fail("TRUSTLIST_INVALID", "a trusted key's notAfter must be later than its notBefore");
            w.StartObject();
            writeKey(w, *k.key);
            w.Key("notBefore");
            w.Uint(k.notBefore);
            w.Key("notAfter");
            w.Uint(k.notAfter);
            w.Key("label");
            w.String(k.label.c_str(), static_cast<rapidjson::SizeType>(k.label.size()));
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    const std::string listText(listBuffer.GetString(), listBuffer.GetSize());
    const Bytes signature = signer.sign(toBytes(listText));

    // The list travels as a string so the verifier checks the exact bytes that were signed:
    // no JSON canonicalisation is needed on either side.
    rapidjson::StringBuffer doc;
    Writer w(doc);
    w.StartObject();
    w.Key("format");
    w.String(kFormat);
    w.Key("list");
    w.String(listText.c_str(), static_cast<rapidjson::SizeType>(listText.size()));
    w.Key("signer");
    w.StartObject();
    writeKey(w, signer.publicKey());
    w.EndObject();
    w.Key("signature");
    w.String(toBase64(signature).c_str());
    w.EndObject();
    return std::string(doc.GetString(), doc.GetSize()) + "\n";
}

TrustList parseTrustList(const std::string& document, const PublicKey* anchor, Bytes* signerKeyId)
{
    if (document.size() > kMaxDocumentSize)
        fail("TRUSTLIST_TOO_LARGE", "document is larger than 1 MiB");
    const rapidjson::Document doc = parseJson(document, "document");
    if (stringField(doc, "format") != kFormat)
        fail("TRUSTLIST_FORMAT", "unsupported format (expected " + std::string(kFormat) + ")");
    const std::string listText = stringField(doc, "list");
    const auto& signerValue = member(doc, "signer");
    if (!signerValue.IsObject())
        fail("TRUSTLIST_MALFORMED", "field \"signer\" must be an object");
    CodeAlg signerAlg;
    Bytes signerId;
    const PublicKey signer = keyField(signerValue, &signerAlg, &signerId);
    if (anchor && (anchor->keyId() != signerId || anchor->toDer() != signer.toDer()))
        fail("TRUSTLIST_SIGNER_UNTRUSTED",
             "signed by key " + toHex(signerId) + ", not by the pinned key " + toHex(anchor->keyId()));
    Bytes signature;
    try {
        signature = fromBase64(stringField(doc, "signature"));
    } catch (const Error&) {
        fail("TRUSTLIST_SIGNATURE_INVALID", "signature is not base64");
    }
    if (!signer.verify(toBytes(listText), signature))
        fail("TRUSTLIST_SIGNATURE_INVALID", "the signature does not match the list");
    if (signerKeyId)
        *signerKeyId = signerId;

    const rapidjson::Document body = parseJson(listText, "list");
    TrustList list;
    const auto& serial = member(body, "serial");
    if (!serial.IsUint64())
        fail("TRUSTLIST_MALFORMED", "field \"serial\" must be a whole number");
    list.serial = serial.GetUint64();
    list.issuer = stringField(body, "issuer");
    list.issuedAt = timeField(body, "issuedAt");
    list.expiresAt = timeField(body, "expiresAt");
    if (list.expiresAt <= list.issuedAt)
        fail("TRUSTLIST_MALFORMED", "expiresAt is not later than issuedAt");
    const auto& keys = member(body, "keys");
    if (!keys.IsArray())
        fail("TRUSTLIST_MALFORMED", "field \"keys\" must be an array");
    for (const auto& k : keys.GetArray()) {
        if (!k.IsObject())
            fail("TRUSTLIST_MALFORMED", "each key must be an object");
        TrustedKey trusted;
        trusted.key = keyField(k, &trusted.alg, &trusted.keyId);
        trusted.notBefore = timeField(k, "notBefore");
        trusted.notAfter = timeField(k, "notAfter");
        if (k.HasMember("label"))
            trusted.label = stringField(k, "label");
        if (list.find(trusted.keyId))
            fail("TRUSTLIST_MALFORMED", "key " + toHex(trusted.keyId) + " is listed twice");
        list.keys.push_back(std::move(trusted));
    }
    return list;
}

OfflineVerification verifyCodeOffline(const std::string& codeText, const TrustList& list, std::uint32_t now,
                                      std::uint32_t clockSkewSeconds)
{
    OfflineVerification result;
    auto verdict = [&result](OfflineVerdict v, std::string detail) {
        result.verdict = v;
        result.detail = std::move(detail);
        return result;
    };
    // 003 §7.2.2 and QUALITY.md: a verifier with an outdated list says it cannot verify.
    if (now >= list.expiresAt)
        return verdict(OfflineVerdict::TrustListExpired, "the trust list expired; update it before verifying");
    try {
        result.code = parseCode(codeText);
    } catch (const Error& e) {
        return verdict(OfflineVerdict::Malformed, e.code());
    }
    const CodePayload& p = result.code->payload;
    if (isMacAlg(p.alg))
        return verdict(OfflineVerdict::NotOfflineCode, "an online code: only the server can verify it");
    const TrustedKey* trusted = list.find(p.keyId);
    if (!trusted)
        return verdict(OfflineVerdict::UnknownKey, "key " + toHex(p.keyId) + " is not in the trust list");
    // The trust list decides the algorithm; the code's algorithm byte must merely agree.
    switch (verifyCodeSignature(*result.code, trusted->alg, *trusted->key)) {
    case CodeAuthResult::Ok:
        break;
    case CodeAuthResult::AlgorithmNotAllowed:
        return verdict(OfflineVerdict::AlgorithmMismatch,
                       std::string("the trust list has a ") + codeAlgName(trusted->alg) + " key under this id");
    case CodeAuthResult::UnknownKey:
        return verdict(OfflineVerdict::UnknownKey, "key " + toHex(p.keyId) + " is not in the trust list");
    case CodeAuthResult::BadAuth:
        return verdict(OfflineVerdict::BadSignature, "the signature does not match: forged or altered");
    }
    if (p.issuedAt < trusted->notBefore || p.issuedAt > trusted->notAfter)
        return verdict(OfflineVerdict::KeyNotValid, "issued outside the validity of key " + toHex(p.keyId));
    if (p.issuedAt > static_cast<std::uint64_t>(now) + clockSkewSeconds)
        return verdict(OfflineVerdict::NotYetValid, "issued in the future; check this device's clock");
    if (now >= p.expiresAt)
        return verdict(OfflineVerdict::Expired, "码已过期 (code expired)");
    return verdict(OfflineVerdict::Valid, "valid");
}

const char* offlineVerdictName(OfflineVerdict verdict)
{
    switch (verdict) {
    case OfflineVerdict::Valid:
        return "VALID";
    case OfflineVerdict::Malformed:
        return "MALFORMED";
    case OfflineVerdict::TrustListExpired:
        return "TRUSTLIST_EXPIRED";
    case OfflineVerdict::NotOfflineCode:
        return "NOT_OFFLINE_CODE";
    case OfflineVerdict::UnknownKey:
        return "UNKNOWN_KEY";
    case OfflineVerdict::AlgorithmMismatch:
        return "ALGORITHM_MISMATCH";
    case OfflineVerdict::KeyNotValid:
        return "KEY_NOT_VALID";
    case OfflineVerdict::BadSignature:
        return "BAD_SIGNATURE";
    case OfflineVerdict::NotYetValid:
        return "NOT_YET_VALID";
    case OfflineVerdict::Expired:
        return "EXPIRED";
    }
    return "MALFORMED";
}

} // namespace citycode::common
