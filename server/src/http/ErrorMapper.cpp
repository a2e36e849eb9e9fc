#include "http/ErrorMapper.h"

#include "citycode/common/Error.h"
#include "http/Exchange.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <map>
#include <sstream>

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
        // Connection layer (http/HttpServer, HttpConnection, ConnectionRegistry), and /metrics.
        {"REQUEST_TIMEOUT", Status::HTTP_REQUEST_TIMEOUT},
        {"URI_TOO_LONG", Status::HTTP_REQUEST_URI_TOO_LONG},
        {"HEADER_TOO_LARGE", Status::HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE},
        {"TOO_MANY_CONNECTIONS", Status::HTTP_TOO_MANY_REQUESTS},
        {"SERVER_BUSY", Status::HTTP_SERVICE_UNAVAILABLE},
        {"METRICS_FORBIDDEN", Status::HTTP_FORBIDDEN},
        // Authentication and authorisation (api/AuthHandlers, http/Router).
        {"UNAUTHENTICATED", Status::HTTP_UNAUTHORIZED},
        {"LOGIN_FAILED", Status::HTTP_UNAUTHORIZED},
        {"LOGIN_THROTTLED", Status::HTTP_TOO_MANY_REQUESTS},
        {"CAPTCHA_INVALID", Status::HTTP_BAD_REQUEST},
        {"ACCOUNT_DISABLED", Status::HTTP_FORBIDDEN},
        {"FORBIDDEN", Status::HTTP_FORBIDDEN},
        {"PASSWORD_CHANGE_REQUIRED", Status::HTTP_FORBIDDEN},
        {"PASSWORD_POLICY", Status::HTTP_BAD_REQUEST},
        {"PASSWORD_WRONG", Status::HTTP_BAD_REQUEST},
        // Operators, roles, menus.
        {"USERNAME_TAKEN", Status::HTTP_CONFLICT},
        {"ROLE_CODE_TAKEN", Status::HTTP_CONFLICT},
        {"ROLE_IN_USE", Status::HTTP_CONFLICT},
        {"ROLE_BUILTIN", Status::HTTP_CONFLICT},
        {"MENU_HAS_CHILDREN", Status::HTTP_CONFLICT},
        {"PERMISSION_KEY_TAKEN", Status::HTTP_CONFLICT},
        {"OPERATOR_SELF", Status::HTTP_CONFLICT},
        {"OPERATOR_IN_USE", Status::HTTP_CONFLICT},
        // Platforms, apps, developers, onboarding (001 §4.3-4.6, 004).
        {"PLATFORM_NAME_TAKEN", Status::HTTP_CONFLICT},
        {"OPERATOR_NAME_TAKEN", Status::HTTP_CONFLICT},
        {"MAIN_PLATFORM_PROTECTED", Status::HTTP_CONFLICT},
        {"PLATFORM_APP_ON_SHELF", Status::HTTP_CONFLICT},
        {"PLATFORM_HAS_APPS", Status::HTTP_CONFLICT},
        {"PLATFORM_DISABLED", Status::HTTP_CONFLICT},
        {"APP_NAME_TAKEN", Status::HTTP_CONFLICT},
        {"APP_ON_SHELF", Status::HTTP_CONFLICT},
        {"APP_NOT_DISABLED", Status::HTTP_CONFLICT},
        {"APP_DISABLED", Status::HTTP_CONFLICT},
        {"APPLICATION_REVIEWED", Status::HTTP_CONFLICT},
        {"SERVICE_NOT_APPROVED", Status::HTTP_CONFLICT},
        // Regions, industries, dictionaries (001 §4.12.2-4.12.3).
        {"CODE_TAKEN", Status::HTTP_CONFLICT},
        {"REGION_HAS_CHILDREN", Status::HTTP_CONFLICT},
        {"INDUSTRY_IN_USE", Status::HTTP_CONFLICT},
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

namespace {

Poco::JSON::Object envelopeObject(const std::string& code, const std::string& message, const std::string& requestId)
{
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    error->set("code", code);
    error->set("message", message);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("error", error);
    body.set("requestId", requestId);
    return body;
}

} // namespace

void ErrorMapper::respond(Exchange& exchange, const std::string& code, const std::string& message)
{
    exchange.sendJson(statusFor(code), envelopeObject(code, message, exchange.requestId()));
}

std::string ErrorMapper::envelope(const std::string& code, const std::string& message, const std::string& requestId)
{
    std::ostringstream text;
    envelopeObject(code, message, requestId).stringify(text);
    return text.str();
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
