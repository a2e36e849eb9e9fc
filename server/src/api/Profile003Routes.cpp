#include "api/Profile003Routes.h"

#include "api/Profile003Handlers.h"
#include "api/Routes.h"
#include "http/Router.h"

#include <memory>

namespace citycode::server {

void addProfile003Routes(Router& router, const ApiServices& services)
{
    auto profile = std::make_shared<Profile003Handlers>(services.profile003, services.openApi);
    // 003 Table 2: the five interfaces, named after the seed's interface names.
    router.add("POST", "/profile003/generateQrcode", [profile](Exchange& e) { profile->generate(e, false); });
    router.add("POST", "/profile003/queryUserTags", [profile](Exchange& e) { profile->tags(e); });
    router.add("POST", "/profile003/channelQrcode", [profile](Exchange& e) { profile->generate(e, true); });
    router.add("POST", "/profile003/decodeQrcode", [profile](Exchange& e) { profile->decode(e); });
    router.add("POST", "/profile003/thirdPartyAuthorization",
               [profile](Exchange& e) { profile->thirdPartyAuthorization(e); });
    // The step before B.5: the user's channel app grants an app a one-time authorisation code.
    router.add("POST", "/profile003/authorizationCode", [profile](Exchange& e) { profile->authorizationCode(e); });
    // B.4 merchants that are scanner terminals fetch their answer key (they hold no shared secret).
    router.add("POST", "/profile003/merchantKey", [profile](Exchange& e) { profile->merchantKey(e); });
}

} // namespace citycode::server
