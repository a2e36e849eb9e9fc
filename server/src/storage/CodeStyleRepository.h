#pragma once

#include "storage/RecordStore.h"

#include <Poco/Types.h>

#include <string>

namespace citycode::server {

// SQL of code_styles (000 §2.2.3) on the caller's session: the admin view and the switch of the
// one active style of a platform's code type.
class CodeStyleRepository
{
public:
    explicit CodeStyleRepository(Poco::Data::Session& session) : m_store(session) {}

    static const ViewSpec& view();
    RecordStore& store() { return m_store; }

    // Retires the active style of (platform, codeType), if any, and activates `id`.
    void activate(Poco::Int64 id, Poco::Int64 platformId, const std::string& codeType);
    void remove(Poco::Int64 id);
    // The active style of a platform's code type, or nullptr.
    Poco::JSON::Object::Ptr active(Poco::Int64 platformId, const std::string& codeType);

private:
    RecordStore m_store;
};

} // namespace citycode::server
