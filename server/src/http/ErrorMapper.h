#pragma once

#include <Poco/Net/HTTPResponse.h>

#include <string>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Exchange;

// The one place where errors become HTTP answers. Services and handlers throw
// citycode::common::Error with a stable code; this maps the code to a status and answers
//   {"error": {"code": "NOT_FOUND", "message": "..."}, "requestId": "..."}
// Anything else (a database failure, a bug) is logged with the request id and answered
// 500 INTERNAL_ERROR without details.
class ErrorMapper
{
public:
    // The status for a code; 500 for a code that is not in the table.
    static Poco::Net::HTTPResponse::HTTPStatus statusFor(const std::string& code);

    // Answers with the error envelope.
    static void respond(Exchange& exchange, const std::string& code, const std::string& message);

    // The envelope as JSON text, for the connection layer's answers that have no Exchange
    // (408 header timeout, 429/503 refused connection, 400/414/431 unparsable header).
    static std::string envelope(const std::string& code, const std::string& message, const std::string& requestId);

    // Answers the exception currently being handled; call only from inside a catch block.
    // Never throws: if the answer cannot be sent any more, it is logged.
    static void respondToCurrentException(Exchange& exchange, Poco::Logger& logger) noexcept;
};

} // namespace citycode::server
