#pragma once

#include "citycode/common/Bytes.h"

#include <string>
#include <string_view>

namespace citycode::common {

// Base45 (RFC 9285): binary data as text of the QR alphanumeric alphabet, so a QR symbol can
// carry it in alphanumeric mode (5.5 bits a character) — denser than base64 in byte mode.
std::string base45Encode(const Bytes& data);

// Strict decoding: throws Error("BASE45_INVALID") for a character outside the alphabet, a
// dangling single character, or a group whose value exceeds what its width can hold.
Bytes base45Decode(std::string_view text);

} // namespace citycode::common
