#include "storage/ChangeGenerationRepository.h"

#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/SqliteReads.h"

namespace citycode::server {

namespace {

constexpr char kCurrent[] = "SELECT value FROM change_generation WHERE id = 1";

} // namespace

Poco::Int64 ChangeGenerationRepository::current(Database& database)
{
    if (SqliteReads* reads = database.sqliteReads()) {
        SqliteReads::Read read = reads->prepare(kCurrent);
        return read.step() && !read.isNull(0) ? read.integer(0) : 0;
    }
    Poco::Data::Session session = database.session();
    return RecordStore(session).scalar(kCurrent);
}

} // namespace citycode::server
