#pragma once

namespace citycode::server {

class Exchange;
class KeyService;
class OperationLog;

// /admin/v1/keys (002 §5.2.5 global key material): list and detail of the code keys (public
// parts only), rotation with overlap, and /admin/v1/emergency-codes, which issues an emergency
// code (003 §7.2.2) signed by a platform's current key. Every change is in the operation log.
class KeyHandlers
{
public:
    KeyHandlers(KeyService& keys, OperationLog& log) : m_keys(keys), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void rotate(Exchange& exchange);
    void issueEmergencyCode(Exchange& exchange);

private:
    KeyService& m_keys;
    OperationLog& m_log;
};

} // namespace citycode::server
