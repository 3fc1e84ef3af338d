package optim

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
)

// ErrBelowV0 reports a loss at or below BBI's V0: the potential V = loss − V0
// must stay positive, so V0 has to lie below every loss the run can see.
var ErrBelowV0 = errors.New("optim: bbi: loss at or below v0")

// pcgStream is the second word of the PCG state of BBI's random stream;
// the first is BBIConfig.Seed.
const pcgStream = 0x9e3779b97f4a7c15

// BBIConfig holds the hyperparameters of BBI. The factory names are in
// parentheses.
type BBIConfig struct {
	DT float64 // time step Δt ("dt"), > 0; plays the learning rate's part
	// V0 ("v0") is subtracted from the loss to give the potential
	// V = loss − V0, which must stay positive: V0 must lie below the
	// smallest loss (0 for a non-negative loss). Called ΔV in the paper.
	V0     float64
	DeltaE float64 // energy δE above the initial potential ("delta_e"), >= 0
	// T0 ("t0") is the number of steps between the fixed bounces, >= 1.
	T0 int
	// T1 ("t1") is the number of steps without a new lowest loss after which
	// the momentum bounces, >= 1.
	T1 int
	// NBounces ("n_bounces") is how many fixed bounces happen, every T0
	// steps from the start (N_b in the paper), >= 0.
	NBounces int
	Seed     uint64 // seed of the bounce directions ("seed")
}

// DefaultBBIConfig returns the defaults New uses for "bbi": a non-negative
// loss (V0 = 0), δE = 1 and a few early bounces. Tune DT like a learning
// rate, and δE on the scale of the loss.
func DefaultBBIConfig() BBIConfig {
	return BBIConfig{DT: 0.01, V0: 0, DeltaE: 1, T0: 100, T1: 200, NBounces: 4}
}

func (c *BBIConfig) hypers() []hyper {
	return []hyper{
		{key: "dt", f: &c.DT}, {key: "v0", f: &c.V0}, {key: "delta_e", f: &c.DeltaE},
		{key: "t0", i: &c.T0}, {key: "t1", i: &c.T1}, {key: "n_bounces", i: &c.NBounces},
		{key: "seed", u: &c.Seed},
	}
}

// Validate reports a bad hyperparameter as a *ConfigError.
func (c BBIConfig) Validate() error {
	for _, err := range []error{
		checkPositive("bbi", "dt", c.DT),
		checkFinite("bbi", "v0", c.V0),
		checkNonNegative("bbi", "delta_e", c.DeltaE),
		checkAtLeast("bbi", "t0", c.T0, 1),
		checkAtLeast("bbi", "t1", c.T1, 1),
		checkAtLeast("bbi", "n_bounces", c.NBounces, 0),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// BBI is the energy-conserving optimizer of De Luca & Silverstein, "Born-Infeld
// (BI) for AI: Energy-Conserving Descent (ECD) for Optimization", ICML 2022
// (arXiv:2201.11137), after the authors' PyTorch optimizer (github.com/gbdl/BBI).
//
// The parameters θ move with a momentum π under the Born-Infeld Hamiltonian
//
//	H(θ, π) = V(θ)·√(1 + |π|²/V(θ)) = √(V² + V|π|²),   V = loss − V0 > 0,
//
// the Hamiltonian of the Lagrangian −V√(1 − |θ̇|²/V): the speed |θ̇| stays
// below √V, so the motion slows down only where the loss is low. Hamilton's
// equations are
//
//	θ̇ = ∂H/∂π = (V/E)·π,   π̇ = −∂H/∂θ = −½(V/E + E/V)·∇V,
//
// with E = H the conserved energy. Without friction the particle cannot come
// to rest in a local minimum above V = 0. The paper's argument is that
// chaotic mixing (helped by the bounces) makes it spend its time where the
// phase-space volume on the energy shell is, and that this volume grows as
// V → 0 (as V^(−d/2) in d dimensions), so the motion favours the lowest
// loss; how strongly depends on how much of the space lies at low loss.
//
// The energy is fixed on the first step at E = V(θ₀) + δE, and the momentum
// starts along −∇V with the magnitude |π|² = E²/V − V that this energy
// implies. Each Step, with V and ∇V at the current θ:
//
//  1. bounce, if due: redraw the direction of π uniformly on the sphere,
//     keeping |π| — every T0 steps for the first NBounces times, and
//     whenever T1 steps pass without a new lowest loss;
//  2. rescale π so that |π|² = E²/V − V, which makes H(θ, π) = E exactly
//     (skipped when V > E, where no real π has that energy: a large step or
//     a noisy mini-batch can land there);
//  3. π ← π − ½Δt(V/E + E/V)∇V, then θ ← θ + Δt(V/E)π.
//
// Two choices differ from the reference implementation: the bounce and the
// update share one Step, where the reference spends a gradient evaluation on
// the bounce alone (for a full-batch loss the trajectories agree, one
// evaluation sooner here); and the new direction is isotropic (Gaussian,
// normalised) rather than uniform in a cube.
//
// V = loss − V0 must stay positive: Step returns ErrBelowV0 otherwise, and
// V0 = 0 suits a non-negative loss.
type BBI struct {
	cfg BBIConfig
	src *rand.PCG
	rng *rand.Rand

	started    bool
	energy     float64   // E, fixed on the first step
	pi         []float64 // momentum π
	minV       float64   // lowest V seen
	sinceBest  int       // steps since V last reached a new lowest value
	sinceFixed int       // steps since the start or the last fixed bounce
	fixedDone  int       // fixed bounces performed
	bounces    int       // bounces of either kind performed
}

// NewBBI returns a BBI optimizer, or a *ConfigError for a bad cfg.
func NewBBI(cfg BBIConfig) (*BBI, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	src := rand.NewPCG(cfg.Seed, pcgStream)
	return &BBI{cfg: cfg, src: src, rng: rand.New(src)}, nil
}

// Step applies one BBI update to x, given the loss and its gradient at x.
// It returns ErrBelowV0 when loss ≤ V0.
func (b *BBI) Step(x []float64, loss float64, grad []float64) error {
	if err := checkStep(x, grad, len(b.pi)); err != nil {
		return err
	}
	if !finite(loss) {
		return fmt.Errorf("%w: loss = %v", ErrNonFinite, loss)
	}
	v := loss - b.cfg.V0
	if !(v > 0) {
		return fmt.Errorf("%w (loss %v, v0 %v): lower v0 below the smallest loss", ErrBelowV0, loss, b.cfg.V0)
	}
	if !b.started {
		b.start(v, grad)
	}
	b.bounceIfDue()
	b.conserveEnergy(v, grad)

	e, dt := b.energy, b.cfg.DT
	kick := 0.5 * dt * (v/e + e/v)
	drift := dt * v / e
	for i, g := range grad {
		b.pi[i] -= kick * g
		x[i] += drift * b.pi[i]
	}

	b.sinceBest++
	b.sinceFixed++
	if v < b.minV {
		b.minV = v
		b.sinceBest = 0
	}
	return nil
}

// start fixes the energy E = V + δE and sets π along −∇V with the magnitude
// E²/V − V that makes H(θ, π) = E.
func (b *BBI) start(v float64, grad []float64) {
	b.started = true
	b.energy = v + b.cfg.DeltaE
	b.minV = math.MaxFloat64
	b.pi = make([]float64, len(grad))
	b.alongDescent(grad, math.Sqrt(b.energy*b.energy/v-v))
}

// alongDescent sets π = −r·∇V/|∇V|, or r times a random unit vector where
// the gradient vanishes.
func (b *BBI) alongDescent(grad []float64, r float64) {
	n := floats.Norm(grad, 2)
	if n == 0 {
		b.randomDirection(r)
		return
	}
	for i, g := range grad {
		b.pi[i] = -r * g / n
	}
}

// randomDirection sets π to r times a unit vector drawn uniformly on the
// sphere (normalised standard normal entries).
func (b *BBI) randomDirection(r float64) {
	for {
		for i := range b.pi {
			b.pi[i] = b.rng.NormFloat64()
		}
		if n := floats.Norm(b.pi, 2); n > 0 {
			for i := range b.pi {
				b.pi[i] *= r / n
			}
			return
		}
	}
}

// bounceIfDue redraws the direction of π, keeping |π|, when a fixed bounce
// (every T0 steps, NBounces times) or a progress bounce (T1 steps without a
// new lowest loss) is due, and updates the counters.
func (b *BBI) bounceIfDue() {
	fixed := b.fixedDone < b.cfg.NBounces && b.sinceFixed >= b.cfg.T0
	if !fixed && b.sinceBest < b.cfg.T1 {
		return
	}
	if r := floats.Norm(b.pi, 2); r > 0 {
		b.randomDirection(r)
	}
	if fixed {
		b.fixedDone++
		b.sinceFixed = 0
	}
	b.sinceBest = 0
	b.bounces++
}

// conserveEnergy rescales π to |π|² = E²/V − V, so that H(θ, π) = E at the
// current θ; it leaves π alone when V > E.
func (b *BBI) conserveEnergy(v float64, grad []float64) {
	want := b.energy*b.energy/v - v
	if want < 0 {
		return
	}
	r := math.Sqrt(want)
	n := floats.Norm(b.pi, 2)
	if n == 0 {
		b.alongDescent(grad, r)
		return
	}
	for i := range b.pi {
		b.pi[i] *= r / n
	}
}

// SetLearningRate sets the time step Δt.
func (b *BBI) SetLearningRate(dt float64) error {
	if err := checkPositive("bbi", "dt", dt); err != nil {
		return err
	}
	b.cfg.DT = dt
	return nil
}

// bbiState is what BBI carries between steps, its random stream included.
type bbiState struct {
	Started    bool      `json:"started"`
	Energy     float64   `json:"energy"`
	Momentum   []float64 `json:"momentum"`
	MinV       float64   `json:"min_v"`
	SinceBest  int       `json:"since_best"`
	SinceFixed int       `json:"since_fixed"`
	FixedDone  int       `json:"fixed_done"`
	Bounces    int       `json:"bounces"`
	RNG        []byte    `json:"rng"`
}

// State implements Optimizer.
func (b *BBI) State() ([]byte, error) {
	rng, err := b.src.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("optim: bbi: encoding random state: %w", err)
	}
	return marshalState("bbi", bbiState{
		Started: b.started, Energy: b.energy, Momentum: b.pi, MinV: b.minV,
		SinceBest: b.sinceBest, SinceFixed: b.sinceFixed, FixedDone: b.fixedDone,
		Bounces: b.bounces, RNG: rng,
	})
}

// SetState implements Optimizer.
func (b *BBI) SetState(data []byte) error {
	var st bbiState
	if err := unmarshalState("bbi", data, &st); err != nil {
		return err
	}
	if st.Started != (len(st.Momentum) > 0) || (st.Started && !(st.Energy > 0)) {
		return fmt.Errorf("optim: bbi: inconsistent state (started %v, energy %v, %d momenta)", st.Started, st.Energy, len(st.Momentum))
	}
	src := rand.NewPCG(0, 0)
	if err := src.UnmarshalBinary(st.RNG); err != nil {
		return fmt.Errorf("optim: bbi: decoding random state: %w", err)
	}
	b.src, b.rng = src, rand.New(src)
	b.started, b.energy, b.pi, b.minV = st.Started, st.Energy, st.Momentum, st.MinV
	b.sinceBest, b.sinceFixed, b.fixedDone, b.bounces = st.SinceBest, st.SinceFixed, st.FixedDone, st.Bounces
	return nil
}
