#include "storage/LoginFailureRepository.h"

#include "storage/RecordStore.h"

namespace citycode::server {

std::optional<LoginFailures> LoginFailureRepository::find(const std::string& key)
{
    const auto rows = RecordStore(m_session).select(
        "SELECT failures, window_started_at, blocked_until FROM login_failures WHERE throttle_key = $1", {key});
    if (rows.empty())
        return std::nullopt;
    LoginFailures failures;
    failures.failures = rows.front()->getValue<Poco::Int64>("failures");
    failures.windowStartedAt = rows.front()->getValue<std::string>("window_started_at");
    failures.blockedUntil = rows.front()->getValue<std::string>("blocked_until");
    return failures;
}

void LoginFailureRepository::save(const std::string& key, const LoginFailures& failures)
{
    RecordStore store(m_session);
    // Called inside a write transaction, so the delete and insert replace the row atomically.
    store.execute("DELETE FROM login_failures WHERE throttle_key = $1", {key});
    store.execute("INSERT INTO login_failures (throttle_key, failures, window_started_at, blocked_until)"
                  " VALUES ($1, $2, $3, $4)",
                  {key, failures.failures, failures.windowStartedAt, failures.blockedUntil});
}

void LoginFailureRepository::remove(const std::string& key)
{
    RecordStore(m_session).execute("DELETE FROM login_failures WHERE throttle_key = $1", {key});
}

} // namespace citycode::server
