// docs/openapi.yaml and the server's route table agree both ways (issue 3, must-show 7): every
// route is documented, every documented operation is a route, and the documented access (public,
// or the menu permission in x-permission) is the one the route enforces.
#include "ServerRoutes.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace citycode::test;

namespace {

// One operation of the document: "GET /admin/v1/platforms" -> its access declarations.
struct DocumentedOperation
{
    std::string permission;   // x-permission
    bool publicRoute = false; // "security: []"
    int line = 0;
};

// A line reader for the subset of YAML the document uses: "paths:" at the margin, each path two
// spaces in, each method four spaces in, the operation's keys six spaces in.
std::map<std::string, DocumentedOperation> readOperations(const std::string& text)
{
    static const std::regex pathLine(R"(^  (/[^ :]*):\s*$)");
    static const std::regex methodLine(R"(^    (get|put|post|delete|patch|head|options):\s*$)");
    static const std::regex permissionLine(R"re(^      x-permission:\s*"?([a-z:-]+)"?\s*$)re");
    static const std::regex publicLine(R"(^      security:\s*\[\]\s*$)");
    std::map<std::string, DocumentedOperation> operations;
    std::istringstream lines(text);
    bool inPaths = false;
    std::string path;
    std::string operation;
    int number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        if (!line.empty() && line[0] != ' ' && line[0] != '#') {
            inPaths = line.rfind("paths:", 0) == 0;
            continue;
        }
        if (!inPaths)
            continue;
        std::smatch match;
        if (std::regex_match(line, match, pathLine)) {
            path = match[1];
            operation.clear();
        } else if (std::regex_match(line, match, methodLine)) {
            std::string method = match[1];
            for (char& c : method)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            operation = method + " " + path;
            EXPECT_EQ(operations.count(operation), 0u) << operation << " is documented twice";
            operations[operation].line = number;
        } else if (!operation.empty() && std::regex_match(line, match, permissionLine)) {
            operations[operation].permission = match[1];
        } else if (!operation.empty() && std::regex_match(line, publicLine)) {
            operations[operation].publicRoute = true;
        }
    }
    return operations;
}

class TestOpenApi : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_text = readFile(CITYCODE_OPENAPI_FILE);
        m_documented = readOperations(m_text);
        for (const RouteEntry& route : ServerRoutes::all())
            m_routes[route.method + " " + route.pattern] = route;
    }

    std::string m_text;
    std::map<std::string, DocumentedOperation> m_documented;
    std::map<std::string, RouteEntry> m_routes;
};

} // namespace

TEST_F(TestOpenApi, IsAnOpenApi3DocumentWithPaths)
{
    EXPECT_EQ(m_text.rfind("openapi: 3.", 0), 0u);
    EXPECT_NE(m_text.find("\npaths:\n"), std::string::npos);
    EXPECT_GE(m_routes.size(), 40u) << "the route table looks empty";
}

TEST_F(TestOpenApi, EveryRouteIsDocumented)
{
    for (const auto& [operation, route] : m_routes)
        EXPECT_EQ(m_documented.count(operation), 1u) << operation << " is missing from docs/openapi.yaml";
}

TEST_F(TestOpenApi, EveryDocumentedOperationIsARoute)
{
    for (const auto& [operation, documented] : m_documented)
        EXPECT_EQ(m_routes.count(operation), 1u)
            << "docs/openapi.yaml line " << documented.line << ": " << operation << " is not in the route table";
}

TEST_F(TestOpenApi, DocumentedAccessIsTheEnforcedAccess)
{
    for (const auto& [operation, route] : m_routes) {
        const auto documented = m_documented.find(operation);
        if (documented == m_documented.end())
            continue;
        SCOPED_TRACE(operation);
        EXPECT_EQ(documented->second.permission, route.permission) << "x-permission";
        EXPECT_EQ(documented->second.publicRoute, route.isPublic) << "\"security: []\" marks the public routes";
    }
}
