#include "storage/UserRepository.h"

#include "citycode/common/Error.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"

namespace citycode::server {

std::optional<StoredUser> UserRepository::one(const std::string& where, const Poco::Dynamic::Var& value)
{
    const auto rows = RecordStore(m_session).select(
        "SELECT id, platform_id, app_id, name_sealed, name_hash, id_number_sealed, id_number_hash, phone_sealed,"
        " phone_hash, cert_type, status FROM city_users WHERE " +
            where,
        {value});
    if (rows.empty())
        return std::nullopt;
    const Poco::JSON::Object::Ptr& row = rows.front();
    StoredUser user;
    user.id = row->getValue<Poco::Int64>("id");
    user.platformId = row->getValue<Poco::Int64>("platform_id");
    user.appId = row->getValue<Poco::Int64>("app_id");
    user.nameSealed = row->getValue<std::string>("name_sealed");
    user.nameHash = row->getValue<std::string>("name_hash");
    user.idNumberSealed = row->getValue<std::string>("id_number_sealed");
    user.idNumberHash = row->getValue<std::string>("id_number_hash");
    user.phoneSealed = row->getValue<std::string>("phone_sealed");
    user.phoneHash = row->getValue<std::string>("phone_hash");
    user.certType = row->getValue<std::string>("cert_type");
    user.enabled = row->getValue<std::string>("status") == "enabled";
    return user;
}

std::optional<StoredUser> UserRepository::byId(Poco::Int64 id)
{
    return one("id = $1", id);
}

bool UserRepository::isEnabled(Poco::Int64 id)
{
    return RecordStore(m_session).scalar(
               "SELECT CASE WHEN status = 'enabled' THEN 1 ELSE 0 END FROM city_users WHERE id = $1", {id}) == 1;
}

std::optional<StoredUser> UserRepository::byIdNumberHash(const std::string& hash)
{
    return one("id_number_hash = $1", hash);
}

Poco::Int64 UserRepository::insertOrFind(const StoredUser& user)
{
    const std::string now = Database::timestampNow();
    RecordStore(m_session).execute(
        "INSERT INTO city_users (platform_id, app_id, name_sealed, name_hash, id_number_sealed, id_number_hash,"
        " phone_sealed, phone_hash, cert_type, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id_number_hash) DO NOTHING",
        {user.platformId, user.appId, user.nameSealed, user.nameHash, user.idNumberSealed, user.idNumberHash,
         user.phoneSealed, user.phoneHash, user.certType, now, now});
    const std::optional<StoredUser> stored = byIdNumberHash(user.idNumberHash);
    if (!stored)
        throw common::Error("INTERNAL_ERROR", "the user row vanished after its insert");
    return stored->id;
}

} // namespace citycode::server
