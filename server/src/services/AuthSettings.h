#pragma once

namespace citycode::server {

// The auth.* configuration keys (resources/config/citycode-server.properties).
struct AuthSettings
{
    bool captchaRequired = true;              // auth.captcha = required | disabled
    long long sessionIdleSeconds = 1800;      // auth.session_idle_seconds
    long long sessionAbsoluteSeconds = 43200; // auth.session_absolute_seconds
    // Failed logins (auth.throttle_*): after `throttleFreeFailures` failures of an account within
    // `throttleWindowSeconds` each further attempt waits 1, 2, 4... seconds, at most
    // `throttleMaxDelaySeconds`; an address gets four times as many free failures (many people may
    // share one address). Counters reset after a window without failures: never a lock-out.
    long long throttleWindowSeconds = 900;
    long long throttleFreeFailures = 5;
    long long throttleMaxDelaySeconds = 900;
    // PBKDF2 cost of new password hashes (auth.password_iterations); see Passwords.
    long long passwordIterations = 600000;
};

} // namespace citycode::server
