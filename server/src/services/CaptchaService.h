#pragma once

#include "citycode/common/Bytes.h"

#include <string>

namespace citycode::server {

class Database;

// A captcha as sent to the console: its id and a PNG image of the answer.
struct Captcha
{
    std::string id;
    common::Bytes png;
};

// Login captchas (001 §4.12.1 用户登录): a server-drawn PNG of five characters from an alphabet
// without look-alikes, with noise. The answer is stored only as SHA-256(id ":" answer), expires
// after two minutes and can be checked once; the database holds it, so any node can check it.
class CaptchaService
{
public:
    static constexpr int kLifetimeSeconds = 120;
    static constexpr std::size_t kLength = 5;

    explicit CaptchaService(Database& database) : m_database(database) {}

    Captcha create();
    // Consumes the captcha; throws citycode::common::Error("CAPTCHA_INVALID") when it is unknown,
    // expired, used or the answer (case-insensitive) is wrong.
    void verify(const std::string& id, const std::string& answer);

    // How the answer is stored, e.g. for a test that plants a known answer.
    static std::string answerHash(const std::string& id, const std::string& answer);
    // The PNG of `text` (characters of the captcha alphabet), drawn with random jitter and noise.
    static common::Bytes render(const std::string& text);

private:
    Database& m_database;
};

} // namespace citycode::server
