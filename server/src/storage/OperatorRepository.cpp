#include "storage/OperatorRepository.h"

#include "storage/Database.h"

#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

namespace citycode::server {

Poco::Int64 OperatorRepository::insert(const NewOperator& account)
{
    Poco::Int64 platformId = account.platformId;
    std::string username = account.username;
    std::string displayName = account.displayName;
    std::string passwordHash = account.passwordHash;
    int mustChange = account.mustChangePassword ? 1 : 0;
    int initialAdmin = account.initialAdmin ? 1 : 0;
    std::string createdAt = Database::timestampNow();
    std::string updatedAt = createdAt;
    Poco::Int64 id = 0;
    m_session << "INSERT INTO operators (platform_id, username, display_name, password_hash,"
                 " must_change_password, is_initial_admin, created_at, updated_at)"
                 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        use(platformId), use(username), use(displayName), use(passwordHash), use(mustChange), use(initialAdmin),
        use(createdAt), use(updatedAt), into(id), now;
    return id;
}

} // namespace citycode::server
