package classical

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"time"

	"github.com/qmlgo/qml/optim"
)

// BoltzmannMachine is a fully visible Boltzmann machine (Ackley, Hinton
// and Sejnowski, Cogn. Sci. 9, 147 (1985)) over binary x ∈ {0,1}^N,
//
//	p(x) = e^{−E(x)}/Z,   E(x) = −Σ_{i<j} w_ij x_i x_j − Σ_i b_i x_i,
//
// the classical Ising-type model the quantum Boltzmann machines extend.
// Its log-likelihood gradient is the difference of data and model moments,
// ∂ log p/∂w_ij = ⟨x_i x_j⟩_data − ⟨x_i x_j⟩_model, which Gradient computes
// exactly by enumerating the 2^N states for N ≤ MaxExactUnits, and
// GibbsGradient estimates from persistent Gibbs chains otherwise.
type BoltzmannMachine struct {
	N int
	// Theta holds the couplings w_ij for i < j in row order (w_01, w_02,
	// …, w_12, …) followed by the biases b.
	Theta []float64
}

// NewBoltzmannMachine returns a machine over n units with couplings drawn
// from N(0, 0.01²) and zero biases.
func NewBoltzmannMachine(n int, rng *rand.Rand) (*BoltzmannMachine, error) {
	if n < 1 || n > 4096 {
		return nil, fmt.Errorf("classical: Boltzmann machine with %d units, want 1 to 4096", n)
	}
	m := &BoltzmannMachine{N: n, Theta: make([]float64, n*(n-1)/2+n)}
	for k := range n * (n - 1) / 2 {
		m.Theta[k] = 0.01 * rng.NormFloat64()
	}
	return m, nil
}

// coupling returns the index of w_ij (i < j) in Theta.
func (m *BoltzmannMachine) coupling(i, j int) int { return i*(2*m.N-i-1)/2 + j - i - 1 }

// field writes b_i + Σ_j w_ij x_j into h for every i.
func (m *BoltzmannMachine) field(x, h []float64) {
	n := m.N
	copy(h, m.Theta[n*(n-1)/2:])
	k := 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			w := m.Theta[k]
			h[i] += w * x[j]
			h[j] += w * x[i]
			k++
		}
	}
}

// Energy returns E(x).
func (m *BoltzmannMachine) Energy(x []float64) (float64, error) {
	if len(x) != m.N {
		return 0, fmt.Errorf("classical: sample has %d values, the machine %d units", len(x), m.N)
	}
	n := m.N
	e, k := 0.0, 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			e -= m.Theta[k] * x[i] * x[j]
			k++
		}
	}
	return e - dot(m.Theta[n*(n-1)/2:], x), nil
}

// ExactLogZ returns log Z by enumerating the 2^N states in Gray-code order
// (each step updates the energy from the flipped unit's field).
func (m *BoltzmannMachine) ExactLogZ() (float64, error) {
	logZ, _, err := m.exact(false)
	return logZ, err
}

// exact enumerates the states and returns log Z and, if moments is set,
// the model moments ⟨x_i x_j⟩ (i < j) and ⟨x_i⟩ in Theta's layout.
func (m *BoltzmannMachine) exact(moments bool) (float64, []float64, error) {
	n := m.N
	if n > MaxExactUnits {
		return 0, nil, fmt.Errorf("classical: exact enumeration of 2^%d states; at most 2^%d (use GibbsGradient)", n, MaxExactUnits)
	}
	x := make([]float64, n)
	h := make([]float64, n)
	m.field(x, h)
	// Two passes: the largest −E, then the sums relative to it.
	var mom []float64
	if moments {
		mom = make([]float64, len(m.Theta))
	}
	negE, best := 0.0, 0.0
	visit := func(pass int, sum *float64) {
		clear(x)
		m.field(x, h)
		negE = 0
		for s := uint64(0); s < 1<<n; s++ {
			if s > 0 {
				i := bits.TrailingZeros64(s)
				d := 1 - 2*x[i] // +1 switching on, −1 off
				negE += d * h[i]
				x[i] += d
				// Unit i's change moves every other unit's field.
				for j := range n {
					if j != i {
						lo, hi := min(i, j), max(i, j)
						h[j] += d * m.Theta[m.coupling(lo, hi)]
					}
				}
			}
			if pass == 0 {
				best = math.Max(best, negE)
				continue
			}
			w := math.Exp(negE - best)
			*sum += w
			if moments {
				k := 0
				for i := range n {
					for j := i + 1; j < n; j++ {
						mom[k] += w * x[i] * x[j]
						k++
					}
				}
				axpy(w, x, mom[k:])
			}
		}
	}
	var z float64
	visit(0, &z)
	visit(1, &z)
	for k := range mom {
		mom[k] /= z
	}
	return best + math.Log(z), mom, nil
}

// dataMoments returns ⟨x_i x_j⟩ and ⟨x_i⟩ over x in Theta's layout.
func (m *BoltzmannMachine) dataMoments(x [][]float64) ([]float64, error) {
	n := m.N
	mom := make([]float64, len(m.Theta))
	for _, v := range x {
		if len(v) != n {
			return nil, fmt.Errorf("classical: sample has %d values, the machine %d units", len(v), n)
		}
		k := 0
		for i := range n {
			for j := i + 1; j < n; j++ {
				mom[k] += v[i] * v[j]
				k++
			}
		}
		axpy(1, v, mom[k:])
	}
	scale(1/float64(len(x)), mom)
	return mom, nil
}

// Gradient writes the exact gradient of the mean negative log-likelihood
// of x, ⟨·⟩_model − ⟨·⟩_data, into grad and returns the NLL (N ≤
// MaxExactUnits).
func (m *BoltzmannMachine) Gradient(x [][]float64, grad []float64) (float64, error) {
	if len(x) == 0 {
		return 0, errors.New("classical: gradient of no samples")
	}
	data, err := m.dataMoments(x)
	if err != nil {
		return 0, err
	}
	logZ, model, err := m.exact(true)
	if err != nil {
		return 0, err
	}
	var e float64
	for _, v := range x {
		ev, _ := m.Energy(v)
		e += ev
	}
	for k := range grad {
		grad[k] = model[k] - data[k]
	}
	return e/float64(len(x)) + logZ, nil
}

// Gibbs advances the chains (rows of states, 0/1 values) by sweeps sweeps
// of single-unit heat-bath updates, x_i ~ Bernoulli(σ(b_i + Σ_j w_ij x_j)).
func (m *BoltzmannMachine) Gibbs(states [][]float64, sweeps int, rng *rand.Rand) {
	n := m.N
	h := make([]float64, n)
	for _, x := range states {
		m.field(x, h)
		for range sweeps {
			for i := range n {
				nx := bernoulli(rng.Float64(), sigmoid(h[i]))
				if d := nx - x[i]; d != 0 {
					x[i] = nx
					// Keep every other unit's field current.
					for j := range n {
						if j != i {
							h[j] += d * m.Theta[m.coupling(min(i, j), max(i, j))]
						}
					}
				}
			}
		}
	}
}

// GibbsGradient estimates the NLL gradient from the data and persistent
// chains (advanced by sweeps Gibbs sweeps first), for machines too large
// to enumerate.
func (m *BoltzmannMachine) GibbsGradient(x, chains [][]float64, sweeps int, grad []float64, rng *rand.Rand) error {
	data, err := m.dataMoments(x)
	if err != nil {
		return err
	}
	m.Gibbs(chains, sweeps, rng)
	model, err := m.dataMoments(chains)
	if err != nil {
		return err
	}
	for k := range grad {
		grad[k] = model[k] - data[k]
	}
	return nil
}

// BoltzmannTraining configures BoltzmannMachine.Fit. Zero fields take the
// defaults in brackets.
type BoltzmannTraining struct {
	// Epochs is the number of full-batch updates (≥ 1).
	Epochs int
	// Optimizer steps on the gradient [Adam, lr 0.05].
	Optimizer optim.Optimizer
	// Exact uses Gradient (N ≤ MaxExactUnits); otherwise Chains persistent
	// chains [100] advanced Sweeps [1] Gibbs sweeps per update.
	Exact          bool
	Chains, Sweeps int
	// OnEpoch, if set, receives the epoch and, with Exact, the NLL.
	OnEpoch func(epoch int, nll float64, seconds float64)
}

// Fit trains m on the binary rows of x.
func (m *BoltzmannMachine) Fit(x [][]float64, cfg BoltzmannTraining, rng *rand.Rand) error {
	setDefault(&cfg.Chains, 100)
	setDefault(&cfg.Sweeps, 1)
	if cfg.Epochs < 1 || len(x) == 0 {
		return fmt.Errorf("classical: Boltzmann training with %d epochs on %d samples", cfg.Epochs, len(x))
	}
	opt := cfg.Optimizer
	if opt == nil {
		var err error
		if opt, err = optim.New("adam", map[string]float64{"lr": 0.05}); err != nil {
			return err
		}
	}
	chains := make([][]float64, cfg.Chains)
	for c := range chains {
		chains[c] = make([]float64, m.N)
		for i := range chains[c] {
			chains[c][i] = float64(rng.IntN(2))
		}
	}
	grad := make([]float64, len(m.Theta))
	for e := 1; e <= cfg.Epochs; e++ {
		start := time.Now()
		nll := math.NaN()
		var err error
		if cfg.Exact {
			nll, err = m.Gradient(x, grad)
		} else {
			err = m.GibbsGradient(x, chains, cfg.Sweeps, grad, rng)
		}
		if err != nil {
			return err
		}
		if err := opt.Step(m.Theta, nll, grad); err != nil {
			return fmt.Errorf("classical: epoch %d: %w", e, err)
		}
		if cfg.OnEpoch != nil {
			cfg.OnEpoch(e, nll, time.Since(start).Seconds())
		}
	}
	return nil
}
