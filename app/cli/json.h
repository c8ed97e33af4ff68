#pragma once
// Just enough JSON writing for one-object-per-line output (keys in insertion order).

#include <optional>
#include <string>
#include <string_view>

namespace cryosr::cli {

class JsonObject {
public:
    JsonObject& add(std::string_view key, std::string_view text);
    JsonObject& add(std::string_view key, const char* text) { return add(key, std::string_view(text)); }
    JsonObject& add(std::string_view key, long long number);
    JsonObject& add(std::string_view key, int number) { return add(key, static_cast<long long>(number)); }
    /// Non-finite numbers and nullopt are written as null; `digits` significant digits.
    JsonObject& add(std::string_view key, std::optional<double> number, int digits = 12);
    JsonObject& addNull(std::string_view key);
    /// A value that is already JSON (an array or nested object).
    JsonObject& addRaw(std::string_view key, std::string_view json);

    std::string str() const { return "{" + m_body + "}"; }

private:
    void key(std::string_view name);
    std::string m_body;
};

std::string jsonString(std::string_view text);
std::string jsonNumber(std::optional<double> number, int digits = 12);

} // namespace cryosr::cli
