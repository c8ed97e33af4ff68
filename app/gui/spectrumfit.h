#pragma once
// A power spectrum as the Power spectrum page shows it: the log power with the fitted CTF's zeros over
// it, the rotational average less its background with the fitted CTF² beside it, and the fit in words
// for the Information panel.

#include "micrographdisplay.h"

#include "analysis/ctffit.h"
#include "analysis/powerspectrum.h"
#include "simulation/ctf.h"

#include <memory>

/**
 * What the page shows of `spectrum` (of `what`: "Whole section", a region, ...). With the pixel size
 * known the CTF is fitted for `microscope` (voltage, Cs, amplitude contrast); without it, or without
 * rings to fit, `ctf` says why and nothing is drawn as if fitted. `progress` follows the fit's stages
 * (and may cancel it), as fitCtf's.
 */
SpectrumDisplay spectrumDisplay(const std::shared_ptr<const cryosr::PowerSpectrum>& spectrum, const QString& what,
                                const cryosr::CtfParameters& microscope, const cryosr::CtfFitProgress& progress = {});
