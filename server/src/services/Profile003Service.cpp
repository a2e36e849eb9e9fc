#include "services/Profile003Service.h"

#include "citycode/common/CodePayload.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"
#include "citycode/common/PersonalData.h"
#include "citycode/common/Symbol.h"
#include "services/DynamicCodeService.h"
#include "services/KeyStore.h"
#include "services/OpenApiInput.h"
#include "services/OpenApiServices.h"
#include "services/PersonalDataCipher.h"
#include "storage/Database.h"

#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <algorithm>
#include <ctime>
#include <sstream>

namespace citycode::server {

namespace {

constexpr char kSecretColumn[] = "developers.secret"; // as AppService seals it
constexpr char kTokenKind[] = "TOKEN";
constexpr char kAuthCodeKind[] = "AUTHCODE";
constexpr char kResponseLabel[] = "CITYCODE-PROFILE003-RESPONSE-V1";
// Beijing time: the seed's times (serverTime, decode's time) are local times of a Chinese city.
constexpr std::int64_t kBeijingOffset = 8 * 3600;

[[noreturn]] void refuse(const std::string& code, const std::string& message)
{
    throw common::Error(code, message);
}

bool safeToken(const std::string& text, std::size_t maxSize)
{
    if (text.empty() || text.size() > maxSize)
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

// Tokens and authorisation codes are MACed under a key derived from the platform's MAC key, one
// derivation per kind, so a token is never accepted as a code or the other way round, and neither
// is ever a code payload MAC.
common::Bytes grantKey(const common::Bytes& macSecret, const std::string& kind)
{
    return common::mac(common::CodeAlg::HmacSm3, macSecret, common::toBytes("CITYCODE-PROFILE003-" + kind));
}

std::string codeTypeName(std::uint8_t number)
{
    for (const char* type : {"personal", "health", "payment"}) {
        if (DynamicCodeService::codeTypeNumber(type) == number)
            return type;
    }
    return {};
}

} // namespace

Profile003Service::Profile003Service(const PersonalDataCipher& cipher, OpenApiServices& openApi, const KeyStore& keys,
                                     const CodeEngineLookup& codeEngine)
    : m_cipher(cipher), m_openApi(openApi), m_keys(keys), m_codeEngine(codeEngine)
{
}

std::string Profile003Service::serverTime(std::int64_t unixSeconds)
{
    const std::time_t local = static_cast<std::time_t>(unixSeconds + kBeijingOffset);
    std::tm parts{};
    gmtime_r(&local, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts);
    return text;
}

std::int64_t Profile003Service::parseMerchantTime(const std::string& text)
{
    // 003 Table B.4 writes "yyyyMMssHHmmss": a misprint of yyyyMMddHHmmss (14 digits either way).
    if (text.size() != 14 || text.find_first_not_of("0123456789") != std::string::npos)
        return -1;
    const auto number = [&](std::size_t at, std::size_t size) { return std::stoi(text.substr(at, size)); };
    std::tm parts{};
    parts.tm_year = number(0, 4) - 1900;
    parts.tm_mon = number(4, 2) - 1;
    parts.tm_mday = number(6, 2);
    parts.tm_hour = number(8, 2);
    parts.tm_min = number(10, 2);
    parts.tm_sec = number(12, 2);
    if (parts.tm_mon < 0 || parts.tm_mon > 11 || parts.tm_mday < 1 || parts.tm_mday > 31 || parts.tm_hour > 23 ||
        parts.tm_min > 59 || parts.tm_sec > 60)
        return -1;
    return static_cast<std::int64_t>(timegm(&parts)) - kBeijingOffset;
}

std::string Profile003Service::decodeCanonical(const std::string& merchantId, const std::string& time,
                                               const std::string& macId, const std::string& qrcode)
{
    // One field per line; merchantId, time and macId cannot hold a line break (checked), the code
    // enters as its hash: one text has one reading.
    return "CITYCODE-PROFILE003-DECODE-V1\n" + merchantId + "\n" + time + "\n" + macId + "\n" +
           common::toHex(common::sha256(common::toBytes(qrcode)));
}

common::Bytes Profile003Service::responseKey(const std::string& appSecret, const std::string& merchantId)
{
    return common::mac(common::CodeAlg::HmacSha256, common::toBytes(appSecret),
                       common::toBytes(std::string(kResponseLabel) + "\n" + merchantId));
}

common::Bytes Profile003Service::terminalResponseKey(const common::Bytes& macSecret, const std::string& terminalCode)
{
    return common::mac(common::CodeAlg::HmacSha256, macSecret,
                       common::toBytes(std::string(kResponseLabel) + "\nterminal:" + terminalCode));
}

Poco::JSON::Object::Ptr Profile003Service::merchantKey(const Caller& caller)
{
    if (caller.kind != Caller::Kind::Terminal)
        refuse("CALLER_NOT_TERMINAL", "apps derive their answer key from their developer secret");
    const MacKey key = m_keys.currentMacKey(caller.platformId);
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set("merchantId", caller.terminalCode);
    data->set("alg", "AES-256-GCM");
    data->set("keyId", common::toHex(key.keyId));
    data->set("key", common::toBase64(terminalResponseKey(key.secret, caller.terminalCode)));
    return data;
}

std::string Profile003Service::responseAad(const std::string& merchantId, const std::string& time)
{
    return std::string(kResponseLabel) + "\n" + merchantId + "\n" + time;
}

std::string Profile003Service::seal(const std::string& kind, Poco::Int64 platformId, Poco::Int64 appId,
                                    Poco::Int64 userId, std::int64_t lifetime)
{
    const MacKey key = m_keys.currentMacKey(platformId);
    const std::int64_t expiresAt = m_openApi.clock().now() + lifetime;
    const std::string payload = kind + "|" + common::toHex(key.keyId) + "|" + std::to_string(appId) + "|" +
                                std::to_string(userId) + "|" + std::to_string(expiresAt) + "|" +
                                common::toHex(common::randomBytes(16));
    const common::Bytes tag =
        common::mac(common::CodeAlg::HmacSm3, grantKey(key.secret, kind), common::toBytes(payload));
    return common::toBase64(common::toBytes(payload)) + "." + common::toHex(tag);
}

Profile003Service::Grant Profile003Service::open(const std::string& kind, const std::string& text,
                                                 const std::string& invalidCode, const std::string& expiredCode)
{
    const std::size_t dot = text.find('.');
    if (text.empty() || text.size() > 512 || dot == std::string::npos)
        refuse(invalidCode, "malformed");
    std::string payload;
    common::Bytes tag;
    try {
        payload = common::toString(common::fromBase64(text.substr(0, dot)));
        tag = common::fromHex(text.substr(dot + 1));
    } catch (const common::Error&) {
        refuse(invalidCode, "malformed");
    }
    Poco::StringTokenizer parts(payload, "|");
    if (parts.count() != 6 || parts[0] != kind)
        refuse(invalidCode, "malformed");
    common::Bytes keyId;
    Grant grant;
    Poco::Int64 expiresAt = 0;
    try {
        keyId = common::fromHex(parts[1]);
    } catch (const common::Error&) {
        refuse(invalidCode, "malformed");
    }
    if (!Poco::NumberParser::tryParse64(parts[2], grant.appId) ||
        !Poco::NumberParser::tryParse64(parts[3], grant.userId) || !Poco::NumberParser::tryParse64(parts[4], expiresAt))
        refuse(invalidCode, "malformed");
    grant.expiresAt = expiresAt;
    grant.nonce = parts[5];
    const std::int64_t now = m_openApi.clock().now();
    // A key retired since (beyond its rotation overlap) ends the grant: fetch a new one.
    const std::optional<MacKey> key = m_keys.macKey(keyId, now);
    if (!key || tag.size() != 32 ||
        !common::macVerify(common::CodeAlg::HmacSm3, grantKey(key->secret, kind), common::toBytes(payload), tag))
        refuse(invalidCode, "not issued by this platform, altered, or sealed with a retired key");
    const std::optional<CallerApp> app = m_codeEngine.appById(grant.appId);
    if (!app || app->platformId != key->platformId)
        refuse(invalidCode, "not issued by this platform");
    if (now > grant.expiresAt)
        refuse(expiredCode, "expired; authorise again");
    grant.app = *app;
    return grant;
}

Poco::JSON::Object::Ptr Profile003Service::authorizationCode(const Caller& caller, const Poco::JSON::Object& input)
{
    openapi::requireApp(caller);
    const Poco::Int64 userId = openapi::requiredId(input, "userId");
    std::string target = openapi::text(input, "appId", 64);
    if (target.empty())
        target = caller.appCode;
    const std::optional<CallerApp> app = m_codeEngine.appByCode(target);
    // Another platform's app is answered like a missing one.
    if (!app || app->platformId != caller.platformId)
        refuse("APP_UNKNOWN", "no such app on this platform");
    if (!app->enabled)
        refuse("APP_DISABLED", "the app or its platform is disabled");
    if (!m_openApi.users().exists(userId))
        refuse("USER_UNKNOWN", "no such user");
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set("code", seal(kAuthCodeKind, caller.platformId, app->id, userId, kAuthCodeSeconds));
    data->set("appId", app->appCode);
    data->set("expiresIn", kAuthCodeSeconds);
    return data;
}

Poco::JSON::Object::Ptr Profile003Service::thirdPartyAuthorization(const Caller& caller,
                                                                   const Poco::JSON::Object& input)
{
    openapi::requireApp(caller);
    const std::string code = openapi::requiredText(input, "code", 512);
    if (openapi::requiredText(input, "appId", 64) != caller.appCode)
        refuse("APP_MISMATCH", "appId must be the signing app");
    const Grant grant = open(kAuthCodeKind, code, "AUTH_CODE_INVALID", "AUTH_CODE_EXPIRED");
    if (grant.appId != caller.appId)
        refuse("AUTH_CODE_INVALID", "the code was issued for another app");
    // One use per code, on every node: the code's nonce is claimed like a request nonce.
    if (!m_openApi.nonces().claimRequestNonce("profile003:authcode", grant.nonce, grant.expiresAt + 1))
        refuse("AUTH_CODE_USED", "the authorisation code was used already");
    const std::optional<UserElements> user = m_openApi.users().find(grant.userId);
    if (!user)
        refuse("USER_UNKNOWN", "no such user");
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set("accessToken", seal(kTokenKind, caller.platformId, caller.appId, grant.userId, kTokenSeconds));
    data->set("expiresIn", kTokenSeconds);
    data->set("concealName", common::maskName(user->name));
    data->set("concealCard", common::maskIdNumber(user->idNumber));
    return data;
}

Caller Profile003Service::tokenCaller(const Poco::JSON::Object& input, Poco::Int64& userId)
{
    const Grant grant =
        open(kTokenKind, openapi::requiredText(input, "accessToken", 512), "TOKEN_INVALID", "TOKEN_EXPIRED");
    if (!grant.app.enabled)
        refuse("APP_DISABLED", "the app or its platform is disabled");
    Caller caller;
    caller.kind = Caller::Kind::App;
    caller.appId = grant.app.id;
    caller.appCode = grant.app.appCode;
    caller.platformId = grant.app.platformId;
    userId = grant.userId;
    return caller;
}

Poco::JSON::Object::Ptr Profile003Service::generate(const Poco::JSON::Object& input, bool channel, CodeRecord& record)
{
    m_codeEngine.beginRequest(); // not signed by a caller the authenticator checks
    Poco::Int64 userId = 0;
    const Caller caller = tokenCaller(input, userId);
    record.caller = caller.id();
    const std::string codeType = channel ? "payment" : "personal";
    const std::string latitude = openapi::requiredText(input, "latitude", 32);
    const std::string longitude = openapi::requiredText(input, "longitude", 32);
    const std::optional<IssuableRuleVersion> rule = m_codeEngine.issuableVersion(caller.appId, codeType);
    if (!rule)
        refuse("RULE_NOT_AVAILABLE", "no published, enabled " + codeType + " code rule is linked to the app");
    // The same issue path as /api/show*Code: permissions, rule, key, validity, record.
    Poco::JSON::Object show;
    show.set("cityCodeAppId", caller.appCode);
    show.set("codeDefId", std::to_string(rule->ruleId));
    show.set("userId", std::to_string(userId));
    show.set("collectInfo", latitude + "," + longitude);
    const Poco::JSON::Object::Ptr shown = m_openApi.codes().show(caller, codeType, show, record);
    const std::optional<UserElements> user = m_openApi.users().find(userId);
    if (!user)
        refuse("USER_UNKNOWN", "no such user");

    // 002 §6.2: at least 3 pixels per module; 4 here, with the standard 4-module quiet zone. The
    // content is a sealed code, pseudo-random, so the fixed mask serves it as well as the best
    // one would, at a sixth of the cost (Symbol.h, QrMask), as for the open API's show.
    common::SymbolStyle style;
    style.modulePixels = 4;
    const common::ModuleMatrix matrix =
        common::encodeSymbol(shown->getValue<std::string>("codeContent"), common::Symbology::Qr, style.ecLevel,
                             common::QrMask::SealedPayload);
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set("qrcodeType", codeType);
    data->set("qrcodeBase64", common::toBase64(common::renderPng(matrix, style)));
    data->set("serverTime", serverTime(m_openApi.clock().now()));
    data->set("expireTime", shown->get("expireTime"));
    if (channel) {
        // B.3 lists the full name and ID number: only when the rule grants them to decode, as
        // for decode; empty otherwise (the seed's own example leaves them empty).
        const auto grants = [&](const char* name) {
            return std::find(rule->decodeFields.begin(), rule->decodeFields.end(), name) != rule->decodeFields.end();
        };
        data->set("idCard", grants("certNo") || grants("idNumber") ? user->idNumber : std::string());
        data->set("userName", grants("name") ? user->name : std::string());
    }
    data->set("concealName", common::maskName(user->name));
    data->set("concealCard", common::maskIdNumber(user->idNumber));
    return data;
}

Poco::JSON::Array::Ptr Profile003Service::tags(const Poco::JSON::Object& input)
{
    m_codeEngine.beginRequest();
    Poco::Int64 userId = 0;
    const Caller caller = tokenCaller(input, userId);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    Poco::JSON::Object query;
    query.set("cityCodeAppId", caller.appCode);
    query.set("userId", std::to_string(userId));
    query.set("dataType", "tags");
    Poco::JSON::Object::Ptr bound;
    try {
        bound = m_openApi.bindData().get(caller, query);
    } catch (const common::Error& e) {
        if (e.code() == "BIND_DATA_NOT_FOUND")
            return list;
        throw;
    }
    Poco::JSON::Array::Ptr stored;
    try {
        stored = Poco::JSON::Parser().parse(bound->getValue<std::string>("data")).extract<Poco::JSON::Array::Ptr>();
    } catch (const Poco::Exception&) {
        return list; // bound data of type "tags" that is not a list of tags holds no tags
    }
    if (!stored)
        return list;
    for (std::size_t i = 0; i < stored->size(); ++i) {
        const Poco::JSON::Object::Ptr tag = stored->getObject(static_cast<unsigned>(i));
        if (!tag)
            continue;
        const auto number = [&](const char* name, int fallback) {
            try {
                return tag->has(name) ? tag->getValue<int>(name) : fallback;
            } catch (const Poco::Exception&) {
                return fallback;
            }
        };
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("icon", openapi::text(*tag, "icon", 512));
        item->set("no", number("no", static_cast<int>(i) + 1));
        item->set("backgroundColor", number("backgroundColor", 0));
        item->set("text", openapi::text(*tag, "text", 256));
        item->set("fontColor", number("fontColor", 0));
        list->add(item);
    }
    return list;
}

std::string Profile003Service::decode(const Poco::JSON::Object& input, CodeRecord& record)
{
    m_codeEngine.beginRequest(); // not signed by a caller the authenticator checks
    const std::string merchantId = openapi::requiredText(input, "merchantId", 64);
    const std::string time = openapi::requiredText(input, "time", 14);
    const std::string sign = openapi::requiredText(input, "sign", 1024);
    std::string qrcode = openapi::text(input, "qrcode", common::kMaxCodeTextSize + 1);
    if (qrcode.empty())
        qrcode = openapi::requiredText(input, "qrcod", common::kMaxCodeTextSize + 1); // Table B.4's spelling
    const std::string macId = openapi::requiredText(input, "macId", 64);
    if (!safeToken(macId, 64))
        refuse("BAD_REQUEST", "macId must be 1 to 64 characters of A-Z a-z 0-9 - _ .");
    record.caller = "unverified merchant:" + merchantId.substr(0, 64);
    record.terminalCode = macId;

    // The merchant: an app registered on the platform (its developer secret signs and keys the
    // answer) or, failing that, a registered terminal (its own key signs; the answer key is derived).
    const bool safe = safeToken(merchantId, 64);
    const std::optional<CallerApp> app = safe ? m_codeEngine.appByCode(merchantId) : std::nullopt;
    std::optional<TerminalRecord> terminal;
    if (!app && safe)
        terminal = m_codeEngine.terminal(merchantId);
    if ((!app || app->sealedSecret.empty()) && (!terminal || terminal->publicKeyPem.empty()))
        refuse("APP_UNKNOWN", "unknown merchant");
    const std::int64_t when = parseMerchantTime(time);
    if (when < 0)
        refuse("BAD_REQUEST", "time must be yyyyMMddHHmmss (Beijing time)");
    const std::int64_t now = m_openApi.clock().now();
    if (when < now - kTimeWindowSeconds || when > now + kTimeWindowSeconds)
        refuse("TIMESTAMP_STALE", "time is more than 300 seconds from the server clock");
    const std::string canonical = decodeCanonical(merchantId, time, macId, qrcode);
    Caller caller;
    common::Bytes answerKey;
    std::string keyPrefix;
    if (app) {
        common::Bytes signature;
        try {
            signature = common::fromHex(sign);
        } catch (const common::Error&) {
            refuse("SIGNATURE_INVALID", "sign must be the hex HMAC-SHA256");
        }
        const std::string secret = m_cipher.open(app->sealedSecret, kSecretColumn);
        if (signature.size() != 32 || !common::macVerify(common::CodeAlg::HmacSha256, common::toBytes(secret),
                                                         common::toBytes(canonical), signature))
            refuse("SIGNATURE_INVALID", "the signature does not match the request");
        if (!app->enabled)
            refuse("APP_DISABLED", "the merchant's app or its platform is disabled");
        caller.kind = Caller::Kind::App;
        caller.appId = app->id;
        caller.appCode = app->appCode;
        caller.platformId = app->platformId;
        answerKey = responseKey(secret, merchantId);
    } else {
        common::Bytes signature;
        bool valid = false;
        try {
            signature = common::fromBase64(sign);
            valid = common::PublicKey::fromPem(terminal->publicKeyPem).verify(common::toBytes(canonical), signature);
        } catch (const common::Error&) {
            valid = false;
        }
        if (!valid)
            refuse("SIGNATURE_INVALID", "the signature does not match the request");
        if (!terminal->enabled)
            refuse("TERMINAL_DISABLED", "the terminal is disabled");
        caller.kind = Caller::Kind::Terminal;
        caller.platformId = terminal->platformId;
        caller.terminalId = terminal->id;
        caller.terminalCode = terminal->terminalCode;
        const MacKey key = m_keys.currentMacKey(terminal->platformId);
        answerKey = terminalResponseKey(key.secret, terminal->terminalCode);
        keyPrefix = common::toHex(key.keyId) + ".";
    }
    record.caller = caller.id();

    // The code says its type; the verdict is DynamicCodeService's, including the used mark.
    const common::ParsedCode code = common::parseCode(qrcode);
    const common::CodeField* type = code.payload.field(static_cast<std::uint8_t>(common::CodeFieldTag::CodeType));
    const std::string codeType = type && type->value.size() == 1 ? codeTypeName(type->value[0]) : std::string();
    if (codeType.empty())
        refuse("CODE_TYPE_MISMATCH", "the code is not a dynamic code of this platform");
    Poco::JSON::Object verify;
    verify.set("acceptOrgId", merchantId);
    verify.set("codeContent", qrcode);
    verify.set("terminalNo", macId);
    Poco::JSON::Object::Ptr verdict = m_openApi.codes().decode(caller, codeType, verify, record);
    verdict->set("codeType", codeType);
    verdict->set("merchantId", merchantId);
    verdict->set("macId", macId);
    verdict->set("serverTime", serverTime(now));
    std::ostringstream json;
    verdict->stringify(json);
    return keyPrefix +
           common::toBase64(common::aeadSeal(common::AeadAlg::Aes256Gcm, answerKey, common::toBytes(json.str()),
                                             common::toBytes(responseAad(merchantId, time))));
}

} // namespace citycode::server
