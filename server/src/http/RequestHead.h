#pragma once

#include <Poco/Net/HTTPRequest.h>

#include <string_view>

namespace citycode::server {

// Reads a request head held in memory (the request line, the header fields and the empty line
// that ends them) into `request`, with the rules and limits of Poco's HTTPRequest::read (method
// up to 32 characters, target up to 16 KiB, version up to 8, at most the request's field limit of
// fields, names up to 256 and values up to 8 KiB, folded lines joined, values trimmed at the
// right, RFC 2047 words decoded) and the same MessageException texts, which ErrorMapper turns
// into error codes. Poco reads a stream a character at a time, which cost an event-driven request
// more than the open API's signature check; this walks the buffer. TestRequestHead holds both to
// the same results.
namespace RequestHead {

void read(std::string_view head, Poco::Net::HTTPRequest& request);

} // namespace RequestHead

} // namespace citycode::server
