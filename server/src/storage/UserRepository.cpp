#include "storage/UserRepository.h"

#include "citycode/common/Error.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/SqliteReads.h"

namespace citycode::server {

namespace {

// The columns `one` and byId(Database&) read, in this order.
constexpr char kColumns[] = "SELECT id, platform_id, app_id, name_sealed, name_hash, id_number_sealed, id_number_hash,"
                            " phone_sealed, phone_hash, cert_type, status FROM city_users WHERE ";
constexpr char kEnabled[] = "SELECT CASE WHEN status = 'enabled' THEN 1 ELSE 0 END FROM city_users WHERE id = $1";

// SqliteReads keeps statements by the address of their text: one text for the process.
const char* byIdSql()
{
    static const std::string sql = std::string(kColumns) + "id = $1";
    return sql.c_str();
}

} // namespace

std::optional<StoredUser> UserRepository::one(const std::string& where, const Poco::Dynamic::Var& value)
{
    const auto rows = RecordStore(m_session).select(kColumns + where, {value});
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
    return RecordStore(m_session).scalar(kEnabled, {id}) == 1;
}

std::optional<StoredUser> UserRepository::byId(Database& database, Poco::Int64 id)
{
    SqliteReads* reads = database.sqliteReads();
    if (!reads) {
        Poco::Data::Session session = database.session();
        return UserRepository(session).byId(id);
    }
    SqliteReads::Read read = reads->prepare(byIdSql());
    read.bind(1, id);
    if (!read.step())
        return std::nullopt;
    StoredUser user;
    user.id = read.integer(0);
    user.platformId = read.integer(1);
    user.appId = read.integer(2);
    user.nameSealed = read.text(3);
    user.nameHash = read.text(4);
    user.idNumberSealed = read.text(5);
    user.idNumberHash = read.text(6);
    user.phoneSealed = read.text(7);
    user.phoneHash = read.text(8);
    user.certType = read.text(9);
    user.enabled = read.text(10) == "enabled";
    return user;
}

bool UserRepository::isEnabled(Database& database, Poco::Int64 id)
{
    SqliteReads* reads = database.sqliteReads();
    if (!reads) {
        Poco::Data::Session session = database.session();
        return UserRepository(session).isEnabled(id);
    }
    SqliteReads::Read read = reads->prepare(kEnabled);
    read.bind(1, id);
    return read.step() && read.integer(0) == 1;
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
