#pragma once

// Shared by the server tests that call the admin API (TestAuth, TestOperators, TestRoles,
// TestOperationLog, and the platform/app/tenant tests): start a server whose initial
// administrator has a known password and no captcha, sign in, change the one-time password and
// get a bearer token. Usage:
//   ServerProcess server(AdminSession::serverOptions(dir.file("data")));
//   server.start();
//   const std::string token = AdminSession::signIn(server.port());
//   HttpResponse r = AdminSession::call(server.port(), "GET", "/admin/v1/operators", token);

#include "ServerProcess.h"

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace citycode::test {

class AdminSession
{
public:
    static constexpr char kAdmin[] = "admin";
    // The initial password given through CITYCODE_ADMIN_PASSWORD, and the one signIn() sets.
    static constexpr char kInitialPassword[] = "Initial-Pass-2024";
    static constexpr char kPassword[] = "Changed-Pass-2024";

    // Options for a server with the known initial password and auth.captcha=disabled; `args` are
    // added (e.g. {"--set", "auth.session_idle_seconds=2"}).
    static ServerOptions serverOptions(const std::string& dataDir, std::vector<std::string> args = {});

    // POST /admin/v1/auth/login without a captcha.
    static HttpResponse login(int port, const std::string& username, const std::string& password);
    // Signs in as the initial administrator, changes the initial password to kPassword when that
    // is still pending, and returns a token that may call every route. Throws std::runtime_error.
    static std::string signIn(int port);
    // Signs in as `username` (changing a pending one-time password to `newPassword`); returns the
    // token. Throws std::runtime_error.
    static std::string signInAs(int port, const std::string& username, const std::string& password,
                                const std::string& newPassword);

    // One request with "Authorization: Bearer <token>" (no header when the token is empty).
    static HttpResponse call(int port, const std::string& method, const std::string& path, const std::string& token,
                             const std::string& body = {});
    static Poco::JSON::Object::Ptr json(const HttpResponse& response);
    // The error code of an error answer, or "" when there is none.
    static std::string errorCode(const HttpResponse& response);
    // The id of the menu with this permission key (GET /admin/v1/menus); -1 when there is none.
    static Poco::Int64 menuId(int port, const std::string& token, const std::string& permission);
};

} // namespace citycode::test
