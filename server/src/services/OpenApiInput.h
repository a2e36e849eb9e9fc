#pragma once

#include "services/CallerAuthenticator.h"

#include <Poco/JSON/Object.h>

#include <string>

// Reading the fields of open API requests (001 §5): text fields, ids given as numbers or digit
// strings, and the cityCodeAppId that must name the signing app. Throw common::Error
// ("BAD_REQUEST" naming the field, or "APP_MISMATCH").
namespace citycode::server::openapi {

// The field as text (numbers are accepted and written in decimal); empty when absent or null.
std::string text(const Poco::JSON::Object& input, const std::string& name, std::size_t maxSize = 1024);
std::string requiredText(const Poco::JSON::Object& input, const std::string& name, std::size_t maxSize = 1024);
// A positive whole number, given as a JSON number or a string of digits.
Poco::Int64 requiredId(const Poco::JSON::Object& input, const std::string& name);
// cityCodeAppId must be present and be the signing app's code (an app acts only for itself).
// A terminal has no app: for terminals the field is not checked.
void requireOwnApp(const Caller& caller, const Poco::JSON::Object& input);
// The caller must be an app (open, show, bindData, notify*): CALLER_NOT_APP otherwise.
void requireApp(const Caller& caller);

} // namespace citycode::server::openapi
