#pragma once

#include <string>

namespace citycode::server {

// Who may call a route: anybody, any signed-in operator, any signed-in operator even while their
// password must be changed (the password change itself, "me" and logout), or only operators
// holding one menu permission such as "system:operator:list".
class RouteAccess
{
public:
    enum class Kind
    {
        Public,
        Authenticated,
        DuringPasswordChange,
        Permission,
    };

    static RouteAccess publicRoute() { return RouteAccess(Kind::Public, {}); }
    static RouteAccess authenticated() { return RouteAccess(Kind::Authenticated, {}); }
    static RouteAccess duringPasswordChange() { return RouteAccess(Kind::DuringPasswordChange, {}); }
    static RouteAccess permission(std::string key) { return RouteAccess(Kind::Permission, std::move(key)); }

    RouteAccess() = default;

    Kind kind() const { return m_kind; }
    // The permission key for Kind::Permission, otherwise empty.
    const std::string& permissionKey() const { return m_permission; }

private:
    RouteAccess(Kind kind, std::string permission) : m_kind(kind), m_permission(std::move(permission)) {}

    Kind m_kind = Kind::Public;
    std::string m_permission;
};

} // namespace citycode::server
