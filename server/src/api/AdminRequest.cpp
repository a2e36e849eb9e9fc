#include "api/AdminRequest.h"

#include "citycode/common/Error.h"
#include "http/Exchange.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include <algorithm>

namespace citycode::server {

Poco::JSON::Object::Ptr AdminRequest::body(Exchange& exchange)
{
    const std::string text = exchange.readBody();
    if (text.empty())
        throw common::Error("BAD_REQUEST", "a JSON object body is required");
    try {
        const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(text);
        if (parsed.type() != typeid(Poco::JSON::Object::Ptr))
            throw common::Error("BAD_REQUEST", "the body must be a JSON object");
        return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "the body is not valid JSON");
    }
}

Poco::Int64 AdminRequest::id(Exchange& exchange, const std::string& name)
{
    Poco::Int64 value = 0;
    if (!Poco::NumberParser::tryParse64(exchange.pathParam(name), value) || value <= 0)
        throw common::Error("NOT_FOUND", "no such record");
    return value;
}

ListQuery AdminRequest::listQuery(Exchange& exchange, const std::vector<std::string>& filters)
{
    ListQuery query;
    Poco::URI::QueryParameters parameters;
    try {
        parameters = Poco::URI(exchange.request().getURI()).getQueryParameters();
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "malformed query string");
    }
    for (const auto& [name, value] : parameters) {
        if (name == "page" || name == "pageSize") {
            int number = 0;
            if (!Poco::NumberParser::tryParse(value, number) || number < 1 ||
                (name == "pageSize" && number > ListQuery::kMaxPageSize))
                throw common::Error("BAD_REQUEST", name + " must be a whole number from 1" +
                                                       (name == "pageSize" ? " to 100" : std::string()));
            (name == "page" ? query.page : query.pageSize) = number;
        } else if (name == "sort") {
            query.sort = value;
        } else if (name == "order") {
            if (value != "asc" && value != "desc")
                throw common::Error("BAD_REQUEST", "order must be asc or desc");
            query.descending = value == "desc";
        } else if (std::find(filters.begin(), filters.end(), name) != filters.end()) {
            query.filters[name] = value;
        } else {
            throw common::Error("BAD_REQUEST", "unknown query parameter '" + name.substr(0, 40) + "'");
        }
    }
    return query;
}

Poco::JSON::Object AdminRequest::pageJson(const ListPage& page)
{
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& item : page.items)
        items->add(item);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("items", items);
    body.set("total", page.total);
    body.set("page", page.page);
    body.set("pageSize", page.pageSize);
    return body;
}

std::vector<Poco::Int64> AdminRequest::ids(const Poco::JSON::Object& body, const std::string& field, bool required)
{
    std::vector<Poco::Int64> result;
    if (!body.has(field) || body.isNull(field)) {
        if (required)
            throw common::Error("BAD_REQUEST", field + " is required");
        return result;
    }
    const Poco::JSON::Array::Ptr array = body.getArray(field);
    if (!array)
        throw common::Error("BAD_REQUEST", field + " must be an array of ids");
    if (array->size() > 1000)
        throw common::Error("BAD_REQUEST", field + " has more than 1000 ids");
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var value = array->get(static_cast<unsigned>(i));
        if (!value.isInteger() || value.convert<Poco::Int64>() <= 0)
            throw common::Error("BAD_REQUEST", field + " must be an array of positive whole numbers");
        const Poco::Int64 id = value.convert<Poco::Int64>();
        if (std::find(result.begin(), result.end(), id) == result.end())
            result.push_back(id);
    }
    if (required && result.empty())
        throw common::Error("BAD_REQUEST", field + " must not be empty");
    return result;
}

} // namespace citycode::server
