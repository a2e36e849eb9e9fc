#pragma once

#include <cstdint>
#include <set>
#include <string>

namespace citycode::server {

// Who is calling an admin route, taken from the session only (never from the request): the
// operator, the platform whose data they may see, and the menu permissions of their roles.
// Services receive it and apply the tenant scope; handlers never widen it.
struct Principal
{
    std::int64_t operatorId = 0;
    std::string username;
    std::int64_t platformId = 0;
    bool mainPlatform = false; // main-platform operators see every platform (PRODUCT.md, "Users")
    bool initialAdmin = false; // the initial administrator only creates main-platform administrators
    std::set<std::string> permissions;
    std::string remoteAddress; // for the operation log
    std::string requestId;     // of the request being served, for the operation log
    std::int64_t sessionId = 0;
    bool mustChangePassword = false; // only the password change, "me" and logout are allowed then

    bool has(const std::string& permission) const { return permissions.count(permission) != 0; }
    // The data scope: may this operator see or change data of `platform`?
    bool canAccessPlatform(std::int64_t platform) const { return mainPlatform || platform == platformId; }
};

} // namespace citycode::server
