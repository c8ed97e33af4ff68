// Atomic models: PDB records (the element from columns 77–78 or the atom name, waters skipped,
// alternate conformations by occupancy, the first MODEL only, damaged records named by line), mmCIF's
// _atom_site loop (quoted values, the first model), and the six real PDB files in ../shared.

#include "io/atomicmodel.h"
#include "io/errors.h"

#include "testsupport.h"

#include <QDir>
#include <QTest>

#include <numeric>

using namespace cryosr;

namespace {

/// One PDB ATOM/HETATM record in its fixed columns.
std::string record(const char* kind, const char* name, const char* residue, double x, double y, double z, double occupancy,
                   double b, const char* element)
{
    char line[96];
    std::snprintf(line, sizeof line, "%-6s%5d %-4s %3s A%4d    %8.3f%8.3f%8.3f%6.2f%6.2f          %2s\n", kind, 1, name, residue,
                  1, x, y, z, occupancy, b, element);
    return line;
}

QString structuresDir()
{
    const QString real = testsupport::sharedDataDir();
    return real.isEmpty() ? QString() : QDir(real + "/../structures").canonicalPath();
}

} // namespace

class TestAtomicModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void elements();
    void pdbRecords();
    void pdbElementFromAtomName();
    void pdbFirstModelOnly();
    void pdbDamagedRecord();
    void mmcif();
    void mmcifErrors();
    void realPdbFiles();
};

void TestAtomicModel::elements()
{
    QCOMPARE(atomicNumberOf("C"), 6);
    QCOMPARE(atomicNumberOf("ZN"), 30);
    QCOMPARE(atomicNumberOf("zn"), 30);
    QCOMPARE(atomicNumberOf("D"), 1); // deuterium scatters as hydrogen
    QCOMPARE(atomicNumberOf("Xx"), 0);
    QCOMPARE(atomicNumberOf(""), 0);
    QCOMPARE(elementSymbol(26), std::string("Fe"));
    QCOMPARE(elementSymbol(0), std::string("?"));
}

void TestAtomicModel::pdbRecords()
{
    const std::string text = "HEADER    TEST\n" + record("ATOM", " CA ", "ALA", 1, 2, 3, 1, 20, "C")
        + record("ATOM", " N  ", "ALA", -1.5, 0, 10.25, 1, 30, "N")
        + record("ATOM", " OG ", "SER", 0, 0, 0, 0.6, 25, "O") // alternate conformations: 0.6 and 0.4
        + record("ATOM", " OG ", "SER", 0.5, 0, 0, 0.4, 25, "O")
        + record("HETATM", " O  ", "HOH", 9, 9, 9, 1, 40, "O") // a crystal water
        + record("HETATM", "ZN  ", " ZN", 4, 4, 4, 1, 15, "ZN")
        + record("ATOM", " CB ", "ALA", 1, 1, 1, 0, 20, "C") // occupancy 0
        + record("HETATM", " U  ", "URA", 0, 0, 0, 1, 20, "U1") + "END\n";
    const AtomicModel model = parsePdb(text, "test.pdb");
    QCOMPARE(model.atoms.size(), std::size_t(6));
    QCOMPARE(model.watersSkipped, 1);
    QCOMPARE(model.atoms[0].atomicNumber, 6);
    QCOMPARE(model.atoms[1].x, -1.5);
    QCOMPARE(model.atoms[1].z, 10.25);
    QCOMPARE(model.atoms[1].bFactor, 30.0f);
    QCOMPARE(model.atoms[2].occupancy + model.atoms[3].occupancy, 1.0f);
    QCOMPARE(model.atoms[4].atomicNumber, 30);
    QCOMPARE(model.atoms[5].atomicNumber, 0); // "U1" is no element
    QCOMPARE(model.unknownElements, std::vector<std::string>{"U1"});
    QVERIFY(!model.hasHydrogens());
}

void TestAtomicModel::pdbElementFromAtomName()
{
    // Old files leave columns 77–78 blank: " CA " is a carbon, "CA  " calcium, "1HB " a hydrogen.
    std::string text = record("ATOM", " CA ", "ALA", 0, 0, 0, 1, 0, "") + record("HETATM", "CA  ", " CA", 0, 0, 0, 1, 0, "")
        + record("ATOM", "1HB ", "ALA", 0, 0, 0, 1, 0, "");
    const AtomicModel model = parsePdb(text, "old.pdb");
    QCOMPARE(model.atoms.size(), std::size_t(3));
    QCOMPARE(model.atoms[0].atomicNumber, 6);
    QCOMPARE(model.atoms[1].atomicNumber, 20);
    QCOMPARE(model.atoms[2].atomicNumber, 1);
    QVERIFY(model.hasHydrogens());
}

void TestAtomicModel::pdbFirstModelOnly()
{
    const std::string text = "MODEL        1\n" + record("ATOM", " CA ", "ALA", 1, 0, 0, 1, 0, "C") + "ENDMDL\nMODEL        2\n"
        + record("ATOM", " CA ", "ALA", 2, 0, 0, 1, 0, "C") + "ENDMDL\n";
    const AtomicModel model = parsePdb(text, "nmr.pdb");
    QCOMPARE(model.atoms.size(), std::size_t(1));
    QCOMPARE(model.atoms[0].x, 1.0);
}

void TestAtomicModel::pdbDamagedRecord()
{
    std::string text = record("ATOM", " CA ", "ALA", 1, 0, 0, 1, 0, "C")
        + "ATOM      2  CB  ALA A   1      1.000   zz.zzz   0.000\n";
    try {
        parsePdb(text, "damaged.pdb");
        QFAIL("no error for coordinates that are not numbers");
    } catch (const FormatError& e) {
        QVERIFY2(QString(e.what()).contains("damaged.pdb") && QString(e.what()).contains("line 2"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(FormatError, parsePdb("HEADER    NOTHING\nEND\n", "empty.pdb"));
    QVERIFY_THROWS_EXCEPTION(FormatError, parsePdb(record("HETATM", " O  ", "HOH", 0, 0, 0, 1, 0, "O"), "waters.pdb"));
}

void TestAtomicModel::mmcif()
{
    const std::string text =
        "data_TEST\n#\nloop_\n_entity.id\n1\n#\nloop_\n"
        "_atom_site.group_PDB\n_atom_site.id\n_atom_site.type_symbol\n_atom_site.label_atom_id\n"
        "_atom_site.label_comp_id\n_atom_site.Cartn_x\n_atom_site.Cartn_y\n_atom_site.Cartn_z\n"
        "_atom_site.occupancy\n_atom_site.B_iso_or_equiv\n_atom_site.pdbx_PDB_model_num\n"
        "ATOM 1 N N ALA 1.0 2.0 3.0 1.00 10.0 1\n"
        "ATOM 2 C \"C A\" ALA -4.5 5 6e0 0.5 ? 1\n" // a quoted name, a missing B
        "HETATM 3 O O HOH 0 0 0 1 30 1\n" // a water
        "ATOM 4 Fe 'FE X' HEM 7 8 9 . 20 1\n" // occupancy unknown: 1
        "ATOM 5 C CA ALA 9 9 9 1 10 2\n" // a second model
        "#\n_other.item value\n";
    const AtomicModel model = parseMmcif(text, "test.cif");
    QCOMPARE(model.atoms.size(), std::size_t(3));
    QCOMPARE(model.watersSkipped, 1);
    QCOMPARE(model.atoms[0].atomicNumber, 7);
    QCOMPARE(model.atoms[0].z, 3.0);
    QCOMPARE(model.atoms[1].x, -4.5);
    QCOMPARE(model.atoms[1].occupancy, 0.5f);
    QCOMPARE(model.atoms[1].bFactor, 0.0f);
    QCOMPARE(model.atoms[2].atomicNumber, 26);
    QCOMPARE(model.atoms[2].occupancy, 1.0f);
}

void TestAtomicModel::mmcifErrors()
{
    QVERIFY_THROWS_EXCEPTION(FormatError, parseMmcif("data_X\n_cell.length_a 10\n", "noatoms.cif"));
    const std::string cut =
        "data_X\nloop_\n_atom_site.type_symbol\n_atom_site.Cartn_x\n_atom_site.Cartn_y\n_atom_site.Cartn_z\n"
        "C 1 2 3\nC 4 5\n";
    try {
        parseMmcif(cut, "cut.cif");
        QFAIL("no error for a loop that ends inside a row");
    } catch (const FormatError& e) {
        QVERIFY2(QString(e.what()).contains("inside a row"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(FormatError,
                             parseMmcif("data_X\nloop_\n_atom_site.type_symbol\n_atom_site.Cartn_x\n"
                                        "_atom_site.Cartn_y\n_atom_site.Cartn_z\nC 1 two 3\n",
                                        "text.cif"));
    QVERIFY_THROWS_EXCEPTION(FormatError, parseMmcif("data_X\nloop_\n_atom_site.Cartn_x\n'open\n", "quote.cif"));
    QVERIFY_THROWS_EXCEPTION(FileError, readAtomicModel("/no/such/model.pdb"));
}

void TestAtomicModel::realPdbFiles()
{
    const QString dir = structuresDir();
    if (dir.isEmpty() || !QDir(dir).exists())
        QSKIP("../shared/data/structures is absent");
    // Atoms per file (ATOM and HETATM records less waters; README's counts of ATOM records plus ligands).
    const std::pair<const char*, std::size_t> files[] = {{"1A5T.pdb", 3063}, {"1J6Z.pdb", 2872}, {"1akeA.pdb", 1651},
                                                         {"1ggg.pdb", 1714}, {"2DQJ.pdb", 2721}, {"3MFP.pdb", 2882}};
    for (const auto& [name, atoms] : files) {
        const AtomicModel model = readAtomicModel((dir + "/" + name).toStdString());
        QVERIFY2(model.atoms.size() == atoms, qPrintable(QString("%1: %2 atoms").arg(name).arg(model.atoms.size())));
        QVERIFY2(model.unknownElements.empty(), name);
        QCOMPARE(model.hasHydrogens(), std::string(name) == "1A5T.pdb");
    }
    // 1A5T holds one zinc and 606 crystal waters.
    const AtomicModel zinc = readAtomicModel((dir + "/1A5T.pdb").toStdString());
    QCOMPARE(std::count_if(zinc.atoms.begin(), zinc.atoms.end(), [](const Atom& a) { return a.atomicNumber == 30; }), 1);
    QCOMPARE(zinc.watersSkipped, 606);
}

QTEST_APPLESS_MAIN(TestAtomicModel)
#include "tst_atomicmodel.moc"
