package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Hopfield is a Hopfield network (Hopfield, PNAS 79, 2554 (1982)) of N
// binary neurons s_i ∈ {−1, +1} with symmetric couplings W (zero
// diagonal) and energy E(s) = −½ sᵀWs. Stored patterns are local minima
// of E that recall falls into from nearby states, as long as the number
// of patterns P stays below about 0.138 N (Amit, Gutfreund and
// Sompolinsky, Phys. Rev. Lett. 55, 1530 (1985)).
type Hopfield struct {
	N int
	// W holds the couplings row-major, N×N.
	W []float64
}

// NewHopfield returns a network of n neurons with zero couplings.
func NewHopfield(n int) (*Hopfield, error) {
	if n < 1 || n > 1<<14 {
		return nil, fmt.Errorf("classical: Hopfield network of %d neurons, want 1 to 16384", n)
	}
	return &Hopfield{N: n, W: make([]float64, n*n)}, nil
}

// checkState reports a state that is not N values of ±1.
func (h *Hopfield) checkState(s []float64) error {
	if len(s) != h.N {
		return fmt.Errorf("classical: state has %d values, the network %d neurons", len(s), h.N)
	}
	for i, v := range s {
		if v != 1 && v != -1 {
			return fmt.Errorf("classical: neuron %d is %v, want ±1", i, v)
		}
	}
	return nil
}

// Store adds the patterns (each N values of ±1) by Hebb's rule,
// W += (1/N) Σ_μ ξ^μ ξ^μᵀ with the diagonal kept at zero.
func (h *Hopfield) Store(patterns [][]float64) error {
	for _, p := range patterns {
		if err := h.checkState(p); err != nil {
			return err
		}
	}
	inv := 1 / float64(h.N)
	for _, p := range patterns {
		for i, pi := range p {
			axpy(pi*inv, p, h.W[i*h.N:(i+1)*h.N])
			h.W[i*h.N+i] = 0
		}
	}
	return nil
}

// Energy returns E(s) = −½ sᵀWs.
func (h *Hopfield) Energy(s []float64) (float64, error) {
	if err := h.checkState(s); err != nil {
		return 0, err
	}
	var e float64
	for i, si := range s {
		e -= si * dot(h.W[i*h.N:(i+1)*h.N], s) / 2
	}
	return e, nil
}

// Recall runs the dynamics from s (updated in place) until no neuron
// changes or maxSweeps sweeps have run, and returns the sweeps used and
// whether it converged. Asynchronous recall (async true) updates neurons
// one at a time in a random order drawn from rng, s_i ← sign(W_i·s), which
// never raises the energy and always converges; synchronous recall
// updates all neurons at once from the previous state, which can also end
// in a two-cycle. A zero field keeps the neuron's state.
func (h *Hopfield) Recall(s []float64, async bool, maxSweeps int, rng *rand.Rand) (int, bool, error) {
	if err := h.checkState(s); err != nil {
		return 0, false, err
	}
	if maxSweeps < 1 {
		return 0, false, errors.New("classical: recall needs at least one sweep")
	}
	next := make([]float64, h.N)
	order := make([]int, h.N)
	for i := range order {
		order[i] = i
	}
	for sweep := 1; sweep <= maxSweeps; sweep++ {
		changed := false
		if async {
			rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
			for _, i := range order {
				if v := sign(dot(h.W[i*h.N:(i+1)*h.N], s), s[i]); v != s[i] {
					s[i], changed = v, true
				}
			}
		} else {
			for i := range next {
				next[i] = sign(dot(h.W[i*h.N:(i+1)*h.N], s), s[i])
				changed = changed || next[i] != s[i]
			}
			copy(s, next)
		}
		if !changed {
			return sweep, true, nil
		}
	}
	return maxSweeps, false, nil
}

// sign returns ±1 by the sign of x, or keep when x is 0.
func sign(x, keep float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return keep
}

// Overlap returns m = (1/N) Σ_i a_i b_i, 1 for equal states.
func Overlap(a, b []float64) float64 { return dot(a, b) / float64(len(a)) }

// CapacityPoint is one load of a capacity curve.
type CapacityPoint struct {
	// Load is α = P/N.
	Load float64
	// Patterns is P.
	Patterns int
	// Overlap is the mean final overlap with the pattern recall started
	// from; Retrieved the fraction of recalls ending with overlap ≥ 0.95.
	Overlap, Retrieved float64
}

// CapacityCurve measures retrieval against the load α = P/N for a network
// of n neurons: for each α it stores P = round(αn) random patterns (trials
// independent times), starts asynchronous recall at each stored pattern
// with a fraction flip of its neurons flipped, and records the mean final
// overlap and the fraction retrieved. Retrieval collapses near α_c ≈ 0.138
// (sharply as n → ∞, smeared at n = 100).
func CapacityCurve(n int, loads []float64, trials int, flip float64, rng *rand.Rand) ([]CapacityPoint, error) {
	if trials < 1 || !(flip >= 0 && flip < 0.5) {
		return nil, fmt.Errorf("classical: capacity curve with %d trials and flip fraction %v; want ≥ 1 and [0, 0.5)", trials, flip)
	}
	var out []CapacityPoint
	for _, a := range loads {
		p := int(math.Round(a * float64(n)))
		if p < 1 {
			return nil, fmt.Errorf("classical: load %v stores no pattern in %d neurons", a, n)
		}
		pt := CapacityPoint{Load: a, Patterns: p}
		for range trials {
			h, err := NewHopfield(n)
			if err != nil {
				return nil, err
			}
			pats := make([][]float64, p)
			for k := range pats {
				pats[k] = make([]float64, n)
				for i := range pats[k] {
					pats[k][i] = float64(2*rng.IntN(2) - 1)
				}
			}
			if err := h.Store(pats); err != nil {
				return nil, err
			}
			s := make([]float64, n)
			for _, pat := range pats {
				copy(s, pat)
				for i := range s {
					if rng.Float64() < flip {
						s[i] = -s[i]
					}
				}
				if _, _, err := h.Recall(s, true, 100, rng); err != nil {
					return nil, err
				}
				m := Overlap(s, pat)
				pt.Overlap += m
				if m >= 0.95 {
					pt.Retrieved++
				}
			}
		}
		pt.Overlap /= float64(trials * p)
		pt.Retrieved /= float64(trials * p)
		out = append(out, pt)
	}
	return out, nil
}

// RetrievalOverlap is m_c ≈ 0.967, the overlap of the retrieval state of
// the Hopfield model at its capacity α_c ≈ 0.138 in the replica solution
// of Amit, Gutfreund and Sompolinsky (Ann. Phys. 173, 30 (1987)): below
// α_c recall ends at least this close to the pattern, above it the
// retrieval state disappears.
const RetrievalOverlap = 0.967

// CapacityTransition returns the load at which the mean overlap of a
// capacity curve (loads increasing) first falls below RetrievalOverlap,
// linearly interpolated: the finite-size estimate of α_c.
func CapacityTransition(points []CapacityPoint) (float64, error) {
	for k := 1; k < len(points); k++ {
		a, b := points[k-1], points[k]
		if a.Overlap >= RetrievalOverlap && b.Overlap < RetrievalOverlap {
			return a.Load + (b.Load-a.Load)*(a.Overlap-RetrievalOverlap)/(a.Overlap-b.Overlap), nil
		}
	}
	return 0, errors.New("classical: the capacity curve does not cross the retrieval overlap")
}
