#include "api/NumberingHandlers.h"

#include "api/AdminRequest.h"
#include "citycode/common/Error.h"
#include "http/Exchange.h"
#include "services/NumberingService.h"
#include "services/OperationLog.h"
#include "storage/NumberingRepository.h"

#include <Poco/JSON/Array.h>

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void NumberingHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, NumberingRepository::view().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_service.list(exchange.principal(), query)));
}

void NumberingHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_service.get(exchange.principal(), AdminRequest::id(exchange)));
}

void NumberingHandlers::create(Exchange& exchange)
{
    const auto record = m_service.create(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "numbering-rule.create", "numbering-rule",
                 std::to_string(record->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *record);
}

void NumberingHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_service.update(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "numbering-rule.update", "numbering-rule", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void NumberingHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    m_service.remove(exchange.principal(), id);
    m_log.record(exchange.principal(), "numbering-rule.delete", "numbering-rule", std::to_string(id));
    Poco::JSON::Object body;
    body.set("deleted", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

void NumberingHandlers::allocate(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto body = AdminRequest::body(exchange);
    Poco::Int64 count = 1;
    if (body->has("count")) {
        const Poco::Dynamic::Var value = body->get("count");
        if (!value.isInteger())
            throw common::Error("BAD_REQUEST", "count must be a whole number");
        count = value.convert<Poco::Int64>();
    }
    if (count < 1 || count > NumberingService::kMaxAllocation)
        throw common::Error("BAD_REQUEST",
                            "count must be between 1 and " + std::to_string(NumberingService::kMaxAllocation));
    const auto numbers = m_service.allocate(exchange.principal(), id, static_cast<int>(count));
    m_log.record(exchange.principal(), "numbering-rule.allocate", "numbering-rule", std::to_string(id),
                 std::to_string(numbers.size()) + " number(s) from " + numbers.front());
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const std::string& number : numbers)
        list->add(number);
    Poco::JSON::Object answer;
    answer.set("numbers", list);
    exchange.sendJson(Status::HTTP_OK, answer);
}

} // namespace citycode::server
