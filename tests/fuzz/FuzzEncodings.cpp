// Fuzz target: the strict text decoders (base45, base64, hex). Each either throws its own error
// code or decodes to bytes that encode back to exactly the input: one text per value.
#include "citycode/common/Base45.h"
#include "citycode/common/Bytes.h"
#include "citycode/common/Error.h"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace citycode::common;

namespace {

template <typename Decode, typename Encode>
void roundTrip(std::string_view text, const char* errorCode, Decode decode, Encode encode, bool caseless = false)
{
    try {
        const std::string encoded = encode(decode(text));
        std::string expected(text);
        if (caseless)
            for (char& c : expected)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (encoded != expected)
            std::abort();
    } catch (const Error& e) {
        if (e.code() != errorCode)
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    roundTrip(text, "BASE45_INVALID", base45Decode, base45Encode);
    roundTrip(text, "BASE64_INVALID", fromBase64, toBase64);
    roundTrip(text, "HEX_INVALID", fromHex, toHex, true);
    return 0;
}
