#pragma once

#include <Poco/Types.h>

#include <optional>
#include <string>

namespace citycode::server {

class Database;
class PersonalDataCipher;

// The three elements of a city user (001 §5.1.9 userExt), in clear text: only in memory.
struct UserElements
{
    std::string name;
    std::string idNumber; // certNo
    std::string phone;    // mobile
    std::string certType = "IDENTITY_CARD";
};

// City users registered by apps through /api/open*Code: validates the three elements (common
// PersonalData: GB 11643 ID number with its check character, mainland mobile number), stores
// them sealed with a search hash each, one user per ID number. Errors: NAME_INVALID,
// ID_NUMBER_INVALID, PHONE_INVALID (messages never repeat the value). Thread-safe.
class UserService
{
public:
    UserService(Database& database, const PersonalDataCipher& cipher) : m_database(database), m_cipher(cipher) {}

    // The id of the user with this ID number: the existing one, or a new one registered by the app.
    Poco::Int64 open(Poco::Int64 platformId, Poco::Int64 appId, const UserElements& elements);
    // Which sealed elements find() opens (each is one decryption): a caller asks only for what it
    // hands on, and the others stay empty.
    struct Wanted
    {
        bool name = true;
        bool idNumber = true;
        bool phone = true;
    };
    // The user's elements, unsealed; nothing for an unknown or disabled user.
    std::optional<UserElements> find(Poco::Int64 userId, Wanted wanted);
    std::optional<UserElements> find(Poco::Int64 userId); // all three
    bool exists(Poco::Int64 userId);

private:
    Database& m_database;
    const PersonalDataCipher& m_cipher;
};

} // namespace citycode::server
