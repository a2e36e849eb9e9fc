#include "services/TerminalService.h"

#include "citycode/common/Crypto.h"
#include "services/BaseConfigSupport.h"
#include "storage/CodeEngineViews.h"
#include "storage/Database.h"
#include "storage/TerminalRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

constexpr std::size_t kMaxPemBytes = 4096;

// The key as PEM, re-encoded, and its algorithm. Terminals sign with SM2, P-256 or Ed25519
// (002 §5.3.1.3); anything else, or text that is not a public key, is refused.
std::pair<std::string, std::string> checkedKey(const std::string& pem)
{
    try {
        const common::PublicKey key = common::PublicKey::fromPem(pem);
        if (!common::isSignatureAlg(key.alg()))
            throw common::Error("TERMINAL_KEY_INVALID", "publicKeyPem must be an SM2, P-256 or Ed25519 public key");
        return {key.toPem(), common::codeAlgName(key.alg())};
    } catch (const common::Error& e) {
        if (e.code() == "TERMINAL_KEY_INVALID")
            throw;
    } catch (const std::exception&) {
    }
    throw common::Error("TERMINAL_KEY_INVALID",
                        "publicKeyPem is not an SM2, P-256 or Ed25519 public key (SubjectPublicKeyInfo PEM)");
}

bool isTerminalCode(const std::string& code)
{
    if (code.empty() || code.size() > 64)
        return false;
    for (const char c : code) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

ListPage TerminalService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(CodeEngineViews::terminals(), query, Support::scopeOf(principal));
}

Poco::JSON::Object::Ptr TerminalService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    return Support::found(RecordStore(session).find(CodeEngineViews::terminals(), id, Support::scopeOf(principal)),
                          "terminal");
}

Poco::JSON::Object::Ptr TerminalService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    const std::string code = *Support::text(input, "terminalCode", true, 64);
    if (!isTerminalCode(code))
        throw common::Error("BAD_REQUEST", "terminalCode must be 1-64 letters, digits, '-', '_' or '.'");
    const std::string name = *Support::text(input, "name", true, 100);
    const std::string location = Support::text(input, "location", false, 200).value_or("");
    const auto key = checkedKey(*Support::text(input, "publicKeyPem", true, kMaxPemBytes));
    Poco::Int64 platformId = principal.platformId;
    if (const auto requested = Support::integer(input, "platformId", false)) {
        // A sub-platform registers terminals on itself only; a foreign id reads like a missing one.
        if (!principal.canAccessPlatform(*requested))
            throw common::Error("NOT_FOUND", "platform not found");
        platformId = *requested;
    }
    Poco::Data::Session session = m_database.session();
    TerminalRepository repository(session);
    Transaction transaction(session);
    if (repository.store().scalar("SELECT COUNT(*) FROM platforms WHERE id = $1", {platformId}) == 0)
        throw common::Error("NOT_FOUND", "platform not found");
    if (repository.codeTaken(code))
        throw common::Error("TERMINAL_CODE_TAKEN", "a terminal with this terminalCode is registered");
    const Poco::Int64 id = repository.store().insert("terminals", {{"terminal_code", code},
                                                                   {"platform_id", platformId},
                                                                   {"name", name},
                                                                   {"location", location},
                                                                   {"public_key_pem", key.first},
                                                                   {"key_algorithm", key.second}});
    auto record = repository.store().find(CodeEngineViews::terminals(), id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr TerminalService::update(const Principal& principal, Poco::Int64 id,
                                                const Poco::JSON::Object& input)
{
    const auto name = Support::text(input, "name", false, 100);
    if (name && name->empty())
        throw common::Error("BAD_REQUEST", "name must not be empty");
    const auto location = Support::text(input, "location", false, 200);
    const auto pem = Support::text(input, "publicKeyPem", false, kMaxPemBytes);
    std::vector<std::pair<std::string, SqlValue>> columns;
    if (name)
        columns.emplace_back("name", *name);
    if (location)
        columns.emplace_back("location", *location);
    if (pem) {
        const auto key = checkedKey(*pem);
        columns.emplace_back("public_key_pem", key.first);
        columns.emplace_back("key_algorithm", key.second);
    }
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    Support::found(store.find(CodeEngineViews::terminals(), id, Support::scopeOf(principal)), "terminal");
    store.update("terminals", id, columns);
    auto record = store.find(CodeEngineViews::terminals(), id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr TerminalService::setEnabled(const Principal& principal, Poco::Int64 id, bool enabled)
{
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    Support::found(store.find(CodeEngineViews::terminals(), id, Support::scopeOf(principal)), "terminal");
    store.update("terminals", id, {{"status", std::string(enabled ? "enabled" : "disabled")}});
    auto record = store.find(CodeEngineViews::terminals(), id, std::nullopt);
    transaction.commit();
    return record;
}

void TerminalService::remove(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    TerminalRepository repository(session);
    Transaction transaction(session);
    Support::found(repository.store().find(CodeEngineViews::terminals(), id, Support::scopeOf(principal)), "terminal");
    repository.deleteTerminal(id);
    transaction.commit();
}

} // namespace citycode::server
