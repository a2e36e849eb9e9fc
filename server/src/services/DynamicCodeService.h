#pragma once

#include "services/CallerAuthenticator.h"
#include "storage/CodeRecordRepository.h"
#include "storage/NonceStore.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace citycode::server {

class BindDataService;
class Database;
class KeyStore;
class TestClock;
class UserService;

// Dynamic codes of the open API (001 §5.1.1-5.1.3, §5.1.8-5.1.13; 002 §9): "open" registers a
// user for a code type, "show" issues a code sealed with the platform's current MAC key
// (common::sealCode, docs/code-format.md), "decode" verifies one: the MAC with the key the code
// names, algorithm from the key record never from the code, the rule version still usable, the
// app enabled, not expired by the server clock (码已过期), and not used before — the used mark is
// committed before the answer. codeType: personal | health | payment. Each call fills `record`
// with what it learnt (user, app, platform, rule, version) for the caller's code record. Throws
// common::Error with the stable codes of docs/open-api.md; messages carry no personal data.
class DynamicCodeService
{
public:
    DynamicCodeService(Database& database, UserService& users, BindDataService& bindData,
                       const CodeEngineLookup& codeEngine, const KeyStore& keys, NonceStore& nonces,
                       const TestClock& clock);

    Poco::JSON::Object::Ptr open(const Caller& caller, const std::string& codeType, const Poco::JSON::Object& input,
                                 CodeRecord& record);
    Poco::JSON::Object::Ptr show(const Caller& caller, const std::string& codeType, const Poco::JSON::Object& input,
                                 CodeRecord& record);
    // With `deferredUse`, the code is not marked used here but the mark is written into it: the
    // caller marks it (NonceStore::markUsed) in the request's durable write, and answers
    // CODE_USED instead of the returned data when the mark exists already.
    Poco::JSON::Object::Ptr decode(const Caller& caller, const std::string& codeType, const Poco::JSON::Object& input,
                                   CodeRecord& record, NonceStore::CodeUse* deferredUse = nullptr);

    // The number of a code type in the code's type field (tag 1); 0 for an unknown type.
    static std::uint8_t codeTypeNumber(const std::string& codeType);

private:
    IssuableRuleVersion issuable(const Caller& caller, const std::string& codeType, const Poco::JSON::Object& input,
                                 CodeRecord& record);

    Database& m_database;
    UserService& m_users;
    BindDataService& m_bindData;
    const CodeEngineLookup& m_codeEngine;
    const KeyStore& m_keys;
    NonceStore& m_nonces;
    const TestClock& m_clock;
};

} // namespace citycode::server
