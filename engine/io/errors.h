#pragma once
// Typed errors of the engine's file I/O. Every message names the file and says what is wrong in
// terms a microscopist can act on ("file ends after 1,024 of 4,194,304 bytes of section 3").

#include <filesystem>
#include <stdexcept>
#include <string>

namespace cryosr {

/// Base of every error the engine throws on purpose; what() is a complete one-line message.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The file cannot be opened, read or written (missing, a directory, no permission, disk full).
class FileError : public Error {
public:
    FileError(const std::filesystem::path& file, const std::string& what);
};

/// The file opens but its content is not a valid image of a format we read (truncated, absurd header).
class FormatError : public Error {
public:
    FormatError(const std::filesystem::path& file, const std::string& what);
};

/// The file is valid but uses a feature CryoSR does not handle (complex MRC modes, colour TIFF).
class UnsupportedError : public Error {
public:
    UnsupportedError(const std::filesystem::path& file, const std::string& what);
};

/// A caller asked for something impossible (section out of range, region outside the image).
class ArgumentError : public Error {
public:
    using Error::Error;
};

/// A long computation stopped because its caller asked it to (a progress sink returned false).
class Cancelled : public Error {
public:
    Cancelled()
        : Error("cancelled")
    {
    }
};

/// "1,234,567": byte counts in messages are easier to read with thousands separators.
std::string withThousands(unsigned long long value);

} // namespace cryosr
