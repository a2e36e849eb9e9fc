#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citycode::common {

using Bytes = std::vector<std::uint8_t>;

inline Bytes toBytes(std::string_view s)
{
    return Bytes(s.begin(), s.end());
}

inline std::string toString(const Bytes& b)
{
    return std::string(b.begin(), b.end());
}

// Lower-case hex without separators.
std::string toHex(const Bytes& data);
// Accepts upper or lower case; throws Error("HEX_INVALID") on odd length or a non-hex digit.
Bytes fromHex(std::string_view hex);

// Standard base64 (RFC 4648 §4) with padding.
std::string toBase64(const Bytes& data);
// Strict: throws Error("BASE64_INVALID") for characters outside the alphabet, missing or
// misplaced padding, or non-zero bits left in the last character (no two texts for one value).
Bytes fromBase64(std::string_view text);

} // namespace citycode::common
