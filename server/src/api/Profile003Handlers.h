#pragma once

#include <string>

namespace citycode::server {

class Exchange;
class OpenApiServices;
class Profile003Service;

// Handlers of the 003 Appendix B profile (docs/open-api-profile-003.md): authorisation calls
// are signed like the open API (CallerAuthenticator), generate/tags/channel carry an access
// token, decode carries the merchant's signature in its fields. Answers in the PY envelope
// (Profile003Response); every code issued or verified, and every refusal of one, is recorded.
class Profile003Handlers
{
public:
    Profile003Handlers(Profile003Service& profile, OpenApiServices& openApi) : m_profile(profile), m_openApi(openApi) {}

    void authorizationCode(Exchange& exchange);
    void thirdPartyAuthorization(Exchange& exchange);
    void generate(Exchange& exchange, bool channel);
    void tags(Exchange& exchange);
    void decode(Exchange& exchange);
    void merchantKey(Exchange& exchange);

private:
    Profile003Service& m_profile;
    OpenApiServices& m_openApi;
};

} // namespace citycode::server
