#pragma once
// The specimen's projected potential on the simulation grid: particles from atoms or maps, and the
// random textures of amorphous ice and carbon. Engine-internal (LibTorch types); the physics is
// described in micrographsimulator.h.

#include "simulation/micrographsimulator.h"
#include "simulation/volume.h"

#include <torch/torch.h>

#include <random>
#include <vector>

namespace cryosr {

/// The grid the simulator computes on: finer than the micrograph's pixels and larger than its field.
struct SimulationGrid {
    std::int64_t height = 0, width = 0; ///< samples
    double spacing = 1.0; ///< Å per sample
};

/// Mean potential of amorphous ice (0.94 g/cm³) from Peng's O + 2 H: ~4.6 V.
double iceMeanPotential();
/// Mean potential of an average protein residue (C5 H8 N1.4 O1.5 S0.04, 113 Da in 137 Å³) less that of the
/// ice it displaces: the contrast of protein in ice, ~3.5 V.
double proteinContrastPotential();
/// Mean potential of amorphous carbon (2 g/cm³): ~12 V.
double carbonMeanPotential();

/// A species ready to be placed: atoms grouped by element with their kernels' parameters, or a map
/// scaled to potential contrast. Copies of assemblies are already built.
class PreparedSpecies {
public:
    /// ArgumentError when an atomic model has no atom of a known element.
    PreparedSpecies(const ParticleSpecies& species, double extraBFactor, std::mt19937_64& random);

    /// Radius (Å) of the sphere around the centre that holds the particle.
    double radius() const { return m_radius; }
    /// Area (Å²) a particle of this species covers in projection, on average.
    double footprint() const { return m_footprint; }
    bool isFilament() const { return m_filament; }
    const std::string& name() const { return m_name; }
    /// Atoms skipped because their element has no scattering factor.
    int atomsWithoutScatteringFactor() const { return m_skipped; }

private:
    friend class PotentialBuilder;
    struct ElementGroup {
        int atomicNumber;
        double implicitHydrogens; ///< per atom, for models without hydrogens
        std::vector<double> x, y, z, weight; ///< Å about the centre; occupancy
    };
    std::string m_name;
    std::vector<ElementGroup> m_groups; ///< atoms
    double m_bFactor = 0; ///< atoms: mean B of the model + the extra B
    std::optional<Volume> m_map; ///< maps: (density − solvent) × scale, in V
    double m_mapBlur = 0; ///< maps: the extra B
    double m_radius = 0;
    double m_footprint = 0;
    bool m_filament = false;
    int m_skipped = 0;
};

/// Where a particle goes: which species, turned how, centred where (Å from the grid's corner).
struct Placement {
    std::size_t species;
    Rotation rotation;
    double x, y;
};

/// Non-overlapping placements over a field of width × height Å: `count` particles, or as many as cover
/// `coverage` of the area with their footprints (species in equal shares); fewer when no free spot is found.
std::vector<Placement> placeParticles(const std::vector<PreparedSpecies>& species, double width, double height,
                                      std::optional<double> coverage, int count, std::mt19937_64& random);

/// Projected potential of all particles (V·Å, contrast against ice) and the thickness of ice they
/// displace (Å), both [H, W] float64 on the grid.
struct ParticlePotential {
    torch::Tensor potential;
    torch::Tensor displaced;
};
ParticlePotential particlePotential(const std::vector<PreparedSpecies>& species, const std::vector<Placement>& placements,
                                    const SimulationGrid& grid);

/// Which amorphous material a texture is of.
enum class Amorphous { Ice, Carbon };

/**
 * The fluctuating part of the projected potential (V·Å, mean 0) of amorphous ice or carbon whose
 * thickness is `thickness` [H, W] (Å, ≥ 0): randomly packed molecules (atoms) with the material's
 * structure factor, so its power is proportional to the local thickness.
 */
torch::Tensor amorphousTexture(Amorphous material, const torch::Tensor& thickness, const SimulationGrid& grid,
                               torch::Generator& generator);

/// The structure factor S(q) (q in 1/Å) of the material: small at low q, its first peak where
/// diffraction puts it (ice 3.7 Å, carbon 2.1 Å), 1 beyond.
double structureFactor(Amorphous material, double q);

/// |k| in 1/Å on the unshifted FFT grid of an h × w image of `spacing` Å: [h, w] float64.
torch::Tensor spatialFrequencies(std::int64_t h, std::int64_t w, double spacing);

} // namespace cryosr
