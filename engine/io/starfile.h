#pragma once
// RELION STAR files, as far as CryoSR needs them: the micrographs a micrographs.star lists.

#include <filesystem>
#include <string>
#include <vector>

namespace cryosr {

/// The rows of the first loop in `text` that has the column `label` (e.g. "_rlnMicrographName"):
/// that column's values, in order. Empty when no loop has it. Values may be quoted ("a b" or 'a b').
std::vector<std::string> starColumn(const std::string& text, const std::string& label);

/**
 * The micrograph files a RELION STAR file lists (_rlnMicrographName), resolved as RELION does: names
 * are relative to the project folder, taken as the first of the STAR file's folder and its parents
 * where the first listed file exists (else the STAR file's folder). Throws FileError when the file
 * cannot be read and FormatError when it lists no micrographs.
 */
std::vector<std::filesystem::path> readMicrographStar(const std::filesystem::path& star);

} // namespace cryosr
