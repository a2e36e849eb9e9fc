#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/Net/HTTPResponse.h>

#include <string>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Exchange;

// The envelope of the 003 Appendix B profile and its return-code table (003 §9.3.2, Appendix C
// is not in the seed; docs/open-api-profile-003.md lists ours):
//   {"code": "PY0000", "msg": "", "message": "", "response": ..., "errorCode": "0", "requestId": "..."}
// A refusal carries the PY code mapped from the stable error code (errorCode), the HTTP status of
// that code as in the open API, and no response.
class Profile003Response
{
public:
    static constexpr char kSuccess[] = "PY0000";

    // The PY return code of a stable error code; PY9999 for codes it does not know.
    static std::string returnCode(const std::string& errorCode);
    static void success(Exchange& exchange, const Poco::Dynamic::Var& response);
    // Answers the exception being handled (inside a catch block) and returns its stable error code;
    // unexpected exceptions are logged with the request id and answered 500 PY9999.
    static std::string failCurrent(Exchange& exchange, Poco::Logger& logger) noexcept;
};

} // namespace citycode::server
