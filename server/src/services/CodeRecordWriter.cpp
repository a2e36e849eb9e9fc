#include "services/CodeRecordWriter.h"

#include "storage/Database.h"
#include "storage/DurableBatch.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace citycode::server {

bool CodeRecordWriter::write(CodeRecord record)
{
    if (record.createdAt.empty())
        record.createdAt = Database::timestampNow();
    try {
        m_writes.run([&record](Poco::Data::Session& session) {
            CodeRecordRepository(session).insert(record);
            return std::size_t{1};
        });
        return true;
    } catch (const Poco::Exception& e) {
        m_logger.error("cannot write a code record: %s", e.displayText());
    } catch (const std::exception& e) {
        m_logger.error("cannot write a code record: %s", std::string(e.what()));
    }
    return false;
}

} // namespace citycode::server
