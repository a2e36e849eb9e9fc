#include "http/TrustedProxies.h"

#include <Poco/String.h>

#include <vector>

namespace citycode::server {

std::string TrustedProxies::clientAddress(const Poco::Net::IPAddress& peer, const std::string& forwardedFor) const
{
    if (forwardedFor.empty() || !trusts(peer))
        return peer.toString();
    // Each proxy appends the address it received the request from, so the list is read from the
    // right: the first entry that is not one of our proxies is the client. Entries to its left
    // came from the client itself and prove nothing.
    std::vector<std::string> hops;
    std::string item;
    for (const char c : forwardedFor + ",") {
        if (c == ',') {
            hops.push_back(Poco::trim(item));
            item.clear();
        } else {
            item += c;
        }
    }
    std::string client = peer.toString();
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        Poco::Net::IPAddress address;
        if (!Poco::Net::IPAddress::tryParse(*hop, address))
            break; // garbage or "unknown": nothing to its left can be trusted either
        client = address.toString();
        if (!m_proxies.contains(address))
            break;
    }
    return client;
}

} // namespace citycode::server
