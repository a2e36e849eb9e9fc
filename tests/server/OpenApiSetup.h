#pragma once

// Fixtures of the open API tests, made through the admin API as an operator would (rules.md
// steps): an app with its developer secret, a published code rule pushed to the app's platform and
// linked to the app, the app's generate and scan permissions, a registered scanner terminal, and a
// city user opened through the open API. Every step checks its answer and throws
// std::runtime_error with the server's answer when it fails.
#include "OpenApiClient.h"
#include "ServerProcess.h"
#include "citycode/common/Crypto.h"

#include <Poco/Types.h>

#include <string>
#include <vector>

namespace citycode::test {

struct OpenApiApp
{
    Poco::Int64 id = 0;
    std::string code; // cityCodeAppId
    std::string secret;
    Poco::Int64 platformId = 0;
};

struct TestPerson
{
    std::string name;
    std::string idNumber;
    std::string phone;
};

class OpenApiSetup
{
public:
    // Signs in as the initial administrator of the server at `port` (AdminSession::serverOptions).
    explicit OpenApiSetup(int port);

    OpenApiApp createApp(const std::string& name);
    // A dynamic rule of codeType on the platform: spec with `specFields` (the fields decode may
    // return), created, published, pushed. Returns the rule id.
    Poco::Int64 createRule(const std::string& codeType, Poco::Int64 platformId,
                           const std::vector<std::string>& specFields, int validitySeconds = 60);
    void link(Poco::Int64 appId, Poco::Int64 ruleId);
    void permissions(Poco::Int64 appId, bool generate, bool scan);
    // Registers a terminal with the public key of `key`; returns its id.
    Poco::Int64 registerTerminal(const std::string& terminalCode, const common::PrivateKey& key,
                                 Poco::Int64 platformId = 0);
    // An admin call that must answer `expectedStatus`; returns the JSON body (nullptr for none).
    Poco::JSON::Object::Ptr admin(const std::string& method, const std::string& path, const std::string& body = {},
                                  int expectedStatus = 200);

    // A person with a valid GB 11643 ID number (check character computed) and a mobile number;
    // `n` varies the numbers.
    static TestPerson person(int n);
    // POST /api/open<Type>Code for the person; returns the userId.
    static std::string openUser(const OpenApiClient& app, const std::string& codeType, Poco::Int64 ruleId,
                                const TestPerson& person);
    // The body of a show call.
    static Poco::JSON::Object showBody(const OpenApiClient& app, Poco::Int64 ruleId, const std::string& userId);
    // The body of a decode call.
    static Poco::JSON::Object decodeBody(const std::string& codeContent);

    // The open API paths of a code type ("personal", "health", "payment").
    static std::string openPath(const std::string& codeType);
    static std::string showPath(const std::string& codeType);
    static std::string decodePath(const std::string& codeType);

    const std::string& token() const { return m_token; }

private:
    int m_port;
    std::string m_token;
};

} // namespace citycode::test
