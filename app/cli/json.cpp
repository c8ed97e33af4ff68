#include "json.h"

#include <cmath>
#include <cstdio>

namespace cryosr::cli {

std::string jsonString(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string jsonNumber(std::optional<double> number, int digits)
{
    if (!number || !std::isfinite(*number))
        return "null";
    char text[40];
    std::snprintf(text, sizeof text, "%.*g", digits, *number);
    return text;
}

void JsonObject::key(std::string_view name)
{
    if (!m_body.empty())
        m_body += ", ";
    m_body += jsonString(name) + ": ";
}

JsonObject& JsonObject::add(std::string_view name, std::string_view text)
{
    key(name);
    m_body += jsonString(text);
    return *this;
}

JsonObject& JsonObject::add(std::string_view name, long long number)
{
    key(name);
    m_body += std::to_string(number);
    return *this;
}

JsonObject& JsonObject::add(std::string_view name, std::optional<double> number, int digits)
{
    key(name);
    m_body += jsonNumber(number, digits);
    return *this;
}

JsonObject& JsonObject::addNull(std::string_view name)
{
    key(name);
    m_body += "null";
    return *this;
}

JsonObject& JsonObject::addRaw(std::string_view name, std::string_view json)
{
    key(name);
    m_body += json;
    return *this;
}

} // namespace cryosr::cli
