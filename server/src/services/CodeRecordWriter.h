#pragma once

#include "storage/CodeRecordRepository.h"

namespace Poco {
class Logger;
}

namespace citycode::server {

class DurableBatch;

// Writes the code records with group commit (QUALITY.md "Faults": batch acknowledged writes
// rather than weaken durability): each record goes into the shared batch of DurableBatch, with
// the request nonces and "used" marks of other requests, and write() returns once that batch is
// committed. So a request is answered only after its record is on disk, at the cost of one sync
// per batch instead of one per request. Thread-safe.
class CodeRecordWriter
{
public:
    CodeRecordWriter(DurableBatch& writes, Poco::Logger& logger) : m_writes(writes), m_logger(logger) {}
    CodeRecordWriter(const CodeRecordWriter&) = delete;
    CodeRecordWriter& operator=(const CodeRecordWriter&) = delete;

    // Queues the record and waits until its batch is committed. Returns false (and logs) when
    // it could not be written or the writer has stopped.
    bool write(CodeRecord record);

private:
    DurableBatch& m_writes;
    Poco::Logger& m_logger;
};

} // namespace citycode::server
