#include "services/UserService.h"

#include "citycode/common/Error.h"
#include "citycode/common/PersonalData.h"
#include "services/PersonalDataCipher.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"

namespace citycode::server {

namespace {

constexpr char kName[] = "city_users.name";
constexpr char kIdNumber[] = "city_users.id_number";
constexpr char kPhone[] = "city_users.phone";

// "+86 138..." and "+86138..." are the same number as "138...": stored in the 11-digit form so
// that the search hash finds it whichever way it was written.
std::string normalPhone(const std::string& phone)
{
    std::string digits = phone;
    if (digits.rfind("+86", 0) == 0)
        digits = digits.substr(3);
    if (!digits.empty() && digits.front() == ' ')
        digits = digits.substr(1);
    return digits;
}

bool validName(const std::string& name)
{
    if (name.empty() || name.size() > 150)
        return false;
    for (const unsigned char c : name) {
        if (c < 0x20 || c == 0x7f)
            return false;
    }
    return name.find_first_not_of(' ') != std::string::npos;
}

} // namespace

Poco::Int64 UserService::open(Poco::Int64 platformId, Poco::Int64 appId, const UserElements& elements)
{
    if (!validName(elements.name))
        throw common::Error("NAME_INVALID", "the name is missing or not a name");
    if (!common::validateIdNumber(elements.idNumber))
        throw common::Error("ID_NUMBER_INVALID", "the ID number is not a valid resident identity number");
    if (!common::validatePhone(elements.phone))
        throw common::Error("PHONE_INVALID", "the phone is not a mainland mobile number");
    const std::string phone = normalPhone(elements.phone);
    StoredUser user;
    user.platformId = platformId;
    user.appId = appId;
    user.nameSealed = m_cipher.seal(elements.name, kName);
    user.nameHash = m_cipher.searchHash(elements.name, kName);
    user.idNumberSealed = m_cipher.seal(elements.idNumber, kIdNumber);
    user.idNumberHash = m_cipher.searchHash(elements.idNumber, kIdNumber);
    user.phoneSealed = m_cipher.seal(phone, kPhone);
    user.phoneHash = m_cipher.searchHash(phone, kPhone);
    user.certType = elements.certType.empty() ? "IDENTITY_CARD" : elements.certType;
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    const Poco::Int64 id = UserRepository(session).insertOrFind(user);
    transaction.commit();
    return id;
}

std::optional<UserElements> UserService::find(Poco::Int64 userId, Wanted wanted)
{
    const std::optional<StoredUser> stored = UserRepository::byId(m_database, userId);
    if (!stored || !stored->enabled)
        return std::nullopt;
    UserElements elements;
    if (wanted.name)
        elements.name = m_cipher.open(stored->nameSealed, kName);
    if (wanted.idNumber)
        elements.idNumber = m_cipher.open(stored->idNumberSealed, kIdNumber);
    if (wanted.phone)
        elements.phone = m_cipher.open(stored->phoneSealed, kPhone);
    elements.certType = stored->certType;
    return elements;
}

std::optional<UserElements> UserService::find(Poco::Int64 userId)
{
    return find(userId, Wanted());
}

bool UserService::exists(Poco::Int64 userId)
{
    return UserRepository::isEnabled(m_database, userId);
}

} // namespace citycode::server
