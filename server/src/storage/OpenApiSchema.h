#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 6, the open API (001 §5, 002 §9): city users, request nonces of
// signed callers, the durable "used" marks of dynamic codes, the records of every open, show and
// decode, bound user data and payment notices.
class OpenApiSchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server
