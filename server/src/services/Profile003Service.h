#pragma once

#include "citycode/common/Bytes.h"
#include "services/CallerAuthenticator.h"
#include "storage/CallerRepository.h"
#include "storage/CodeRecordRepository.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>

namespace citycode::server {

class KeyStore;
class OpenApiServices;
class PersonalDataCipher;

// The provincial interface profile of 003 Appendix B (docs/open-api-profile-003.md) over the same
// services as the open API: third-party authorisation (B.5) issues short-lived stateless access
// tokens sealed with the platform's MAC key; generate (B.1) and channel (B.3) issue dynamic codes
// through DynamicCodeService::show and render them as PNG; tags (B.2) reads the user's bound
// "tags"; decode (B.4) checks the merchant's signature and verifies through DynamicCodeService::
// decode (the same used mark), answering AES-256-GCM under a key derived per merchant. Throws
// common::Error with the stable codes of docs/open-api.md plus TOKEN_* and AUTH_CODE_*. Thread-safe.
class Profile003Service
{
public:
    // Lifetimes: an authorisation code 300 s, an access token 600 s (004 §7: fetched when needed).
    static constexpr std::int64_t kAuthCodeSeconds = 300;
    static constexpr std::int64_t kTokenSeconds = 600;
    // decode: the merchant's time may differ from the server clock by at most this much.
    static constexpr std::int64_t kTimeWindowSeconds = 300;

    Profile003Service(const PersonalDataCipher& cipher, OpenApiServices& openApi, const KeyStore& keys,
                      const CodeEngineLookup& codeEngine);

    // An app that has the user asks for a one-time authorisation code for an app of its platform
    // (input: userId, appId = the receiving app's code, default itself).
    Poco::JSON::Object::Ptr authorizationCode(const Caller& caller, const Poco::JSON::Object& input);
    // B.5: the receiving app (the signing caller) trades the code for an access token (input: code, appId).
    Poco::JSON::Object::Ptr thirdPartyAuthorization(const Caller& caller, const Poco::JSON::Object& input);
    // B.1 (channel = false: a personal code) and B.3 (channel = true: a payment code, 公交码).
    Poco::JSON::Object::Ptr generate(const Poco::JSON::Object& input, bool channel, CodeRecord& record);
    // B.2: the user's tags as the token's app bound them (dataType "tags"); empty when none.
    Poco::JSON::Array::Ptr tags(const Poco::JSON::Object& input);
    // B.4: the base64 of the sealed answer (terminal merchants: "<hex key id>." before it);
    // `record` as DynamicCodeService::decode fills it.
    std::string decode(const Poco::JSON::Object& input, CodeRecord& record);
    // A terminal merchant's current answer key (it holds only a private key, so the key is derived
    // from the platform's MAC key and fetched over a terminal-signed request).
    Poco::JSON::Object::Ptr merchantKey(const Caller& caller);

    // "yyyy-MM-dd HH:mm:ss" in Beijing time (UTC+8), the seed's serverTime.
    static std::string serverTime(std::int64_t unixSeconds);
    // decode's time field, "yyyyMMddHHmmss" in Beijing time; -1 when malformed.
    static std::int64_t parseMerchantTime(const std::string& text);
    // The text a merchant signs for decode (docs/open-api-profile-003.md).
    static std::string decodeCanonical(const std::string& merchantId, const std::string& time, const std::string& macId,
                                       const std::string& qrcode);
    // The AES-256 key of a merchant's decode answers, derived from its developer secret (apps) or
    // from the platform's MAC key (terminals).
    static common::Bytes responseKey(const std::string& appSecret, const std::string& merchantId);
    static common::Bytes terminalResponseKey(const common::Bytes& macSecret, const std::string& terminalCode);
    // The associated data the answer is sealed with.
    static std::string responseAad(const std::string& merchantId, const std::string& time);

private:
    struct Grant
    {
        Poco::Int64 appId = 0;
        Poco::Int64 userId = 0;
        std::string nonce;
        std::int64_t expiresAt = 0;
        CallerApp app; // the app it was issued to, as it is now
    };
    std::string seal(const std::string& kind, Poco::Int64 platformId, Poco::Int64 appId, Poco::Int64 userId,
                     std::int64_t lifetime);
    // Throws invalidCode / expiredCode for a bad or stale sealed grant of this kind.
    Grant open(const std::string& kind, const std::string& text, const std::string& invalidCode,
               const std::string& expiredCode);
    // The app and user of an access token; the app must still be enabled.
    Caller tokenCaller(const Poco::JSON::Object& input, Poco::Int64& userId);

    const PersonalDataCipher& m_cipher;
    OpenApiServices& m_openApi;
    const KeyStore& m_keys;
    const CodeEngineLookup& m_codeEngine;
};

} // namespace citycode::server
