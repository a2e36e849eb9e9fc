#include "http/RequestId.h"

#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"

#include <atomic>
#include <cstdint>

namespace citycode::server {

std::string nextRequestId()
{
    static const std::string prefix = common::toHex(common::randomBytes(8));
    static std::atomic<std::uint64_t> counter{0};
    std::uint64_t value = counter.fetch_add(1, std::memory_order_relaxed);
    std::string id = prefix;
    id.resize(prefix.size() + 16);
    static const char digits[] = "0123456789abcdef";
    for (std::size_t i = id.size(); i > prefix.size(); --i, value >>= 4)
        id[i - 1] = digits[value & 0xf];
    return id;
}

} // namespace citycode::server
