// Issue 4, must-show 4: the used mark is durable before the answer (QUALITY.md "Codes"). The
// server is killed with SIGKILL right after answering a successful decode; after the restart the
// same code is refused as used, and the decode's record is there too (the group-commit writer
// also answers only after its batch is committed).
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "OpenApiClient.h"
#include "OpenApiSetup.h"
#include "ServerProcess.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <memory>

using namespace citycode;
using namespace citycode::test;

TEST(TestDecodeCrash, ACodeDecodedJustBeforeKillMinus9IsUsedAfterTheRestart)
{
    TempDir dir;
    const ServerOptions options = AdminSession::serverOptions(dir.file("data"));
    auto server = std::make_unique<ServerProcess>(options);
    server->start();
    const common::PrivateKey key = common::PrivateKey::generate(common::CodeAlg::EcdsaP256);
    OpenApiSetup setup(server->port());
    const OpenApiApp app = setup.createApp("Crash app");
    const Poco::Int64 ruleId = setup.createRule("personal", app.platformId, {"name"});
    setup.link(app.id, ruleId);
    setup.permissions(app.id, true, true);
    setup.registerTerminal("GATE-1", key, app.platformId);

    for (int round = 0; round < 3; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const OpenApiClient client = OpenApiClient::app(server->port(), app.code, app.secret);
        const std::string userId = OpenApiSetup::openUser(client, "personal", ruleId, OpenApiSetup::person(20));
        const HttpResponse shown = client.post("/api/showPersonalCode", OpenApiSetup::showBody(client, ruleId, userId));
        ASSERT_EQ(OpenApiClient::errorCode(shown), "0") << shown.body;
        const std::string code = OpenApiClient::data(shown)->getValue<std::string>("codeContent");
        const std::string codeId = OpenApiClient::data(shown)->getValue<std::string>("cityCodeId");

        const HttpResponse decoded = OpenApiClient::terminal(server->port(), "GATE-1", key)
                                         .post("/identity/decodeIdentityCode", OpenApiSetup::decodeBody(code));
        server->kill(); // at once after the answer: nothing gets the chance to flush later
        ASSERT_EQ(OpenApiClient::errorCode(decoded), "0") << decoded.body;

        server = std::make_unique<ServerProcess>(options);
        server->start();
        const HttpResponse again = OpenApiClient::terminal(server->port(), "GATE-1", key)
                                       .post("/identity/decodeIdentityCode", OpenApiSetup::decodeBody(code));
        EXPECT_EQ(OpenApiClient::errorCode(again), "CODE_USED") << again.body;
        DatabaseFile db(dir.file("data") + "/citycode.db");
        EXPECT_EQ(db.rows("SELECT COUNT(*) FROM code_records WHERE action = 'decode' AND result = 'success'"
                          " AND code_id = '" +
                          codeId + "'")[0][0],
                  "1");
        EXPECT_EQ(db.integrityCheck(), "ok");
    }
}
