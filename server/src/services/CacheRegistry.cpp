#include "services/CacheRegistry.h"

#include "citycode/common/Error.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

void CacheRegistry::add(Entry entry)
{
    std::lock_guard lock(m_mutex);
    m_entries.push_back(std::move(entry));
}

Poco::JSON::Array::Ptr CacheRegistry::list() const
{
    std::lock_guard lock(m_mutex);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const Entry& entry : m_entries) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("name", entry.name);
        item->set("description", entry.description);
        item->set("entries", static_cast<Poco::UInt64>(entry.size()));
        items->add(item);
    }
    return items;
}

void CacheRegistry::flush(const std::string& name)
{
    std::lock_guard lock(m_mutex);
    for (Entry& entry : m_entries) {
        if (entry.name == name) {
            entry.flush();
            return;
        }
    }
    throw common::Error("NOT_FOUND", "no cache named " + name);
}

std::size_t CacheRegistry::flushAll()
{
    std::lock_guard lock(m_mutex);
    for (Entry& entry : m_entries)
        entry.flush();
    return m_entries.size();
}

} // namespace citycode::server
