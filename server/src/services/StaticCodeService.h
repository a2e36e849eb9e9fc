#pragma once

#include "citycode/common/Bytes.h"
#include "services/Principal.h"
#include "services/StaticCodeStateMachine.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace citycode::server {

class Database;
class PersonalDataCipher;
class StaticCodeRepository;

// Who acts on a static code: a console operator (admin API; also written to the operation log)
// or an app (the open API of 002 §8.1, which sees only its own app's codes).
struct StaticCodeActor
{
    bool isApp = false;
    Poco::Int64 id = 0;                       // operator id or app id
    std::string name;                         // username or AppCode
    std::optional<Poco::Int64> scopePlatform; // nothing: every platform (main-platform operators)
    const Principal* principal = nullptr;     // operators only

    static StaticCodeActor operatorOf(const Principal& principal);
    static StaticCodeActor app(Poco::Int64 appId, const std::string& appCode, Poco::Int64 platformId);
};

// Static codes (002 §5.3.2.3-5.3.2.4, §8.1): register with a unique number (given, or "SC" and a
// counter), category, subject (person, enterprise or object; its name, identifier and phone
// sealed with PersonalDataCipher and masked in every answer), app and content; every other
// operation is a transition of StaticCodeStateMachine, refused with 409
// STATIC_CODE_ILLEGAL_TRANSITION where the table has none, and written to the history in the
// transaction that changes the state. Scope: the actor's platform (apps: their own codes); a
// foreign code answers NOT_FOUND like a missing one. Errors: NOT_FOUND, BAD_REQUEST,
// APP_DISABLED, STATIC_CODE_NUMBER_TAKEN, STATIC_CODE_CONTENT_TAKEN, STATIC_CODE_ILLEGAL_TRANSITION.
class StaticCodeService
{
public:
    using Operation = StaticCodeStateMachine::Operation;

    StaticCodeService(Database& database, const PersonalDataCipher& cipher) : m_database(database), m_cipher(cipher) {}

    // The list's query filters: codeNumber, state, category, subjectType, appId, platformId,
    // subjectName, subjectIdentifier, subjectPhone (exact), createdFrom, createdTo.
    static std::vector<std::string> listFilters();

    ListPage list(const StaticCodeActor& actor, ListQuery query);
    // The code with "history" (oldest first) and "allowedOperations".
    Poco::JSON::Object::Ptr get(const StaticCodeActor& actor, Poco::Int64 id);
    // The id of the code with this number within the actor's scope; NOT_FOUND otherwise.
    Poco::Int64 idOfNumber(const StaticCodeActor& actor, const std::string& codeNumber);

    // input: codeNumber?, category, subjectType (person|enterprise|object), subjectName,
    // subjectIdentifier (person: resident ID number; enterprise: credit code; object: optional),
    // subjectPhone?, appId? (operators; apps register for themselves), content?, description?,
    // reason?. The new code is "registered".
    Poco::JSON::Object::Ptr registerCode(const StaticCodeActor& actor, const Poco::JSON::Object& input);

    // One transition (not Register or Query). input: reason?; Change: category, subjectName,
    // subjectIdentifier, subjectPhone, description (at least one); Replace: newCodeNumber?,
    // newContent? - the answer then holds the new code as "replacement".
    Poco::JSON::Object::Ptr perform(const StaticCodeActor& actor, Poco::Int64 id, Operation operation,
                                    const Poco::JSON::Object& input);

    // PNG of the code's content as a QR symbol (002 §6.2: modulePixels at least 3).
    common::Bytes symbolPng(const StaticCodeActor& actor, Poco::Int64 id, int modulePixels);

private:
    Poco::JSON::Object::Ptr scoped(StaticCodeRepository& repository, const StaticCodeActor& actor, Poco::Int64 id);
    // Opens and masks the subject, drops the search hashes.
    Poco::JSON::Object::Ptr present(Poco::JSON::Object::Ptr record) const;
    // The state `operation` leads to; STATIC_CODE_ILLEGAL_TRANSITION where the table has none.
    static StaticCodeStateMachine::State legalTarget(const std::string& codeNumber, const std::string& from,
                                                     Operation operation);
    // Writes the fields of a change of information; returns their names for the history.
    std::string changeInformation(StaticCodeRepository& repository, const Poco::JSON::Object& record,
                                  const Poco::JSON::Object& input);
    // Registers the replacement of `old` and links both; returns the new code, presented.
    Poco::JSON::Object::Ptr replace(StaticCodeRepository& repository, const StaticCodeActor& actor,
                                    const Poco::JSON::Object& old, const Poco::JSON::Object& input,
                                    const std::string& reason);

    Database& m_database;
    const PersonalDataCipher& m_cipher;
};

} // namespace citycode::server
