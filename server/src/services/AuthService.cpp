#include "services/AuthService.h"

#include "citycode/common/Error.h"
#include "services/CaptchaService.h"
#include "services/LoginThrottle.h"
#include "services/MenuService.h"
#include "services/OperationLog.h"
#include "services/Passwords.h"
#include "services/SessionService.h"
#include "storage/Database.h"
#include "storage/MenuRepository.h"
#include "storage/OperatorRepository.h"
#include "storage/RoleRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/String.h>

#include <cctype>

namespace citycode::server {

namespace {

// One message for an unknown user and a wrong password (QUALITY.md): the answer must not tell
// which user names exist.
constexpr char kLoginFailed[] = "wrong user name or password";

Poco::JSON::Object::Ptr operatorJson(const OperatorRecord& account)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", account.id);
    json->set("username", account.username);
    json->set("displayName", account.displayName);
    json->set("platformId", account.platformId);
    json->set("platformName", account.platformName);
    json->set("mainPlatform", account.mainPlatform);
    json->set("initialAdmin", account.initialAdmin);
    return json;
}

} // namespace

AuthService::AuthService(Database& database, const AuthSettings& settings, SessionService& sessions,
                         CaptchaService& captchas, LoginThrottle& throttle, OperationLog& log)
    : m_database(database), m_settings(settings), m_sessions(sessions), m_captchas(captchas), m_throttle(throttle),
      m_log(log), m_dummyHash(Passwords::hash(Passwords::generate()))
{
}

void AuthService::checkPolicy(const std::string& username, const std::string& password)
{
    if (password.size() < 10)
        throw common::Error("PASSWORD_POLICY", "the password needs at least 10 characters");
    if (password.size() > 128)
        throw common::Error("PASSWORD_POLICY", "the password may have at most 128 characters");
    bool upper = false, lower = false, digit = false, other = false;
    for (const unsigned char c : password) {
        upper = upper || std::isupper(c);
        lower = lower || std::islower(c);
        digit = digit || std::isdigit(c);
        other = other || !std::isalnum(c);
    }
    if (int(upper) + int(lower) + int(digit) + int(other) < 3)
        throw common::Error("PASSWORD_POLICY", "the password needs at least three of: upper-case letters, "
                                               "lower-case letters, digits, other characters");
    if (!username.empty() && Poco::toLower(password).find(Poco::toLower(username)) != std::string::npos)
        throw common::Error("PASSWORD_POLICY", "the password must not contain the user name");
}

Poco::JSON::Object::Ptr AuthService::profile(Poco::Int64 operatorId, const std::set<std::string>& permissions)
{
    Poco::Data::Session session = m_database.session();
    const auto account = OperatorRepository(session).findById(operatorId);
    if (!account)
        throw common::Error("UNAUTHENTICATED", "the account no longer exists");
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("mustChangePassword", account->mustChangePassword);
    body->set("operator", operatorJson(*account));
    Poco::JSON::Array::Ptr keys = new Poco::JSON::Array;
    for (const std::string& key : permissions)
        keys->add(key);
    body->set("permissions", keys);
    // The navigation: enabled menus (not buttons) the operator holds.
    body->set("menus", MenuService::buildTree(MenuRepository(session).all(), [&](const MenuRecord& menu) {
                  return menu.enabled && menu.type == "menu" && permissions.count(menu.permission) != 0;
              }));
    return body;
}

Poco::JSON::Object::Ptr AuthService::login(const LoginRequest& request)
{
    m_throttle.check(request.username, request.remoteAddress);
    if (m_settings.captchaRequired)
        m_captchas.verify(request.captchaId, request.captchaAnswer);
    if (request.username.empty() || request.password.empty())
        throw common::Error("BAD_REQUEST", "enter the user name and the password");

    std::optional<OperatorRecord> account;
    {
        Poco::Data::Session session = m_database.session();
        account = OperatorRepository(session).findByUsername(request.username.substr(0, 200));
    }
    // An unknown user costs the same PBKDF2 run as a known one, so timing does not tell either.
    const bool passwordOk =
        Passwords::verify(request.password.substr(0, 1024), account ? account->passwordHash : m_dummyHash) &&
        account.has_value();
    if (!passwordOk) {
        m_throttle.recordFailure(request.username, request.remoteAddress);
        throw common::Error("LOGIN_FAILED", kLoginFailed);
    }
    m_throttle.recordSuccess(request.username);
    // Only someone who knows the password learns that the account is disabled.
    if (!account->enabled || !account->platformEnabled)
        throw common::Error("ACCOUNT_DISABLED", account->enabled ? "the account's platform is disabled"
                                                                 : "the account is disabled; ask an administrator");

    Principal principal;
    principal.operatorId = account->id;
    principal.username = account->username;
    principal.platformId = account->platformId;
    principal.mainPlatform = account->mainPlatform;
    principal.remoteAddress = request.remoteAddress;
    Poco::Data::Session session = m_database.session();
    IssuedSession issued;
    {
        Transaction transaction(session);
        issued = m_sessions.open(session, account->id, request.remoteAddress);
        OperationLog::record(session, principal, "auth.login", "operator", std::to_string(account->id));
        transaction.commit();
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("token", issued.token);
    body->set("expiresAt", issued.expiresAt);
    const Poco::JSON::Object::Ptr details =
        profile(account->id, RoleRepository(session).permissionsOf(account->id, account->mainPlatform));
    for (const auto& [key, value] : *details)
        body->set(key, value);
    return body;
}

void AuthService::logout(const Principal& principal)
{
    m_sessions.end(principal.sessionId);
    m_log.record(principal, "auth.logout", "operator", std::to_string(principal.operatorId));
}

Poco::JSON::Object::Ptr AuthService::me(const Principal& principal)
{
    return profile(principal.operatorId, principal.permissions);
}

void AuthService::changePassword(const Principal& principal, const std::string& oldPassword,
                                 const std::string& newPassword)
{
    std::optional<OperatorRecord> account;
    {
        Poco::Data::Session session = m_database.session();
        account = OperatorRepository(session).findById(principal.operatorId);
    }
    if (!account)
        throw common::Error("UNAUTHENTICATED", "the account no longer exists");
    if (!Passwords::verify(oldPassword.substr(0, 1024), account->passwordHash))
        throw common::Error("PASSWORD_WRONG", "the current password is wrong");
    checkPolicy(account->username, newPassword);
    if (newPassword == oldPassword)
        throw common::Error("PASSWORD_POLICY", "the new password must differ from the current one");
    const std::string hash = Passwords::hash(newPassword);
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    OperatorRepository(session).setPassword(account->id, hash, false);
    SessionService::endAllOf(session, account->id, principal.sessionId);
    OperationLog::record(session, principal, "auth.password", "operator", std::to_string(account->id));
    transaction.commit();
}

} // namespace citycode::server
