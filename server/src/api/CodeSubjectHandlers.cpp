#include "api/CodeSubjectHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/CodeSubjectService.h"
#include "services/OperationLog.h"
#include "storage/CodeSubjectRepository.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void CodeSubjectHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, CodeSubjectRepository::view().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_service.list(exchange.principal(), query)));
}

void CodeSubjectHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_service.get(exchange.principal(), AdminRequest::id(exchange)));
}

void CodeSubjectHandlers::create(Exchange& exchange)
{
    const auto record = m_service.create(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-subject.create", "code-subject",
                 std::to_string(record->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *record);
}

void CodeSubjectHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_service.update(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-subject.update", "code-subject", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void CodeSubjectHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    m_service.remove(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-subject.delete", "code-subject", std::to_string(id));
    Poco::JSON::Object body;
    body.set("deleted", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server
