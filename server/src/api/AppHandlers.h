#pragma once

namespace citycode::server {

class AppService;
class Exchange;
class OperationLog;

// /admin/v1/apps (001 §4.3) and /admin/v1/shelf (the user-facing app shelf, PRODUCT §6): apps
// with their developer (creation answers the AppSecret once), edit, enable/disable, delete, and
// listing apps on the shelf in order. Every change is written to the operation log.
class AppHandlers
{
public:
    AppHandlers(AppService& apps, OperationLog& log) : m_apps(apps), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    // POST .../enable and .../disable, without a body.
    void enable(Exchange& exchange) { setEnabled(exchange, true); }
    void disable(Exchange& exchange) { setEnabled(exchange, false); }
    void remove(Exchange& exchange);

    void shelf(Exchange& exchange);
    // PUT /shelf/{appId} {"position":N} (0 or absent: at the end)
    void shelve(Exchange& exchange);
    void unshelve(Exchange& exchange);

private:
    void setEnabled(Exchange& exchange, bool enabled);

    AppService& m_apps;
    OperationLog& m_log;
};

} // namespace citycode::server
