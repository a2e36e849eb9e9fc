#include "services/SetupService.h"

#include "services/DemoDataLoader.h"
#include "services/Passwords.h"
#include "storage/Database.h"
#include "storage/OperatorRepository.h"
#include "storage/PlatformRepository.h"
#include "storage/RoleRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>

namespace citycode::server {

std::optional<InitialAdministrator> SetupService::initialize(const Options& options)
{
    Poco::Data::Session session = m_database.session();
    PlatformRepository platforms(session);
    const auto alreadySetUp = [&] {
        if (!platforms.findMainPlatformId())
            return false;
        if (!options.demoDirectory.empty())
            m_logger.information("demo data is loaded on first start only; the database is already set up");
        return true;
    };
    // The common case, a later start, costs one query and no password hashing.
    if (alreadySetUp())
        return std::nullopt;

    // Files are read and the password hashed (about 0.15 s) before the write lock is taken.
    std::vector<NewPlatform> demoPlatforms;
    if (!options.demoDirectory.empty())
        demoPlatforms = DemoDataLoader(options.demoDirectory).subPlatforms();
    InitialAdministrator admin;
    admin.username = kInitialAdminName;
    admin.passwordGenerated = options.initialPassword.empty();
    admin.password = admin.passwordGenerated ? Passwords::generate() : options.initialPassword;
    const std::string passwordHash = Passwords::hash(admin.password);

    Transaction transaction(session, TransactionLock::Database);
    // Checked again under the lock, so two servers starting on one database set it up once.
    if (alreadySetUp())
        return std::nullopt;

    const Poco::Int64 mainId = platforms.insert({PlatformKind::Main, options.mainPlatformName, ""});
    NewOperator account;
    account.platformId = mainId;
    account.username = admin.username;
    account.displayName = "Initial administrator";
    account.passwordHash = passwordHash;
    account.mustChangePassword = true;
    account.initialAdmin = true;
    const Poco::Int64 adminId = OperatorRepository(session).insert(account);
    // The built-in super administrator role holds every menu (RoleRepository::permissionsOf).
    RoleRecord superAdmin;
    superAdmin.platformId = mainId;
    superAdmin.name = "超级管理员";
    superAdmin.code = RoleRepository::kSuperAdmin;
    superAdmin.description = "Built-in: every permission";
    superAdmin.builtin = true;
    RoleRepository roles(session);
    roles.setOperatorRoles(adminId, {roles.insert(superAdmin)});
    for (const NewPlatform& platform : demoPlatforms)
        platforms.insert(platform);
    transaction.commit();

    m_logger.information("first start: created the main platform and the initial administrator '%s'", admin.username);
    if (!demoPlatforms.empty())
        m_logger.information("loaded demo data: %z sub-platforms", demoPlatforms.size());
    return admin;
}

} // namespace citycode::server
