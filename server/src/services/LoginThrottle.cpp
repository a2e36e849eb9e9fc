#include "services/LoginThrottle.h"

#include "services/TimeText.h"
#include "storage/Database.h"
#include "storage/LoginFailureRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

#include <algorithm>

namespace citycode::server {

namespace {

// Many people may share one address (an office behind NAT), so an address gets more failures.
constexpr long long kAddressFactor = 4;

std::string accountKey(const std::string& username)
{
    return "account:" + username.substr(0, 128);
}

std::string addressKey(const std::string& address)
{
    return "address:" + address;
}

} // namespace

void LoginThrottle::check(const std::string& username, const std::string& address)
{
    Poco::Data::Session session = m_database.session();
    LoginFailureRepository failures(session);
    const Poco::Timestamp now;
    long long waitSeconds = 0;
    for (const std::string& key : {accountKey(username), addressKey(address)}) {
        const auto found = failures.find(key);
        if (!found || found->blockedUntil.empty())
            continue;
        const Poco::Timestamp until = TimeText::parse(found->blockedUntil);
        if (until > now) // round up: waiting the announced time is always enough
            waitSeconds = std::max(waitSeconds, static_cast<long long>((until - now + 999999) / 1000000));
    }
    if (waitSeconds > 0)
        throw LoginThrottled(waitSeconds);
}

void LoginThrottle::recordFailure(const std::string& username, const std::string& address)
{
    Poco::Data::Session session = m_database.session();
    // Read-modify-write of a counter that concurrent attempts share.
    Transaction transaction(session, TransactionLock::Database);
    LoginFailureRepository repository(session);
    const Poco::Timestamp now;
    const std::pair<std::string, long long> keys[] = {
        {accountKey(username), m_settings.throttleFreeFailures},
        {addressKey(address), m_settings.throttleFreeFailures * kAddressFactor},
    };
    for (const auto& [key, freeFailures] : keys) {
        LoginFailures failures = repository.find(key).value_or(LoginFailures{});
        const bool windowOver = failures.windowStartedAt.empty() ||
                                now - TimeText::parse(failures.windowStartedAt) >
                                    Poco::Timespan(m_settings.throttleWindowSeconds, 0).totalMicroseconds();
        if (windowOver)
            failures = LoginFailures{0, TimeText::format(now), ""};
        ++failures.failures;
        if (failures.failures >= freeFailures) {
            // 1 s after the last free failure, doubling with each further one, capped.
            const long long excess = std::min<long long>(failures.failures - freeFailures, 30);
            const long long delay = std::min(m_settings.throttleMaxDelaySeconds, 1LL << excess);
            failures.blockedUntil = TimeText::afterSeconds(now, delay);
            // The counter lives as long as the block, so a slow attacker still meets the delays.
            failures.windowStartedAt = TimeText::format(now);
        }
        repository.save(key, failures);
    }
    transaction.commit();
}

void LoginThrottle::recordSuccess(const std::string& username)
{
    Poco::Data::Session session = m_database.session();
    LoginFailureRepository(session).remove(accountKey(username));
}

} // namespace citycode::server
