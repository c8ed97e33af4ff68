#include "io/starfile.h"

#include "io/errors.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace cryosr {

namespace {

/// Whitespace-separated words; a word starting with a quote runs to the matching quote.
std::vector<std::string> words(const std::string& line)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        if (i >= line.size() || line[i] == '#')
            break;
        if (line[i] == '"' || line[i] == '\'') {
            const std::size_t end = line.find(line[i], i + 1);
            out.push_back(line.substr(i + 1, (end == std::string::npos ? line.size() : end) - i - 1));
            i = end == std::string::npos ? line.size() : end + 1;
            continue;
        }
        const std::size_t start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        out.push_back(line.substr(start, i - start));
    }
    return out;
}

} // namespace

std::vector<std::string> starColumn(const std::string& text, const std::string& label)
{
    std::istringstream in(text);
    std::string line;
    enum { Outside, Labels, Rows } state = Outside;
    int column = -1, labels = 0;
    std::vector<std::string> values;
    while (std::getline(in, line)) {
        const std::vector<std::string> w = words(line);
        if (w.empty()) {
            if (state == Rows && !values.empty())
                return values; // a blank line ends the loop
            continue;
        }
        if (w[0] == "loop_") {
            if (!values.empty())
                return values;
            state = Labels;
            column = -1;
            labels = 0;
            continue;
        }
        if (w[0].rfind("data_", 0) == 0) {
            if (!values.empty())
                return values;
            state = Outside;
            continue;
        }
        if (state == Labels && w[0][0] == '_') {
            if (w[0] == label)
                column = labels;
            ++labels;
            continue;
        }
        if (state == Labels)
            state = Rows;
        if (state == Rows && column >= 0 && static_cast<int>(w.size()) > column)
            values.push_back(w[static_cast<std::size_t>(column)]);
    }
    return values;
}

std::vector<std::filesystem::path> readMicrographStar(const std::filesystem::path& star)
{
    std::ifstream in(star);
    if (!in)
        throw FileError(star, "cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    const std::vector<std::string> names = starColumn(text.str(), "_rlnMicrographName");
    if (names.empty())
        throw FormatError(star, "lists no micrographs (no _rlnMicrographName column with rows)");

    std::filesystem::path project = star.parent_path();
    if (std::filesystem::path(names.front()).is_relative())
        for (std::filesystem::path folder = std::filesystem::absolute(star).parent_path();; folder = folder.parent_path()) {
            if (std::filesystem::exists(folder / names.front())) {
                project = folder;
                break;
            }
            if (folder == folder.parent_path())
                break;
        }
    std::vector<std::filesystem::path> files;
    for (const std::string& name : names) {
        const std::filesystem::path path(name);
        files.push_back(path.is_absolute() ? path : project / path);
    }
    return files;
}

} // namespace cryosr
