#include "api/StaticCodeOpenHandlers.h"

#include "api/OpenApiHandlers.h"
#include "api/OpenApiResponse.h"
#include "citycode/common/Error.h"
#include "services/BaseConfigSupport.h"
#include "services/CallerAuthenticator.h"
#include "services/OpenApiServices.h"
#include "services/StaticCodeService.h"

#include <Poco/JSON/Parser.h>

namespace citycode::server {

namespace {

Poco::JSON::Object::Ptr parseObject(const std::string& body)
{
    if (body.empty())
        throw common::Error("BAD_REQUEST", "a JSON object body is required");
    try {
        const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(body);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
            return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "the body is not valid JSON");
    }
    throw common::Error("BAD_REQUEST", "the body must be a JSON object");
}

} // namespace

void StaticCodeOpenHandlers::handle(Exchange& exchange, StaticCodeStateMachine::Operation operation)
{
    using Operation = StaticCodeStateMachine::Operation;
    try {
        std::string body;
        const Caller caller = OpenApiHandlers::authenticate(m_open, exchange, body);
        // Static codes belong to apps (002 §8.1 场景接入方); terminals only scan.
        if (caller.kind != Caller::Kind::App)
            throw common::Error("CALLER_NOT_APP", "static codes are registered and managed by apps");
        const auto input = parseObject(body);
        const StaticCodeActor actor = StaticCodeActor::app(caller.appId, caller.appCode, caller.platformId);
        Poco::JSON::Object::Ptr data;
        if (operation == Operation::Register) {
            data = m_codes.registerCode(actor, *input);
        } else {
            const Poco::Int64 id = m_codes.idOfNumber(actor, *BaseConfigSupport::text(*input, "codeNumber", true, 64));
            data =
                operation == Operation::Query ? m_codes.get(actor, id) : m_codes.perform(actor, id, operation, *input);
        }
        // The history names console operators: not for apps (002 §9: no account leaks).
        data->remove("history");
        OpenApiResponse::success(exchange, data);
    } catch (...) {
        OpenApiResponse::failCurrent(exchange, m_open.logger());
    }
}

} // namespace citycode::server
