#pragma once

#include "storage/RecordStore.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

#include <optional>
#include <string>
#include <vector>

namespace citycode::server {

// A static code's columns as written by register, replace and change; sealed values come from
// the service (PersonalDataCipher), never plaintext personal data.
struct StaticCodeRow
{
    Poco::Int64 platformId = 0;
    std::optional<Poco::Int64> appId;
    std::string codeNumber;
    std::string category;
    std::string subjectType;
    std::string subjectNameSealed;
    std::string subjectNameHash;
    std::string subjectIdentifierSealed;
    std::string subjectIdentifierHash;
    std::string subjectPhoneSealed;
    std::string subjectPhoneHash;
    std::string content;
    std::string description;
    std::string state;
    std::optional<Poco::Int64> replacesId;
};

// One line of a static code's history (who, when, from, to, why).
struct StaticCodeHistoryEntry
{
    std::string operation;
    std::string fromState; // empty: the code was created by this operation
    std::string toState;
    std::string actorType; // operator | app
    Poco::Int64 actorId = 0;
    std::string actorName;
    std::string reason;
};

// The SQL of static codes (002 §5.3.2.4, §8.1): the list and detail view, inserts, the
// conditional state change and the history, on the caller's session so that a state change and
// its history line commit together.
class StaticCodeRepository
{
public:
    explicit StaticCodeRepository(Poco::Data::Session& session) : m_store(session) {}

    RecordStore& store() { return m_store; }

    // The admin list and detail view; sealed columns come out sealed, with their hashes.
    static const ViewSpec& view();

    // Within the platform scope (nothing: every platform); nullptr when missing or foreign.
    Poco::JSON::Object::Ptr find(Poco::Int64 id, std::optional<Poco::Int64> scopePlatform);
    // By number, any platform; nullptr when there is none.
    Poco::JSON::Object::Ptr findByNumber(const std::string& codeNumber);
    bool numberTaken(const std::string& codeNumber);
    bool contentTaken(const std::string& content, std::optional<Poco::Int64> exceptId = std::nullopt);
    // The next value of the numbering counter ("SC" codes); the row stays locked until commit.
    Poco::Int64 nextNumber();

    Poco::Int64 insert(const StaticCodeRow& row);
    // UPDATE ... SET state = to WHERE id AND state = from: false when the state was no longer
    // `from` (another request changed it first).
    bool changeState(Poco::Int64 id, const std::string& from, const std::string& to);
    void setReplacedBy(Poco::Int64 id, Poco::Int64 replacementId);
    // Subject and category columns of a change of information; only the given ones change.
    void update(Poco::Int64 id, std::vector<std::pair<std::string, SqlValue>> columns);

    void addHistory(Poco::Int64 codeId, const StaticCodeHistoryEntry& entry);
    // Oldest first: {id, operation, fromState ('' at creation), toState, actorType, actorId,
    // actorName, reason, createdAt}.
    std::vector<Poco::JSON::Object::Ptr> history(Poco::Int64 codeId);

private:
    RecordStore m_store;
};

} // namespace citycode::server
