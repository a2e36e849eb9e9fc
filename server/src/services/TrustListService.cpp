#include "services/TrustListService.h"

#include "citycode/common/TrustList.h"
#include "services/KeyService.h"
#include "services/SettingsService.h"

#include <algorithm>
#include <ctime>

namespace citycode::server {

std::string TrustListService::document()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    // Every platform gets its signing key before the list names the keys (003 §7.2.2: scanners
    // must hold the key before the server becomes unreachable); a key made now changes the
    // generation, so a new platform is listed at once.
    m_keys.ensureAllPlatforms();
    const auto clock = std::chrono::steady_clock::now();
    if (!m_document.empty() && m_generation == m_keys.generation() && clock - m_builtAt < kRebuildAfter)
        return m_document;
    const std::uint64_t generation = m_keys.generation();

    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    common::TrustList list;
    // Unix time as the serial: it grows with each list, whichever node issues it.
    list.serial = static_cast<std::uint64_t>(now);
    list.issuer = m_issuer;
    list.issuedAt = static_cast<std::uint32_t>(now);
    list.expiresAt = static_cast<std::uint32_t>(now + m_settings.current().trustListValiditySeconds);
    for (const KeyService::PublicKeyInfo& info : m_keys.verifyingSigningKeys(now)) {
        common::TrustedKey key;
        key.keyId = info.keyId;
        key.alg = info.key.alg();
        key.key = info.key;
        key.notBefore = static_cast<std::uint32_t>(std::max<std::int64_t>(0, info.notBefore));
        // A current key has no end yet: it is trusted for as long as this list is.
        key.notAfter = info.notAfter ? static_cast<std::uint32_t>(*info.notAfter) : list.expiresAt;
        key.label = info.platformName;
        list.keys.push_back(std::move(key));
    }
    m_document = common::signTrustList(list, m_keys.anchorKey());
    m_generation = generation;
    m_builtAt = clock;
    return m_document;
}

std::string TrustListService::anchorPem() const
{
    return m_keys.anchorKey().publicKey().toPem();
}

} // namespace citycode::server
