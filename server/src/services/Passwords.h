#pragma once

#include <cstddef>
#include <string>

namespace citycode::server {

// Password hashing and generation for console accounts. Hashes are PBKDF2-HMAC-SHA256
// (RFC 8018 §5.2) with a 16-byte random salt per password, stored self-describing as
// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>" so the cost can be raised later without
// invalidating existing hashes.
class Passwords
{
public:
    // 600 000 iterations is the OWASP Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256
    // (2023). It costs about 0.15 s of one core here: a login stays well under a second and a
    // stolen hash costs an attacker 600 000 HMACs per guess. Console logins are rare, so the
    // cost does not matter for throughput.
    static constexpr int kIterations = 600000;
    // The lowest cost auth.password_iterations accepts: only test suites, which sign in hundreds
    // of times, lower it; verify() reads the cost from each hash, so both kinds still verify.
    static constexpr int kMinimumIterations = 1000;

    // The cost of new hashes (kIterations unless ServerApp set auth.password_iterations at start).
    static int iterations();
    // Throws std::invalid_argument below kMinimumIterations. Call before serving requests.
    static void setIterations(int iterations);

    // Throws citycode::common::Error("CRYPTO_...") if OpenSSL fails.
    static std::string hash(const std::string& password);

    // True when `password` matches `encoded` (compared in constant time); false for any other
    // password and for a malformed or unknown encoding.
    static bool verify(const std::string& password, const std::string& encoded);

    // A random password of `length` characters from an alphabet without look-alikes
    // (no 0/O/o, 1/l/I), with at least one upper-case letter, lower-case letter and digit.
    // 16 characters carry about 93 bits of entropy.
    static std::string generate(std::size_t length = 16);
};

} // namespace citycode::server
