#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace citycode::cli {

// A usage error: printed to stderr with the command's usage, exit status 2.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Options of one sub-command: "--name value" pairs and bare positional arguments.
// Only the option names a command declares are accepted, so a typo is an error, not ignored.
class CliArgs
{
public:
    CliArgs(const std::vector<std::string>& args, const std::set<std::string>& allowedOptions);

    bool has(const std::string& name) const { return m_options.count(name) != 0; }
    std::string value(const std::string& name) const; // UsageError when missing
    std::string value(const std::string& name, const std::string& fallback) const;
    int intValue(const std::string& name, int fallback) const; // UsageError when not a number
    const std::vector<std::string>& positional() const { return m_positional; }

private:
    std::map<std::string, std::string> m_options;
    std::vector<std::string> m_positional;
};

} // namespace citycode::cli
