#pragma once

namespace citycode::server {

class AppService;
class Exchange;
class OperationLog;

// /admin/v1/developers (001 §4.6): the list, renaming, and rotating a developer's AppSecret (the
// new secret is answered once and replaces the old one at once). Changes go to the operation log.
class DeveloperHandlers
{
public:
    DeveloperHandlers(AppService& apps, OperationLog& log) : m_apps(apps), m_log(log) {}

    void list(Exchange& exchange);
    void update(Exchange& exchange);
    void rotateSecret(Exchange& exchange);

private:
    AppService& m_apps;
    OperationLog& m_log;
};

} // namespace citycode::server
