// Console sign-in through a real citycode-server (issue 3, must-show 3): the initial password
// must be changed, an unknown user and a wrong password answer identically, repeated failures
// are slowed and allowed again later, the captcha is required, checked once and case-blind.
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "TempDir.h"

#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"

#include <Poco/Base64Decoder.h>

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

using namespace citycode::test;

namespace {

std::string loginBody(const std::string& username, const std::string& password, const std::string& captchaId = {},
                      const std::string& answer = {})
{
    Poco::JSON::Object body;
    body.set("username", username);
    body.set("password", password);
    if (!captchaId.empty()) {
        body.set("captchaId", captchaId);
        body.set("captchaAnswer", answer);
    }
    std::ostringstream text;
    body.stringify(text);
    return text.str();
}

std::string passwordBody(const std::string& oldPassword, const std::string& newPassword)
{
    Poco::JSON::Object body;
    body.set("oldPassword", oldPassword);
    body.set("newPassword", newPassword);
    std::ostringstream text;
    body.stringify(text);
    return text.str();
}

// The answer without its request id, which differs between any two answers.
std::string withoutRequestId(const HttpResponse& response)
{
    auto body = AdminSession::json(response);
    body->remove("requestId");
    std::ostringstream text;
    body->stringify(text);
    return text.str();
}

class TestAuth : public ::testing::Test
{
protected:
    void start(std::vector<std::string> args = {})
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(m_dir.file("data"), args));
        m_server->start();
    }
    int port() const { return m_server->port(); }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
};

} // namespace

TEST_F(TestAuth, InitialPasswordMustBeChangedBeforeAnythingElse)
{
    start();
    const HttpResponse login = AdminSession::login(port(), "admin", AdminSession::kInitialPassword);
    ASSERT_EQ(login.status, 200) << login.body;
    const auto body = AdminSession::json(login);
    EXPECT_TRUE(body->getValue<bool>("mustChangePassword"));
    const std::string token = body->getValue<std::string>("token");
    EXPECT_GE(token.size(), 43u); // 256 bits in base64url
    EXPECT_TRUE(body->getObject("operator")->getValue<bool>("mainPlatform"));

    // Everything but me, logout and the password change is refused until then.
    for (const std::string path : {"/admin/v1/menus", "/admin/v1/operation-logs"}) {
        const HttpResponse refused = AdminSession::call(port(), "GET", path, token);
        EXPECT_EQ(refused.status, 403) << path;
        EXPECT_EQ(AdminSession::errorCode(refused), "PASSWORD_CHANGE_REQUIRED") << path;
    }
    EXPECT_EQ(AdminSession::call(port(), "GET", "/admin/v1/auth/me", token).status, 200);

    // The policy: length, character classes, not the user name, not the old password, and the
    // old password must be right.
    const std::pair<std::string, std::string> refusals[] = {
        {passwordBody(AdminSession::kInitialPassword, "Short-1"), "PASSWORD_POLICY"},
        {passwordBody(AdminSession::kInitialPassword, "alllowercaseletters"), "PASSWORD_POLICY"},
        {passwordBody(AdminSession::kInitialPassword, "My-admin-Pass-1"), "PASSWORD_POLICY"},
        {passwordBody(AdminSession::kInitialPassword, AdminSession::kInitialPassword), "PASSWORD_POLICY"},
        {passwordBody("Wrong-Old-Pass-1", AdminSession::kPassword), "PASSWORD_WRONG"},
    };
    for (const auto& [request, code] : refusals) {
        const HttpResponse refused = AdminSession::call(port(), "POST", "/admin/v1/auth/password", token, request);
        EXPECT_EQ(refused.status, 400) << request;
        EXPECT_EQ(AdminSession::errorCode(refused), code) << request;
    }
    const HttpResponse changed =
        AdminSession::call(port(), "POST", "/admin/v1/auth/password", token,
                           passwordBody(AdminSession::kInitialPassword, AdminSession::kPassword));
    ASSERT_EQ(changed.status, 200) << changed.body;

    // The same session may now do everything; the old password no longer works.
    const HttpResponse menus = AdminSession::call(port(), "GET", "/admin/v1/menus", token);
    EXPECT_EQ(menus.status, 200) << menus.body;
    EXPECT_EQ(AdminSession::login(port(), "admin", AdminSession::kInitialPassword).status, 401);
    const HttpResponse again = AdminSession::login(port(), "admin", AdminSession::kPassword);
    ASSERT_EQ(again.status, 200);
    EXPECT_FALSE(AdminSession::json(again)->getValue<bool>("mustChangePassword"));
}

TEST_F(TestAuth, LoginAnswersCarryPermissionsAndTheMenuTree)
{
    start();
    const std::string token = AdminSession::signIn(port());
    const HttpResponse me = AdminSession::call(port(), "GET", "/admin/v1/auth/me", token);
    ASSERT_EQ(me.status, 200);
    const auto body = AdminSession::json(me);
    const auto permissions = body->getArray("permissions");
    std::set<std::string> keys;
    for (std::size_t i = 0; i < permissions->size(); ++i)
        keys.insert(permissions->getElement<std::string>(static_cast<unsigned>(i)));
    // The super administrator holds every seeded permission.
    for (const std::string key :
         {"base:platform:list", "system:operator:add", "system:menu:delete", "system:log:export"})
        EXPECT_EQ(keys.count(key), 1u) << key;
    const auto menus = body->getArray("menus");
    ASSERT_EQ(menus->size(), 3u); // base, code, system
    EXPECT_EQ(menus->getObject(2)->getValue<std::string>("permission"), "system");
    EXPECT_GT(menus->getObject(2)->getArray("children")->size(), 3u);
}

TEST_F(TestAuth, UnknownUserAndWrongPasswordAnswerIdentically)
{
    // The production cost: the timing comparison below only means something while the hash
    // dominates a login (the suite's cheap test cost leaves database noise to decide it).
    start({"--set", "auth.password_iterations=600000"});
    AdminSession::signIn(port());
    using Clock = std::chrono::steady_clock;
    const auto timed = [this](const std::string& user, const std::string& password, double& seconds) {
        const auto started = Clock::now();
        HttpResponse response = AdminSession::login(port(), user, password);
        seconds = std::chrono::duration<double>(Clock::now() - started).count();
        return response;
    };
    double wrongPasswordSeconds = 0, unknownUserSeconds = 0;
    const HttpResponse wrongPassword = timed("admin", "Not-The-Password-1", wrongPasswordSeconds);
    const HttpResponse unknownUser = timed("nobody-here", "Not-The-Password-1", unknownUserSeconds);
    EXPECT_EQ(wrongPassword.status, 401);
    EXPECT_EQ(unknownUser.status, wrongPassword.status);
    EXPECT_EQ(AdminSession::errorCode(unknownUser), "LOGIN_FAILED");
    EXPECT_EQ(withoutRequestId(unknownUser), withoutRequestId(wrongPassword));
    for (const std::string header : {"Content-Type", "Content-Length", "WWW-Authenticate", "Retry-After"})
        EXPECT_EQ(unknownUser.header(header), wrongPassword.header(header)) << header;
    // Both run one PBKDF2 of the default cost (0.15-0.3 s here): an unknown user is not answered
    // markedly faster.
    EXPECT_GT(wrongPasswordSeconds, 0.05) << "the login did not run the production-cost hash";
    EXPECT_GT(unknownUserSeconds, wrongPasswordSeconds * 0.5)
        << "unknown " << unknownUserSeconds << " s, wrong password " << wrongPasswordSeconds << " s";
}

TEST_F(TestAuth, RepeatedFailuresAreSlowedThenAllowedAgain)
{
    start({"--set", "auth.throttle_free_failures=3", "--set", "auth.throttle_window_seconds=60", "--set",
           "auth.throttle_max_delay_seconds=2"});
    AdminSession::signIn(port());
    // Three free failures, the third starts a one-second wait.
    for (int attempt = 1; attempt <= 3; ++attempt)
        ASSERT_EQ(AdminSession::login(port(), "admin", "Wrong-Password-1").status, 401) << attempt;
    const HttpResponse slowed = AdminSession::login(port(), "admin", AdminSession::kPassword);
    EXPECT_EQ(slowed.status, 429) << slowed.body;
    EXPECT_EQ(AdminSession::errorCode(slowed), "LOGIN_THROTTLED");
    const int retryAfter = std::stoi(slowed.header("Retry-After"));
    EXPECT_GE(retryAfter, 1);
    EXPECT_LE(retryAfter, 2);
    // Even the right password waits: otherwise the wait would tell whether a guess was right.

    std::this_thread::sleep_for(std::chrono::seconds(retryAfter));
    // A further failure doubles the wait (2 s, the configured cap) ...
    EXPECT_EQ(AdminSession::login(port(), "admin", "Wrong-Password-1").status, 401);
    const HttpResponse longer = AdminSession::login(port(), "admin", AdminSession::kPassword);
    EXPECT_EQ(longer.status, 429);
    EXPECT_EQ(longer.header("Retry-After"), "2");
    // ... and afterwards the real user gets in: no permanent lock-out.
    std::this_thread::sleep_for(std::chrono::seconds(2));
    EXPECT_EQ(AdminSession::login(port(), "admin", AdminSession::kPassword).status, 200);
    // Success cleared the account's count: a single failure is not slowed.
    EXPECT_EQ(AdminSession::login(port(), "admin", "Wrong-Password-1").status, 401);
    EXPECT_EQ(AdminSession::login(port(), "admin", AdminSession::kPassword).status, 200);
}

TEST_F(TestAuth, CaptchaIsRequiredCheckedOnceAndCaseBlind)
{
    // The server of this test requires a captcha (the default); the test cannot read the image,
    // so it plants the hash of a known answer in the database it owns (CaptchaService::answerHash
    // is SHA-256 of "<id>:<ANSWER>").
    ServerOptions options = AdminSession::serverOptions(m_dir.file("data"));
    options.args.clear();
    m_server = std::make_unique<ServerProcess>(options);
    m_server->start();

    const auto newCaptcha = [this] {
        const HttpResponse response = httpRequest(port(), "GET", "/admin/v1/auth/captcha");
        EXPECT_EQ(response.status, 200);
        const auto body = AdminSession::json(response);
        const std::string image = body->getValue<std::string>("image");
        const std::string prefix = "data:image/png;base64,";
        EXPECT_EQ(image.substr(0, prefix.size()), prefix);
        std::istringstream encoded(image.substr(prefix.size()));
        Poco::Base64Decoder decoder(encoded);
        const std::string png((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
        EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
        EXPECT_GT(png.size(), 500u);
        const std::string id = body->getValue<std::string>("captchaId");
        DatabaseFile db(m_dir.file("data") + "/citycode.db");
        const std::string hash =
            citycode::common::toHex(citycode::common::sha256(citycode::common::toBytes(id + ":KM7A3")));
        db.execute("UPDATE captchas SET answer_hash = '" + hash + "' WHERE id = '" + id + "'");
        return id;
    };
    const auto login = [this](const std::string& body) {
        return httpRequest(port(), "POST", "/admin/v1/auth/login", body, {{"Content-Type", "application/json"}});
    };

    HttpResponse response = login(loginBody("admin", AdminSession::kInitialPassword));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(AdminSession::errorCode(response), "CAPTCHA_INVALID");

    std::string id = newCaptcha();
    response = login(loginBody("admin", AdminSession::kInitialPassword, id, "KM7A4"));
    EXPECT_EQ(AdminSession::errorCode(response), "CAPTCHA_INVALID");
    // Single use: the right answer after a wrong one no longer counts.
    response = login(loginBody("admin", AdminSession::kInitialPassword, id, "KM7A3"));
    EXPECT_EQ(AdminSession::errorCode(response), "CAPTCHA_INVALID");

    id = newCaptcha();
    response = login(loginBody("admin", AdminSession::kInitialPassword, id, "km7a3"));
    EXPECT_EQ(response.status, 200) << response.body;
    // And once more with the same captcha: used up.
    response = login(loginBody("admin", AdminSession::kInitialPassword, id, "KM7A3"));
    EXPECT_EQ(AdminSession::errorCode(response), "CAPTCHA_INVALID");
}

TEST_F(TestAuth, RoutesRefuseMissingAndForgedTokens)
{
    start();
    const HttpResponse none = AdminSession::call(port(), "GET", "/admin/v1/auth/me", "");
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(AdminSession::errorCode(none), "UNAUTHENTICATED");
    EXPECT_EQ(none.header("WWW-Authenticate").rfind("Bearer", 0), 0u);
    const HttpResponse forged =
        AdminSession::call(port(), "GET", "/admin/v1/menus", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    EXPECT_EQ(forged.status, 401);
    const HttpResponse basic = httpRequest(port(), "GET", "/admin/v1/auth/me", "", {{"Authorization", "Basic YTpi"}});
    EXPECT_EQ(basic.status, 401);
}

TEST_F(TestAuth, DatabaseHoldsNeitherPasswordsNorTokens)
{
    start();
    const std::string token = AdminSession::signIn(port());
    DatabaseFile db(m_dir.file("data") + "/citycode.db");
    const std::string hash = db.value("SELECT password_hash FROM operators WHERE username = 'admin'");
    EXPECT_EQ(hash.rfind("pbkdf2-sha256$", 0), 0u);
    EXPECT_EQ(hash.find(AdminSession::kPassword), std::string::npos);
    EXPECT_EQ(db.value("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + token + "'"), "0");
    EXPECT_EQ(db.value("SELECT token_hash FROM sessions"),
              citycode::common::toHex(citycode::common::sha256(citycode::common::toBytes(token))));
}
