#include "storage/NonceStore.h"

#include "storage/Database.h"
#include "storage/DurableBatch.h"
#include "storage/RecordStore.h"

namespace citycode::server {

bool NonceStore::claim(Poco::Data::Session& session, const RequestNonce& nonce)
{
    return RecordStore(session).write("INSERT INTO api_nonces (expires_at, caller, nonce) VALUES ($1, $2, $3)"
                                      " ON CONFLICT (expires_at, caller, nonce) DO NOTHING",
                                      {static_cast<Poco::Int64>(nonce.expiresAt), nonce.caller, nonce.nonce}) == 1;
}

bool NonceStore::markUsed(Poco::Data::Session& session, const CodeUse& use)
{
    const std::string usedAt = Database::timestampNow();
    return RecordStore(session).write(
               "INSERT INTO code_uses (nonce, rule_id, rule_version, user_id, caller, expires_at, used_at)"
               " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (expires_at, nonce) DO NOTHING",
               {use.nonceHex, static_cast<Poco::Int64>(use.ruleId), static_cast<Poco::Int64>(use.ruleVersion),
                use.userId, use.caller, static_cast<Poco::Int64>(use.expiresAt), usedAt}) == 1;
}

bool NonceStore::claimRequestNonce(const std::string& caller, const std::string& nonce, std::int64_t expiresAt)
{
    const RequestNonce claimed{caller, nonce, expiresAt};
    return m_writes.run([&](Poco::Data::Session& session) { return claim(session, claimed) ? 1 : 0; }) == 1;
}

bool NonceStore::markCodeUsed(const CodeUse& use)
{
    // The answer "decoded" is sent only after the batch holding this row is committed: WAL
    // synchronous=FULL on SQLite, synchronous_commit=on on PostgreSQL (Database.h) put the mark
    // on disk first.
    return m_writes.run([&](Poco::Data::Session& session) { return markUsed(session, use) ? 1 : 0; }) == 1;
}

std::size_t NonceStore::prune(std::int64_t now, std::int64_t usedMarksBefore)
{
    return m_writes.run([now, usedMarksBefore](Poco::Data::Session& session) {
        RecordStore store(session);
        return store.execute("DELETE FROM api_nonces WHERE expires_at < $1", {static_cast<Poco::Int64>(now)}) +
               store.execute("DELETE FROM code_uses WHERE expires_at < $1",
                             {static_cast<Poco::Int64>(usedMarksBefore)});
    });
}

} // namespace citycode::server
