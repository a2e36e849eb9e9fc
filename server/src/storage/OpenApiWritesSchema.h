#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 11: a code record, written durably by every show and decode, updates
// fewer and narrower indexes. The index by app goes (a per-app query has the platform index: an
// app belongs to one platform) and the index by user narrows to the user id (the row id orders a
// user's records by time). The time and platform indexes stay, for lists and statistics by
// period. A code's used mark is keyed by its expiry and nonce: both are sealed in the code, so the
// pair is exactly as unique as the nonce alone, and marks, written in time order, append at the
// end of the key instead of dirtying a random page each (one WAL page fewer a verify on SQLite).
// The request nonce table kept (caller, nonce) here; migration 12 (HotWriteSchema) keys it by time too.
class OpenApiWritesSchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server
