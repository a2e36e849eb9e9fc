#include "api/ReferenceDataHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/OperationLog.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

namespace {

void sendDeleted(Exchange& exchange, std::size_t deleted)
{
    Poco::JSON::Object body;
    body.set("deleted", static_cast<Poco::UInt64>(deleted));
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace

void ReferenceDataHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, ReferenceDataService::listFilters(m_kind));
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_service.list(m_kind, query)));
}

void ReferenceDataHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_service.get(m_kind, AdminRequest::id(exchange)));
}

void ReferenceDataHandlers::create(Exchange& exchange)
{
    const auto record = m_service.create(exchange.principal(), m_kind, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), m_area + ".create", m_area, std::to_string(record->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *record);
}

void ReferenceDataHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_service.update(exchange.principal(), m_kind, id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), m_area + ".update", m_area, std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void ReferenceDataHandlers::setEnabled(Exchange& exchange, bool enabled)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_service.setEnabled(exchange.principal(), m_kind, id, enabled);
    m_log.record(exchange.principal(), m_area + (enabled ? ".enable" : ".disable"), m_area, std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void ReferenceDataHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const std::size_t deleted = m_service.remove(exchange.principal(), m_kind, {id});
    m_log.record(exchange.principal(), m_area + ".delete", m_area, std::to_string(id));
    sendDeleted(exchange, deleted);
}

void ReferenceDataHandlers::batchRemove(Exchange& exchange)
{
    const auto ids = AdminRequest::ids(*AdminRequest::body(exchange), "ids", true);
    const std::size_t deleted = m_service.remove(exchange.principal(), m_kind, ids);
    std::string list;
    for (const Poco::Int64 id : ids)
        list += (list.empty() ? "" : ",") + std::to_string(id);
    m_log.record(exchange.principal(), m_area + ".delete", m_area, list);
    sendDeleted(exchange, deleted);
}

} // namespace citycode::server
