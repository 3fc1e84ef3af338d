package classical

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/dataset"
)

// IsingPhasesConfig configures IsingPhases. Zero fields take the defaults
// in brackets.
type IsingPhasesConfig struct {
	// L is the lattice side [16]; J the coupling [1].
	L int
	J float64
	// TMin and TMax bound the temperatures [1.5, 3.5]; Temperatures is
	// the number of evenly spaced values, ends included [21].
	TMin, TMax   float64
	Temperatures int
	// PerTemperature is the number of configurations kept at each
	// temperature [100].
	PerTemperature int
	// Exclude leaves out temperatures with |T − T_c| < Exclude [0: keep
	// all], the band where a finite lattice's phase is ambiguous.
	Exclude float64
	// Thermalize is the number of sweeps before the first configuration
	// at each temperature [200]; Interval the sweeps between kept
	// configurations [10]. Each temperature continues from the previous
	// one's lattice, scanning from hot to cold.
	Thermalize, Interval int
	// Algorithm is WolffUpdate [default] or MetropolisUpdate.
	Algorithm string
	// Symmetrize flips every configuration with negative magnetisation, so
	// that the ordered phase is one class of nearly-all-up lattices that a
	// linear model can separate; without it the ordered phase has two
	// halves (m ≈ ±1) and needs a nonlinear classifier.
	Symmetrize bool
	// Progress, if set, is called after each temperature with the number
	// done and the total.
	Progress func(done, total int)
}

// Ising phase labels.
const (
	Ordered    = 0 // T < T_c
	Disordered = 1 // T > T_c
)

// IsingPhases generates the phase-classification dataset of Carrasquilla
// and Melko (Nat. Phys. 13, 431 (2017)): equilibrium configurations of the
// J-coupled L×L Ising model at evenly spaced temperatures, labelled
// Ordered below J·T_c and Disordered above. Feature (r, c), named "s_r_c",
// is the spin at row r, column c as ±1; Targets holds each sample's
// temperature, so accuracy can be reported against T. Samples come
// grouped by temperature, cold to hot.
func IsingPhases(cfg IsingPhasesConfig, rng *rand.Rand) (*dataset.Dataset, error) {
	cfg.defaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	tc := cfg.J * CriticalTemperature
	var temps []float64
	for k := range cfg.Temperatures {
		t := cfg.TMin
		if cfg.Temperatures > 1 {
			t += (cfg.TMax - cfg.TMin) * float64(k) / float64(cfg.Temperatures-1)
		}
		if math.Abs(t-tc) >= cfg.Exclude {
			temps = append(temps, t)
		}
	}
	if len(temps) == 0 {
		return nil, fmt.Errorf("classical: Ising phases: every temperature lies within %v of T_c", cfg.Exclude)
	}
	n := cfg.L * cfg.L
	total := len(temps) * cfg.PerTemperature
	block := make([]float64, total*n)
	x := make([][]float64, total)
	y := make([]int, total)
	ts := make([]float64, total)
	m, err := NewIsing(cfg.L, cfg.J, 0)
	if err != nil {
		return nil, err
	}
	m.Randomize(rng)
	sw, err := newSweeper(cfg.Algorithm, cfg.J, 0)
	if err != nil {
		return nil, err
	}
	for k := len(temps) - 1; k >= 0; k-- {
		t := temps[k]
		beta := 1 / t
		if err := sw.thermalize(m, beta, cfg.Thermalize, rng); err != nil {
			return nil, err
		}
		for s := range cfg.PerTemperature {
			if s > 0 {
				for range cfg.Interval {
					if err := sw.sweep(m, beta, rng); err != nil {
						return nil, err
					}
				}
			}
			i := k*cfg.PerTemperature + s
			row := block[i*n : (i+1)*n : (i+1)*n]
			flip := 1.0
			if cfg.Symmetrize && m.Magnetization() < 0 {
				flip = -1
			}
			for j, sp := range m.Spins {
				row[j] = flip * float64(sp)
			}
			x[i], ts[i] = row, t
			if t > tc {
				y[i] = Disordered
			}
		}
		if cfg.Progress != nil {
			cfg.Progress(len(temps)-k, len(temps))
		}
	}
	d, err := dataset.New(fmt.Sprintf("ising-L%d", cfg.L), x, y)
	if err != nil {
		return nil, err
	}
	d.Targets = ts
	d.ClassNames = []string{"ordered", "disordered"}
	d.FeatureNames = make([]string, n)
	for r := range cfg.L {
		for c := range cfg.L {
			d.FeatureNames[r*cfg.L+c] = fmt.Sprintf("s_%d_%d", r, c)
		}
	}
	return d, d.Validate()
}

func (cfg *IsingPhasesConfig) defaults() {
	setDefault(&cfg.L, 16)
	setDefault(&cfg.J, 1)
	setDefault(&cfg.TMin, 1.5)
	setDefault(&cfg.TMax, 3.5)
	setDefault(&cfg.Temperatures, 21)
	setDefault(&cfg.PerTemperature, 100)
	setDefault(&cfg.Thermalize, 200)
	setDefault(&cfg.Interval, 10)
	if cfg.Algorithm == "" {
		cfg.Algorithm = WolffUpdate
	}
}

func (cfg *IsingPhasesConfig) check() error {
	switch {
	case !(cfg.TMin > 0 && cfg.TMax >= cfg.TMin) || math.IsInf(cfg.TMax, 0):
		return fmt.Errorf("classical: Ising phases temperatures [%v, %v], want 0 < TMin ≤ TMax", cfg.TMin, cfg.TMax)
	case cfg.Temperatures < 1 || cfg.PerTemperature < 1 || cfg.Thermalize < 0 || cfg.Interval < 1:
		return fmt.Errorf("classical: Ising phases counts: %d temperatures, %d per temperature, %d thermalisation sweeps, interval %d; want ≥ 1 (thermalisation ≥ 0)",
			cfg.Temperatures, cfg.PerTemperature, cfg.Thermalize, cfg.Interval)
	case !(cfg.Exclude >= 0):
		return fmt.Errorf("classical: Ising phases exclusion %v, want ≥ 0", cfg.Exclude)
	case !(cfg.J > 0):
		return fmt.Errorf("classical: Ising phases coupling J = %v, want a ferromagnet J > 0 (the phases are labelled by T_c)", cfg.J)
	}
	if cfg.L*cfg.L*cfg.Temperatures*cfg.PerTemperature > 1<<28 {
		return fmt.Errorf("classical: Ising phases: %d temperatures × %d samples × %d spins is too large", cfg.Temperatures, cfg.PerTemperature, cfg.L*cfg.L)
	}
	return nil
}

// setDefault sets *v to def when it is zero.
func setDefault[T int | float64](v *T, def T) {
	if *v == 0 {
		*v = def
	}
}
