#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

class Database;

// What creating a sub-platform answers: the platform and its administrator's one-time password,
// shown once and never stored in clear text.
struct CreatedPlatform
{
    Poco::JSON::Object::Ptr platform;
    std::string adminUsername;
    std::string adminPassword;
};

// The rules of 001 §4.4 for the main platform and sub-platforms: main-platform operators see and
// manage every platform, sub-platform operators see and edit only their own; creating a
// sub-platform creates its administrator; disabling cascades to its apps and is refused while one
// of them is on the user-facing shelf; deleting needs a platform without apps; the main platform
// is never deleted or disabled. Errors: NOT_FOUND, FORBIDDEN, BAD_REQUEST, PLATFORM_NAME_TAKEN,
// OPERATOR_NAME_TAKEN, MAIN_PLATFORM_PROTECTED, PLATFORM_APP_ON_SHELF, PLATFORM_HAS_APPS.
class PlatformService
{
public:
    explicit PlatformService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: name, serviceAddress, adminUsername.
    CreatedPlatform create(const Principal& principal, const Poco::JSON::Object& input);
    // input: name and/or serviceAddress.
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr setEnabled(const Principal& principal, Poco::Int64 id, bool enabled);
    void remove(const Principal& principal, Poco::Int64 id);

private:
    Database& m_database;
};

} // namespace citycode::server
