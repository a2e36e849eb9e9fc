#pragma once

#include <stdexcept>
#include <string>

namespace citycode::common {

// The one exception type of common/: a stable machine-readable code (e.g. "PAYLOAD_TRUNCATED")
// that servers map to HTTP status and clients to messages, plus an English message for logs.
// Messages never carry personal data or key material.
class Error : public std::runtime_error
{
public:
    Error(std::string code, const std::string& message) : std::runtime_error(message), m_code(std::move(code)) {}

    const std::string& code() const noexcept { return m_code; }

private:
    std::string m_code;
};

} // namespace citycode::common
