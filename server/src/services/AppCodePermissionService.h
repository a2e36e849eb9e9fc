#pragma once

#include "services/Principal.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

class Database;

// Per-app generate and scan permissions (000 §2.2.5 生码/扫码权限, 002 §5.3.1.3): both off until
// switched on; the open API reads them on every call (CodeEngineLookup::appPermissions), so a
// switch takes effect on the next request. Scoped to the caller's platform. Errors: NOT_FOUND,
// BAD_REQUEST.
class AppCodePermissionService
{
public:
    explicit AppCodePermissionService(Database& database) : m_database(database) {}

    // {"appId", "generate", "scan"}
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 appId);
    // input: generate and/or scan (booleans); the absent one keeps its value.
    Poco::JSON::Object::Ptr set(const Principal& principal, Poco::Int64 appId, const Poco::JSON::Object& input);

private:
    Database& m_database;
};

} // namespace citycode::server
