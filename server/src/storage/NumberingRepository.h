#pragma once

#include "storage/RecordStore.h"

#include <Poco/Types.h>

#include <string>

namespace citycode::server {

// SQL of numbering_rules and numbering_sequences (000 §2.2.4.3): the admin view and the
// allocation of sequence values, one upsert statement that every backend runs atomically, so
// that numbers stay unique across server nodes.
class NumberingRepository
{
public:
    explicit NumberingRepository(Poco::Data::Session& session) : m_store(session) {}

    static const ViewSpec& view();
    RecordStore& store() { return m_store; }

    // Advances the sequence of (rule, period) by `count` and returns its new last value.
    Poco::Int64 advance(Poco::Int64 ruleId, const std::string& period, Poco::Int64 count);
    Poco::Int64 countAllocations(Poco::Int64 ruleId);
    void remove(Poco::Int64 ruleId);

private:
    RecordStore m_store;
};

} // namespace citycode::server
