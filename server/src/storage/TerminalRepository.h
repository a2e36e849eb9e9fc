#pragma once

#include "storage/RecordStore.h"

namespace citycode::server {

// The SQL of scanner terminals (002 §5.3.1.3) beyond the generic list and record access.
class TerminalRepository
{
public:
    explicit TerminalRepository(Poco::Data::Session& session) : m_store(session) {}

    RecordStore& store() { return m_store; }
    bool codeTaken(const std::string& terminalCode);
    // id, terminalCode, platformId, publicKeyPem, status; nullptr when unknown.
    Poco::JSON::Object::Ptr byCode(const std::string& terminalCode);
    void deleteTerminal(Poco::Int64 id);

private:
    RecordStore m_store;
};

} // namespace citycode::server
