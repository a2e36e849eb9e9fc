#pragma once

#include "storage/RecordStore.h"

namespace citycode::server {

// The SQL of code specifications (001 §4.2.2) beyond the generic list and record access.
class CodeSpecRepository
{
public:
    explicit CodeSpecRepository(Poco::Data::Session& session) : m_store(session) {}

    RecordStore& store() { return m_store; }
    bool nameTaken(const std::string& name, Poco::Int64 exceptId);
    // Rules keep their copied fields and the spec's name; only the reference goes.
    void deleteSpec(Poco::Int64 id);

private:
    RecordStore m_store;
};

} // namespace citycode::server
