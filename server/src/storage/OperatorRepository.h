#pragma once

#include <Poco/Types.h>

#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// A console account as created (001 §4.12). passwordHash is the output of Passwords::hash;
// no clear-text password ever reaches storage.
struct NewOperator
{
    Poco::Int64 platformId = 0;
    std::string username;
    std::string displayName;
    std::string passwordHash;
    bool mustChangePassword = false;
    bool initialAdmin = false;
};

// Reads and writes the operators table on the caller's session (so it can share a transaction).
class OperatorRepository
{
public:
    explicit OperatorRepository(Poco::Data::Session& session) : m_session(session) {}

    // Inserts an enabled operator and returns its id. Throws Poco::Data exceptions on constraint
    // violations (duplicate user name, unknown platform).
    Poco::Int64 insert(const NewOperator& account);

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server
