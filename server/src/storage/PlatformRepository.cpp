#include "storage/PlatformRepository.h"

#include "storage/Database.h"

#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

namespace citycode::server {

Poco::Int64 PlatformRepository::insert(const NewPlatform& platform)
{
    std::string kind = platform.kind == PlatformKind::Main ? "main" : "sub";
    std::string name = platform.name;
    std::string serviceAddress = platform.serviceAddress;
    std::string createdAt = Database::timestampNow();
    std::string updatedAt = createdAt;
    return Database::insertReturningId(m_session,
                                       "INSERT INTO platforms (kind, name, service_address, created_at, updated_at)"
                                       " VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                       use(kind), use(name), use(serviceAddress), use(createdAt), use(updatedAt));
}

std::optional<Poco::Int64> PlatformRepository::findMainPlatformId()
{
    Poco::Int64 id = 0;
    Poco::Data::Statement select(m_session);
    select << "SELECT id FROM platforms WHERE kind = 'main'", into(id);
    if (select.execute() == 0)
        return std::nullopt;
    return id;
}

} // namespace citycode::server
