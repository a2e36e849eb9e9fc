#include "CliArgs.h"

#include <cerrno>
#include <cstdlib>

namespace citycode::cli {

CliArgs::CliArgs(const std::vector<std::string>& args, const std::set<std::string>& allowedOptions)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string name = a.substr(2);
            std::string val;
            auto eq = name.find('=');
            if (eq != std::string::npos) {
                val = name.substr(eq + 1);
                name = name.substr(0, eq);
            } else {
                if (i + 1 >= args.size())
                    throw UsageError("option --" + name + " needs a value");
                val = args[++i];
            }
            if (!allowedOptions.count(name))
                throw UsageError("unknown option --" + name);
            if (m_options.count(name))
                throw UsageError("option --" + name + " given twice");
            m_options[name] = val;
        } else {
            m_positional.push_back(a);
        }
    }
}

std::string CliArgs::value(const std::string& name) const
{
    auto it = m_options.find(name);
    if (it == m_options.end())
        throw UsageError("missing option --" + name);
    return it->second;
}

std::string CliArgs::value(const std::string& name, const std::string& fallback) const
{
    auto it = m_options.find(name);
    return it == m_options.end() ? fallback : it->second;
}

int CliArgs::intValue(const std::string& name, int fallback) const
{
    auto it = m_options.find(name);
    if (it == m_options.end())
        return fallback;
    errno = 0;
    char* end = nullptr;
    long v = std::strtol(it->second.c_str(), &end, 10);
    if (errno != 0 || end == it->second.c_str() || *end != '\0' || v < -1000000 || v > 1000000)
        throw UsageError("option --" + name + " needs a whole number, got '" + it->second + "'");
    return static_cast<int>(v);
}

} // namespace citycode::cli
