#include "AdminSession.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <stdexcept>

namespace citycode::test {

ServerOptions AdminSession::serverOptions(const std::string& dataDir, std::vector<std::string> args)
{
    ServerOptions options;
    options.dataDir = dataDir;
    // Hundreds of test servers sign in: a cheap PBKDF2 cost keeps the suite fast (the cost of
    // the default is TestPasswords' business), and hashes stay self-describing either way.
    options.args = {"--set", "auth.captcha=disabled", "--set", "auth.password_iterations=2000"};
    options.args.insert(options.args.end(), args.begin(), args.end());
    options.env = {{"CITYCODE_ADMIN_PASSWORD", kInitialPassword}};
    return options;
}

HttpResponse AdminSession::login(int port, const std::string& username, const std::string& password)
{
    Poco::JSON::Object body;
    body.set("username", username);
    body.set("password", password);
    std::ostringstream text;
    body.stringify(text);
    return httpRequest(port, "POST", "/admin/v1/auth/login", text.str(), {{"Content-Type", "application/json"}});
}

std::string AdminSession::signIn(int port)
{
    // A fresh server still has the initial password; a second call finds it changed.
    if (login(port, kAdmin, kInitialPassword).status == 200)
        return signInAs(port, kAdmin, kInitialPassword, kPassword);
    return signInAs(port, kAdmin, kPassword, kPassword);
}

std::string AdminSession::signInAs(int port, const std::string& username, const std::string& password,
                                   const std::string& newPassword)
{
    const HttpResponse response = login(port, username, password);
    if (response.status != 200)
        throw std::runtime_error("login of " + username + " failed: " + std::to_string(response.status) + " " +
                                 response.body);
    const auto body = json(response);
    const std::string token = body->getValue<std::string>("token");
    if (!body->getValue<bool>("mustChangePassword"))
        return token;
    Poco::JSON::Object change;
    change.set("oldPassword", password);
    change.set("newPassword", newPassword);
    std::ostringstream text;
    change.stringify(text);
    const HttpResponse changed = call(port, "POST", "/admin/v1/auth/password", token, text.str());
    if (changed.status != 200)
        throw std::runtime_error("password change of " + username + " failed: " + changed.body);
    return token;
}

HttpResponse AdminSession::call(int port, const std::string& method, const std::string& path, const std::string& token,
                                const std::string& body)
{
    HeaderList headers;
    if (!token.empty())
        headers.emplace_back("Authorization", "Bearer " + token);
    if (!body.empty())
        headers.emplace_back("Content-Type", "application/json");
    return httpRequest(port, method, path, body, headers);
}

Poco::JSON::Object::Ptr AdminSession::json(const HttpResponse& response)
{
    return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
}

std::string AdminSession::errorCode(const HttpResponse& response)
{
    try {
        const auto error = json(response)->getObject("error");
        return error ? error->getValue<std::string>("code") : std::string();
    } catch (const std::exception&) {
        return {};
    }
}

namespace {

Poco::Int64 findMenu(const Poco::JSON::Array::Ptr& nodes, const std::string& permission)
{
    for (std::size_t i = 0; nodes && i < nodes->size(); ++i) {
        const auto node = nodes->getObject(static_cast<unsigned>(i));
        if (node->getValue<std::string>("permission") == permission)
            return node->getValue<Poco::Int64>("id");
        const Poco::Int64 below = findMenu(node->getArray("children"), permission);
        if (below >= 0)
            return below;
    }
    return -1;
}

} // namespace

Poco::Int64 AdminSession::menuId(int port, const std::string& token, const std::string& permission)
{
    const HttpResponse response = call(port, "GET", "/admin/v1/menus", token);
    if (response.status != 200)
        throw std::runtime_error("GET /admin/v1/menus: " + response.body);
    return findMenu(json(response)->getArray("items"), permission);
}

} // namespace citycode::test
