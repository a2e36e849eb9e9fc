#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>
#include <vector>

namespace citycode::server {

// A set of IP addresses and networks from configuration ("127.0.0.1, ::1, 10.0.0.0/8"), as used by
// server.trusted_proxies and server.metrics_allow. An IPv4-mapped IPv6 address (::ffff:a.b.c.d)
// matches as the IPv4 address it carries. Immutable after construction, so threads may share it.
class AddressList
{
public:
    AddressList() = default;

    // Items separated by commas and/or blanks; each an address or ADDRESS/PREFIX. Throws
    // citycode::common::Error("CONFIG_INVALID") naming the first item that is neither.
    static AddressList parse(const std::string& text);

    bool contains(const Poco::Net::IPAddress& address) const;
    // False for text that is not an IP address.
    bool contains(const std::string& address) const;
    bool empty() const { return m_networks.empty(); }

private:
    struct Network
    {
        Poco::Net::IPAddress address; // already masked
        Poco::Net::IPAddress mask;
    };

    std::vector<Network> m_networks;
};

} // namespace citycode::server
