#include "api/AuthHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/AuthService.h"
#include "services/CaptchaService.h"
#include "services/LoginThrottle.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <sstream>

namespace citycode::server {

namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

std::string field(const Poco::JSON::Object& body, const std::string& name, bool required)
{
    // Passwords are taken as typed: no trimming.
    if (!body.has(name) || body.isNull(name)) {
        if (required)
            throw common::Error("BAD_REQUEST", name + " is required");
        return {};
    }
    const Poco::Dynamic::Var value = body.get(name);
    if (!value.isString())
        throw common::Error("BAD_REQUEST", name + " must be text");
    return value.extract<std::string>();
}

} // namespace

void AuthHandlers::captcha(Exchange& exchange)
{
    const Captcha captcha = m_captchas.create();
    std::ostringstream image;
    image << "data:image/png;base64,";
    {
        Poco::Base64Encoder encoder(image);
        encoder.rdbuf()->setLineLength(0);
        encoder.write(reinterpret_cast<const char*>(captcha.png.data()),
                      static_cast<std::streamsize>(captcha.png.size()));
        encoder.close();
    }
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("captchaId", captcha.id);
    body.set("image", image.str());
    body.set("expiresInSeconds", CaptchaService::kLifetimeSeconds);
    exchange.sendJson(Status::HTTP_OK, body);
}

void AuthHandlers::login(Exchange& exchange)
{
    const Poco::JSON::Object::Ptr body = AdminRequest::body(exchange);
    LoginRequest request;
    request.username = field(*body, "username", false);
    request.password = field(*body, "password", false);
    request.captchaId = field(*body, "captchaId", false);
    request.captchaAnswer = field(*body, "captchaAnswer", false);
    request.remoteAddress = exchange.remoteAddress();
    try {
        exchange.sendJson(Status::HTTP_OK, *m_auth.login(request));
    } catch (const LoginThrottled& e) {
        exchange.response().set("Retry-After", std::to_string(e.retryAfterSeconds()));
        throw;
    }
}

void AuthHandlers::logout(Exchange& exchange)
{
    m_auth.logout(exchange.principal());
    Poco::JSON::Object body;
    body.set("loggedOut", true);
    exchange.sendJson(Status::HTTP_OK, body);
}

void AuthHandlers::me(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_auth.me(exchange.principal()));
}

void AuthHandlers::changePassword(Exchange& exchange)
{
    const Poco::JSON::Object::Ptr body = AdminRequest::body(exchange);
    m_auth.changePassword(exchange.principal(), field(*body, "oldPassword", true), field(*body, "newPassword", true));
    Poco::JSON::Object answer;
    answer.set("changed", true);
    exchange.sendJson(Status::HTTP_OK, answer);
}

} // namespace citycode::server
