#include "analysis/ctffit.h"

#include "io/errors.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <thread>
#include <vector>

namespace cryosr {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kLowestDefocus = 1000.0; // Å: the search's range starts at 0.1 µm

/// The spectrum with its smooth radial background removed, and each pixel's frequency and direction.
struct Rings {
    int box = 0;
    int half = 0;
    double pixelSize = 1.0; // Å
    std::vector<double> value; // log power less the background, per pixel (box × box)
    std::vector<double> k; // 1/Å
    std::vector<double> theta; // radians in [0, π): the spectrum is centrosymmetric
    std::vector<double> radius; // in spectrum pixels
    std::vector<double> cos2, sin2; // cos 2θ, sin 2θ: astigmatism varies the defocus as these
    std::vector<int> ring;
};

Rings ringsOf(const PowerSpectrum& spectrum)
{
    Rings r;
    r.box = spectrum.box;
    r.half = spectrum.box / 2;
    r.pixelSize = *spectrum.pixelSize;
    const std::size_t n = std::size_t(r.box) * r.box;
    r.value.resize(n);
    r.k.resize(n);
    r.theta.resize(n);
    r.radius.resize(n);
    r.cos2.resize(n);
    r.sin2.resize(n);
    r.ring.resize(n);
    std::vector<double> sum(r.half + 2, 0.0), count(r.half + 2, 0.0);
    for (int y = 0; y < r.box; ++y)
        for (int x = 0; x < r.box; ++x) {
            const std::size_t i = std::size_t(y) * r.box + x;
            const double dx = x - r.half, dy = y - r.half, radius = std::hypot(dx, dy);
            r.k[i] = radius / (r.box * r.pixelSize);
            r.theta[i] = std::fmod(std::atan2(dy, dx) + kPi, kPi);
            r.radius[i] = radius;
            r.cos2[i] = std::cos(2 * r.theta[i]);
            r.sin2[i] = std::sin(2 * r.theta[i]);
            r.ring[i] = std::min(r.half + 1, int(std::lround(radius)));
            r.value[i] = spectrum.logPower.at(x, y);
            sum[r.ring[i]] += r.value[i];
            count[r.ring[i]] += 1;
        }
    // The background: ring means averaged over ±w rings, wider than the rings' oscillation where it is fitted.
    const int w = std::max(3, r.box / 40);
    std::vector<double> background(r.half + 2, 0.0);
    for (int ring = 0; ring <= r.half + 1; ++ring) {
        double s = 0, c = 0;
        for (int j = std::max(0, ring - w); j <= std::min(r.half + 1, ring + w); ++j)
            if (count[j] > 0) {
                s += sum[j] / count[j];
                c += 1;
            }
        background[ring] = c > 0 ? s / c : 0.0;
    }
    for (std::size_t i = 0; i < n; ++i)
        r.value[i] -= background[r.ring[i]];
    return r;
}

/// The constants of χ(k) = π λ Δf k² − ½ π Cs λ³ k⁴ and of the CTF, worked out once per score rather
/// than at every ring or pixel (the fit evaluates CTF² some 10⁸ times).
struct CtfTerms {
    explicit CtfTerms(const CtfParameters& c)
        : defocus(kPi * c.wavelength())
        , cs(0.5 * kPi * c.sphericalAberrationMm * 1e7 * std::pow(c.wavelength(), 3))
        , phaseWeight(std::sqrt(1 - c.amplitudeContrast * c.amplitudeContrast))
        , amplitude(c.amplitudeContrast)
        , amplitudePhase(2 * std::asin(c.amplitudeContrast))
    {
    }
    double defocus; // π λ, Å⁻¹
    double cs; // ½ π Cs λ³, Å
    double phaseWeight; // √(1 − A²)
    double amplitude; // A
    double amplitudePhase; // 2 asin A
};

/// CTF² without envelope at k along a defocus Δf.
double ctfSquared(const CtfTerms& t, double k, double defocus)
{
    const double k2 = k * k, chi = t.defocus * defocus * k2 - t.cs * k2 * k2;
    const double v = t.phaseWeight * std::sin(chi) + t.amplitude * std::cos(chi);
    return v * v;
}

/// −cos(2χ + 2 asin A), which is 2 CTF² − 1 (CTF = sin(χ + asin A)): correlates with anything exactly
/// as CTF² does, at one cosine instead of a sine and a cosine.
double ctfSquaredShape(const CtfTerms& t, double k, double defocus)
{
    const double k2 = k * k;
    return -std::cos(2 * (t.defocus * defocus * k2 - t.cs * k2 * k2) + t.amplitudePhase);
}

/// Whether the rings at k are at least three spectrum pixels apart at defocus Δf (finer ones alias).
bool resolvable(const CtfTerms& t, const Rings& r, double k, double defocus)
{
    const double slope = std::abs(2 * t.defocus * defocus * k - 4 * t.cs * k * k * k); // dχ/dk
    return slope <= 0 || kPi / slope * r.box * r.pixelSize >= 3.0;
}

double lowestFittedFrequency(const Rings& r)
{
    return std::max(1.0 / 50.0, 8.0 / (r.box * r.pixelSize));
}

/// Pearson correlation of the pairs added.
struct Correlation {
    double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    void add(double x, double y)
    {
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
    }
    double value() const
    {
        const double vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
        return n > 2 && vx > 0 && vy > 0 ? (sxy - sx * sy / n) / std::sqrt(vx * vy) : 0.0;
    }
};

/// Means of the pixels' values per ring 0 … half + 1, each pixel i in the ring `ringOf(i)` gives
/// (none where it gives a ring outside that range).
template <typename RingOf>
std::vector<double> binnedProfile(const Rings& r, RingOf ringOf)
{
    std::vector<double> sum(r.half + 2, 0.0), count(r.half + 2, 0.0);
    for (std::size_t i = 0; i < r.value.size(); ++i)
        if (const long ring = ringOf(i); ring >= 0 && ring <= r.half + 1) {
            sum[std::size_t(ring)] += r.value[i];
            count[std::size_t(ring)] += 1;
        }
    for (std::size_t j = 0; j < sum.size(); ++j)
        sum[j] = count[j] > 0 ? sum[j] / count[j] : 0.0;
    return sum;
}

/// Ring means of the pixels whose direction lies in [from, to) (all when from ≥ to).
std::vector<double> ringProfile(const Rings& r, double from, double to)
{
    return binnedProfile(
        r, [&](std::size_t i) -> long { return from >= to || (r.theta[i] >= from && r.theta[i] < to) ? r.ring[i] : -1; });
}

double profileScore(const CtfParameters& c, const Rings& r, const std::vector<double>& profile, double defocus)
{
    // corr · √n: a defocus whose rings are resolvable in only a few rings must not win by chance.
    const CtfTerms terms(c);
    Correlation corr;
    const double kMin = lowestFittedFrequency(r);
    for (int ring = 1; ring <= int(0.95 * r.half); ++ring) {
        const double k = ring / (r.box * r.pixelSize);
        if (k >= kMin && resolvable(terms, r, k, defocus))
            corr.add(profile[std::size_t(ring)], ctfSquaredShape(terms, k, defocus));
    }
    return corr.value() * std::sqrt(corr.n);
}

/// The defocus in [low, high] Å whose CTF² best follows `profile`: a grid, then finer ones around the best.
double bestDefocus(const CtfParameters& c, const Rings& r, const std::vector<double>& profile, double low, double high)
{
    double best = low, bestScore = -2, from = low, to = high;
    for (double step : {100.0, 10.0, 1.0}) {
        for (double d = from; d <= to; d += step)
            if (const double s = profileScore(c, r, profile, d); s > bestScore) {
                bestScore = s;
                best = d;
            }
        from = std::max(low, best - 2 * step); // the next, finer grid around the best
        to = std::min(high, best + 2 * step);
    }
    return best;
}

/**
 * The rotational average of rings drawn as the ellipses of an astigmatism `ratio` = (U − V) / (U + V)
 * along `angle` (radians): where the defocus term dominates, the phase at (k, θ) is the mean defocus's
 * phase at k √(1 + ratio cos 2(θ − angle)), so each pixel is binned at that radius. With the right
 * ellipse the rings add up as round ones would, whatever the mean defocus. Per ring 0 … half + 1.
 */
std::vector<double> ellipticalProfile(const Rings& r, double ratio, double angle)
{
    const double c = ratio * std::cos(2 * angle), s = ratio * std::sin(2 * angle);
    return binnedProfile(r,
                         [&](std::size_t i) { return std::lround(r.radius[i] * std::sqrt(1 + c * r.cos2[i] + s * r.sin2[i])); });
}

/**
 * The ellipse (astigmatism ratio and angle) and mean defocus whose elliptical average best follows
 * CTF², searched on a grid (ratio 0–0.5 by 0.05, angle by 10°) and then a finer one around the best.
 * A plain rotational average smears strongly astigmatic rings (U − V a third of the defocus) until a
 * far smaller defocus correlates better.
 */
CtfParameters ellipseStart(const CtfParameters& microscope, const Rings& r)
{
    struct Ellipse {
        double ratio = 0, angleDegrees = 0, defocus = 0, score = -1e300;
    };
    // Each ellipse on its own: its average, its best defocus and that defocus's score. The grids' ellipses
    // are tried on every core (a third of a second on one), the best taken in grid order as on one.
    const auto tryEllipses = [&](std::vector<Ellipse> ellipses) {
        const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
        const auto work = [&](std::size_t first) {
            for (std::size_t i = first; i < ellipses.size(); i += threads) {
                Ellipse& e = ellipses[i];
                const std::vector<double> profile = ellipticalProfile(r, e.ratio, e.angleDegrees * kPi / 180);
                e.defocus = bestDefocus(microscope, r, profile, kLowestDefocus, 100000.0);
                e.score = profileScore(microscope, r, profile, e.defocus);
            }
        };
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < threads; ++t)
            helpers.emplace_back(work, t);
        work(0);
        helpers.clear(); // joins
        return *std::max_element(ellipses.begin(), ellipses.end(),
                                 [](const Ellipse& a, const Ellipse& b) { return a.score < b.score; });
    };
    std::vector<Ellipse> coarse{{}};
    for (double ratio = 0.05; ratio < 0.51; ratio += 0.05)
        for (double angle = 0; angle < 180; angle += 10)
            coarse.push_back({ratio, angle});
    const Ellipse best = tryEllipses(coarse);
    std::vector<Ellipse> fine{best}; // tried again: simpler than keeping it apart
    for (double ratio : {best.ratio - 0.025, best.ratio, best.ratio + 0.025})
        for (double angle : {-5.0, 0.0, 5.0})
            if (ratio > 0 && (ratio != best.ratio || angle != 0))
                fine.push_back({ratio, best.angleDegrees + angle});
    const Ellipse finest = tryEllipses(fine);
    CtfParameters start = microscope;
    start.defocusAngstrom = finest.defocus;
    start.astigmatismAngstrom = finest.ratio * finest.defocus;
    start.astigmatismAngleDegrees = finest.angleDegrees;
    return start;
}

/**
 * The astigmatism from each of 36 sectors' own defocus (within 1.5 µm of `mean`), as Δf(θ) = Δf +
 * c cos 2θ + d sin 2θ by least squares. Finds the direction of a weak astigmatism, which the
 * ellipse grid's first step (U − V a tenth of the defocus) passes over.
 */
CtfParameters sectorStart(const CtfParameters& microscope, const Rings& r, double mean)
{
    constexpr int kSectors = 36;
    double sx = 0, sxc = 0, sxs = 0;
    for (int s = 0; s < kSectors; ++s) {
        const double from = kPi * s / kSectors, to = kPi * (s + 1) / kSectors, mid = 0.5 * (from + to);
        const double d =
            bestDefocus(microscope, r, ringProfile(r, from, to), std::max(kLowestDefocus, mean - 15000.0), mean + 15000.0);
        sx += d;
        sxc += d * std::cos(2 * mid);
        sxs += d * std::sin(2 * mid);
    }
    // Evenly spaced sectors: cos 2θ and sin 2θ sum to 0, are orthogonal and have squares summing to n/2.
    const double n = kSectors, c = sxc / (n / 2), d = sxs / (n / 2);
    CtfParameters start = microscope;
    start.defocusAngstrom = sx / n;
    start.astigmatismAngstrom = std::hypot(c, d);
    start.astigmatismAngleDegrees = std::atan2(d, c) / 2 * 180 / kPi;
    return start;
}

/// The 2D correlation of the spectrum with CTF² over the fitted band.
double spectrumScore(const CtfParameters& c, const Rings& r, double kMax)
{
    const CtfTerms terms(c);
    // Δf(θ) = Δf + a cos 2(θ − φ), expanded so that each pixel needs no cosine of its own.
    const double angle = 2 * c.astigmatismAngleDegrees * kPi / 180;
    const double alongCos = c.astigmatismAngstrom * std::cos(angle), alongSin = c.astigmatismAngstrom * std::sin(angle);
    Correlation corr;
    const double kMin = lowestFittedFrequency(r);
    for (std::size_t i = 0; i < r.value.size(); ++i)
        if (r.k[i] >= kMin && r.k[i] <= kMax) {
            const double defocus = c.defocusAngstrom + alongCos * r.cos2[i] + alongSin * r.sin2[i];
            corr.add(r.value[i], ctfSquaredShape(terms, r.k[i], defocus));
        }
    return corr.value();
}

/**
 * The equiphase average: each pixel's value binned at the frequency where the mean defocus has the
 * phase its own direction's defocus has there, so astigmatic rings line up as round ones would
 * (a plain rotational average smears them). Per ring 0 … half + 1.
 */
std::vector<double> equiphaseProfile(const CtfParameters& c, const Rings& r)
{
    const double lambda = c.wavelength(), cs = c.sphericalAberrationMm * 1e7;
    const double a1 = kPi * lambda * c.defocusAngstrom, a2 = 0.5 * kPi * cs * lambda * lambda * lambda;
    return binnedProfile(r, [&](std::size_t i) -> long {
        const double chi = c.phase(r.k[i], r.theta[i]);
        const double discriminant = a1 * a1 - 4 * a2 * chi; // a2 u² − a1 u + χ = 0 for u = k²
        if (discriminant < 0 || chi < 0)
            return -1;
        const double u = a2 > 0 ? (a1 - std::sqrt(discriminant)) / (2 * a2) : chi / a1;
        return std::lround(std::sqrt(u) * r.box * r.pixelSize);
    });
}

/**
 * How far the rings follow the fit: the equiphase average correlated with CTF² in a window of two of
 * the CTF's oscillations each side (at least 8 rings) sliding outward from the first zero; the resolution is
 * the window's centre where the correlation first falls below 0.3. The rings count as seen when the
 * first window reaches 0.3 or a later one, centred before the fifth zero, 0.5 (strongly astigmatic
 * spectra correlate weakly in the first windows, where the background's running mean bends the broad
 * rings, and well beyond); 0 when they are not seen.
 */
double fitResolution(const CtfParameters& c, const Rings& r)
{
    // The zeros of the mean defocus, which the equiphase average and CTF² below follow (along one
    // direction they would move with the astigmatism's angle).
    CtfParameters round = c;
    round.astigmatismAngstrom = 0;
    const std::vector<double> zeros = round.zeros(5);
    if (zeros.empty())
        return 0.0;
    const double ringWidth = 1.0 / (r.box * r.pixelSize);
    const std::vector<double> profile = equiphaseProfile(c, r);
    const CtfTerms terms(c);
    const int last = int(0.95 * r.half);
    double resolution = 0.0;
    const double lambda = c.wavelength(), cs = c.sphericalAberrationMm * 1e7;
    const int firstZero = int(std::ceil(zeros.front() / ringWidth));
    const double seenBy = zeros.back(); // the fifth zero (or the last there is)
    bool firstWindow = true, seen = false;
    for (int centre = firstZero; centre <= last; ++centre) {
        const double k = centre * ringWidth;
        if (!resolvable(terms, r, k, c.defocusAngstrom))
            break;
        const double slope =
            std::abs(2 * kPi * lambda * c.defocusAngstrom * k - 2 * kPi * cs * lambda * lambda * lambda * k * k * k);
        const int halfWindow = std::max(8, int(std::ceil(2 * kPi / slope / ringWidth))); // two oscillations each side
        if (centre - halfWindow < firstZero)
            continue; // inside the first zero the background, a running mean, bends the broad first ring
        Correlation corr;
        for (int ring = centre - halfWindow; ring <= std::min(r.half, centre + halfWindow); ++ring)
            corr.add(profile[std::size_t(ring)], ctfSquaredShape(terms, ring * ringWidth, c.defocusAngstrom));
        if (!seen) {
            seen = corr.value() >= (firstWindow ? 0.3 : 0.5);
            firstWindow = false;
            if (!seen) {
                if (k < seenBy)
                    continue;
                break; // not seen by the fifth zero: no fit
            }
        }
        if (corr.value() < 0.3)
            break;
        resolution = 1.0 / k;
    }
    return resolution;
}

/// The band a fit is refined over: out to where the rings stay resolvable at the most underfocus.
double fittedBandOf(const Rings& r, const CtfParameters& microscope, double defocusU)
{
    double kMax = 0.95 * r.half / (r.box * r.pixelSize);
    while (kMax > lowestFittedFrequency(r) && !resolvable(CtfTerms(microscope), r, kMax, defocusU))
        kMax *= 0.98;
    return kMax;
}

/// Defocus and astigmatism that best explain the rings, and their score (no resolution yet).
CtfFit fitRings(const Rings& r, const CtfParameters& microscope)
{
    // Two starts, the better one on the 2D spectrum refined: the ellipse that best shows the rings
    // (strong astigmatism), and the sectors' defocus around its mean defocus (weak astigmatism).
    const CtfParameters ellipse = ellipseStart(microscope, r);
    const CtfParameters sectors = sectorStart(microscope, r, ellipse.defocusAngstrom);
    const double commonBand = fittedBandOf(
        r, microscope,
        std::max(ellipse.defocusAngstrom + ellipse.astigmatismAngstrom, sectors.defocusAngstrom + sectors.astigmatismAngstrom));
    CtfFit fit;
    fit.ctf = spectrumScore(ellipse, r, commonBand) > spectrumScore(sectors, r, commonBand) ? ellipse : sectors;
    const double kMax = fittedBandOf(r, microscope, fit.defocusU());
    double best = spectrumScore(fit.ctf, r, kMax);
    for (double scale : {50.0, 10.0, 2.0})
        for (bool improved = true; improved;) {
            improved = false;
            for (int parameter = 0; parameter < 3; ++parameter)
                for (double sign : {-1.0, 1.0}) {
                    CtfParameters trial = fit.ctf;
                    if (parameter == 0)
                        trial.defocusAngstrom += sign * scale;
                    else if (parameter == 1)
                        trial.astigmatismAngstrom = std::max(0.0, trial.astigmatismAngstrom + sign * scale);
                    else
                        trial.astigmatismAngleDegrees += sign * scale / 25.0; // 2°, 0.4°, 0.08°
                    if (const double s = spectrumScore(trial, r, kMax); s > best) {
                        best = s;
                        fit.ctf = trial;
                        improved = true;
                    }
                }
        }
    fit.ctf.astigmatismAngleDegrees = std::fmod(fit.ctf.astigmatismAngleDegrees + 360.0, 180.0);
    fit.score = best;
    return fit;
}

/// The resolution to which the rings follow `fit` (0: no fit).
double resolutionOf(const CtfFit& fit, const Rings& r)
{
    if (fit.defocusV() < kLowestDefocus)
        return 0.0; // below the searched range along V: an ellipse fitted to other features than rings
    return fitResolution(fit.ctf, r);
}

/**
 * How much better `fit` correlates with the rings of `r` than CTFs drawn at random from the range the
 * search covers do (0.1–10 µm, U − V up to the mean, any angle), in standard deviations of their
 * scores over the same band: a z score whose null distribution includes the spectrum's own
 * correlations between neighbouring pixels.
 */
double significance(const CtfFit& fit, const Rings& r, const CtfParameters& microscope)
{
    const double kMax = fittedBandOf(r, microscope, fit.defocusU());
    std::mt19937 random(1); // the same draws every time: the same spectrum gives the same answer
    std::uniform_real_distribution<double> defocus(kLowestDefocus, 100000.0), share(0.0, 0.5), angle(0.0, 180.0);
    constexpr int kDraws = 64;
    double sum = 0, squares = 0;
    for (int draw = 0; draw < kDraws; ++draw) {
        CtfParameters other = microscope;
        other.defocusAngstrom = defocus(random);
        other.astigmatismAngstrom = share(random) * other.defocusAngstrom;
        other.astigmatismAngleDegrees = angle(random);
        const double score = spectrumScore(other, r, kMax);
        sum += score;
        squares += score * score;
    }
    const double mean = sum / kDraws, sd = std::sqrt(std::max(1e-30, squares / kDraws - mean * mean));
    return (spectrumScore(fit.ctf, r, kMax) - mean) / sd;
}

/**
 * Whether the rings `fit` follows are there, not speckle that the search over some 10⁵ CTFs found a
 * CTF in: before this check, 13 of 24 white-noise images got a "fit" (3.6–15 Å), since a resolution
 * measured on the spectrum fitted follows the fit there too. The measure is the fit's significance
 * over random CTFs. A fit far above what the search reaches in noise counts as it is (24 white-noise
 * images: z 3.5–7.1 on the spectrum fitted; of 17 simulations fitted within 1 %, 16 had z 16.6–105
 * and one 9.5). A weaker one needs a fit to one half of the image that agrees with it (U and V within
 * 5 %) and follows the other half's rings (z ≥ 6, where noise gave −3.0 to 2.0), since the halves'
 * noise is independent: the rings are there, and they are the ones it follows. (Not the other half's
 * resolution: a half has as few as 3 tiles at 1024², too few for the windows of fitResolution to see
 * strongly astigmatic rings even at the true CTF.)
 */
bool ringsAreThere(const CtfFit& fit, const Rings& r, const PowerSpectrum& spectrum, const CtfParameters& microscope,
                   const std::function<void(int)>& reachedStage)
{
    constexpr double kBeyondNoise = 15.0, kSignificant = 6.0, kAgreement = 0.05;
    if (significance(fit, r, microscope) >= kBeyondNoise)
        return true;
    reachedStage(2);
    if (spectrum.halves.size() != 2)
        return true; // under 16 pixels along the longer side: nothing to check with
    const auto ringsOfHalf = [&](std::size_t index) {
        PowerSpectrum half = spectrum.halves[index];
        half.pixelSize = spectrum.pixelSize; // the caller's, which may not be the header's
        return ringsOf(half);
    };
    const Rings first = ringsOfHalf(0), second = ringsOfHalf(1);
    const auto confirms = [&](const Rings& fitted, const Rings& other, int stage) {
        const CtfFit half = fitRings(fitted, microscope);
        const bool agrees = std::abs(half.defocusU() - fit.defocusU()) <= kAgreement * fit.defocusU()
            && std::abs(half.defocusV() - fit.defocusV()) <= kAgreement * fit.defocusV()
            && significance(half, other, microscope) >= kSignificant;
        reachedStage(stage);
        return agrees;
    };
    return confirms(first, second, 3) || confirms(second, first, 4);
}
} // namespace

CtfFit fitCtf(const Image& image, double pixelSize, const CtfParameters& microscope, const SpectrumProgress& progress)
{
    if (!(pixelSize > 0))
        throw ArgumentError("a CTF fit needs the pixel size");
    PowerSpectrum spectrum = computePowerSpectrum(image, 512, progress);
    spectrum.pixelSize = pixelSize;
    return fitCtf(spectrum, microscope);
}

CtfFit fitCtf(const PowerSpectrum& spectrum, const CtfParameters& microscope, const CtfFitProgress& progress)
{
    if (!spectrum.pixelSize || !(*spectrum.pixelSize > 0))
        throw ArgumentError("a CTF fit needs the pixel size");
    const auto reachedStage = [&](int stage) {
        if (progress && !progress(stage, kCtfFitStages))
            throw Cancelled();
    };
    reachedStage(0);
    const Rings r = ringsOf(spectrum);
    CtfFit fit = fitRings(r, microscope);
    reachedStage(1);
    fit.resolutionAngstrom = resolutionOf(fit, r);
    if (fit.found() && !ringsAreThere(fit, r, spectrum, microscope, reachedStage))
        fit.resolutionAngstrom = 0;
    reachedStage(kCtfFitStages);
    return fit;
}

std::vector<double> thonRingProfile(const PowerSpectrum& spectrum)
{
    PowerSpectrum withSize = spectrum;
    withSize.pixelSize = spectrum.pixelSize.value_or(1.0); // the profile is in rings: the size only names them
    const Rings r = ringsOf(withSize);
    std::vector<double> profile = ringProfile(r, 0, 0);
    profile.resize(std::size_t(r.half) + 1); // ring half + 1 holds the corners beyond Nyquist
    return profile;
}

std::vector<double> ctfSquaredProfile(const CtfParameters& ctf, int box, double pixelSize)
{
    std::vector<double> profile(std::size_t(box / 2) + 1);
    const CtfTerms terms(ctf);
    for (std::size_t ring = 0; ring < profile.size(); ++ring)
        profile[ring] = ctfSquared(terms, ring / (box * pixelSize), ctf.defocusAngstrom);
    return profile;
}

std::vector<SpectrumCurve> ctfZeroCurves(const CtfParameters& ctf, int box, double pixelSize, double maxFrequency, int count)
{
    constexpr int kDirections = 360;
    const double half = box / 2.0, pixelsPerFrequency = box * pixelSize;
    std::vector<SpectrumCurve> curves;
    for (int zero = 0; zero < count; ++zero) {
        // Each direction's point of this zero, or none where it lies beyond maxFrequency (or χ turns back).
        std::vector<std::optional<std::pair<double, double>>> points(kDirections);
        bool any = false;
        for (int i = 0; i < kDirections; ++i) {
            const double theta = 2 * kPi * i / kDirections;
            const std::vector<double> k = ctf.zeros(zero + 1, theta);
            if (int(k.size()) > zero && k[std::size_t(zero)] <= maxFrequency) {
                const double radius = k[std::size_t(zero)] * pixelsPerFrequency;
                points[std::size_t(i)] = std::pair(half + radius * std::cos(theta), half + radius * std::sin(theta));
                any = true;
            }
        }
        if (!any)
            break; // the further zeros lie further out still
        // Arcs of consecutive directions, starting at a gap so that none is cut in two (with no gap, the
        // walk returns to its first point and closes the curve).
        int start = 0;
        while (start < kDirections && points[std::size_t(start)])
            ++start;
        SpectrumCurve arc;
        for (int step = 0; step <= kDirections; ++step) {
            const auto& p = points[std::size_t((start + step) % kDirections)];
            if (p)
                arc.push_back(*p);
            if ((!p || step == kDirections) && !arc.empty()) {
                if (arc.size() > 1)
                    curves.push_back(std::move(arc));
                arc.clear();
            }
        }
    }
    return curves;
}

} // namespace cryosr
