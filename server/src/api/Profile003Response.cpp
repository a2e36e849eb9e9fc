#include "api/Profile003Response.h"

#include "api/OpenApiResponse.h"
#include "citycode/common/Error.h"
#include "http/ErrorMapper.h"
#include "http/Exchange.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>

namespace citycode::server {

namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

// Stable error code -> PY return code. docs/open-api-profile-003.md has the same table; a new
// code is added in both places.
const std::map<std::string, std::string>& table()
{
    static const std::map<std::string, std::string> codes = {
        {"BAD_REQUEST", "PY1001"},
        {"PAYLOAD_TOO_LARGE", "PY1002"},
        // Tokens and authorisation codes (B.5).
        {"TOKEN_INVALID", "PY2001"},
        {"TOKEN_EXPIRED", "PY2002"},
        {"AUTH_CODE_INVALID", "PY2003"},
        {"AUTH_CODE_EXPIRED", "PY2004"},
        {"AUTH_CODE_USED", "PY2005"},
        // Callers and merchants.
        {"SIGNATURE_MISSING", "PY3001"},
        {"SIGNATURE_INVALID", "PY3001"},
        {"TIMESTAMP_STALE", "PY3002"},
        {"NONCE_REUSED", "PY3003"},
        {"APP_UNKNOWN", "PY3004"},
        {"TERMINAL_UNKNOWN", "PY3004"},
        {"TERMINAL_KEY_MISMATCH", "PY3004"},
        {"APP_DISABLED", "PY3005"},
        {"TERMINAL_DISABLED", "PY3005"},
        {"APP_MISMATCH", "PY3006"},
        {"CALLER_NOT_APP", "PY3006"},
        {"CALLER_NOT_TERMINAL", "PY3006"},
        // Permissions, rules, users.
        {"GENERATE_FORBIDDEN", "PY4001"},
        {"SCAN_FORBIDDEN", "PY4002"},
        {"RULE_NOT_AVAILABLE", "PY4003"},
        {"USER_UNKNOWN", "PY4004"},
        // Codes (docs/code-format.md "Verifying a code").
        {"PAYLOAD_EMPTY", "PY5001"},
        {"PAYLOAD_TOO_LONG", "PY5001"},
        {"PAYLOAD_PREFIX", "PY5001"},
        {"PAYLOAD_ENCODING", "PY5001"},
        {"PAYLOAD_VERSION", "PY5001"},
        {"PAYLOAD_ALG", "PY5001"},
        {"PAYLOAD_TRUNCATED", "PY5001"},
        {"PAYLOAD_FIELD", "PY5001"},
        {"PAYLOAD_TIME", "PY5001"},
        {"PAYLOAD_AUTH", "PY5001"},
        {"PAYLOAD_TRAILING", "PY5001"},
        {"CODE_KEY_UNKNOWN", "PY5002"},
        {"CODE_ALG_NOT_ALLOWED", "PY5002"},
        {"CODE_AUTH_FAILED", "PY5002"},
        {"CODE_TYPE_MISMATCH", "PY5003"},
        {"CODE_RULE_UNKNOWN", "PY5003"},
        {"CODE_NOT_YET_VALID", "PY5004"},
        {"CODE_RULE_DISABLED", "PY5005"},
        {"CODE_VERSION_DISABLED", "PY5005"},
        {"CODE_APP_DISABLED", "PY5005"},
        {"CODE_EXPIRED", "PY5006"},
        {"CODE_USED", "PY5007"},
        {"STORAGE_FULL", "PY9001"},
        {"INTERNAL_ERROR", "PY9999"},
    };
    return codes;
}

Status statusFor(const std::string& code)
{
    if (code == "TOKEN_INVALID" || code == "TOKEN_EXPIRED")
        return Status::HTTP_UNAUTHORIZED;
    if (code == "AUTH_CODE_INVALID" || code == "AUTH_CODE_EXPIRED")
        return Status::HTTP_BAD_REQUEST;
    if (code == "AUTH_CODE_USED")
        return Status::HTTP_CONFLICT;
    if (code == "CALLER_NOT_TERMINAL")
        return Status::HTTP_FORBIDDEN;
    return OpenApiResponse::statusFor(code);
}

void send(Exchange& exchange, Status status, const std::string& errorCode, const std::string& message,
          const Poco::Dynamic::Var& response)
{
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("code",
             errorCode == "0" ? std::string(Profile003Response::kSuccess) : Profile003Response::returnCode(errorCode));
    // The seed's example names the text "msg", its tables "message": both carry it.
    body.set("msg", message);
    body.set("message", message);
    body.set("response", response);
    body.set("errorCode", errorCode);
    body.set("requestId", exchange.requestId());
    exchange.sendJson(status, body);
}

} // namespace

std::string Profile003Response::returnCode(const std::string& errorCode)
{
    const auto it = table().find(errorCode);
    return it == table().end() ? "PY9999" : it->second;
}

void Profile003Response::success(Exchange& exchange, const Poco::Dynamic::Var& response)
{
    send(exchange, Status::HTTP_OK, "0", "", response);
}

std::string Profile003Response::failCurrent(Exchange& exchange, Poco::Logger& logger) noexcept
{
    std::string internal;
    bool storageFull = false;
    try {
        try {
            throw;
        } catch (const common::Error& e) {
            if (table().count(e.code()) && statusFor(e.code()) != Status::HTTP_INTERNAL_SERVER_ERROR) {
                if (!exchange.responseSent()) {
                    if (e.code() == ErrorMapper::kStorageFullCode)
                        exchange.response().set("Retry-After",
                                                std::to_string(ErrorMapper::storageFullRetryAfterSeconds()));
                    send(exchange, statusFor(e.code()), e.code(), e.what(), Poco::Dynamic::Var());
                }
                return e.code();
            }
            internal = "unmapped error code " + e.code() + ": " + e.what();
        } catch (const Poco::Exception& e) {
            internal = e.displayText();
            storageFull = ErrorMapper::isStorageFull(e);
        } catch (const std::exception& e) {
            internal = e.what();
            storageFull = ErrorMapper::isStorageFull(e);
        } catch (...) {
            internal = "unknown exception";
        }
        if (storageFull) {
            // A full disk (QUALITY.md "Faults and load"): 503 with Retry-After, one warning.
            const std::string code = ErrorMapper::kStorageFullCode;
            logger.warning("requestId=" + exchange.requestId() + " " + exchange.path() + ": " + code +
                           " (write refused): " + internal);
            if (!exchange.responseSent()) {
                exchange.response().set("Retry-After", std::to_string(ErrorMapper::storageFullRetryAfterSeconds()));
                send(exchange, statusFor(code), code, ErrorMapper::storageFullMessage(), Poco::Dynamic::Var());
            }
            return code;
        }
        logger.error("requestId=" + exchange.requestId() + " " + exchange.path() + ": " + internal);
        if (!exchange.responseSent())
            send(exchange, Status::HTTP_INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                 "internal error; quote the request id when reporting it", Poco::Dynamic::Var());
    } catch (...) {
        logger.warning("requestId=" + exchange.requestId() + " cannot send the error answer");
    }
    return "INTERNAL_ERROR";
}

} // namespace citycode::server
