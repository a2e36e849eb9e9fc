#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

namespace citycode::server {

class DurableBatch;

// The replay guards of the open API, in the database so that they hold across every server node
// on one PostgreSQL: request nonces of signed callers (api_nonces) and the "used" marks of dynamic
// codes (code_uses). Each claim is one INSERT ... ON CONFLICT DO NOTHING whose row count decides:
// the primary key settles concurrent claims (also two in one batch: the second inserts nothing).
// The claims go through the group commit of DurableBatch, so a claim returns only after the
// transaction holding it is committed (on disk), at one disk sync per batch. Thread-safe.
class NonceStore
{
public:
    explicit NonceStore(DurableBatch& writes) : m_writes(writes) {}

    // A signed request's nonce: caller "app:<code>" or "terminal:<code>".
    struct RequestNonce
    {
        std::string caller;
        std::string nonce;
        std::int64_t expiresAt = 0;
    };

    // False when this caller used this nonce before (the row exists). expiresAt: Unix seconds
    // after which the row may be pruned (beyond the timestamp window it can never be replayed).
    bool claimRequestNonce(const std::string& caller, const std::string& nonce, std::int64_t expiresAt);

    struct CodeUse
    {
        std::string nonceHex; // the code's nonce: what the code signs, never its MAC bytes
        std::int64_t ruleId = 0;
        std::uint32_t ruleVersion = 0;
        std::optional<std::int64_t> userId;
        std::string caller;
        std::int64_t expiresAt = 0;
    };
    // Marks a code used, durably; false when it was used before.
    bool markCodeUsed(const CodeUse& use);

    // Deletes, in one durable write, the request nonces that expired before `now` and the used
    // marks of codes that expired before `usedMarksBefore`; returns how many rows went. A verify
    // checks expiry before the mark, so such a code is refused as expired without its mark; the
    // caller keeps a margin for clocks of nodes that run behind.
    std::size_t prune(std::int64_t now, std::int64_t usedMarksBefore);

    // The same two claims as statements inside a transaction the caller commits (a DurableBatch
    // statement that also writes the request's record): false when the row exists already.
    static bool claim(Poco::Data::Session& session, const RequestNonce& nonce);
    static bool markUsed(Poco::Data::Session& session, const CodeUse& use);

    // The group-commit writer the claims go through.
    DurableBatch& writes() { return m_writes; }

private:
    DurableBatch& m_writes;
};

} // namespace citycode::server
