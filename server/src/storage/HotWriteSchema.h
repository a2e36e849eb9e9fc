#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 12: the rows every show and decode writes cost less.
// - A request nonce is keyed by (expires_at, caller, nonce), as OAuth 1.0 keys its nonces
//   (RFC 5849 §3.3: unique per timestamp and credentials). expires_at is the signed timestamp
//   plus the window, so a replay of a captured request, which cannot change its signed timestamp,
//   still hits the key. Keyed by caller and a random nonce, each claim went to a random place in
//   a table, its row-id tree and an expiry index; now it goes to one tree, near its end, and
//   pruning expired rows is a range of the key.
// - On SQLite, code_records checks its action with ORs instead of an IN list: SQLite builds a
//   temporary table for the list on every insert (about a tenth of a verify's instructions). A
//   CHECK cannot be altered there, so the table is rebuilt. PostgreSQL keeps its IN list.
class HotWriteSchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server
