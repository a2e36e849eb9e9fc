#include "services/DynamicCodeService.h"

#include "citycode/common/CodePayload.h"
#include "citycode/common/Error.h"
#include "citycode/common/PersonalData.h"
#include "citycode/common/Symbol.h"
#include "services/BindDataService.h"
#include "services/KeyStore.h"
#include "services/OpenApiInput.h"
#include "services/TestClock.h"
#include "services/UserService.h"
#include "storage/Database.h"
#include "storage/NonceStore.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>

namespace citycode::server {

namespace {

// A code issued more than this far ahead of the server clock is not accepted yet (clock skew
// between nodes is far smaller).
constexpr std::int64_t kMaxIssueSkewSeconds = 300;

[[noreturn]] void refuse(const std::string& code, const std::string& message)
{
    throw common::Error(code, message);
}

common::Bytes bigEndian(std::uint64_t value)
{
    common::Bytes bytes(8);
    for (int i = 7; i >= 0; --i) {
        bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value & 0xff);
        value >>= 8;
    }
    return bytes;
}

std::uint64_t fromBigEndian(const common::Bytes& bytes)
{
    std::uint64_t value = 0;
    for (const std::uint8_t b : bytes)
        value = (value << 8) | b;
    return value;
}

// userExt of 001 §5.1.9: base64 of a JSON object with the three elements. name, certNo (or
// idNumber), mobile (or phone), certType optional.
UserElements userElements(const Poco::JSON::Object& input)
{
    const std::string ext = openapi::requiredText(input, "userExt", 8192);
    Poco::JSON::Object::Ptr object;
    try {
        const common::Bytes json = common::fromBase64(ext);
        object = Poco::JSON::Parser().parse(common::toString(json)).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) { // common::Error (base64) and Poco::Exception (JSON) alike
        refuse("BAD_REQUEST", "userExt must be base64 of a JSON object");
    }
    if (!object)
        refuse("BAD_REQUEST", "userExt must be base64 of a JSON object");
    UserElements elements;
    elements.name = openapi::text(*object, "name", 150);
    elements.idNumber = openapi::text(*object, "certNo", 32);
    if (elements.idNumber.empty())
        elements.idNumber = openapi::text(*object, "idNumber", 32);
    elements.phone = openapi::text(*object, "mobile", 32);
    if (elements.phone.empty())
        elements.phone = openapi::text(*object, "phone", 32);
    const std::string certType = openapi::text(*object, "certType", 32);
    if (!certType.empty())
        elements.certType = certType;
    return elements;
}

bool grants(const IssuableRuleVersion& rule, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        if (std::find(rule.decodeFields.begin(), rule.decodeFields.end(), name) != rule.decodeFields.end())
            return true;
    }
    return false;
}

} // namespace

DynamicCodeService::DynamicCodeService(Database& database, UserService& users, BindDataService& bindData,
                                       const CodeEngineLookup& codeEngine, const KeyStore& keys, NonceStore& nonces,
                                       const TestClock& clock)
    : m_database(database), m_users(users), m_bindData(bindData), m_codeEngine(codeEngine), m_keys(keys),
      m_nonces(nonces), m_clock(clock)
{
}

std::uint8_t DynamicCodeService::codeTypeNumber(const std::string& codeType)
{
    if (codeType == "personal")
        return 1;
    if (codeType == "enterprise")
        return 2;
    if (codeType == "payment")
        return 3;
    if (codeType == "health")
        return 4;
    if (codeType == "object")
        return 5;
    return 0;
}

IssuableRuleVersion DynamicCodeService::issuable(const Caller& caller, const std::string& codeType,
                                                 const Poco::JSON::Object& input, CodeRecord& record)
{
    openapi::requireApp(caller);
    openapi::requireOwnApp(caller, input);
    record.appId = caller.appId;
    record.platformId = caller.platformId;
    record.codeType = codeType;
    // 002 §5.3.1.3: the generate permission is read on every call, so switching it off takes
    // effect on the next request.
    if (!m_codeEngine.appPermissions(caller.appId).generate)
        refuse("GENERATE_FORBIDDEN", "the app's generate permission is switched off");
    const std::optional<IssuableRuleVersion> rule = m_codeEngine.issuableVersion(caller.appId, codeType);
    if (!rule)
        refuse("RULE_NOT_AVAILABLE", "no published, enabled " + codeType + " code rule is linked to the app");
    record.ruleId = rule->ruleId;
    record.ruleVersion = rule->version;
    // codeDefId (码定义ID) names the rule; it must be the rule the app issues this type with.
    const std::string codeDefId = openapi::requiredText(input, "codeDefId", 32);
    if (codeDefId != std::to_string(rule->ruleId))
        refuse("RULE_NOT_AVAILABLE", "codeDefId is not a " + codeType + " code rule linked to the app");
    return *rule;
}

Poco::JSON::Object::Ptr DynamicCodeService::open(const Caller& caller, const std::string& codeType,
                                                 const Poco::JSON::Object& input, CodeRecord& record)
{
    issuable(caller, codeType, input, record);
    const Poco::Int64 userId = m_users.open(caller.platformId, caller.appId, userElements(input));
    record.userId = userId;
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set("userId", std::to_string(userId));
    return data;
}

Poco::JSON::Object::Ptr DynamicCodeService::show(const Caller& caller, const std::string& codeType,
                                                 const Poco::JSON::Object& input, CodeRecord& record)
{
    const IssuableRuleVersion rule = issuable(caller, codeType, input, record);
    record.location = openapi::text(input, "collectInfo", 512);
    const Poco::Int64 userId = openapi::requiredId(input, "userId");
    record.userId = userId;
    std::optional<UserElements> user;
    if (codeType == "health")
        user = m_users.find(userId);
    if (codeType == "health" ? !user : !m_users.exists(userId))
        refuse("USER_UNKNOWN", "no such user; register it with the open call first");

    const MacKey key = m_keys.currentMacKey(rule.platformId);
    const std::int64_t now = m_clock.now();
    common::CodePayload payload;
    payload.alg = key.alg;
    payload.keyId = key.keyId;
    payload.ruleId = static_cast<std::uint64_t>(rule.ruleId);
    payload.ruleVersion = rule.version;
    payload.subjectRef = common::toBytes(std::to_string(userId)); // an id, never personal data
    payload.issuedAt = static_cast<std::uint32_t>(now);
    // 002 §9.2: valid one minute unless the rule says otherwise.
    payload.expiresAt = static_cast<std::uint32_t>(now + std::max<std::uint32_t>(1, rule.validitySeconds));
    payload.nonce = common::randomBytes(common::kNonceSize);
    payload.fields.push_back({static_cast<std::uint8_t>(common::CodeFieldTag::CodeType), {codeTypeNumber(codeType)}});
    payload.fields.push_back({static_cast<std::uint8_t>(common::CodeFieldTag::PlatformId),
                              bigEndian(static_cast<std::uint64_t>(rule.platformId))});
    payload.fields.push_back(
        {static_cast<std::uint8_t>(common::CodeFieldTag::AppId), bigEndian(static_cast<std::uint64_t>(caller.appId))});
    const std::string content = common::sealCode(payload, key.secret);
    record.codeId = common::toHex(payload.nonce);
    // 001 §5.1.9 codeContentType: "original_string" (default) answers the code text for the app
    // to draw; "byte_base64" answers the drawn code, base64 of a PNG in the platform's active
    // style for the code type (symbology, level, colours, module size), else QR level M, 4 px.
    const std::string contentType = openapi::text(input, "codeContentType", 32);
    if (!contentType.empty() && contentType != "original_string" && contentType != "byte_base64")
        refuse("BAD_REQUEST", "codeContentType must be original_string or byte_base64");
    const bool png = contentType == "byte_base64";

    Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set("cityCodeAppId", caller.appCode);
    data->set("cityCodeId", record.codeId);
    if (png) {
        data->set("codeContent", common::toBase64(m_codeEngine.codeLook(rule.platformId, codeType).renderPng(content)));
    } else {
        data->set("codeContent", content);
    }
    data->set("codeContentType", png ? "byte_base64" : "original_string");
    data->set("codeType", codeType);
    data->set("expireTime", static_cast<Poco::Int64>(payload.expiresAt));
    if (codeType == "health") {
        // 001 §5.1.11: the health code shows the status with masked name and ID only.
        const Poco::JSON::Object::Ptr health = m_bindData.health(userId);
        const auto value = [&](const char* name, const char* fallback) {
            return health && health->has(name) ? health->get(name).convert<std::string>() : std::string(fallback);
        };
        data->set("desensitizeCardId", common::maskIdNumber(user->idNumber));
        data->set("desensitizeName", common::maskName(user->name));
        data->set("healthStatus", value("healthStatus", "green"));
        data->set("isVaccinated", value("isVaccinated", ""));
        data->set("reportDate", value("reportDate", ""));
    }
    return data;
}

Poco::JSON::Object::Ptr DynamicCodeService::decode(const Caller& caller, const std::string& codeType,
                                                   const Poco::JSON::Object& input, CodeRecord& record,
                                                   NonceStore::CodeUse* deferredUse)
{
    record.codeType = codeType;
    record.location = openapi::text(input, "acceptOrgId", 128);
    if (caller.kind == Caller::Kind::App) {
        record.terminalCode = openapi::text(input, "terminalNo", 64);
        // 000 §2.2.5.2: a scanning app's scan permission can be switched off at once.
        if (!m_codeEngine.appPermissions(caller.appId).scan)
            refuse("SCAN_FORBIDDEN", "the app's scan permission is switched off");
    } else {
        record.terminalCode = caller.terminalCode;
    }
    if (record.location.empty())
        refuse("BAD_REQUEST", "acceptOrgId is required");
    const std::string content = openapi::requiredText(input, "codeContent", common::kMaxCodeTextSize + 1);

    // 1. Structure (PAYLOAD_* codes of docs/code-format.md).
    const common::ParsedCode code = common::parseCode(content);
    const common::CodePayload& payload = code.payload;
    record.codeId = common::toHex(payload.nonce);
    const std::int64_t now = m_clock.now();

    // 2. Authenticity: the key the code names, with the algorithm of the key's record.
    const std::optional<MacKey> key = m_keys.macKey(payload.keyId, now);
    if (!key)
        refuse("CODE_KEY_UNKNOWN", "the code names an unknown or retired key");
    switch (common::verifyCodeMac(code, key->alg, key->keyId, key->secret)) {
    case common::CodeAuthResult::Ok:
        break;
    case common::CodeAuthResult::AlgorithmNotAllowed:
        refuse("CODE_ALG_NOT_ALLOWED", "the code's algorithm is not the one of its key");
    case common::CodeAuthResult::UnknownKey:
        refuse("CODE_KEY_UNKNOWN", "the code names an unknown or retired key");
    case common::CodeAuthResult::BadAuth:
        refuse("CODE_AUTH_FAILED", "the code was altered or forged");
    }
    record.ruleId = static_cast<std::int64_t>(payload.ruleId);
    record.ruleVersion = payload.ruleVersion;

    // 3. The rule version still verifies; the key belongs to the rule's platform.
    const auto [ruleState, rule] =
        m_codeEngine.verifiableVersion(static_cast<std::int64_t>(payload.ruleId), payload.ruleVersion);
    switch (ruleState) {
    case RuleVersionState::Usable:
        break;
    case RuleVersionState::Unknown:
        refuse("CODE_RULE_UNKNOWN", "the code's rule or version does not exist");
    case RuleVersionState::RuleDisabled:
        refuse("CODE_RULE_DISABLED", "the code's rule is disabled");
    case RuleVersionState::VersionDisabled:
        refuse("CODE_VERSION_DISABLED", "the code's rule version is disabled");
    }
    if (!rule)
        refuse("CODE_RULE_UNKNOWN", "the code's rule or version does not exist");
    if (rule->platformId != key->platformId)
        refuse("CODE_KEY_UNKNOWN", "the code's key is not a key of the rule's platform");
    const common::CodeField* type = payload.field(static_cast<std::uint8_t>(common::CodeFieldTag::CodeType));
    if (rule->codeType != codeType || !type || type->value.size() != 1 || type->value[0] != codeTypeNumber(codeType))
        refuse("CODE_TYPE_MISMATCH", "this is not a " + codeType + " code");

    // 4. The app the code was issued for is still enabled.
    const common::CodeField* appField = payload.field(static_cast<std::uint8_t>(common::CodeFieldTag::AppId));
    if (!appField || appField->value.size() != 8)
        refuse("CODE_APP_DISABLED", "the code names no app");
    const std::optional<CallerApp> app =
        m_codeEngine.appById(static_cast<std::int64_t>(fromBigEndian(appField->value)));
    if (!app)
        refuse("CODE_APP_DISABLED", "the code's app does not exist");
    record.appId = app->id;
    record.platformId = app->platformId;
    if (!app->enabled)
        refuse("CODE_APP_DISABLED", "the code's app is disabled");

    // 5. Timeliness by the server clock only (002 §9.2).
    if (now > static_cast<std::int64_t>(payload.expiresAt))
        refuse("CODE_EXPIRED", "码已过期 (code expired)");
    if (static_cast<std::int64_t>(payload.issuedAt) > now + kMaxIssueSkewSeconds)
        refuse("CODE_NOT_YET_VALID", "the code was issued in the future");

    // 6. The user behind the code.
    Poco::Int64 userId = 0;
    const std::string subject = common::toString(payload.subjectRef);
    if (subject.find_first_not_of("0123456789") != std::string::npos || subject.size() > 18)
        refuse("USER_UNKNOWN", "the code names no user");
    userId = std::stoll(subject);
    record.userId = userId;
    // Personal data is opened only as far as the rule grants it.
    UserService::Wanted wanted;
    wanted.idNumber = grants(*rule, {"certNo", "idNumber"});
    wanted.phone = grants(*rule, {"mobile", "phone"});
    wanted.name = grants(*rule, {"name"});
    const bool personal = wanted.idNumber || wanted.phone || wanted.name || grants(*rule, {"certType"});
    const std::optional<UserElements> user =
        personal ? m_users.find(userId, wanted)
                 : (m_users.exists(userId) ? std::optional<UserElements>(UserElements()) : std::nullopt);
    if (!user)
        refuse("USER_UNKNOWN", "the code's user does not exist or is disabled");

    // 7. Once only: the mark is committed before the answer (QUALITY.md "Codes").
    NonceStore::CodeUse use;
    use.nonceHex = record.codeId;
    use.ruleId = record.ruleId.value_or(0);
    use.ruleVersion = payload.ruleVersion;
    use.userId = userId;
    use.caller = caller.id();
    use.expiresAt = payload.expiresAt;
    if (deferredUse)
        *deferredUse = use;
    else if (!m_nonces.markCodeUsed(use))
        refuse("CODE_USED", "the code was used already");

    Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set("bizExtInfo", openapi::text(input, "bizExtInfo", 1024));
    data->set("cityCodeAppId", app->appCode);
    data->set("cityCodeId", record.codeId);
    data->set("codeDefId", std::to_string(payload.ruleId));
    data->set("expire", false);
    data->set("userId", std::to_string(userId));
    // Only the user fields the rule grants (rule steps 3-4).
    if (grants(*rule, {"certNo", "idNumber"}))
        data->set("certNo", user->idNumber);
    if (grants(*rule, {"certType"}))
        data->set("certType", user->certType);
    if (grants(*rule, {"mobile", "phone"}))
        data->set("mobile", user->phone);
    if (grants(*rule, {"name"}))
        data->set("name", user->name);
    return data;
}

} // namespace citycode::server
