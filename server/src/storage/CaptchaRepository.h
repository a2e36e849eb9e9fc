#pragma once

#include <optional>
#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// The captchas table on the caller's session: hashed answers with an expiry, taken once.
class CaptchaRepository
{
public:
    explicit CaptchaRepository(Poco::Data::Session& session) : m_session(session) {}

    void insert(const std::string& id, const std::string& answerHash, const std::string& expiresAt);
    // Deletes the captcha and returns its answer hash if it existed and had not expired at `now`.
    // Deleting first makes every captcha single-use, also across server nodes.
    std::optional<std::string> take(const std::string& id, const std::string& now);
    void removeExpired(const std::string& now);

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server
