#pragma once

#include "services/BindDataService.h"
#include "services/CallerAuthenticator.h"
#include "services/CodeRecordWriter.h"
#include "services/DynamicCodeService.h"
#include "services/PaymentNoticeService.h"
#include "services/TestClock.h"
#include "services/UserService.h"
#include "storage/DurableBatch.h"
#include "storage/NonceStore.h"

#include <string>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Database;
class KeyStore;
class PersonalDataCipher;

// Everything the open API (001 §5) runs on, built once by ServerApp: the server clock (with the
// test offset of testing.clock_offset_file), the nonce store, caller authentication, users,
// dynamic codes, bound data, payment notices and the group-commit record writer (one
// DurableBatch for nonces, used marks and records). stop() (also
// the destructor) ends the record writer; call it after the HTTP server has stopped.
class OpenApiServices
{
public:
    OpenApiServices(Database& database, const PersonalDataCipher& cipher, const CodeEngineLookup& codeEngine,
                    const KeyStore& keys, const std::string& clockOffsetFile, Poco::Logger& logger);

    TestClock& clock() { return m_clock; }
    NonceStore& nonces() { return m_nonces; }
    CallerAuthenticator& callers() { return m_callers; }
    UserService& users() { return m_users; }
    BindDataService& bindData() { return m_bindData; }
    DynamicCodeService& codes() { return m_codes; }
    PaymentNoticeService& payments() { return m_payments; }
    CodeRecordWriter& records() { return m_records; }
    DurableBatch& writes() { return m_writes; }
    Poco::Logger& logger() { return m_logger; }

    // Ends the writer of nonces, used marks and records (after committing what is queued).
    void stop() { m_writes.stop(); }

private:
    Poco::Logger& m_logger;
    TestClock m_clock;
    DurableBatch m_writes; // group commit of nonces, used marks and records
    NonceStore m_nonces;
    CallerAuthenticator m_callers;
    UserService m_users;
    BindDataService m_bindData;
    DynamicCodeService m_codes;
    PaymentNoticeService m_payments;
    CodeRecordWriter m_records;
};

} // namespace citycode::server
