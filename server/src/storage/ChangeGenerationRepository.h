#pragma once

#include <Poco/Types.h>

namespace citycode::server {

class Database;

// Reads the change_generation counter of migration 10 (ChangeGenerationSchema): once per open
// API request, so on SQLite through Database::sqliteReads(), a microsecond or two.
class ChangeGenerationRepository
{
public:
    // The counter as committed now (a read of its own, never a kept value).
    static Poco::Int64 current(Database& database);
};

} // namespace citycode::server
