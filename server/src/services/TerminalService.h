#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

class Database;

// Scanner terminals (终端授权, 002 §5.3.1.3; 000 §2.2.5): registered with the id they send
// (terminalCode) and the public key (SM2, P-256 or Ed25519, SubjectPublicKeyInfo PEM) that checks
// their request signatures; only enabled terminals may verify. A terminal belongs to a platform;
// sub-platform operators register and see only their own. Errors: NOT_FOUND, BAD_REQUEST,
// TERMINAL_CODE_TAKEN, TERMINAL_KEY_INVALID.
class TerminalService
{
public:
    explicit TerminalService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: terminalCode, name, publicKeyPem, location, platformId (main platform only;
    // default: the caller's platform).
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& input);
    // input: name, location, publicKeyPem (a new key replaces the old one at once).
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr setEnabled(const Principal& principal, Poco::Int64 id, bool enabled);
    void remove(const Principal& principal, Poco::Int64 id);

private:
    Database& m_database;
};

} // namespace citycode::server
