#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

class Database;
class PersonalDataCipher;

// An app with its developer as created: the AppSecret appears here once and never again.
struct CreatedApp
{
    Poco::JSON::Object::Ptr app;
    Poco::JSON::Object::Ptr developer;
    std::string secret; // hex of 32 random bytes
};

// Apps and their one developer (001 §4.3, §4.6) and the user-facing shelf (PRODUCT §6): an
// operator creates apps only on their own platform; disabling is refused while the app is on the
// shelf; only disabled apps are deleted. Developer secrets are generated here, shown once and
// stored sealed under the data key, because HMAC request signatures are verified with them.
// Errors: NOT_FOUND, BAD_REQUEST, APP_NAME_TAKEN, PLATFORM_DISABLED, APP_ON_SHELF,
// APP_NOT_DISABLED, APP_DISABLED.
class AppService
{
public:
    AppService(Database& database, const PersonalDataCipher& cipher) : m_database(database), m_cipher(cipher) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    // The app, "developer" and "codeRules" (linked code rules: empty until code rules exist).
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: name, organisation, industryId, description, developerName.
    CreatedApp create(const Principal& principal, const Poco::JSON::Object& input);
    // Creates on a given platform; for onboarding approvals, inside the caller's transaction.
    CreatedApp createOn(Poco::Data::Session& session, Poco::Int64 platformId, const std::string& name,
                        const std::string& organisation, const std::string& description,
                        const std::string& developerName);
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr setEnabled(const Principal& principal, Poco::Int64 id, bool enabled);
    void remove(const Principal& principal, Poco::Int64 id);

    ListPage shelf(const Principal& principal, const ListQuery& query);
    // position 0: at the end. Only enabled apps are listed.
    void list(const Principal& principal, Poco::Int64 appId, Poco::Int64 position);
    void unlist(const Principal& principal, Poco::Int64 appId);

    // Developers (001 §4.6).
    ListPage developers(const Principal& principal, const ListQuery& query);
    Poco::JSON::Object::Ptr renameDeveloper(const Principal& principal, Poco::Int64 developerId,
                                            const Poco::JSON::Object& input);
    // A new secret replaces the old one at once; returned once.
    std::string rotateSecret(const Principal& principal, Poco::Int64 developerId);
    // The secret of an enabled app's developer for verifying its request signatures; empty when
    // there is no such app.
    std::string secretOfApp(const std::string& appCode);

private:
    Poco::JSON::Object::Ptr scopedApp(Poco::Data::Session& session, const Principal& principal, Poco::Int64 id);

    Database& m_database;
    const PersonalDataCipher& m_cipher;
};

} // namespace citycode::server
