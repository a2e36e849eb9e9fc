#include "OpenApiSetup.h"

#include "AdminSession.h"
#include "citycode/common/Bytes.h"
#include "citycode/common/PersonalData.h"

#include <Poco/JSON/Array.h>

#include <cstdio>
#include <stdexcept>

namespace citycode::test {

OpenApiSetup::OpenApiSetup(int port) : m_port(port), m_token(AdminSession::signIn(port)) {}

Poco::JSON::Object::Ptr OpenApiSetup::admin(const std::string& method, const std::string& path, const std::string& body,
                                            int expectedStatus)
{
    const HttpResponse answer = AdminSession::call(m_port, method, path, m_token, body);
    if (answer.status != expectedStatus)
        throw std::runtime_error(method + " " + path + " answered " + std::to_string(answer.status) + ": " +
                                 answer.body);
    return answer.body.empty() ? nullptr : AdminSession::json(answer);
}

OpenApiApp OpenApiSetup::createApp(const std::string& name)
{
    Poco::JSON::Object input;
    input.set("name", name);
    input.set("organisation", "Test organisation");
    input.set("developerName", name + " developer");
    const auto created = admin("POST", "/admin/v1/apps", OpenApiClient::json(input), 201);
    OpenApiApp app;
    app.id = created->getObject("app")->getValue<Poco::Int64>("id");
    app.code = created->getObject("app")->getValue<std::string>("appCode");
    app.platformId = created->getObject("app")->getValue<Poco::Int64>("platformId");
    app.secret = created->getValue<std::string>("appSecret");
    return app;
}

Poco::Int64 OpenApiSetup::createRule(const std::string& codeType, Poco::Int64 platformId,
                                     const std::vector<std::string>& specFields, int validitySeconds)
{
    static int counter = 0;
    const std::string suffix = std::to_string(++counter) + "-" + common::toHex(common::randomBytes(3));
    Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
    for (const std::string& name : specFields) {
        Poco::JSON::Object::Ptr field = new Poco::JSON::Object;
        field->set("name", name);
        field->set("type", "string");
        field->set("length", 64);
        fields->add(field);
    }
    Poco::JSON::Object spec;
    spec.set("name", "Spec " + suffix);
    spec.set("fields", fields);
    const Poco::Int64 specId =
        admin("POST", "/admin/v1/code-specs", OpenApiClient::json(spec), 201)->getValue<Poco::Int64>("id");

    Poco::JSON::Object::Ptr basic = new Poco::JSON::Object;
    basic->set("name", "Rule " + suffix);
    basic->set("form", "dynamic");
    basic->set("codeType", codeType);
    basic->set("platformId", platformId);
    Poco::JSON::Object::Ptr function = new Poco::JSON::Object;
    function->set("validitySeconds", validitySeconds);
    Poco::JSON::Object::Ptr specStep = new Poco::JSON::Object;
    specStep->set("specId", specId);
    Poco::JSON::Object rule;
    rule.set("basic", basic);
    rule.set("function", function);
    rule.set("spec", specStep);
    const Poco::Int64 ruleId =
        admin("POST", "/admin/v1/code-rules", OpenApiClient::json(rule), 201)->getValue<Poco::Int64>("id");
    admin("POST", "/admin/v1/code-rules/" + std::to_string(ruleId) + "/publish");
    admin("POST", "/admin/v1/code-rules/" + std::to_string(ruleId) + "/push");
    return ruleId;
}

void OpenApiSetup::link(Poco::Int64 appId, Poco::Int64 ruleId)
{
    Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
    ids->add(ruleId);
    Poco::JSON::Object body;
    body.set("ruleIds", ids);
    admin("POST", "/admin/v1/apps/" + std::to_string(appId) + "/code-rules", OpenApiClient::json(body));
}

void OpenApiSetup::permissions(Poco::Int64 appId, bool generate, bool scan)
{
    Poco::JSON::Object body;
    body.set("generate", generate);
    body.set("scan", scan);
    admin("PUT", "/admin/v1/apps/" + std::to_string(appId) + "/permissions", OpenApiClient::json(body));
}

Poco::Int64 OpenApiSetup::registerTerminal(const std::string& terminalCode, const common::PrivateKey& key,
                                           Poco::Int64 platformId)
{
    Poco::JSON::Object body;
    body.set("terminalCode", terminalCode);
    body.set("name", "Gate " + terminalCode);
    body.set("location", "Test hall");
    body.set("publicKeyPem", key.publicKey().toPem());
    if (platformId > 0)
        body.set("platformId", platformId);
    return admin("POST", "/admin/v1/terminals", OpenApiClient::json(body), 201)->getValue<Poco::Int64>("id");
}

TestPerson OpenApiSetup::person(int n)
{
    char first17[18];
    std::snprintf(first17, sizeof first17, "110101199003%02d%03d", 1 + n % 28, n % 1000);
    const std::string id = std::string(first17) + common::idNumberCheckCharacter(first17);
    char phone[12];
    std::snprintf(phone, sizeof phone, "138%08d", n);
    return TestPerson{n % 2 == 0 ? "张三丰" : "欧阳娜娜", id, phone};
}

std::string OpenApiSetup::openUser(const OpenApiClient& app, const std::string& codeType, Poco::Int64 ruleId,
                                   const TestPerson& person)
{
    Poco::JSON::Object ext;
    ext.set("name", person.name);
    ext.set("certNo", person.idNumber);
    ext.set("mobile", person.phone);
    Poco::JSON::Object body;
    body.set("cityCodeAppId", app.appCode());
    body.set("codeDefId", std::to_string(ruleId));
    body.set("userExt", common::toBase64(common::toBytes(OpenApiClient::json(ext))));
    const HttpResponse answer = app.post(openPath(codeType), body);
    if (answer.status != 200 || OpenApiClient::errorCode(answer) != "0")
        throw std::runtime_error("open answered " + std::to_string(answer.status) + ": " + answer.body);
    return OpenApiClient::data(answer)->getValue<std::string>("userId");
}

Poco::JSON::Object OpenApiSetup::showBody(const OpenApiClient& app, Poco::Int64 ruleId, const std::string& userId)
{
    Poco::JSON::Object body;
    body.set("cityCodeAppId", app.appCode());
    body.set("codeDefId", std::to_string(ruleId));
    body.set("userId", userId);
    body.set("collectInfo", "31.2304,121.4737");
    return body;
}

Poco::JSON::Object OpenApiSetup::decodeBody(const std::string& codeContent)
{
    Poco::JSON::Object body;
    body.set("acceptOrgId", "ORG-001");
    body.set("acceptOrgName", "Test hall");
    body.set("codeContent", codeContent);
    return body;
}

std::string OpenApiSetup::openPath(const std::string& codeType)
{
    return codeType == "personal" ? "/api/openPersonalCode"
           : codeType == "health" ? "/api/openHealthCode"
                                  : "/api/openPaymentCode";
}

std::string OpenApiSetup::showPath(const std::string& codeType)
{
    return codeType == "personal" ? "/api/showPersonalCode"
           : codeType == "health" ? "/api/showHealthCode"
                                  : "/api/showPaymentCode";
}

std::string OpenApiSetup::decodePath(const std::string& codeType)
{
    return codeType == "personal" ? "/identity/decodeIdentityCode"
           : codeType == "health" ? "/health/decodeHealthCode"
                                  : "/payment/decodePaymentCode";
}

} // namespace citycode::test
