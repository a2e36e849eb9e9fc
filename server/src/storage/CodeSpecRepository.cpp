#include "storage/CodeSpecRepository.h"

namespace citycode::server {

bool CodeSpecRepository::nameTaken(const std::string& name, Poco::Int64 exceptId)
{
    return m_store.scalar("SELECT COUNT(*) FROM code_specs WHERE name = $1 AND id <> $2", {name, exceptId}) > 0;
}

void CodeSpecRepository::deleteSpec(Poco::Int64 id)
{
    m_store.execute("UPDATE code_rules SET spec_id = NULL WHERE spec_id = $1", {id});
    m_store.execute("DELETE FROM code_specs WHERE id = $1", {id});
}

} // namespace citycode::server
