#pragma once
// Atomic models (PDB and mmCIF coordinate files) as far as the simulator needs them: each atom's
// element, position, B-factor and occupancy. Plain C++ (fuzzed as fuzz_atomicmodel).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cryosr {

struct Atom {
    int atomicNumber = 0; ///< 1 (H) … 118; 0 when the element is not a known one
    double x = 0, y = 0, z = 0; ///< Å
    float bFactor = 0; ///< Å², the isotropic displacement B = 8π²⟨u²⟩
    float occupancy = 1; ///< (0, 1]; alternate conformations each carry their share
};

struct AtomicModel {
    std::vector<Atom> atoms;
    int watersSkipped = 0; ///< HOH/WAT/DOD records: the simulator brings its own ice
    std::vector<std::string> unknownElements; ///< element symbols read but not known, once each
    bool hasHydrogens() const;
};

/// The atomic number of an element symbol ("C", "Zn", "ZN"; case-insensitive), 0 when unknown.
int atomicNumberOf(const std::string& symbol);
/// "C", "Zn", …; "?" for 0 or out of range.
std::string elementSymbol(int atomicNumber);

/// Parses PDB text (ATOM/HETATM records of the first MODEL; the element from columns 77–78, or from
/// the atom name when those are blank). `source` names the file in messages. FormatError saying the
/// line for a record whose coordinates are not numbers; waters are skipped and counted.
AtomicModel parsePdb(const std::string& text, const std::filesystem::path& source);

/// Parses mmCIF text: the _atom_site loop (type_symbol, Cartn_x/y/z, B_iso_or_equiv, occupancy,
/// the first pdbx_PDB_model_num). FormatError when there is no such loop or a value is not a number.
AtomicModel parseMmcif(const std::string& text, const std::filesystem::path& source);

/**
 * Reads a PDB (.pdb, .ent) or mmCIF (.cif, .mmcif) file, recognised by its content (a `data_` block
 * with `_atom_site.` is mmCIF). FileError when unreadable; FormatError when it holds no atoms or is
 * neither format; at most 20 million atoms and 2 GB.
 */
AtomicModel readAtomicModel(const std::filesystem::path& file);

} // namespace cryosr
