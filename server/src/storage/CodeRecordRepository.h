#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// One open, show or decode, or its refusal (PRODUCT.md §3): who, what, where, the result.
struct CodeRecord
{
    std::string action; // open | show | decode
    std::string result; // "success" or the stable error code
    std::string codeType;
    std::optional<std::int64_t> userId;
    std::optional<std::int64_t> appId;      // the app the code belongs to (or the calling app)
    std::optional<std::int64_t> platformId; // that app's platform
    std::optional<std::int64_t> ruleId;
    std::optional<std::int64_t> ruleVersion;
    std::string caller;       // Caller::id(), or what the request claimed
    std::string terminalCode; // the scanning terminal (its own id, or terminalNo of the body)
    std::string location;     // collectInfo of show, acceptOrgId of decode
    std::string codeId;       // hex of the code's nonce
    std::string createdAt;    // Database::timestampNow() when it happened
};

// SQL of the code_records table (migration 6).
class CodeRecordRepository
{
public:
    explicit CodeRecordRepository(Poco::Data::Session& session) : m_session(session) {}

    void insert(const CodeRecord& record);

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server
