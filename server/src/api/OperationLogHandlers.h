#pragma once

namespace citycode::server {

class Exchange;
class OperationLog;

// /admin/v1/operation-logs (001 §4.12.3 日志管理): GET a page filtered by time range
// (createdFrom, createdTo), operator, action...; GET /export the same lines as CSV.
class OperationLogHandlers
{
public:
    explicit OperationLogHandlers(OperationLog& log) : m_log(log) {}

    void list(Exchange& exchange);
    void exportCsv(Exchange& exchange);

private:
    OperationLog& m_log;
};

} // namespace citycode::server
