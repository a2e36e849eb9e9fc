#include "services/Passwords.h"

#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <stdexcept>
#include <vector>

namespace citycode::server {

namespace {

constexpr char kScheme[] = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32; // one SHA-256 block of output: more adds no strength
constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

common::Bytes pbkdf2(const std::string& password, const common::Bytes& salt, int iterations)
{
    common::Bytes out(kHashBytes);
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), static_cast<int>(out.size()),
                          out.data()) != 1)
        throw common::Error("CRYPTO_KDF_FAILED", "PBKDF2 failed");
    return out;
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, start)) {
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

} // namespace

namespace {
std::atomic<int> g_iterations{Passwords::kIterations};
} // namespace

int Passwords::iterations()
{
    return g_iterations.load();
}

void Passwords::setIterations(int iterations)
{
    if (iterations < kMinimumIterations)
        throw std::invalid_argument("PBKDF2 iterations below " + std::to_string(kMinimumIterations));
    g_iterations.store(iterations);
}

std::string Passwords::hash(const std::string& password)
{
    const int iterations = g_iterations.load();
    const common::Bytes salt = common::randomBytes(kSaltBytes);
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + common::toHex(salt) + "$" +
           common::toHex(pbkdf2(password, salt, iterations));
}

bool Passwords::verify(const std::string& password, const std::string& encoded)
{
    const std::vector<std::string> parts = split(encoded, '$');
    if (parts.size() != 4 || parts[0] != kScheme || parts[1].empty() || parts[1].size() > 9 ||
        !std::all_of(parts[1].begin(), parts[1].end(), [](unsigned char c) { return std::isdigit(c); }))
        return false;
    const int iterations = std::stoi(parts[1]);
    if (iterations < 1)
        return false;
    common::Bytes salt, expected;
    try {
        salt = common::fromHex(parts[2]);
        expected = common::fromHex(parts[3]);
    } catch (const common::Error&) {
        return false;
    }
    if (salt.empty() || expected.size() != kHashBytes)
        return false;
    const common::Bytes actual = pbkdf2(password, salt, iterations);
    return CRYPTO_memcmp(actual.data(), expected.data(), kHashBytes) == 0;
}

std::string Passwords::generate(std::size_t length)
{
    constexpr std::size_t alphabetSize = sizeof(kAlphabet) - 1;
    // Bytes at or above the largest multiple of the alphabet size are discarded so that every
    // character is equally likely (no modulo bias).
    constexpr unsigned limit = 256 - 256 % alphabetSize;
    for (;;) {
        std::string password;
        while (password.size() < length) {
            for (std::uint8_t byte : common::randomBytes(length)) {
                if (byte < limit && password.size() < length)
                    password.push_back(kAlphabet[byte % alphabetSize]);
            }
        }
        bool upper = false, lower = false, digit = false;
        for (unsigned char c : password) {
            upper = upper || std::isupper(c);
            lower = lower || std::islower(c);
            digit = digit || std::isdigit(c);
        }
        if (length < 3 || (upper && lower && digit))
            return password;
    }
}

} // namespace citycode::server
