package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Ising update algorithms for IsingRun.Algorithm.
const (
	MetropolisUpdate = "metropolis"
	WolffUpdate      = "wolff"
)

// IsingRun configures a Monte Carlo estimate of equilibrium observables at
// one temperature. A sweep is N Metropolis proposals or, for Wolff, the
// number of clusters that flips N spins on average (calibrated during
// thermalisation).
type IsingRun struct {
	// L, J, H define the lattice (see Ising).
	L    int
	J, H float64
	// T is the temperature in units of J/k_B.
	T float64
	// Algorithm is MetropolisUpdate or WolffUpdate (the default).
	Algorithm string
	// Thermalize is the number of sweeps discarded first (for Wolff, at
	// least 200 clusters).
	Thermalize int
	// Samples is the number of measurements, Interval the sweeps between
	// them (default 1).
	Samples, Interval int
	// Start, if non-nil, is the lattice to continue from (a previous run
	// at a nearby temperature); it must match L, J and H and is advanced in
	// place. Otherwise a lattice starts from random spins.
	Start *Ising
}

// IsingStats are the measured equilibrium averages. With e = E/N and
// m = M/N per spin:
//
//	Energy         ⟨e⟩
//	AbsMagnetization ⟨|m|⟩
//	SpecificHeat   C = N β² (⟨e²⟩ − ⟨e⟩²)
//	Susceptibility χ = N β (⟨m²⟩ − ⟨|m|⟩²)
//	Binder         U = 1 − ⟨m⁴⟩ / (3 ⟨m²⟩²)
//
// χ uses ⟨|m|⟩ because on a finite lattice without field ⟨m⟩ = 0 by
// symmetry (Newman and Barkema, "Monte Carlo Methods in Statistical
// Physics", 1999, §3.7). U tends to 2/3 in the ordered phase and 0 in the
// disordered one; curves for different L cross at T_c (Binder, Z. Phys. B
// 43, 119 (1981)).
type IsingStats struct {
	T                        float64
	Energy, AbsMagnetization float64
	SpecificHeat             float64
	Susceptibility           float64
	Binder                   float64
	// M2 and M4 are ⟨m²⟩ and ⟨m⁴⟩, kept for combining runs.
	M2, M4 float64
	// EnergyErr and AbsMagnetizationErr are standard errors from 20
	// blocks of consecutive samples.
	EnergyErr, AbsMagnetizationErr float64
}

// SimulateIsing runs cfg and returns its averages. It returns an error for
// an invalid lattice, temperature or count, or for Wolff with a field.
func SimulateIsing(cfg IsingRun, rng *rand.Rand) (IsingStats, error) {
	if !(cfg.T > 0) || math.IsInf(cfg.T, 0) {
		return IsingStats{}, fmt.Errorf("classical: Ising temperature %v, want a finite T > 0", cfg.T)
	}
	if cfg.Samples < 1 || cfg.Thermalize < 0 || cfg.Interval < 0 {
		return IsingStats{}, fmt.Errorf("classical: Ising run with %d samples, %d thermalisation sweeps, interval %d; want samples ≥ 1 and no negative counts",
			cfg.Samples, cfg.Thermalize, cfg.Interval)
	}
	sw, err := newSweeper(cfg.Algorithm, cfg.J, cfg.H)
	if err != nil {
		return IsingStats{}, err
	}
	m, err := cfg.lattice(rng)
	if err != nil {
		return IsingStats{}, err
	}
	beta := 1 / cfg.T
	if err := sw.thermalize(m, beta, cfg.Thermalize, rng); err != nil {
		return IsingStats{}, err
	}
	n := float64(m.N())
	es, ms := make([]float64, cfg.Samples), make([]float64, cfg.Samples)
	for k := range cfg.Samples {
		for range max(cfg.Interval, 1) {
			if err := sw.sweep(m, beta, rng); err != nil {
				return IsingStats{}, err
			}
		}
		es[k], ms[k] = m.Energy()/n, m.Magnetization()
	}
	return isingAverages(cfg.T, n, es, ms), nil
}

// lattice returns cfg.Start after checking it, or a new lattice with
// random spins.
func (cfg *IsingRun) lattice(rng *rand.Rand) (*Ising, error) {
	if m := cfg.Start; m != nil {
		if m.L != cfg.L || m.J != cfg.J || m.H != cfg.H {
			return nil, fmt.Errorf("classical: Ising start lattice L=%d J=%v h=%v does not match the run's L=%d J=%v h=%v",
				m.L, m.J, m.H, cfg.L, cfg.J, cfg.H)
		}
		return m, nil
	}
	m, err := NewIsing(cfg.L, cfg.J, cfg.H)
	if err != nil {
		return nil, err
	}
	m.Randomize(rng)
	return m, nil
}

// isingAverages reduces per-sample energies and magnetisations per spin
// to IsingStats.
func isingAverages(t, n float64, es, ms []float64) IsingStats {
	var e, e2, am, m2, m4 float64
	for k, ek := range es {
		mk := ms[k]
		e += ek
		e2 += ek * ek
		am += math.Abs(mk)
		m2 += mk * mk
		m4 += mk * mk * mk * mk
	}
	k := float64(len(es))
	e, e2, am, m2, m4 = e/k, e2/k, am/k, m2/k, m4/k
	beta := 1 / t
	st := IsingStats{
		T: t, Energy: e, AbsMagnetization: am,
		SpecificHeat:   n * beta * beta * math.Max(e2-e*e, 0),
		Susceptibility: n * beta * math.Max(m2-am*am, 0),
		M2:             m2, M4: m4,
		EnergyErr:           blockError(es, func(x float64) float64 { return x }),
		AbsMagnetizationErr: blockError(ms, math.Abs),
	}
	if m2 > 0 {
		st.Binder = 1 - m4/(3*m2*m2)
	}
	return st
}

// blockError is the standard error of the mean of f(x) from up to 20
// blocks of consecutive samples, which absorbs autocorrelation shorter
// than a block.
func blockError(xs []float64, f func(float64) float64) float64 {
	blocks := min(20, len(xs))
	if blocks < 2 {
		return math.NaN()
	}
	size := len(xs) / blocks
	means := make([]float64, blocks)
	var mean float64
	for b := range blocks {
		for _, x := range xs[b*size : (b+1)*size] {
			means[b] += f(x)
		}
		means[b] /= float64(size)
		mean += means[b]
	}
	mean /= float64(blocks)
	var v float64
	for _, mb := range means {
		v += (mb - mean) * (mb - mean)
	}
	return math.Sqrt(v / float64(blocks*(blocks-1)))
}
