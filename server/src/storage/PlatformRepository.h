#pragma once

#include <Poco/Types.h>

#include <optional>
#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// The platforms.kind column: 'main' (exactly one) or 'sub'.
enum class PlatformKind
{
    Main,
    Sub,
};

// A platform as created: the main platform or a sub-platform (001 §4.1).
struct NewPlatform
{
    PlatformKind kind = PlatformKind::Sub;
    std::string name;
    std::string serviceAddress;
};

// Reads and writes the platforms table. Works on the caller's session so that several
// repositories can share one transaction.
class PlatformRepository
{
public:
    explicit PlatformRepository(Poco::Data::Session& session) : m_session(session) {}

    // Inserts an enabled platform and returns its id. Throws Poco::Data exceptions on constraint
    // violations (a second main platform, a duplicate name).
    Poco::Int64 insert(const NewPlatform& platform);

    std::optional<Poco::Int64> findMainPlatformId();

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server
