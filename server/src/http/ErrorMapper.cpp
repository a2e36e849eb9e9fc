#include "http/ErrorMapper.h"

#include "citycode/common/Error.h"
#include "http/Exchange.h"

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include <map>
#include <sstream>
#include <system_error>

namespace citycode::server {

namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

constexpr char kInternalCode[] = "INTERNAL_ERROR";
constexpr char kInternalMessage[] = "internal error; quote the request id when reporting it";
constexpr char kStorageFullMessage[] =
    "the server's storage is full; nothing was changed, reading still works; retry later";
// Seconds a client is asked to wait before retrying a write refused for a full disk.
constexpr int kStorageFullRetryAfterSeconds = 30;

// The texts by which a full disk shows in a database error: SQLite's SQLITE_FULL message,
// strerror(ENOSPC) (SQLite I/O errors, files), and PostgreSQL's disk_full (SQLSTATE 53100, "could
// not extend file ...: No space left on device"; PostgreSQL 15 manual Appendix A). Not the bare
// SQLSTATE: a value quoted in another error (a duplicate key "53100") would match it.
bool mentionsFullDisk(const std::string& text)
{
    for (const char* sign : {"database or disk is full", "No space left on device", "could not extend file"}) {
        if (text.find(sign) != std::string::npos)
            return true;
    }
    return false;
}

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
        // A full disk (QUALITY.md "Faults and load"): writes are refused, reads keep working.
        {"STORAGE_FULL", Status::HTTP_SERVICE_UNAVAILABLE},
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
        // Code keys, code styles, categories, numbering rules, subjects (000 §2.2.3-2.2.4, 002 §5.2.5).
        {"CATEGORY_HAS_CHILDREN", Status::HTTP_CONFLICT},
        {"CATEGORY_IN_USE", Status::HTTP_CONFLICT},
        {"PREFIX_TAKEN", Status::HTTP_CONFLICT},
        {"NUMBERING_NAME_TAKEN", Status::HTTP_CONFLICT},
        {"NUMBERING_RULE_DISABLED", Status::HTTP_CONFLICT},
        {"NUMBERING_RULE_IN_USE", Status::HTTP_CONFLICT},
        {"NUMBERING_EXHAUSTED", Status::HTTP_CONFLICT},
        {"IDENTIFIER_TAKEN", Status::HTTP_CONFLICT},
        // Code specs, code rules, terminals (001 §4.2, 002 §5.3.1.3).
        {"SPEC_NAME_TAKEN", Status::HTTP_CONFLICT},
        {"SPEC_DISABLED", Status::HTTP_CONFLICT},
        {"RULE_PUBLISHED", Status::HTTP_CONFLICT},
        {"RULE_NOT_PUBLISHED", Status::HTTP_CONFLICT},
        {"RULE_INCOMPLETE", Status::HTTP_CONFLICT},
        {"RULE_NOT_DISABLED", Status::HTTP_CONFLICT},
        {"RULE_NOT_IN_POOL", Status::HTTP_CONFLICT},
        {"RULE_IN_USE", Status::HTTP_CONFLICT},
        {"RULE_DISABLED", Status::HTTP_CONFLICT},
        {"RULE_SPEC_GONE", Status::HTTP_CONFLICT},
        {"TERMINAL_CODE_TAKEN", Status::HTTP_CONFLICT},
        {"TERMINAL_KEY_INVALID", Status::HTTP_BAD_REQUEST},
        // Static codes (002 §5.3.2.4, §8.1; docs/static-codes.md).
        {"STATIC_CODE_ILLEGAL_TRANSITION", Status::HTTP_CONFLICT},
        {"STATIC_CODE_NUMBER_TAKEN", Status::HTTP_CONFLICT},
        {"STATIC_CODE_CONTENT_TAKEN", Status::HTTP_CONFLICT},
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

std::string ErrorMapper::malformedHeaderCode(const std::string& problem)
{
    const std::string text = Poco::toLower(problem);
    if (text.find("field") != std::string::npos)
        return "HEADER_TOO_LARGE";
    if (text.find("uri") != std::string::npos)
        return "URI_TOO_LONG";
    return "BAD_REQUEST";
}

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

bool ErrorMapper::isStorageFull(const std::exception& error)
{
    if (dynamic_cast<const Poco::Data::SQLite::DatabaseFullException*>(&error))
        return true;
    if (const auto* system = dynamic_cast<const std::system_error*>(&error))
        return system->code() == std::errc::no_space_on_device;
    if (const auto* poco = dynamic_cast<const Poco::Exception*>(&error)) {
        // PostgreSQL's messages and Poco's file exceptions carry the system's text. An SQLite
        // SQLITE_IOERR says only "disk I/O error" (no errno): it stays a 500.
        return mentionsFullDisk(poco->displayText()) || (poco->nested() && isStorageFull(*poco->nested()));
    }
    return mentionsFullDisk(error.what());
}

const char* ErrorMapper::storageFullMessage()
{
    return kStorageFullMessage;
}

int ErrorMapper::storageFullRetryAfterSeconds()
{
    return kStorageFullRetryAfterSeconds;
}

void ErrorMapper::respondStorageFull(Exchange& exchange, Poco::Logger& logger, const std::string& what)
{
    // An operating condition, not a bug: one warning per request, with the request id.
    logger.warning("requestId=" + exchange.requestId() + " " + exchange.request().getMethod() + " " + exchange.path() +
                   ": " + kStorageFullCode + " (write refused): " + what);
    if (exchange.responseSent())
        return;
    exchange.response().set("Retry-After", std::to_string(kStorageFullRetryAfterSeconds));
    respond(exchange, kStorageFullCode, kStorageFullMessage);
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
                if (e.code() == kStorageFullCode)
                    exchange.response().set("Retry-After", std::to_string(storageFullRetryAfterSeconds()));
                respond(exchange, e.code(), e.what());
            }
        } catch (const Poco::Exception& e) {
            // what() of a Poco exception is only its class name; displayText() has the message.
            if (isStorageFull(e))
                respondStorageFull(exchange, logger, e.displayText());
            else
                respondInternal(exchange, logger, e.displayText());
        } catch (const std::exception& e) {
            if (isStorageFull(e))
                respondStorageFull(exchange, logger, e.what());
            else
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
