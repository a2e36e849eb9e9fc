#pragma once

namespace citycode::server {

class Exchange;
class OperationLog;
class CodeCategoryService;

// /admin/v1/code-categories (000 §2.2.4.2, 002 §5.3.1.1): the multi-level category tree. Every
// change is logged.
class CodeCategoryHandlers
{
public:
    CodeCategoryHandlers(CodeCategoryService& service, OperationLog& log) : m_service(service), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void remove(Exchange& exchange);

private:
    CodeCategoryService& m_service;
    OperationLog& m_log;
};

} // namespace citycode::server
