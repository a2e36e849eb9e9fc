#pragma once

namespace citycode::server {

class AppCodePermissionService;
class Exchange;
class OperationLog;

// /admin/v1/apps/{id}/permissions (000 §2.2.5 生码/扫码权限): read and switch an app's generate
// and scan permissions. Every change is written to the operation log.
class AppCodePermissionHandlers
{
public:
    AppCodePermissionHandlers(AppCodePermissionService& permissions, OperationLog& log)
        : m_permissions(permissions), m_log(log)
    {
    }

    void get(Exchange& exchange);
    // PUT {"generate":bool,"scan":bool}, either may be absent.
    void update(Exchange& exchange);

private:
    AppCodePermissionService& m_permissions;
    OperationLog& m_log;
};

} // namespace citycode::server
