#include "api/Profile003Handlers.h"

#include "api/OpenApiHandlers.h"
#include "api/Profile003Response.h"
#include "citycode/common/Error.h"
#include "http/Exchange.h"
#include "services/OpenApiServices.h"
#include "services/Profile003Service.h"

#include <Poco/JSON/Parser.h>

namespace citycode::server {

namespace {

constexpr std::size_t kMaxBody = 64 * 1024;

Poco::JSON::Object::Ptr parseObject(const std::string& body)
{
    Poco::JSON::Object::Ptr object;
    try {
        if (!body.empty())
            object = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        object = nullptr;
    }
    if (!object)
        throw common::Error("BAD_REQUEST", "the body must be a JSON object");
    return object;
}

} // namespace

void Profile003Handlers::authorizationCode(Exchange& exchange)
{
    try {
        std::string body;
        const Caller caller = OpenApiHandlers::authenticate(m_openApi, exchange, body);
        Profile003Response::success(exchange, m_profile.authorizationCode(caller, *parseObject(body)));
    } catch (...) {
        Profile003Response::failCurrent(exchange, m_openApi.logger());
    }
}

void Profile003Handlers::thirdPartyAuthorization(Exchange& exchange)
{
    try {
        std::string body;
        const Caller caller = OpenApiHandlers::authenticate(m_openApi, exchange, body);
        Profile003Response::success(exchange, m_profile.thirdPartyAuthorization(caller, *parseObject(body)));
    } catch (...) {
        Profile003Response::failCurrent(exchange, m_openApi.logger());
    }
}

void Profile003Handlers::merchantKey(Exchange& exchange)
{
    try {
        std::string body;
        const Caller caller = OpenApiHandlers::authenticate(m_openApi, exchange, body);
        Profile003Response::success(exchange, m_profile.merchantKey(caller));
    } catch (...) {
        Profile003Response::failCurrent(exchange, m_openApi.logger());
    }
}

void Profile003Handlers::generate(Exchange& exchange, bool channel)
{
    CodeRecord record;
    record.action = "show";
    record.codeType = channel ? "payment" : "personal";
    try {
        const Poco::JSON::Object::Ptr input = parseObject(exchange.readBody(kMaxBody));
        const Poco::JSON::Object::Ptr data = m_profile.generate(*input, channel, record);
        record.result = "success";
        m_openApi.records().write(record);
        Profile003Response::success(exchange, data);
    } catch (...) {
        if (record.caller.empty())
            record.caller = "unverified profile003 token";
        record.result = Profile003Response::failCurrent(exchange, m_openApi.logger());
        m_openApi.records().write(record);
    }
}

void Profile003Handlers::tags(Exchange& exchange)
{
    try {
        const Poco::JSON::Object::Ptr input = parseObject(exchange.readBody(kMaxBody));
        Profile003Response::success(exchange, m_profile.tags(*input));
    } catch (...) {
        Profile003Response::failCurrent(exchange, m_openApi.logger());
    }
}

void Profile003Handlers::decode(Exchange& exchange)
{
    CodeRecord record;
    record.action = "decode";
    try {
        const Poco::JSON::Object::Ptr input = parseObject(exchange.readBody(kMaxBody));
        const std::string sealed = m_profile.decode(*input, record);
        record.result = "success";
        m_openApi.records().write(record);
        Profile003Response::success(exchange, sealed);
    } catch (...) {
        if (record.caller.empty())
            record.caller = "unverified merchant";
        record.result = Profile003Response::failCurrent(exchange, m_openApi.logger());
        m_openApi.records().write(record);
    }
}

} // namespace citycode::server
