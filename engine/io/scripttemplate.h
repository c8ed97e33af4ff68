#pragma once
// Filling the templates of the shell scripts CryoSR writes (Slurm batch files for training runs and
// for upscaling in job arrays), for cryosr-cli and the GUI alike: placeholders are {{NAME}}, and
// anything a shell reads is single-quoted.

#include <string>
#include <string_view>

namespace cryosr {

/// `text` quoted for a POSIX shell: 'text' with each ' written as '\''.
std::string shellQuoted(std::string_view text);

/// Replaces every {{name}} in `text` by `value` as given (quote it first where a shell reads it); the
/// value itself is not searched, so a value holding "{{…}}" stays as it is.
void fillPlaceholder(std::string& text, std::string_view name, std::string_view value);

} // namespace cryosr
