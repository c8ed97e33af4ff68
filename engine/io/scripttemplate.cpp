#include "io/scripttemplate.h"

namespace cryosr {

std::string shellQuoted(std::string_view text)
{
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string_view("'\\''") : std::string_view(&c, 1);
    return quoted + "'";
}

void fillPlaceholder(std::string& text, std::string_view name, std::string_view value)
{
    const std::string key = "{{" + std::string(name) + "}}";
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
        text.replace(at, key.size(), value);
}

} // namespace cryosr
