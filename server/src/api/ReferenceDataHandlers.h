#pragma once

#include "services/ReferenceDataService.h"

#include <string>

namespace citycode::server {

class Exchange;
class OperationLog;

// The admin routes of one kind of reference data (/admin/v1/regions, /industries, /dictionaries,
// /dictionary-entries; 001 §4.12.2-4.12.3): list, one record, create, edit, enable/disable,
// delete one or a batch. Every change is written to the operation log as "<area>.<verb>".
class ReferenceDataHandlers
{
public:
    // area: the operation log's name of the kind, e.g. "region".
    ReferenceDataHandlers(ReferenceDataService& service, OperationLog& log, ReferenceKind kind, std::string area)
        : m_service(service), m_log(log), m_kind(kind), m_area(std::move(area))
    {
    }

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void enable(Exchange& exchange) { setEnabled(exchange, true); }
    void disable(Exchange& exchange) { setEnabled(exchange, false); }
    void remove(Exchange& exchange);
    // POST .../batch-delete {"ids":[...]}
    void batchRemove(Exchange& exchange);

private:
    void setEnabled(Exchange& exchange, bool enabled);

    ReferenceDataService& m_service;
    OperationLog& m_log;
    ReferenceKind m_kind;
    std::string m_area;
};

} // namespace citycode::server
