#pragma once

namespace citycode::server {

class Exchange;
class OperatorService;

// /admin/v1/operators (001 §4.12.1 操作员管理): GET list (filters username, displayName, status,
// platformId, createdFrom, createdTo); POST create -> {operator, oneTimePassword}; GET, PUT,
// DELETE /{id}; POST batch-delete {ids}; POST /{id}/enable, /{id}/disable;
// POST /{id}/reset-password -> {oneTimePassword}.
class OperatorHandlers
{
public:
    explicit OperatorHandlers(OperatorService& operators) : m_operators(operators) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void remove(Exchange& exchange);
    void batchRemove(Exchange& exchange);
    void enable(Exchange& exchange);
    void disable(Exchange& exchange);
    void resetPassword(Exchange& exchange);

private:
    OperatorService& m_operators;
};

} // namespace citycode::server
