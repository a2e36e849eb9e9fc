#include "services/SessionService.h"

#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"
#include "services/TimeText.h"
#include "storage/Database.h"
#include "storage/RoleRepository.h"
#include "storage/SessionRepository.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <atomic>
#include <sstream>

namespace citycode::server {

namespace {

// 256 random bits: far beyond guessing (the issue asks for 128 or more).
constexpr std::size_t kTokenBytes = 32;
// last_seen_at is written at most this often, not on every request, unless the idle timeout is so
// short (tests) that a quarter of it is less.
constexpr long long kTouchIntervalSeconds = 60;

std::string base64Url(const common::Bytes& bytes)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    encoder.close();
    return out.str();
}

// Seconds between two warnings about failed session bookkeeping (a full disk fails it on every
// request; the request itself logs its own refusal).
constexpr Poco::Timestamp::TimeDiff kBookkeepingWarningMicroseconds = 60 * 1000 * 1000;

// Runs a write that authentication can do without: when it fails (a full disk, QUALITY.md "Faults
// and load"), the request goes on, so that a read is not refused because its session's
// bookkeeping could not be written. The next request tries again.
template <typename Write>
void bestEffort(const char* what, Write write)
{
    static std::atomic<Poco::Timestamp::TimeVal> lastWarning{0};
    static std::atomic<long long> failures{0};
    try {
        write();
    } catch (const Poco::Exception& e) {
        const long long failed = ++failures;
        const Poco::Timestamp::TimeVal now = Poco::Timestamp().epochMicroseconds();
        Poco::Timestamp::TimeVal last = lastWarning.load();
        if (now - last >= kBookkeepingWarningMicroseconds && lastWarning.compare_exchange_strong(last, now)) {
            failures -= failed;
            Poco::Logger::get("citycode")
                .warning("session bookkeeping failed " + std::to_string(failed) +
                         " time(s) since the last such warning, requests went on; last: "
                         "cannot " +
                         what + ": " + e.displayText());
        }
    }
}

} // namespace

std::string SessionService::hashToken(const std::string& token)
{
    return common::toHex(common::sha256(common::toBytes(token)));
}

IssuedSession SessionService::open(Poco::Data::Session& session, Poco::Int64 operatorId,
                                   const std::string& remoteAddress)
{
    const Poco::Timestamp now;
    IssuedSession issued;
    issued.token = base64Url(common::randomBytes(kTokenBytes));
    issued.expiresAt = TimeText::afterSeconds(now, m_settings.sessionAbsoluteSeconds);
    SessionRepository sessions(session);
    // "Replaced at login": one live session per operator.
    sessions.removeForOperator(operatorId);
    sessions.removeStale(TimeText::afterSeconds(now, -m_settings.sessionIdleSeconds), TimeText::format(now));
    issued.id =
        sessions.insert(hashToken(issued.token), operatorId, remoteAddress, TimeText::format(now), issued.expiresAt);
    return issued;
}

std::optional<Principal> SessionService::authenticate(const std::string& token, const std::string& remoteAddress)
{
    if (token.size() > 256)
        return std::nullopt;
    Poco::Data::Session session = m_database.session();
    SessionRepository sessions(session);
    const std::optional<SessionLookup> found = sessions.findByTokenHash(hashToken(token));
    if (!found)
        return std::nullopt;
    const Poco::Timestamp now;
    const std::string nowText = TimeText::format(now);
    const Poco::Timestamp lastSeen = TimeText::parse(found->lastSeenAt);
    const bool idle = now - lastSeen >= Poco::Timespan(m_settings.sessionIdleSeconds, 0).totalMicroseconds();
    if (found->expiresAt <= nowText || idle || !found->operatorEnabled || !found->platformEnabled) {
        bestEffort("remove an ended session", [&] { sessions.remove(found->id); });
        return std::nullopt;
    }
    const long long touchInterval = std::min(kTouchIntervalSeconds, m_settings.sessionIdleSeconds / 4);
    if (now - lastSeen >= Poco::Timespan(touchInterval, 0).totalMicroseconds())
        bestEffort("update last_seen_at", [&] { sessions.touch(found->id, nowText); });

    Principal principal;
    principal.operatorId = found->operatorId;
    principal.username = found->username;
    principal.platformId = found->platformId;
    principal.mainPlatform = found->mainPlatform;
    principal.initialAdmin = found->initialAdmin;
    principal.mustChangePassword = found->mustChangePassword;
    principal.sessionId = found->id;
    principal.remoteAddress = remoteAddress;
    principal.permissions = RoleRepository(session).permissionsOf(found->operatorId, found->mainPlatform);
    return principal;
}

void SessionService::end(Poco::Int64 sessionId)
{
    Poco::Data::Session session = m_database.session();
    SessionRepository(session).remove(sessionId);
}

void SessionService::endAllOf(Poco::Data::Session& session, Poco::Int64 operatorId, Poco::Int64 keep)
{
    SessionRepository(session).removeForOperator(operatorId, keep);
}

} // namespace citycode::server
