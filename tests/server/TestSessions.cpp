// Console sessions through a real citycode-server (issue 3, must-show 3): a token dies at logout,
// at the next login, when its operator is disabled or its password reset, and after the idle and
// the absolute timeout (tiny timeouts configured for the test).
#include "AdminSession.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

using namespace citycode::test;

namespace {

class TestSessions : public ::testing::Test
{
protected:
    void start(std::vector<std::string> args = {})
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(m_dir.file("data"), args));
        m_server->start();
    }
    int port() const { return m_server->port(); }
    int me(const std::string& token) { return AdminSession::call(port(), "GET", "/admin/v1/auth/me", token).status; }

    // Creates the operator "clerk" and signs it in; returns {id, token}.
    std::pair<std::string, std::string> clerk(const std::string& adminToken)
    {
        const HttpResponse created = AdminSession::call(port(), "POST", "/admin/v1/operators", adminToken,
                                                        R"({"username":"clerk","displayName":"Clerk"})");
        EXPECT_EQ(created.status, 201) << created.body;
        const auto body = AdminSession::json(created);
        const std::string id = std::to_string(body->getObject("operator")->getValue<Poco::Int64>("id"));
        const std::string token =
            AdminSession::signInAs(port(), "clerk", body->getValue<std::string>("oneTimePassword"), kClerkPassword);
        return {id, token};
    }

    static constexpr char kClerkPassword[] = "Secret-Pass-2024";
    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
};

} // namespace

TEST_F(TestSessions, TokenDiesAtLogout)
{
    start();
    const std::string token = AdminSession::signIn(port());
    EXPECT_EQ(me(token), 200);
    EXPECT_EQ(AdminSession::call(port(), "POST", "/admin/v1/auth/logout", token).status, 200);
    EXPECT_EQ(me(token), 401);
    EXPECT_EQ(AdminSession::call(port(), "POST", "/admin/v1/auth/logout", token).status, 401);
}

TEST_F(TestSessions, NewLoginReplacesTheEarlierSession)
{
    start();
    const std::string first = AdminSession::signIn(port());
    const std::string second = AdminSession::signIn(port());
    EXPECT_NE(first, second);
    EXPECT_EQ(me(first), 401);
    EXPECT_EQ(me(second), 200);
}

TEST_F(TestSessions, TokenDiesWhenTheOperatorIsDisabledAndLoginSaysSo)
{
    start();
    const std::string admin = AdminSession::signIn(port());
    const auto [id, token] = clerk(admin);
    EXPECT_EQ(me(token), 200);
    ASSERT_EQ(AdminSession::call(port(), "POST", "/admin/v1/operators/" + id + "/disable", admin).status, 200);
    EXPECT_EQ(me(token), 401);
    // Only the right password learns that the account is disabled.
    const HttpResponse disabled = AdminSession::login(port(), "clerk", kClerkPassword);
    EXPECT_EQ(disabled.status, 403);
    EXPECT_EQ(AdminSession::errorCode(disabled), "ACCOUNT_DISABLED");
    EXPECT_EQ(AdminSession::errorCode(AdminSession::login(port(), "clerk", "Wrong-Pass-2024")), "LOGIN_FAILED");
    ASSERT_EQ(AdminSession::call(port(), "POST", "/admin/v1/operators/" + id + "/enable", admin).status, 200);
    EXPECT_EQ(AdminSession::login(port(), "clerk", kClerkPassword).status, 200);
}

TEST_F(TestSessions, TokenDiesWhenThePasswordIsReset)
{
    start();
    const std::string admin = AdminSession::signIn(port());
    const auto [id, token] = clerk(admin);
    const HttpResponse reset =
        AdminSession::call(port(), "POST", "/admin/v1/operators/" + id + "/reset-password", admin);
    ASSERT_EQ(reset.status, 200) << reset.body;
    EXPECT_EQ(me(token), 401);
    const std::string oneTime = AdminSession::json(reset)->getValue<std::string>("oneTimePassword");
    const HttpResponse login = AdminSession::login(port(), "clerk", oneTime);
    ASSERT_EQ(login.status, 200);
    EXPECT_TRUE(AdminSession::json(login)->getValue<bool>("mustChangePassword"));
}

TEST_F(TestSessions, TokenDiesAfterTheIdleTimeout)
{
    // Timestamps are stored to the second, so the idle time leaves room for a truncated second
    // and a slow request on a loaded machine.
    start({"--set", "auth.session_idle_seconds=4"});
    const std::string token = AdminSession::signIn(port());
    // Requests within the idle time keep the session alive beyond it.
    for (int i = 0; i < 5; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        ASSERT_EQ(me(token), 200) << i;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5500));
    EXPECT_EQ(me(token), 401);
}

TEST_F(TestSessions, TokenDiesAfterTheAbsoluteTimeoutDespiteActivity)
{
    start({"--set", "auth.session_absolute_seconds=4"});
    const auto started = std::chrono::steady_clock::now();
    const std::string token = AdminSession::signIn(port());
    double diedAfter = 0;
    while (diedAfter == 0) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        ASSERT_LT(elapsed, 10.0) << "the session outlived its absolute timeout";
        if (me(token) == 401)
            diedAfter = elapsed;
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    EXPECT_GE(diedAfter, 3.9);
}
