#pragma once

#include "citycode/common/Bytes.h"
#include "services/CodeEngineLookup.h"
#include "storage/NonceStore.h"

#include <Poco/Types.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace citycode::common {
class PublicKey;
}

namespace citycode::server {

class Database;
class KeyStore;
class PersonalDataCipher;
class TestClock;

// Who signed an open API request: an app (its developer secret) or a registered scanner terminal
// (its own key). Exactly one of the two; the platform comes from the caller's own record.
struct Caller
{
    enum class Kind
    {
        App,
        Terminal,
    };
    Kind kind = Kind::App;
    Poco::Int64 appId = 0; // App only
    std::string appCode;   // App only
    Poco::Int64 platformId = 0;
    Poco::Int64 terminalId = 0; // Terminal only
    std::string terminalCode;   // Terminal only
    bool session = false;       // Terminal only: signed with a session key, not the registered key

    // "app:<appCode>" or "terminal:<terminalCode>": the nonce namespace and the record's caller.
    std::string id() const { return kind == Kind::App ? "app:" + appCode : "terminal:" + terminalCode; }
};

// The headers and body of a request as the authenticator reads them.
struct SignedRequest
{
    std::string method;
    std::string path;
    std::string app;        // X-CityCode-App
    std::string terminal;   // X-CityCode-Terminal
    std::string keyId;      // X-CityCode-Key-Id (terminals: hex key id of the signing key)
    std::string session;    // X-CityCode-Session (terminals signing with a session key)
    std::string timestamp;  // X-CityCode-Timestamp, Unix seconds
    std::string nonce;      // X-CityCode-Nonce
    std::string signature;  // X-CityCode-Signature
    std::string signMethod; // X-CityCode-Sign-Method: HMAC-SHA256 (default) or HMAC-SM3, apps only
    std::string body;
};

// Verifies the signature scheme of docs/open-api.md (QUALITY.md "Callers"): the canonical text
// (scheme, method, path, caller, timestamp, nonce, SHA-256 of the body, one per line) signed with
// the app's developer secret (HMAC) or the terminal's registered private key; a timestamp within
// ±300 s of the server clock; a nonce never used before by that caller (NonceStore, shared by all
// nodes). Throws common::Error with one stable code per reason: SIGNATURE_MISSING,
// TIMESTAMP_STALE, NONCE_REUSED, SIGNATURE_INVALID, APP_UNKNOWN, APP_DISABLED, TERMINAL_UNKNOWN,
// TERMINAL_DISABLED, TERMINAL_KEY_MISMATCH, SESSION_INVALID, SESSION_EXPIRED. Terminals may also
// sign with a session key (common/TerminalSession.h) opened by one request signed with their
// registered key: HMAC instead of a public-key verification on every request. Thread-safe.
class CallerAuthenticator
{
public:
    static constexpr std::int64_t kWindowSeconds = 300;
    // How long after its code expired a code's used mark is kept (NonceStore::prune).
    static constexpr std::int64_t kUsedMarkMarginSeconds = 3600;

    static constexpr std::int64_t kSessionSeconds = 3600;

    CallerAuthenticator(Database& database, const PersonalDataCipher& cipher, const CodeEngineLookup& codeEngine,
                        const KeyStore& keys, NonceStore& nonces, const TestClock& clock);
    ~CallerAuthenticator();

    // With `deferredClaim`, the nonce of a correctly signed request is not claimed here but
    // written into it: the caller claims it (NonceStore::claim) in the durable write that also
    // holds the request's effects and record, committed before the answer (one disk sync per
    // batch of requests instead of two or three per request).
    Caller authenticate(const SignedRequest& request, NonceStore::RequestNonce* deferredClaim = nullptr);

    // The canonical text a caller signs; `caller` is the app code or terminal code.
    static std::string canonical(const std::string& scheme, const std::string& method, const std::string& path,
                                 const std::string& caller, const std::string& timestamp, const std::string& nonce,
                                 const std::string& body);
    static constexpr char kAppScheme[] = "CITYCODE-APP-V1";
    static constexpr char kTerminalScheme[] = "CITYCODE-TERMINAL-V1";
    static constexpr char kTerminalSessionScheme[] = "CITYCODE-TERMINAL-SESSION-V1";

    // A new session for a terminal that signed this request with its registered key (never with
    // a session key: SESSION_INVALID). ephemeralKey: the terminal's X25519 public key, base64.
    struct SessionGrant
    {
        std::string sessionId;
        std::string serverKey;  // base64 of the server's ephemeral X25519 public key
        std::string wrappedKey; // base64 of the session key, wrapped (common::wrapSessionKey)
        std::int64_t expiresAt = 0;
    };
    SessionGrant openSession(const Caller& terminal, const std::string& ephemeralKey);

private:
    Caller authenticateApp(const SignedRequest& request, NonceStore::RequestNonce* deferredClaim);
    Caller authenticateTerminal(const SignedRequest& request, NonceStore::RequestNonce* deferredClaim);
    // The session key a session id names for this terminal; SESSION_* errors otherwise.
    common::Bytes sessionKey(const std::string& sessionId, const TerminalRecord& terminal, std::int64_t now);
    // The timestamp, or TIMESTAMP_STALE beyond the window.
    std::int64_t checkTimestamp(const SignedRequest& request) const;
    // Only a correctly signed request may claim its nonce; NONCE_REUSED for a replay.
    void claimNonce(const SignedRequest& request, const std::string& caller, std::int64_t timestamp,
                    NonceStore::RequestNonce* deferredClaim);
    std::shared_ptr<const common::PublicKey> publicKey(const std::string& pem);
    // The developer secret of a sealed column value (opened once per distinct sealed text).
    std::string openSecret(const std::string& sealed);

    Database& m_database;
    const PersonalDataCipher& m_cipher;
    const CodeEngineLookup& m_codeEngine;
    const KeyStore& m_keyStore;
    NonceStore& m_nonces;
    const TestClock& m_clock;
    std::mutex m_keysMutex;
    std::map<std::string, std::shared_ptr<const common::PublicKey>> m_keys; // by PEM
    std::map<std::string, std::string> m_secrets;                           // by sealed text
    // Derived session keys by session id, with the registered key (PEM) they were derived for.
    std::map<std::string, std::pair<std::string, common::Bytes>> m_sessionKeys;
    std::atomic<std::int64_t> m_lastPrune{0};
};

} // namespace citycode::server
