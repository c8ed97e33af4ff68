#pragma once
// A small command-line parser for cryosr-cli: positionals, `--name value`, `--name=value`, flags,
// and `-o` for `--output`.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cryosr::cli {

/// A mistake in how the command was called (exit status 1, with a hint to --help).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    /// `valueOptions` take a value, `flags` do not; anything else starting with "--" is a UsageError.
    Arguments(const std::vector<std::string>& args, const std::set<std::string>& valueOptions,
              const std::set<std::string>& flags);

    const std::vector<std::string>& positionals() const { return m_positionals; }
    bool flag(const std::string& name) const { return m_flags.count(name) > 0; }
    /// The option's value (the last one when it was given more than once).
    std::optional<std::string> value(const std::string& name) const;
    /// Every value of an option that may be repeated (`--structure a.pdb --structure b.cif`), in order.
    std::vector<std::string> values(const std::string& name) const;
    /// The option's value as an integer in [min, max]; UsageError when it is not one.
    std::optional<long long> integer(const std::string& name, long long min, long long max) const;
    /// The option's value as a number in [min, max]; UsageError when it is not one.
    std::optional<double> real(const std::string& name, double min, double max) const;

private:
    std::vector<std::string> m_positionals;
    std::set<std::string> m_flags;
    std::map<std::string, std::vector<std::string>> m_values;
};

} // namespace cryosr::cli
