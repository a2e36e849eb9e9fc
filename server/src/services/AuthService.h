#pragma once

#include "services/AuthSettings.h"
#include "services/Principal.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace citycode::server {

class CaptchaService;
class Database;
class LoginThrottle;
class OperationLog;
class SessionService;

struct LoginRequest
{
    std::string username;
    std::string password;
    std::string captchaId;
    std::string captchaAnswer;
    std::string remoteAddress;
};

// Console sign-in (001 §4.12.1 用户登录, 个人信息管理): captcha, password check with throttling and
// identical answers for an unknown user and a wrong password, the session, the operator's
// profile with permissions and menu tree, logout and the change of one's own password.
class AuthService
{
public:
    AuthService(Database& database, const AuthSettings& settings, SessionService& sessions, CaptchaService& captchas,
                LoginThrottle& throttle, OperationLog& log);

    // {token, expiresAt, mustChangePassword, operator, permissions, menus}. Throws
    // LoginThrottled, Error CAPTCHA_INVALID, LOGIN_FAILED or ACCOUNT_DISABLED.
    Poco::JSON::Object::Ptr login(const LoginRequest& request);
    void logout(const Principal& principal);
    // {operator, mustChangePassword, permissions, menus}.
    Poco::JSON::Object::Ptr me(const Principal& principal);
    // Checks the old password and the policy, stores the new one, clears the pending change and
    // ends the operator's other sessions. Throws PASSWORD_WRONG or PASSWORD_POLICY.
    void changePassword(const Principal& principal, const std::string& oldPassword, const std::string& newPassword);

    // The password policy: at least 10 characters, at least three of upper case, lower case,
    // digits and other characters, not containing the user name. Throws PASSWORD_POLICY.
    static void checkPolicy(const std::string& username, const std::string& password);

private:
    Poco::JSON::Object::Ptr profile(Poco::Int64 operatorId, const std::set<std::string>& permissions);

    Database& m_database;
    AuthSettings m_settings;
    SessionService& m_sessions;
    CaptchaService& m_captchas;
    LoginThrottle& m_throttle;
    OperationLog& m_log;
    std::string m_dummyHash; // verified for unknown users so that they take as long as known ones
};

} // namespace citycode::server
