#pragma once

#include "http/AddressList.h"

#include <string>

namespace citycode::server {

// Decides which address a request comes from (QUALITY.md "Callers"): the TCP peer, unless that
// peer is a configured reverse proxy (server.trusted_proxies), in which case X-Forwarded-For says
// who the proxy served. A client can put anything in X-Forwarded-For, so the header counts only
// when a trusted proxy sent it, and only the entries that trusted proxies appended.
class TrustedProxies
{
public:
    TrustedProxies() = default;
    explicit TrustedProxies(AddressList proxies) : m_proxies(std::move(proxies)) {}

    bool trusts(const Poco::Net::IPAddress& peer) const { return m_proxies.contains(peer); }

    // The client's IP address as text ("203.0.113.7", "2001:db8::1"). forwardedFor: the
    // X-Forwarded-For header values joined with commas (empty when absent).
    std::string clientAddress(const Poco::Net::IPAddress& peer, const std::string& forwardedFor) const;

private:
    AddressList m_proxies;
};

} // namespace citycode::server
