#include "ServerRoutes.h"

#include "TempDir.h"
#include "app/ServerServices.h"
#include "http/Router.h"
#include "services/PersonalDataCipher.h"
#include "storage/Database.h"

#include <Poco/Logger.h>

namespace citycode::test {

using namespace citycode::server;

std::vector<RouteEntry> ServerRoutes::all()
{
    // The same services ServerApp serves with (app/ServerServices.h), over a scratch database.
    TempDir dir;
    Database database("sqlite:" + dir.file("routes.db"), dir.path(), 2);
    const PersonalDataCipher cipher(common::Bytes(PersonalDataCipher::kKeyBytes, 1));
    ServerServices::Options options;
    options.mainPlatformName = "routes";
    ServerServices services(database, cipher, options, Poco::Logger::get("routes"));
    Router router(1024);
    addRoutes(router, services.api());
    std::vector<RouteEntry> entries;
    for (const Router::Route& route : router.routes()) {
        RouteEntry entry;
        entry.method = route.method;
        for (const std::string& segment : route.segments)
            entry.pattern += "/" + segment;
        entry.isPublic = route.access.kind() == RouteAccess::Kind::Public;
        entry.permission = route.access.permissionKey();
        entries.push_back(entry);
    }
    database.close();
    return entries;
}

} // namespace citycode::test
