#pragma once

#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

#include <string>
#include <vector>

namespace citycode::server {

class Exchange;

// Request parsing and answers shared by the admin handlers of operators, roles, menus and the
// operation log: JSON bodies, numeric ids, list queries, page answers. Every malformed input is
// Error("BAD_REQUEST") naming what is wrong.
class AdminRequest
{
public:
    // The body as a JSON object (nesting limited by the body size limit).
    static Poco::JSON::Object::Ptr body(Exchange& exchange);
    // A positive whole-number path parameter.
    static Poco::Int64 id(Exchange& exchange, const std::string& name = "id");
    // page, pageSize, sort, order (asc|desc) and the filters the list knows; an unknown query
    // parameter is refused, never silently ignored.
    static ListQuery listQuery(Exchange& exchange, const std::vector<std::string>& filters);
    // {"items":[...],"total":N,"page":P,"pageSize":S}
    static Poco::JSON::Object pageJson(const ListPage& page);
    // An array of positive whole numbers, e.g. {"ids":[1,2]}; empty when absent and optional.
    static std::vector<Poco::Int64> ids(const Poco::JSON::Object& body, const std::string& field, bool required);
};

} // namespace citycode::server
