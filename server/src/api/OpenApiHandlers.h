#pragma once

#include "services/PaymentNoticeService.h"

#include <string>

namespace citycode::server {

class Exchange;
class OpenApiServices;
struct Caller;

// Handlers of the open API (001 §5; docs/open-api.md): every request is signed by an app or a
// terminal (CallerAuthenticator) and answered in the {"Response": ...} envelope
// (OpenApiResponse). Every open, show and decode, and every refusal of one, is recorded through
// the group-commit writer before the answer is sent.
class OpenApiHandlers
{
public:
    explicit OpenApiHandlers(OpenApiServices& services) : m_services(services) {}

    // codeType: personal | health | payment.
    void open(Exchange& exchange, const std::string& codeType);
    void show(Exchange& exchange, const std::string& codeType);
    void decode(Exchange& exchange, const std::string& codeType);
    // POST /api/v1/terminal/session: a terminal, signing with its registered key, opens a session
    // key (docs/open-api.md "Terminal sessions").
    void terminalSession(Exchange& exchange);

    void bindData(Exchange& exchange);
    void getBindData(Exchange& exchange);
    void getBindDataList(Exchange& exchange);
    void unbindData(Exchange& exchange);

    void notify(Exchange& exchange, PaymentNoticeService::Kind kind);

    // Reads the signature headers and the body and authenticates the caller; for the routes of
    // other open API handlers (static codes) too. Throws common::Error.
    static Caller authenticate(OpenApiServices& services, Exchange& exchange, std::string& body);

private:
    void codeCall(Exchange& exchange, const std::string& action, const std::string& codeType);

    OpenApiServices& m_services;
};

} // namespace citycode::server
