#pragma once

namespace citycode::server {

class Exchange;
class OperationLog;
class CodeSubjectService;

// /admin/v1/code-subjects (000 §2.2.4.5): the subjects of code categories. Every change is logged.
class CodeSubjectHandlers
{
public:
    CodeSubjectHandlers(CodeSubjectService& service, OperationLog& log) : m_service(service), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void remove(Exchange& exchange);

private:
    CodeSubjectService& m_service;
    OperationLog& m_log;
};

} // namespace citycode::server
