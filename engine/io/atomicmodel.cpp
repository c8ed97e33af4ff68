#include "io/atomicmodel.h"

#include "io/errors.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

namespace cryosr {

namespace {

constexpr std::size_t kMostAtoms = 20'000'000;
constexpr std::uintmax_t kLargestFile = 2'000'000'000;

constexpr std::array<const char*, 118> kSymbols{
    "H",  "He", "Li", "Be", "B",  "C",  "N",  "O",  "F",  "Ne", "Na", "Mg", "Al", "Si", "P",  "S",  "Cl", "Ar", "K",  "Ca",
    "Sc", "Ti", "V",  "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y",  "Zr",
    "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I",  "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
    "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W",  "Re", "Os", "Ir", "Pt", "Au", "Hg",
    "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U",  "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
    "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"};

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool isWater(std::string_view residue)
{
    residue = trimmed(residue);
    return residue == "HOH" || residue == "WAT" || residue == "DOD" || residue == "H2O";
}

std::optional<double> number(std::string_view text)
{
    text = trimmed(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

/// Collects atoms with the rules both formats share: waters skipped, zero occupancy skipped,
/// occupancy above 1 taken as 1, unknown elements remembered once.
class Collector {
public:
    explicit Collector(const std::filesystem::path& source)
        : m_source(source)
    {
    }

    void add(std::string_view element, std::string_view residue, double x, double y, double z, std::optional<double> occupancy,
             std::optional<double> bFactor)
    {
        if (isWater(residue)) {
            ++m_model.watersSkipped;
            return;
        }
        const double weight = std::min(occupancy.value_or(1.0), 1.0);
        if (!(weight > 0))
            return;
        if (m_model.atoms.size() >= kMostAtoms)
            throw FormatError(m_source, "holds more than " + withThousands(kMostAtoms) + " atoms, more than CryoSR simulates");
        Atom atom;
        atom.atomicNumber = atomicNumberOf(std::string(trimmed(element)));
        if (atom.atomicNumber == 0) {
            const std::string symbol(trimmed(element));
            if (std::find(m_model.unknownElements.begin(), m_model.unknownElements.end(), symbol)
                == m_model.unknownElements.end())
                m_model.unknownElements.push_back(symbol.empty() ? std::string("(blank)") : symbol);
        }
        atom.x = x;
        atom.y = y;
        atom.z = z;
        atom.occupancy = static_cast<float>(weight);
        atom.bFactor = static_cast<float>(std::clamp(bFactor.value_or(0.0), 0.0, 1000.0));
        m_model.atoms.push_back(atom);
    }

    AtomicModel finish()
    {
        if (m_model.atoms.empty())
            throw FormatError(m_source, "holds no atoms (only waters, or no ATOM/HETATM records)");
        return std::move(m_model);
    }

private:
    const std::filesystem::path& m_source;
    AtomicModel m_model;
};

/// PDB's element for records without columns 77–78: the atom name's first two columns, digits removed
/// (" CA " is carbon alpha, "CA  " calcium, as the format right-justifies one-letter elements).
std::string_view elementFromAtomName(std::string_view name)
{
    name = name.substr(0, 2);
    while (!name.empty() && !std::isalpha(static_cast<unsigned char>(name.front())))
        name.remove_prefix(1);
    while (!name.empty() && !std::isalpha(static_cast<unsigned char>(name.back())))
        name.remove_suffix(1);
    return name;
}

/// CIF tokens: whitespace-separated words, 'quoted' and "quoted" strings, ;text fields; # comments.
class CifTokens {
public:
    CifTokens(const std::string& text, const std::filesystem::path& source)
        : m_text(text)
        , m_source(source)
    {
    }

    /// The next token, or nullopt at the end; `quoted` tells values from keywords such as loop_.
    std::optional<std::string_view> next(bool& quoted)
    {
        quoted = false;
        for (;;) {
            while (m_at < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_at])))
                ++m_at;
            if (m_at >= m_text.size())
                return std::nullopt;
            if (m_text[m_at] != '#')
                break;
            m_at = std::min(m_text.find('\n', m_at), m_text.size());
        }
        const std::size_t start = m_at;
        const char c = m_text[m_at];
        if (c == ';' && (start == 0 || m_text[start - 1] == '\n')) {
            const std::size_t end = m_text.find("\n;", start);
            if (end == std::string::npos)
                throw FormatError(m_source, "a ;text field never ends");
            m_at = end + 2;
            quoted = true;
            return std::string_view(m_text).substr(start + 1, end - start - 1);
        }
        if (c == '\'' || c == '"') {
            // Ends at the same quote followed by whitespace (a quote inside a word does not end it).
            std::size_t end = start + 1;
            while (
                end < m_text.size()
                && !(m_text[end] == c && (end + 1 == m_text.size() || std::isspace(static_cast<unsigned char>(m_text[end + 1])))))
                ++end;
            if (end >= m_text.size())
                throw FormatError(m_source, "a quoted value never ends");
            m_at = end + 1;
            quoted = true;
            return std::string_view(m_text).substr(start + 1, end - start - 1);
        }
        while (m_at < m_text.size() && !std::isspace(static_cast<unsigned char>(m_text[m_at])))
            ++m_at;
        return std::string_view(m_text).substr(start, m_at - start);
    }

private:
    const std::string& m_text;
    const std::filesystem::path& m_source;
    std::size_t m_at = 0;
};

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

} // namespace

bool AtomicModel::hasHydrogens() const
{
    return std::any_of(atoms.begin(), atoms.end(), [](const Atom& a) { return a.atomicNumber == 1; });
}

int atomicNumberOf(const std::string& symbol)
{
    if (symbol.empty() || symbol.size() > 2)
        return 0;
    std::string canonical = symbol;
    canonical[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(canonical[0])));
    if (canonical.size() == 2)
        canonical[1] = static_cast<char>(std::tolower(static_cast<unsigned char>(canonical[1])));
    if (canonical == "D") // deuterium scatters as hydrogen
        return 1;
    for (std::size_t i = 0; i < kSymbols.size(); ++i)
        if (canonical == kSymbols[i])
            return static_cast<int>(i) + 1;
    return 0;
}

std::string elementSymbol(int atomicNumber)
{
    if (atomicNumber < 1 || atomicNumber > static_cast<int>(kSymbols.size()))
        return "?";
    return kSymbols[static_cast<std::size_t>(atomicNumber) - 1];
}

AtomicModel parsePdb(const std::string& text, const std::filesystem::path& source)
{
    Collector atoms(source);
    std::istringstream in(text);
    std::string line;
    int lineNumber = 0;
    bool seenModel = false;
    while (std::getline(in, line)) {
        ++lineNumber;
        const std::string_view l(line);
        if (startsWith(l, "MODEL")) {
            if (seenModel)
                break; // only the first model of an ensemble
            seenModel = true;
            continue;
        }
        if (startsWith(l, "ENDMDL"))
            break;
        if (!startsWith(l, "ATOM  ") && !startsWith(l, "HETATM"))
            continue;
        const auto column = [&](std::size_t first, std::size_t count) {
            return first - 1 < l.size() ? l.substr(first - 1, count) : std::string_view();
        };
        const auto x = number(column(31, 8)), y = number(column(39, 8)), z = number(column(47, 8));
        if (!x || !y || !z)
            throw FormatError(source, "line " + std::to_string(lineNumber) + ": the coordinates (columns 31–54) are not numbers");
        std::string_view element = trimmed(column(77, 2));
        if (element.empty())
            element = elementFromAtomName(column(13, 4));
        atoms.add(element, column(18, 3), *x, *y, *z, trimmed(column(55, 6)).empty() ? std::nullopt : number(column(55, 6)),
                  number(column(61, 6)));
    }
    return atoms.finish();
}

AtomicModel parseMmcif(const std::string& text, const std::filesystem::path& source)
{
    CifTokens tokens(text, source);
    bool quoted = false;
    // Find the loop whose tags are _atom_site.*.
    std::vector<std::string> tags;
    std::optional<std::string_view> token;
    while ((token = tokens.next(quoted))) {
        if (quoted || lower(*token) != "loop_")
            continue;
        tags.clear();
        while ((token = tokens.next(quoted)) && !quoted && startsWith(*token, "_"))
            tags.push_back(lower(*token));
        if (!tags.empty() && startsWith(tags.front(), "_atom_site."))
            break;
        tags.clear();
    }
    if (tags.empty())
        throw FormatError(source, "is not an mmCIF file with atoms (no _atom_site loop)");
    const auto find = [&](const char* name) -> std::ptrdiff_t {
        const auto it = std::find(tags.begin(), tags.end(), std::string("_atom_site.") + name);
        return it == tags.end() ? -1 : it - tags.begin();
    };
    const std::ptrdiff_t cx = find("cartn_x"), cy = find("cartn_y"), cz = find("cartn_z");
    const std::ptrdiff_t element = find("type_symbol"), atomName = find("label_atom_id");
    const std::ptrdiff_t residue = find("label_comp_id") >= 0 ? find("label_comp_id") : find("auth_comp_id");
    const std::ptrdiff_t occupancy = find("occupancy"), bFactor = find("b_iso_or_equiv"), model = find("pdbx_pdb_model_num");
    if (cx < 0 || cy < 0 || cz < 0 || (element < 0 && atomName < 0))
        throw FormatError(source, "its _atom_site loop lacks Cartn_x/y/z or the element (type_symbol)");

    Collector atoms(source);
    std::vector<std::string_view> row;
    std::string firstModel;
    std::size_t rowNumber = 0;
    // `token` holds the first value already (the token that ended the tag list).
    while (token && (quoted || (!startsWith(*token, "_") && lower(*token) != "loop_" && !startsWith(lower(*token), "data_")))) {
        row.push_back(*token);
        if (row.size() == tags.size()) {
            ++rowNumber;
            const auto value = [&](std::ptrdiff_t i) { return i < 0 ? std::string_view() : row[static_cast<std::size_t>(i)]; };
            const bool sameModel = model < 0 || firstModel.empty() || value(model) == firstModel;
            if (firstModel.empty() && model >= 0)
                firstModel = std::string(value(model));
            if (sameModel) {
                const auto x = number(value(cx)), y = number(value(cy)), z = number(value(cz));
                if (!x || !y || !z)
                    throw FormatError(source,
                                      "atom " + std::to_string(rowNumber) + " of _atom_site: the coordinates are not numbers");
                std::string_view symbol = element >= 0 ? value(element) : elementFromAtomName(value(atomName));
                const auto optional = [&](std::ptrdiff_t i) {
                    const std::string_view v = value(i);
                    return (v.empty() || v == "?" || v == ".") ? std::nullopt : number(v);
                };
                atoms.add(symbol, value(residue), *x, *y, *z, optional(occupancy), optional(bFactor));
            }
            row.clear();
        }
        token = tokens.next(quoted);
    }
    if (!row.empty())
        throw FormatError(source,
                          "the _atom_site loop ends inside a row (" + std::to_string(row.size()) + " of "
                              + std::to_string(tags.size()) + " values)");
    return atoms.finish();
}

AtomicModel readAtomicModel(const std::filesystem::path& file)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error)
        throw FileError(file, std::filesystem::exists(file) ? "cannot be read: " + error.message() : "does not exist");
    if (size > kLargestFile)
        throw FormatError(file, "is larger than the 2 GB CryoSR reads as an atomic model");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw FileError(file, "cannot be opened");
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size)
        throw FileError(file, "could not be read completely");
    const bool mmcif = text.find("_atom_site.") != std::string::npos && text.find("data_") != std::string::npos;
    return mmcif ? parseMmcif(text, file) : parsePdb(text, file);
}

} // namespace cryosr
