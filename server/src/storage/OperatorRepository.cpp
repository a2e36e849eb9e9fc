#include "storage/OperatorRepository.h"

#include "storage/Database.h"
#include "storage/RecordStore.h"

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
    return Database::insertReturningId(m_session,
                                       "INSERT INTO operators (platform_id, username, display_name, password_hash,"
                                       " must_change_password, is_initial_admin, created_at, updated_at)"
                                       " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                                       use(platformId), use(username), use(displayName), use(passwordHash),
                                       use(mustChange), use(initialAdmin), use(createdAt), use(updatedAt));
}

namespace {

const ViewSpec& operatorView()
{
    static const ViewSpec view{"operators o JOIN platforms p ON p.id = o.platform_id",
                               "o.id",
                               "o.platform_id",
                               "o.created_at",
                               "o.id ASC",
                               {
                                   {"id", "o.id", FilterKind::Integer, true},
                                   {"username", "o.username", FilterKind::Like, true},
                                   {"displayName", "o.display_name", FilterKind::Like, true},
                                   {"platformId", "o.platform_id", FilterKind::Integer, true},
                                   {"platformName", "p.name", FilterKind::None, false},
                                   {"status", "o.status", FilterKind::Exact, true},
                                   {"mustChangePassword", "o.must_change_password", FilterKind::None, false},
                                   {"initialAdmin", "o.is_initial_admin", FilterKind::None, false},
                                   {"createdAt", "o.created_at", FilterKind::None, true},
                                   {"updatedAt", "o.updated_at", FilterKind::None, true},
                               }};
    return view;
}

std::optional<OperatorRecord> findOne(Poco::Data::Session& session, const std::string& column, const SqlValue& value)
{
    // `column` is one of two constants of this file.
    const auto rows = RecordStore(session).select(
        "SELECT o.id, o.platform_id, p.name AS platform_name, p.kind, p.status AS platform_status, o.username,"
        " o.display_name, o.password_hash, o.status, o.must_change_password, o.is_initial_admin"
        " FROM operators o JOIN platforms p ON p.id = o.platform_id WHERE o." +
            column + " = $1",
        {value});
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows.front();
    OperatorRecord record;
    record.id = row->getValue<Poco::Int64>("id");
    record.platformId = row->getValue<Poco::Int64>("platform_id");
    record.platformName = row->getValue<std::string>("platform_name");
    record.mainPlatform = row->getValue<std::string>("kind") == "main";
    record.platformEnabled = row->getValue<std::string>("platform_status") == "enabled";
    record.username = row->getValue<std::string>("username");
    record.displayName = row->getValue<std::string>("display_name");
    record.passwordHash = row->getValue<std::string>("password_hash");
    record.enabled = row->getValue<std::string>("status") == "enabled";
    record.mustChangePassword = row->getValue<Poco::Int64>("must_change_password") != 0;
    record.initialAdmin = row->getValue<Poco::Int64>("is_initial_admin") != 0;
    return record;
}

} // namespace

std::optional<OperatorRecord> OperatorRepository::findByUsername(const std::string& username)
{
    return findOne(m_session, "username", username);
}

std::optional<OperatorRecord> OperatorRepository::findById(Poco::Int64 id)
{
    return findOne(m_session, "id", id);
}

void OperatorRepository::setPassword(Poco::Int64 id, const std::string& passwordHash, bool mustChangePassword)
{
    RecordStore(m_session).update("operators", id,
                                  {{"password_hash", passwordHash},
                                   {"must_change_password", static_cast<Poco::Int64>(mustChangePassword ? 1 : 0)}});
}

void OperatorRepository::setStatus(Poco::Int64 id, bool enabled)
{
    RecordStore(m_session).update("operators", id, {{"status", std::string(enabled ? "enabled" : "disabled")}});
}

void OperatorRepository::setDisplayName(Poco::Int64 id, const std::string& displayName)
{
    RecordStore(m_session).update("operators", id, {{"display_name", displayName}});
}

void OperatorRepository::remove(Poco::Int64 id)
{
    RecordStore store(m_session);
    store.execute("DELETE FROM sessions WHERE operator_id = $1", {id});
    store.execute("DELETE FROM operator_roles WHERE operator_id = $1", {id});
    store.execute("DELETE FROM operators WHERE id = $1", {id});
}

ListPage OperatorRepository::list(const ListQuery& query, std::optional<Poco::Int64> scopePlatform)
{
    return RecordStore(m_session).list(operatorView(), query, scopePlatform);
}

Poco::JSON::Object::Ptr OperatorRepository::detail(Poco::Int64 id, std::optional<Poco::Int64> scopePlatform)
{
    return RecordStore(m_session).find(operatorView(), id, scopePlatform);
}

std::vector<std::string> OperatorRepository::listFilters()
{
    return operatorView().filterNames();
}

} // namespace citycode::server
