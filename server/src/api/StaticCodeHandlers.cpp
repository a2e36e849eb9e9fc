#include "api/StaticCodeHandlers.h"

#include "api/AdminRequest.h"
#include "citycode/common/Error.h"
#include "http/Exchange.h"
#include "services/StaticCodeService.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

namespace {

constexpr int kDefaultModulePixels = 8;
constexpr int kMaxModulePixels = 32;

// An empty body is an empty object: most transitions need nothing but an optional reason.
Poco::JSON::Object::Ptr optionalBody(Exchange& exchange)
{
    const std::string text = exchange.readBody();
    if (text.empty())
        return new Poco::JSON::Object;
    try {
        const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(text);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
            return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "the body is not valid JSON");
    }
    throw common::Error("BAD_REQUEST", "the body must be a JSON object");
}

int modulePixels(Exchange& exchange)
{
    Poco::URI::QueryParameters parameters;
    try {
        parameters = Poco::URI(exchange.request().getURI()).getQueryParameters();
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "malformed query string");
    }
    int pixels = kDefaultModulePixels;
    for (const auto& [name, value] : parameters) {
        if (name != "modulePixels")
            throw common::Error("BAD_REQUEST", "unknown query parameter '" + name.substr(0, 40) + "'");
        // 002 §6.2: at least 3 pixels per module.
        if (!Poco::NumberParser::tryParse(value, pixels) || pixels < 3 || pixels > kMaxModulePixels)
            throw common::Error("BAD_REQUEST",
                                "modulePixels must be a whole number from 3 to " + std::to_string(kMaxModulePixels));
    }
    return pixels;
}

} // namespace

void StaticCodeHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, StaticCodeService::listFilters());
    exchange.sendJson(Status::HTTP_OK,
                      AdminRequest::pageJson(m_codes.list(StaticCodeActor::operatorOf(exchange.principal()), query)));
}

void StaticCodeHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK,
                      *m_codes.get(StaticCodeActor::operatorOf(exchange.principal()), AdminRequest::id(exchange)));
}

void StaticCodeHandlers::create(Exchange& exchange)
{
    const auto input = AdminRequest::body(exchange);
    exchange.sendJson(Status::HTTP_CREATED,
                      *m_codes.registerCode(StaticCodeActor::operatorOf(exchange.principal()), *input));
}

void StaticCodeHandlers::perform(Exchange& exchange, StaticCodeStateMachine::Operation operation)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto input = optionalBody(exchange);
    exchange.sendJson(Status::HTTP_OK,
                      *m_codes.perform(StaticCodeActor::operatorOf(exchange.principal()), id, operation, *input));
}

void StaticCodeHandlers::symbol(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const int pixels = modulePixels(exchange);
    const common::Bytes png = m_codes.symbolPng(StaticCodeActor::operatorOf(exchange.principal()), id, pixels);
    exchange.sendText(Status::HTTP_OK, "image/png", std::string(png.begin(), png.end()));
}

} // namespace citycode::server
