#pragma once

#include "storage/RecordStore.h"

#include <Poco/Types.h>

namespace citycode::server {

// SQL of code_subjects (000 §2.2.4.5): the admin view and deletion.
class CodeSubjectRepository
{
public:
    explicit CodeSubjectRepository(Poco::Data::Session& session) : m_store(session) {}

    static const ViewSpec& view();
    RecordStore& store() { return m_store; }

    void remove(Poco::Int64 id);

private:
    RecordStore m_store;
};

} // namespace citycode::server
