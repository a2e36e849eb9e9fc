#pragma once

namespace citycode::server {

class AuthService;
class CaptchaService;
class Exchange;

// The console's sign-in API under /admin/v1/auth (001 §4.12.1 用户登录, 个人信息管理):
//   GET  captcha   -> {"captchaId", "image": "data:image/png;base64,..."}        public
//   POST login     {username, password, captchaId, captchaAnswer}
//                  -> {token, expiresAt, mustChangePassword, operator, permissions, menus}
//   POST logout, GET me, POST password {oldPassword, newPassword}: signed in, also while the
//                  initial password still has to be changed.
class AuthHandlers
{
public:
    AuthHandlers(AuthService& auth, CaptchaService& captchas) : m_auth(auth), m_captchas(captchas) {}

    void captcha(Exchange& exchange);
    void login(Exchange& exchange);
    void logout(Exchange& exchange);
    void me(Exchange& exchange);
    void changePassword(Exchange& exchange);

private:
    AuthService& m_auth;
    CaptchaService& m_captchas;
};

} // namespace citycode::server
