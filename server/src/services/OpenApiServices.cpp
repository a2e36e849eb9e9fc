#include "services/OpenApiServices.h"

#include <Poco/Logger.h>

namespace citycode::server {

OpenApiServices::OpenApiServices(Database& database, const PersonalDataCipher& cipher,
                                 const CodeEngineLookup& codeEngine, const KeyStore& keys,
                                 const std::string& clockOffsetFile, Poco::Logger& logger)
    : m_logger(logger), m_clock(clockOffsetFile), m_writes(database, logger), m_nonces(m_writes),
      m_callers(database, cipher, codeEngine, keys, m_nonces, m_clock), m_users(database, cipher),
      m_bindData(database, cipher, m_users),
      m_codes(database, m_users, m_bindData, codeEngine, keys, m_nonces, m_clock), m_payments(database),
      m_records(m_writes, logger)
{
    if (m_clock.shifted())
        logger.warning("testing.clock_offset_file is set (%s): the open API clock follows it. Tests only.",
                       clockOffsetFile);
}

} // namespace citycode::server
