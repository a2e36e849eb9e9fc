#pragma once

namespace citycode::server {

class Exchange;
class OperationLog;
class SettingsService;

// /admin/v1/settings (002 §5.2.5): read and change the system settings; changes are logged.
class SettingsHandlers
{
public:
    SettingsHandlers(SettingsService& settings, OperationLog& log) : m_settings(settings), m_log(log) {}

    void get(Exchange& exchange);
    void update(Exchange& exchange);

private:
    SettingsService& m_settings;
    OperationLog& m_log;
};

} // namespace citycode::server
