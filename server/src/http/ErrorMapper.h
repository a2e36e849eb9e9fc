#pragma once

#include <Poco/Net/HTTPResponse.h>

#include <exception>
#include <string>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Exchange;

// The one place where errors become HTTP answers. Services and handlers throw
// citycode::common::Error with a stable code; this maps the code to a status and answers
//   {"error": {"code": "NOT_FOUND", "message": "..."}, "requestId": "..."}
// A full disk (SQLite SQLITE_FULL or ENOSPC, PostgreSQL disk_full) is answered 503 STORAGE_FULL
// with Retry-After and logged once as a warning. Anything else (a database failure, a bug) is
// logged with the request id and answered 500 INTERNAL_ERROR without details.
class ErrorMapper
{
public:
    static constexpr char kStorageFullCode[] = "STORAGE_FULL";

    // The status for a code; 500 for a code that is not in the table.
    static Poco::Net::HTTPResponse::HTTPStatus statusFor(const std::string& code);

    // The error code for a request header Poco could not parse, from its message (MessageHeader::read
    // and HTTPRequest::read say which limit only in words): HEADER_TOO_LARGE (431, RFC 6585 §5),
    // URI_TOO_LONG (414, RFC 9110 §15.5.15) or BAD_REQUEST.
    static std::string malformedHeaderCode(const std::string& problem);

    // Answers with the error envelope.
    static void respond(Exchange& exchange, const std::string& code, const std::string& message);

    // The envelope as JSON text, for the connection layer's answers that have no Exchange
    // (408 header timeout, 429/503 refused connection, 400/414/431 unparsable header).
    static std::string envelope(const std::string& code, const std::string& message, const std::string& requestId);

    // Whether a failure is the disk being full (QUALITY.md "Faults and load"): SQLite's
    // DatabaseFullException, ENOSPC, PostgreSQL's disk_full; nested exceptions are looked into.
    static bool isStorageFull(const std::exception& error);
    // The client message and the Retry-After of STORAGE_FULL, shared with the open API envelope.
    static const char* storageFullMessage();
    static int storageFullRetryAfterSeconds();
    // Logs one warning with the request id and answers 503 STORAGE_FULL with Retry-After.
    static void respondStorageFull(Exchange& exchange, Poco::Logger& logger, const std::string& what);

    // Answers the exception currently being handled; call only from inside a catch block.
    // Never throws: if the answer cannot be sent any more, it is logged.
    static void respondToCurrentException(Exchange& exchange, Poco::Logger& logger) noexcept;
};

} // namespace citycode::server
