#pragma once

namespace citycode::server {

class Exchange;
class TrustListService;

// The public (no sign-in) trust-list endpoints of 003 §7.2.2: GET /api/v1/trust-list answers the
// signed document, GET /api/v1/trust-list/anchor the PEM of the key that signs it.
class TrustListHandlers
{
public:
    explicit TrustListHandlers(TrustListService& trustList) : m_trustList(trustList) {}

    void document(Exchange& exchange);
    void anchor(Exchange& exchange);

private:
    TrustListService& m_trustList;
};

} // namespace citycode::server
