#pragma once

namespace citycode::server {

class Exchange;
class RoleService;

// /admin/v1/roles (001 §4.12.1 角色管理): GET list (filters name, code, status, platformId,
// createdFrom, createdTo); POST create; GET (with menuIds), PUT (menuIds sets the role's
// menus), DELETE /{id}; POST batch-delete {ids}.
class RoleHandlers
{
public:
    explicit RoleHandlers(RoleService& roles) : m_roles(roles) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void remove(Exchange& exchange);
    void batchRemove(Exchange& exchange);

private:
    RoleService& m_roles;
};

} // namespace citycode::server
