#include "arguments.h"

#include <charconv>

namespace cryosr::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::set<std::string>& valueOptions,
                     const std::set<std::string>& flags)
{
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i] == "-o" ? std::string("--output") : args[i]; // the one short option
        if (onlyPositionals || arg.size() < 2 || arg.rfind("--", 0) != 0) {
            m_positionals.push_back(arg);
            continue;
        }
        if (arg == "--") { // everything after is a file name, even "--json"
            onlyPositionals = true;
            continue;
        }
        const std::size_t equals = arg.find('=');
        const std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
        if (valueOptions.count(name)) {
            if (equals != std::string::npos)
                m_values[name].push_back(arg.substr(equals + 1));
            else if (i + 1 < args.size())
                m_values[name].push_back(args[++i]);
            else
                throw UsageError("option --" + name + " needs a value");
        } else if (flags.count(name) && equals == std::string::npos) {
            m_flags.insert(name);
        } else {
            throw UsageError("unknown option " + arg);
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Arguments::values(const std::string& name) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

std::optional<double> Arguments::real(const std::string& name, double min, double max) const
{
    const auto text = value(name);
    if (!text)
        return std::nullopt;
    double number = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
    if (error != std::errc() || end != text->data() + text->size() || !(number >= min && number <= max))
        throw UsageError("--" + name + " must be a number from " + std::to_string(min) + " to " + std::to_string(max) + ", not '"
                         + *text + "'");
    return number;
}

std::optional<long long> Arguments::integer(const std::string& name, long long min, long long max) const
{
    const auto text = value(name);
    if (!text)
        return std::nullopt;
    long long number = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
    if (error != std::errc() || end != text->data() + text->size() || number < min || number > max)
        throw UsageError("--" + name + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)
                         + ", not '" + *text + "'");
    return number;
}

} // namespace cryosr::cli
