#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

#include <string>
#include <vector>

namespace citycode::server {

class Database;

// Numbering rules (000 §2.2.4.3 "码引擎根据规范的编码规则创建生成码编号"): a code number is the
// rule's prefix (1-8 upper-case letters, unique among rules), the date part (none, yyyy, yyyyMM or
// yyyyMMdd, server local time) and a zero-padded sequence of sequenceWidth digits that restarts
// with each date period. Letters never appear after the prefix and each rule's numbers have one
// length, so numbers of different rules never collide; within a rule the sequence is advanced by
// the database (NumberingRepository::advance), so numbers stay unique across server nodes.
// Prefix, date part and width cannot change once set. Errors: NOT_FOUND, BAD_REQUEST,
// PREFIX_TAKEN, NUMBERING_NAME_TAKEN, NUMBERING_RULE_DISABLED, NUMBERING_EXHAUSTED, NUMBERING_RULE_IN_USE.
class NumberingService
{
public:
    static constexpr int kMaxAllocation = 100;

    explicit NumberingService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: name, prefix, dateFormat, sequenceWidth (3..12), optional categoryId, platformId
    // (main platform only), status.
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& input);
    // input: name, categoryId, status.
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    // Only a rule that has never allocated a number (its numbers must stay unique forever).
    void remove(const Principal& principal, Poco::Int64 id);
    // `count` (1..kMaxAllocation) new numbers of an enabled rule, in order.
    std::vector<std::string> allocate(const Principal& principal, Poco::Int64 id, int count);
    // The same without a principal, for the code engine (static code registration).
    std::vector<std::string> allocateFor(Poco::Int64 ruleId, int count);

private:
    Database& m_database;
};

} // namespace citycode::server
