#include "app/ServerServices.h"

#include "http/AddressList.h"
#include "services/PersonalDataCipher.h"
#include "storage/Database.h"

namespace citycode::server {

ServerServices::ServerServices(Database& database, const PersonalDataCipher& cipher, const Options& options,
                               Poco::Logger& log)
    : health(database, log), metricsHandler(metrics, database, AddressList::parse(options.metricsAllow)),
      sessions(database, options.auth), captchas(database), throttle(database, options.auth), operationLog(database),
      auth(database, options.auth, sessions, captchas, throttle, operationLog), menus(database), operators(database),
      roles(database), platforms(database), apps(database, cipher), onboarding(database, cipher, apps),
      serviceListings(database), referenceData(database), codeSpecs(database), codeRules(database),
      appCodePermissions(database), terminals(database), codeEngine(database),
      settings(database, options.settingDefaults), keys(database, cipher, settings, KeyService::Options{}),
      trustList(keys, settings, options.mainPlatformName), codeStyles(database), codeCategories(database),
      numbering(database), codeSubjects(database), staticCodes(database, cipher),
      openApi(database, cipher, codeEngine, keys, options.testClockOffsetFile, log),
      profile003(cipher, openApi, keys, codeEngine)
{
    caches.add({"settings", "System settings (refresh time, data receiving address, key policy), reread every 5 s",
                [this] { return settings.cachedEntries(); }, [this] { settings.invalidate(); }});
    caches.add({"keys", "Opened code keys by platform and key id (encrypted at rest), reread every 5 s",
                [this] { return keys.cachedEntries(); }, [this] { keys.invalidate(); }});
    caches.add({"code-engine",
                "Apps, rule versions, permissions and terminals the open API reads, dropped whenever the "
                "database records a change to them (checked on every request)",
                [this] { return codeEngine.cachedEntries(); }, [this] { codeEngine.flush(); }});
}

ApiServices ServerServices::api()
{
    return {health,
            metricsHandler,
            auth,
            captchas,
            menus,
            operationLog,
            caches,
            operators,
            roles,
            platforms,
            apps,
            onboarding,
            serviceListings,
            referenceData,
            codeSpecs,
            codeRules,
            appCodePermissions,
            terminals,
            codeEngine,
            keys,
            settings,
            trustList,
            codeStyles,
            codeCategories,
            numbering,
            codeSubjects,
            staticCodes,
            openApi,
            profile003};
}

} // namespace citycode::server
