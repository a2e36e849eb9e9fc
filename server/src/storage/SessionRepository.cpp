#include "storage/SessionRepository.h"

#include "storage/RecordStore.h"

namespace citycode::server {

Poco::Int64 SessionRepository::insert(const std::string& tokenHash, Poco::Int64 operatorId,
                                      const std::string& remoteAddress, const std::string& createdAt,
                                      const std::string& expiresAt)
{
    return RecordStore(m_session).insert("sessions",
                                         {{"token_hash", tokenHash},
                                          {"operator_id", operatorId},
                                          {"remote_address", remoteAddress},
                                          {"created_at", createdAt},
                                          {"last_seen_at", createdAt},
                                          {"expires_at", expiresAt}},
                                         false);
}

std::optional<SessionLookup> SessionRepository::findByTokenHash(const std::string& tokenHash)
{
    const auto rows = RecordStore(m_session).select(
        "SELECT s.id, s.operator_id, s.last_seen_at, s.expires_at, o.username, o.platform_id,"
        " o.status AS operator_status, o.must_change_password, o.is_initial_admin, p.kind,"
        " p.status AS platform_status"
        " FROM sessions s JOIN operators o ON o.id = s.operator_id JOIN platforms p ON p.id = o.platform_id"
        " WHERE s.token_hash = $1",
        {tokenHash});
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows.front();
    SessionLookup lookup;
    lookup.id = row->getValue<Poco::Int64>("id");
    lookup.operatorId = row->getValue<Poco::Int64>("operator_id");
    lookup.lastSeenAt = row->getValue<std::string>("last_seen_at");
    lookup.expiresAt = row->getValue<std::string>("expires_at");
    lookup.username = row->getValue<std::string>("username");
    lookup.platformId = row->getValue<Poco::Int64>("platform_id");
    lookup.operatorEnabled = row->getValue<std::string>("operator_status") == "enabled";
    lookup.platformEnabled = row->getValue<std::string>("platform_status") == "enabled";
    lookup.mainPlatform = row->getValue<std::string>("kind") == "main";
    lookup.mustChangePassword = row->getValue<Poco::Int64>("must_change_password") != 0;
    lookup.initialAdmin = row->getValue<Poco::Int64>("is_initial_admin") != 0;
    return lookup;
}

void SessionRepository::touch(Poco::Int64 id, const std::string& at)
{
    RecordStore(m_session).execute("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", {at, id});
}

void SessionRepository::remove(Poco::Int64 id)
{
    RecordStore(m_session).execute("DELETE FROM sessions WHERE id = $1", {id});
}

void SessionRepository::removeForOperator(Poco::Int64 operatorId, Poco::Int64 keep)
{
    RecordStore(m_session).execute("DELETE FROM sessions WHERE operator_id = $1 AND id <> $2", {operatorId, keep});
}

void SessionRepository::removeStale(const std::string& idleBefore, const std::string& now)
{
    RecordStore(m_session).execute("DELETE FROM sessions WHERE last_seen_at < $1 OR expires_at <= $2",
                                   {idleBefore, now});
}

} // namespace citycode::server
