#include "api/OpenApiResponse.h"

#include "citycode/common/Error.h"
#include "http/ErrorMapper.h"
#include "http/Exchange.h"
#include "http/JsonText.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>

namespace citycode::server {

namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

// Open API error code -> HTTP status. A new open API error code is added here, nowhere else.
const std::map<std::string, Status>& table()
{
    static const std::map<std::string, Status> codes = {
        {"BAD_REQUEST", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_TOO_LARGE", Status::HTTP_REQUEST_ENTITY_TOO_LARGE},
        // Callers (services/CallerAuthenticator).
        {"SIGNATURE_MISSING", Status::HTTP_UNAUTHORIZED},
        {"SIGNATURE_INVALID", Status::HTTP_UNAUTHORIZED},
        {"TIMESTAMP_STALE", Status::HTTP_UNAUTHORIZED},
        {"NONCE_REUSED", Status::HTTP_UNAUTHORIZED},
        {"APP_UNKNOWN", Status::HTTP_UNAUTHORIZED},
        {"TERMINAL_UNKNOWN", Status::HTTP_UNAUTHORIZED},
        {"TERMINAL_KEY_MISMATCH", Status::HTTP_UNAUTHORIZED},
        {"SESSION_INVALID", Status::HTTP_UNAUTHORIZED},
        {"SESSION_EXPIRED", Status::HTTP_UNAUTHORIZED},
        {"SESSION_KEY_INVALID", Status::HTTP_BAD_REQUEST},
        {"APP_DISABLED", Status::HTTP_FORBIDDEN},
        {"TERMINAL_DISABLED", Status::HTTP_FORBIDDEN},
        {"APP_MISMATCH", Status::HTTP_FORBIDDEN},
        {"CALLER_NOT_APP", Status::HTTP_FORBIDDEN},
        {"GENERATE_FORBIDDEN", Status::HTTP_FORBIDDEN},
        {"SCAN_FORBIDDEN", Status::HTTP_FORBIDDEN},
        {"RULE_NOT_AVAILABLE", Status::HTTP_FORBIDDEN},
        // Users and bound data.
        {"NAME_INVALID", Status::HTTP_BAD_REQUEST},
        {"ID_NUMBER_INVALID", Status::HTTP_BAD_REQUEST},
        {"PHONE_INVALID", Status::HTTP_BAD_REQUEST},
        {"USER_UNKNOWN", Status::HTTP_NOT_FOUND},
        {"BIND_DATA_NOT_FOUND", Status::HTTP_NOT_FOUND},
        // Codes (docs/code-format.md "Verifying a code").
        {"PAYLOAD_EMPTY", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_TOO_LONG", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_PREFIX", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_ENCODING", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_VERSION", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_ALG", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_TRUNCATED", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_FIELD", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_TIME", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_AUTH", Status::HTTP_BAD_REQUEST},
        {"PAYLOAD_TRAILING", Status::HTTP_BAD_REQUEST},
        {"CODE_KEY_UNKNOWN", Status::HTTP_BAD_REQUEST},
        {"CODE_ALG_NOT_ALLOWED", Status::HTTP_BAD_REQUEST},
        {"CODE_AUTH_FAILED", Status::HTTP_BAD_REQUEST},
        {"CODE_TYPE_MISMATCH", Status::HTTP_BAD_REQUEST},
        {"CODE_RULE_UNKNOWN", Status::HTTP_BAD_REQUEST},
        {"CODE_RULE_DISABLED", Status::HTTP_FORBIDDEN},
        {"CODE_VERSION_DISABLED", Status::HTTP_FORBIDDEN},
        {"CODE_APP_DISABLED", Status::HTTP_FORBIDDEN},
        {"CODE_NOT_YET_VALID", Status::HTTP_BAD_REQUEST},
        {"CODE_EXPIRED", Status::HTTP_GONE},
        {"CODE_USED", Status::HTTP_CONFLICT},
        // Static codes of apps (002 §8.1, api/StaticCodeOpenHandlers; docs/static-codes.md).
        {"NOT_FOUND", Status::HTTP_NOT_FOUND},
        {"STATIC_CODE_ILLEGAL_TRANSITION", Status::HTTP_CONFLICT},
        {"STATIC_CODE_NUMBER_TAKEN", Status::HTTP_CONFLICT},
        {"STATIC_CODE_CONTENT_TAKEN", Status::HTTP_CONFLICT},
    };
    return codes;
}

// {"Response": {"Data": {...}, "Error": {"Code", "Message"}, "RequestId"}} (001 §5), written
// around the data as text: every open-API answer has it, and Poco objects for the frame cost more
// than the rest of the answer.
std::string envelope(const std::string& code, const std::string& message, const Poco::JSON::Object::Ptr& data,
                     const std::string& requestId)
{
    const auto string = [](JsonText::Writer& out, const std::string& text) {
        out.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    };
    rapidjson::StringBuffer text;
    JsonText::Writer out(text);
    out.StartObject();
    out.Key("Response");
    out.StartObject();
    out.Key("Data");
    if (data) {
        JsonText::write(out, *data);
    } else {
        out.StartObject();
        out.EndObject();
    }
    out.Key("Error");
    out.StartObject();
    out.Key("Code");
    string(out, code);
    out.Key("Message");
    string(out, message);
    out.EndObject();
    out.Key("RequestId");
    string(out, requestId);
    out.EndObject();
    out.EndObject();
    return std::string(text.GetString(), text.GetSize());
}

} // namespace

Poco::Net::HTTPResponse::HTTPStatus OpenApiResponse::statusFor(const std::string& code)
{
    const auto it = table().find(code);
    // Codes shared with the admin API (NOT_FOUND, the static-code states) keep their status there.
    return it == table().end() ? ErrorMapper::statusFor(code) : it->second;
}

void OpenApiResponse::success(Exchange& exchange, const Poco::JSON::Object::Ptr& data)
{
    exchange.sendJsonText(Status::HTTP_OK, envelope("0", "success", data, exchange.requestId()));
}

void OpenApiResponse::failure(Exchange& exchange, const std::string& code, const std::string& message,
                              const Poco::JSON::Object::Ptr& data)
{
    exchange.sendJsonText(statusFor(code), envelope(code, message, data, exchange.requestId()));
}

std::string OpenApiResponse::failCurrent(Exchange& exchange, Poco::Logger& logger) noexcept
{
    std::string code = "INTERNAL_ERROR";
    std::string internal;
    bool storageFull = false;
    try {
        try {
            throw;
        } catch (const common::Error& e) {
            if (statusFor(e.code()) != Status::HTTP_INTERNAL_SERVER_ERROR) {
                code = e.code();
                if (!exchange.responseSent()) {
                    if (code == ErrorMapper::kStorageFullCode)
                        exchange.response().set("Retry-After",
                                                std::to_string(ErrorMapper::storageFullRetryAfterSeconds()));
                    Poco::JSON::Object::Ptr data;
                    if (code == "CODE_EXPIRED") {
                        data = new Poco::JSON::Object;
                        data->set("expire", true);
                    }
                    failure(exchange, code, e.what(), data);
                }
                return code;
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
            code = ErrorMapper::kStorageFullCode;
            logger.warning("requestId=" + exchange.requestId() + " " + exchange.path() + ": " + code +
                           " (write refused): " + internal);
            if (!exchange.responseSent()) {
                exchange.response().set("Retry-After", std::to_string(ErrorMapper::storageFullRetryAfterSeconds()));
                failure(exchange, code, ErrorMapper::storageFullMessage());
            }
            return code;
        }
        logger.error("requestId=" + exchange.requestId() + " " + exchange.path() + ": " + internal);
        if (!exchange.responseSent())
            failure(exchange, "INTERNAL_ERROR", "internal error; quote the request id when reporting it");
    } catch (...) {
        logger.warning("requestId=" + exchange.requestId() + " cannot send the error answer");
    }
    return code;
}

} // namespace citycode::server
