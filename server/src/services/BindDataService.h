#pragma once

#include "services/CallerAuthenticator.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace citycode::server {

class Database;
class PersonalDataCipher;
class UserService;

// Data an app binds to a city user (001 §5.1.4-5.1.7): one value per user, app and data type,
// sealed at rest (it may be personal). An app reads and removes only its own bindings. The
// "health" type carries what the health code shows (healthStatus, isVaccinated, reportDate).
// Errors: BAD_REQUEST, USER_UNKNOWN, BIND_DATA_NOT_FOUND. Thread-safe.
class BindDataService
{
public:
    BindDataService(Database& database, const PersonalDataCipher& cipher, UserService& users)
        : m_database(database), m_cipher(cipher), m_users(users)
    {
    }

    void bind(const Caller& caller, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr get(const Caller& caller, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr list(const Caller& caller, const Poco::JSON::Object& input);
    void unbind(const Caller& caller, const Poco::JSON::Object& input);

    // The newest "health" data bound for the user by any app, or nullptr.
    Poco::JSON::Object::Ptr health(Poco::Int64 userId);

private:
    Poco::Int64 userOf(const Poco::JSON::Object& input);

    Database& m_database;
    const PersonalDataCipher& m_cipher;
    UserService& m_users;
};

} // namespace citycode::server
