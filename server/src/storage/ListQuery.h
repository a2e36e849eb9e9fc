#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

#include <map>
#include <string>
#include <vector>

namespace citycode::server {

// One page request of an admin list: 1-based page, page size (at most kMaxPageSize), a sort field
// that each repository checks against its whitelist, and filters by field name. Filters that a
// list does not know are refused by the handler, never ignored silently.
struct ListQuery
{
    static constexpr int kMaxPageSize = 100;

    int page = 1;
    int pageSize = 20;
    std::string sort; // a field name; empty: the list's default order
    bool descending = false;
    std::map<std::string, std::string> filters;

    std::string filter(const std::string& name) const
    {
        const auto it = filters.find(name);
        return it == filters.end() ? std::string() : it->second;
    }
};

// One page of records (JSON objects with the list's camelCase field names) and the number of
// records that match the filters within the caller's scope.
struct ListPage
{
    std::vector<Poco::JSON::Object::Ptr> items;
    Poco::Int64 total = 0;
    int page = 1;
    int pageSize = 20;
};

} // namespace citycode::server
