#pragma once

namespace citycode::server {

class Exchange;
class OperationLog;
class PlatformService;

// /admin/v1/platforms (001 §4.4): the list, one platform, creation (answers the new
// administrator's one-time password once), edit, enable/disable and delete. Every change is
// written to the operation log.
class PlatformHandlers
{
public:
    PlatformHandlers(PlatformService& platforms, OperationLog& log) : m_platforms(platforms), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    // POST .../enable and .../disable, without a body.
    void enable(Exchange& exchange) { setEnabled(exchange, true); }
    void disable(Exchange& exchange) { setEnabled(exchange, false); }
    void remove(Exchange& exchange);

private:
    void setEnabled(Exchange& exchange, bool enabled);

    PlatformService& m_platforms;
    OperationLog& m_log;
};

} // namespace citycode::server
