// Fuzz target: masking and validation of names, ID numbers and phones. Masking never returns
// the input unchanged for input longer than one character, never grows unboundedly, and
// validation never throws.
#include "citycode/common/PersonalData.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace citycode::common;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const std::string& masked : {maskName(text), maskIdNumber(text), maskPhone(text)}) {
        if (masked.size() > text.size() * 4 + 16)
            std::abort();
    }
    if (validateIdNumber(text) && maskIdNumber(text) == text)
        std::abort();
    if (validatePhone(text) && maskPhone(text) == text)
        std::abort();
    return 0;
}
