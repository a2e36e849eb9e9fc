#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/Types.h>

#include <optional>
#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// What the open API needs to know about a calling app (001 §5 cityCodeAppId = apps.app_code):
// its id, platform, whether it and its platform are enabled, and its developer's sealed secret.
struct CallerApp
{
    Poco::Int64 id = 0;
    std::string appCode;
    Poco::Int64 platformId = 0;
    bool enabled = false; // the app and its platform
    std::string sealedSecret;
};

// Reads apps for caller authentication and for the app a code names. SQL only.
class CallerRepository
{
public:
    explicit CallerRepository(Poco::Data::Session& session) : m_session(session) {}

    std::optional<CallerApp> appByCode(const std::string& appCode);
    std::optional<CallerApp> appById(Poco::Int64 id);

private:
    std::optional<CallerApp> one(const std::string& where, const Poco::Dynamic::Var& value);

    Poco::Data::Session& m_session;
};

} // namespace citycode::server
