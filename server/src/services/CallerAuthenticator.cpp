#include "services/CallerAuthenticator.h"

#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"
#include "citycode/common/TerminalSession.h"
#include "services/KeyStore.h"
#include "services/PersonalDataCipher.h"
#include "services/TestClock.h"
#include "storage/Database.h"
#include "storage/NonceStore.h"

#include <Poco/NumberParser.h>

namespace citycode::server {

namespace {

constexpr char kSecretColumn[] = "developers.secret"; // as AppService seals it
constexpr std::int64_t kPruneEverySeconds = 60;

[[noreturn]] void refuse(const std::string& code, const std::string& message)
{
    throw common::Error(code, message);
}

// Fields of the canonical text are one line each, so none may hold a line break; callers and
// nonces are restricted further to a safe alphabet.
bool safeToken(const std::string& text, std::size_t minSize, std::size_t maxSize)
{
    if (text.size() < minSize || text.size() > maxSize)
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

CallerAuthenticator::CallerAuthenticator(Database& database, const PersonalDataCipher& cipher,
                                         const CodeEngineLookup& codeEngine, const KeyStore& keys, NonceStore& nonces,
                                         const TestClock& clock)
    : m_database(database), m_cipher(cipher), m_codeEngine(codeEngine), m_keyStore(keys), m_nonces(nonces),
      m_clock(clock)
{
}

CallerAuthenticator::~CallerAuthenticator() = default;

std::string CallerAuthenticator::canonical(const std::string& scheme, const std::string& method,
                                           const std::string& path, const std::string& caller,
                                           const std::string& timestamp, const std::string& nonce,
                                           const std::string& body)
{
    return scheme + "\n" + method + "\n" + path + "\n" + caller + "\n" + timestamp + "\n" + nonce + "\n" +
           common::toHex(common::sha256(common::toBytes(body)));
}

Caller CallerAuthenticator::authenticate(const SignedRequest& request, NonceStore::RequestNonce* deferredClaim)
{
    m_codeEngine.beginRequest();
    const bool app = !request.app.empty();
    const bool terminal = !request.terminal.empty();
    if (app == terminal)
        refuse("SIGNATURE_MISSING", "sign the request as exactly one caller: X-CityCode-App or X-CityCode-Terminal");
    if (request.timestamp.empty() || request.nonce.empty() || request.signature.empty())
        refuse("SIGNATURE_MISSING", "X-CityCode-Timestamp, X-CityCode-Nonce and X-CityCode-Signature are required");
    if (!safeToken(request.nonce, 16, 64))
        refuse("SIGNATURE_MISSING", "X-CityCode-Nonce must be 16 to 64 characters of A-Z a-z 0-9 - _ .");
    return app ? authenticateApp(request, deferredClaim) : authenticateTerminal(request, deferredClaim);
}

std::int64_t CallerAuthenticator::checkTimestamp(const SignedRequest& request) const
{
    Poco::Int64 timestamp = 0;
    if (request.timestamp.size() > 12 || request.timestamp.find_first_not_of("0123456789") != std::string::npos ||
        !Poco::NumberParser::tryParse64(request.timestamp, timestamp))
        refuse("SIGNATURE_MISSING", "X-CityCode-Timestamp must be Unix seconds");
    const std::int64_t now = m_clock.now();
    if (timestamp < now - kWindowSeconds || timestamp > now + kWindowSeconds)
        refuse("TIMESTAMP_STALE", "the request timestamp is more than 300 seconds from the server clock");
    return timestamp;
}

void CallerAuthenticator::claimNonce(const SignedRequest& request, const std::string& caller, std::int64_t timestamp,
                                     NonceStore::RequestNonce* deferredClaim)
{
    // Past the window the request is refused as stale anyway, so its nonce row may go then.
    const std::int64_t expiresAt = timestamp + kWindowSeconds + 1;
    if (deferredClaim)
        *deferredClaim = NonceStore::RequestNonce{caller, request.nonce, expiresAt};
    else if (!m_nonces.claimRequestNonce(caller, request.nonce, expiresAt))
        refuse("NONCE_REUSED", "this nonce was used before; sign every request with a fresh nonce");
    const std::int64_t now = m_clock.now();
    std::int64_t last = m_lastPrune.load();
    // A used mark outlives its code by an hour: a node whose clock runs behind, or a clock stepped
    // back after a wrong step forward, still finds the mark of a code it would take as unexpired.
    if (now - last >= kPruneEverySeconds && m_lastPrune.compare_exchange_strong(last, now))
        m_nonces.prune(now, now - kUsedMarkMarginSeconds);
}

Caller CallerAuthenticator::authenticateApp(const SignedRequest& request, NonceStore::RequestNonce* deferredClaim)
{
    if (!safeToken(request.app, 1, 64))
        refuse("APP_UNKNOWN", "unknown app");
    const std::optional<CallerApp> app = m_codeEngine.appByCode(request.app);
    if (!app || app->sealedSecret.empty())
        refuse("APP_UNKNOWN", "unknown app");
    common::CodeAlg alg = common::CodeAlg::HmacSha256;
    if (request.signMethod == "HMAC-SM3")
        alg = common::CodeAlg::HmacSm3;
    else if (!request.signMethod.empty() && request.signMethod != "HMAC-SHA256")
        refuse("SIGNATURE_INVALID", "X-CityCode-Sign-Method must be HMAC-SHA256 or HMAC-SM3");
    common::Bytes signature;
    try {
        signature = common::fromHex(request.signature);
    } catch (const common::Error&) {
        refuse("SIGNATURE_INVALID", "X-CityCode-Signature must be the hex HMAC");
    }
    const std::string secret = openSecret(app->sealedSecret);
    const std::string text = canonical(kAppScheme, request.method, request.path, request.app, request.timestamp,
                                       request.nonce, request.body);
    // Timestamp first (cheap and says "stale" rather than "bad signature" for an old request),
    // then the signature, and only a correctly signed request may claim its nonce.
    const std::int64_t timestamp = checkTimestamp(request);
    if (signature.size() != 32 || !common::macVerify(alg, common::toBytes(secret), common::toBytes(text), signature))
        refuse("SIGNATURE_INVALID", "the signature does not match the request");
    if (!app->enabled)
        refuse("APP_DISABLED", "the app or its platform is disabled");
    claimNonce(request, "app:" + request.app, timestamp, deferredClaim);
    Caller caller;
    caller.kind = Caller::Kind::App;
    caller.appId = app->id;
    caller.appCode = app->appCode;
    caller.platformId = app->platformId;
    return caller;
}

std::string CallerAuthenticator::openSecret(const std::string& sealed)
{
    // Kept by the sealed text, so a rotated secret is simply another entry.
    std::lock_guard<std::mutex> lock(m_keysMutex);
    const auto found = m_secrets.find(sealed);
    if (found != m_secrets.end())
        return found->second;
    std::string secret = m_cipher.open(sealed, kSecretColumn);
    if (m_secrets.size() > 4096)
        m_secrets.clear();
    m_secrets.emplace(sealed, secret);
    return secret;
}

std::shared_ptr<const common::PublicKey> CallerAuthenticator::publicKey(const std::string& pem)
{
    std::lock_guard<std::mutex> lock(m_keysMutex);
    const auto found = m_keys.find(pem);
    if (found != m_keys.end())
        return found->second;
    auto key = std::make_shared<const common::PublicKey>(common::PublicKey::fromPem(pem));
    if (m_keys.size() > 4096)
        m_keys.clear();
    m_keys.emplace(pem, key);
    return key;
}

Caller CallerAuthenticator::authenticateTerminal(const SignedRequest& request, NonceStore::RequestNonce* deferredClaim)
{
    if (!safeToken(request.terminal, 1, 64))
        refuse("TERMINAL_UNKNOWN", "unknown terminal");
    const std::optional<TerminalRecord> terminal = m_codeEngine.terminal(request.terminal);
    if (!terminal || terminal->publicKeyPem.empty())
        refuse("TERMINAL_UNKNOWN", "unknown terminal");
    const std::int64_t timestamp = checkTimestamp(request);
    if (!request.session.empty()) {
        // Session key: HMAC-SHA256 over the canonical text of the session scheme.
        const common::Bytes key = sessionKey(request.session, *terminal, m_clock.now());
        common::Bytes signature;
        try {
            signature = common::fromHex(request.signature);
        } catch (const common::Error&) {
            refuse("SIGNATURE_INVALID", "X-CityCode-Signature must be the hex HMAC");
        }
        const std::string text = canonical(kTerminalSessionScheme, request.method, request.path, request.terminal,
                                           request.timestamp, request.nonce, request.body);
        if (signature.size() != 32 ||
            !common::macVerify(common::CodeAlg::HmacSha256, key, common::toBytes(text), signature))
            refuse("SIGNATURE_INVALID", "the signature does not match the request");
    } else {
        std::shared_ptr<const common::PublicKey> key;
        try {
            key = publicKey(terminal->publicKeyPem);
        } catch (const common::Error&) {
            refuse("TERMINAL_UNKNOWN", "the terminal's registered key cannot be read");
        }
        // The key id names the key the terminal signed with: a key registered for another
        // terminal (or none) is refused as such, before the signature is even checked.
        if (request.keyId.empty())
            refuse("SIGNATURE_MISSING", "terminals name their key in X-CityCode-Key-Id");
        if (request.keyId != common::toHex(key->keyId()))
            refuse("TERMINAL_KEY_MISMATCH", "the request is signed with a key that is not this terminal's");
        common::Bytes signature;
        try {
            signature = common::fromBase64(request.signature);
        } catch (const common::Error&) {
            refuse("SIGNATURE_INVALID", "X-CityCode-Signature must be the base64 signature");
        }
        const std::string text = canonical(kTerminalScheme, request.method, request.path, request.terminal,
                                           request.timestamp, request.nonce, request.body);
        if (!key->verify(common::toBytes(text), signature))
            refuse("SIGNATURE_INVALID", "the signature does not match the request");
    }
    if (!terminal->enabled)
        refuse("TERMINAL_DISABLED", "the terminal is disabled");
    claimNonce(request, "terminal:" + request.terminal, timestamp, deferredClaim);
    Caller caller;
    caller.kind = Caller::Kind::Terminal;
    caller.platformId = terminal->platformId;
    caller.terminalId = terminal->id;
    caller.terminalCode = terminal->terminalCode;
    caller.session = !request.session.empty();
    return caller;
}

common::Bytes CallerAuthenticator::sessionKey(const std::string& sessionId, const TerminalRecord& terminal,
                                              std::int64_t now)
{
    const common::SessionTicket ticket = common::SessionTicket::decode(sessionId);
    // Another terminal's session is refused like another terminal's key.
    if (ticket.terminalId != terminal.id)
        refuse("TERMINAL_KEY_MISMATCH", "the session was opened by another terminal");
    if (now > ticket.expiresAt)
        refuse("SESSION_EXPIRED", "the terminal session has expired; open a new one");
    // The platform key it was derived from must still verify (a key retired past its overlap
    // ends its sessions) and be the terminal's platform's.
    const std::optional<MacKey> key = m_keyStore.macKey(ticket.keyId, now);
    if (!key || key->platformId != terminal.platformId)
        refuse("SESSION_INVALID", "the session's key is unknown or retired; open a new session");
    // The derivation is kept per session id (two HMACs and a hash of the PEM on every scan
    // otherwise); only the checks above depend on the moment.
    std::lock_guard<std::mutex> lock(m_keysMutex);
    const auto found = m_sessionKeys.find(sessionId);
    if (found != m_sessionKeys.end() && found->second.first == terminal.publicKeyPem)
        return found->second.second;
    common::Bytes derived = common::terminalSessionKey(key->secret, sessionId, terminal.publicKeyPem);
    if (m_sessionKeys.size() > 4096)
        m_sessionKeys.clear();
    m_sessionKeys[sessionId] = {terminal.publicKeyPem, derived};
    return derived;
}

CallerAuthenticator::SessionGrant CallerAuthenticator::openSession(const Caller& caller,
                                                                   const std::string& ephemeralKey)
{
    if (caller.kind != Caller::Kind::Terminal || caller.session)
        refuse("SESSION_INVALID", "a session is opened by a terminal signing with its registered key");
    common::Bytes peer;
    try {
        peer = common::fromBase64(ephemeralKey);
    } catch (const common::Error&) {
        refuse("SESSION_KEY_INVALID", "ephemeralKey must be base64 of a 32-byte X25519 public key");
    }
    const std::optional<TerminalRecord> terminal = m_codeEngine.terminal(caller.terminalCode);
    if (!terminal)
        refuse("TERMINAL_UNKNOWN", "unknown terminal");
    const std::int64_t now = m_clock.now();
    const MacKey key = m_keyStore.currentMacKey(terminal->platformId);
    common::SessionTicket ticket;
    ticket.keyId = key.keyId;
    ticket.terminalId = terminal->id;
    ticket.expiresAt = now + kSessionSeconds;
    ticket.random = common::randomBytes(common::SessionTicket::kRandomSize);
    const std::string sessionId = ticket.encode();
    const common::EphemeralKey ours = common::EphemeralKey::generate();
    const common::Bytes shared = ours.agree(peer);
    SessionGrant grant;
    grant.sessionId = sessionId;
    grant.serverKey = common::toBase64(ours.publicKey());
    grant.wrappedKey = common::toBase64(common::wrapSessionKey(
        shared, sessionId, common::terminalSessionKey(key.secret, sessionId, terminal->publicKeyPem)));
    grant.expiresAt = ticket.expiresAt;
    return grant;
}

} // namespace citycode::server
