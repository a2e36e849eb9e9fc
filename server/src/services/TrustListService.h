#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace citycode::server {

class KeyService;
class SettingsService;

// The signed trust list of 003 §7.2.2 (common/TrustList.h): the public signing keys of every
// enabled platform that still verify, with their validity, signed by the main platform's
// trust-list anchor key. Scanners and the console download it and verify emergency codes offline.
// The document is rebuilt when this node's keys change and at least every kRebuildAfter, so a
// rotation on another node shows within that time. Thread-safe.
class TrustListService
{
public:
    static constexpr std::chrono::seconds kRebuildAfter{30};

    TrustListService(const KeyService& keys, const SettingsService& settings, std::string issuer)
        : m_keys(keys), m_settings(settings), m_issuer(std::move(issuer))
    {
    }

    // The signed JSON document (common::signTrustList).
    std::string document();
    // The anchor public key (SubjectPublicKeyInfo PEM) verifiers pin.
    std::string anchorPem() const;

private:
    const KeyService& m_keys;
    const SettingsService& m_settings;
    std::string m_issuer;

    std::mutex m_mutex;
    std::string m_document;
    std::uint64_t m_generation = 0;
    std::chrono::steady_clock::time_point m_builtAt{};
};

} // namespace citycode::server
