#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>

#include <string>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Exchange;

// The envelope of the open API (001 §5) and its one error table:
//   {"Response": {"Data": {...}, "Error": {"Code": "...", "Message": "..."}, "RequestId": "..."}}
// Success answers 200 with Error.Code "0" and Message "success"; a refusal answers with the status
// of its code (docs/open-api.md; codes it does not list take their status from http/ErrorMapper)
// and, where useful, Data without personal data (decode of an expired code: {"expire": true}).
class OpenApiResponse
{
public:
    static Poco::Net::HTTPResponse::HTTPStatus statusFor(const std::string& code);
    static void success(Exchange& exchange, const Poco::JSON::Object::Ptr& data);
    static void failure(Exchange& exchange, const std::string& code, const std::string& message,
                        const Poco::JSON::Object::Ptr& data = nullptr);
    // Answers the exception being handled (inside a catch block) and returns its error code;
    // unexpected exceptions are logged with the request id and answered 500 INTERNAL_ERROR.
    static std::string failCurrent(Exchange& exchange, Poco::Logger& logger) noexcept;
};

} // namespace citycode::server
