#include "http/ErrorMapper.h"

#include "citycode/common/Error.h"
#include "http/Exchange.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <map>

namespace citycode::server {

namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

constexpr char kInternalCode[] = "INTERNAL_ERROR";
constexpr char kInternalMessage[] = "internal error; quote the request id when reporting it";

// Error code -> HTTP status. A new error code is added here, nowhere else.
const std::map<std::string, Status>& statusTable()
{
    static const std::map<std::string, Status> table = {
        {"BAD_REQUEST", Status::HTTP_BAD_REQUEST},
        {"NOT_FOUND", Status::HTTP_NOT_FOUND},
        {"METHOD_NOT_ALLOWED", Status::HTTP_METHOD_NOT_ALLOWED},
        {"PAYLOAD_TOO_LARGE", Status::HTTP_REQUEST_ENTITY_TOO_LARGE},
    };
    return table;
}

void respondInternal(Exchange& exchange, Poco::Logger& logger, const std::string& what)
{
    logger.error("requestId=" + exchange.requestId() + " " + exchange.request().getMethod() + " " + exchange.path() +
                 ": " + what);
    if (exchange.responseSent())
        return;
    ErrorMapper::respond(exchange, kInternalCode, kInternalMessage);
}

} // namespace

Status ErrorMapper::statusFor(const std::string& code)
{
    const auto it = statusTable().find(code);
    return it == statusTable().end() ? Status::HTTP_INTERNAL_SERVER_ERROR : it->second;
}

void ErrorMapper::respond(Exchange& exchange, const std::string& code, const std::string& message)
{
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    error->set("code", code);
    error->set("message", message);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("error", error);
    body.set("requestId", exchange.requestId());
    exchange.sendJson(statusFor(code), body);
}

void ErrorMapper::respondToCurrentException(Exchange& exchange, Poco::Logger& logger) noexcept
{
    try {
        try {
            throw;
        } catch (const common::Error& e) {
            if (statusTable().count(e.code()) == 0) {
                respondInternal(exchange, logger, "unmapped error code " + e.code() + ": " + e.what());
            } else if (exchange.responseSent()) {
                logger.warning("requestId=" + exchange.requestId() + " " + e.code() + " after the answer was sent");
            } else {
                respond(exchange, e.code(), e.what());
            }
        } catch (const Poco::Exception& e) {
            // what() of a Poco exception is only its class name; displayText() has the message.
            respondInternal(exchange, logger, e.displayText());
        } catch (const std::exception& e) {
            respondInternal(exchange, logger, e.what());
        } catch (...) {
            respondInternal(exchange, logger, "unknown exception");
        }
    } catch (const Poco::Exception& e) {
        // Typically the client went away while the error was being sent.
        logger.warning("requestId=" + exchange.requestId() + " cannot send the error answer: " + e.displayText());
    } catch (...) {
        logger.warning("requestId=" + exchange.requestId() + " cannot send the error answer");
    }
}

} // namespace citycode::server
