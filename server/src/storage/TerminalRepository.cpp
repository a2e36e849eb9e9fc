#include "storage/TerminalRepository.h"

namespace citycode::server {

bool TerminalRepository::codeTaken(const std::string& terminalCode)
{
    return m_store.scalar("SELECT COUNT(*) FROM terminals WHERE terminal_code = $1", {terminalCode}) > 0;
}

Poco::JSON::Object::Ptr TerminalRepository::byCode(const std::string& terminalCode)
{
    const auto rows = m_store.select("SELECT id AS \"id\", terminal_code AS \"terminalCode\", platform_id AS"
                                     " \"platformId\", public_key_pem AS \"publicKeyPem\", status AS \"status\""
                                     " FROM terminals WHERE terminal_code = $1",
                                     {terminalCode});
    return rows.empty() ? nullptr : rows.front();
}

void TerminalRepository::deleteTerminal(Poco::Int64 id)
{
    m_store.execute("DELETE FROM terminals WHERE id = $1", {id});
}

} // namespace citycode::server
