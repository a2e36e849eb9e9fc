#include "http/AddressList.h"

#include "citycode/common/Error.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

#include <algorithm>

namespace citycode::server {

namespace {

Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address)
{
    if (address.family() == Poco::Net::IPAddress::IPv6 && address.isIPv4Mapped()) {
        // The last four bytes of ::ffff:a.b.c.d are the IPv4 address (RFC 4291 §2.5.5.2).
        const auto* bytes = static_cast<const unsigned char*>(address.addr());
        return Poco::Net::IPAddress(bytes + 12, 4);
    }
    return address;
}

} // namespace

AddressList AddressList::parse(const std::string& text)
{
    AddressList list;
    std::string item;
    const auto finish = [&list, &item] {
        if (item.empty())
            return;
        const std::size_t slash = item.find('/');
        const std::string host = item.substr(0, slash);
        Poco::Net::IPAddress address;
        // inet_aton() would take "10.1" for 10.0.0.1: an IPv4 address must have its four parts.
        const bool shortIpv4 = host.find(':') == std::string::npos && std::count(host.begin(), host.end(), '.') != 3;
        if (shortIpv4 || !Poco::Net::IPAddress::tryParse(host, address))
            throw common::Error("CONFIG_INVALID", "'" + item + "' is not an IP address or ADDRESS/PREFIX");
        address = unmapped(address);
        const unsigned bits = address.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
        unsigned prefix = bits;
        if (slash != std::string::npos &&
            (!Poco::NumberParser::tryParseUnsigned(item.substr(slash + 1), prefix) || prefix > bits))
            throw common::Error("CONFIG_INVALID", "'" + item + "' has a bad prefix length");
        const Poco::Net::IPAddress mask(prefix, address.family());
        list.m_networks.push_back({address & mask, mask});
        item.clear();
    };
    for (const char c : text) {
        if (c == ',' || c == ' ' || c == '\t')
            finish();
        else
            item += c;
    }
    finish();
    return list;
}

bool AddressList::contains(const Poco::Net::IPAddress& address) const
{
    const Poco::Net::IPAddress candidate = unmapped(address);
    for (const Network& network : m_networks) {
        if (network.address.family() == candidate.family() && (candidate & network.mask) == network.address)
            return true;
    }
    return false;
}

bool AddressList::contains(const std::string& address) const
{
    Poco::Net::IPAddress parsed;
    return Poco::Net::IPAddress::tryParse(address, parsed) && contains(parsed);
}

} // namespace citycode::server
