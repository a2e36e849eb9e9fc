#pragma once

#include "services/AppService.h"
#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

class Database;
class PersonalDataCipher;

// Onboarding of third-party apps (004 §3): an application (app name, organisation, contact name
// and phone, description) waits as "pending" until a reviewer approves it, which creates the app
// and its developer and answers the AppCode and AppSecret once, or rejects it with a reason.
// The contact's name and phone are personal data: sealed at rest with a keyed hash for exact
// search, and only ever answered masked. Errors: NOT_FOUND, BAD_REQUEST, APPLICATION_REVIEWED,
// and those of AppService::createOn.
class OnboardingService
{
public:
    OnboardingService(Database& database, const PersonalDataCipher& cipher, AppService& apps)
        : m_database(database), m_cipher(cipher), m_apps(apps)
    {
    }

    // Filters: appName, status, contactPhone (exact, through its keyed hash), createdFrom/To.
    ListPage listApplications(const Principal& principal, ListQuery query);
    Poco::JSON::Object::Ptr getApplication(const Principal& principal, Poco::Int64 id);
    // Submitted for the caller's own platform.
    Poco::JSON::Object::Ptr submitApplication(const Principal& principal, const Poco::JSON::Object& input);
    // input: approve (bool), reason (required to reject). On approval `created` holds the app.
    Poco::JSON::Object::Ptr review(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input,
                                   CreatedApp& created);

private:
    Poco::JSON::Object::Ptr present(Poco::JSON::Object::Ptr record) const;

    Database& m_database;
    const PersonalDataCipher& m_cipher;
    AppService& m_apps;
};

} // namespace citycode::server
