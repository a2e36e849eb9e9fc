#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 10: one counter, change_generation, that the database itself
// raises (triggers) whenever a table the open API's hot path caches is written — platforms,
// apps, developers, app permissions, code rules, their versions and app links, terminals, code
// styles. A node reads the counter once per open API request and drops its cached lookups when
// it moved (CodeEngineStore), so an admin change on any node holds for the next request on
// every node, whichever code path wrote it. Statements prefixed "-- sqlite" or "-- postgresql"
// run on that backend only (Migrations.cpp).
class ChangeGenerationSchema
{
public:
    static std::vector<std::string> statements();
    // The tables whose writes raise the counter.
    static const std::vector<std::string>& watchedTables();
};

} // namespace citycode::server
