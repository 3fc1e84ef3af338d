package mps

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Measure measures qubit q in the computational basis, collapsing ψ onto
// the outcome (drawn from rng with the Born probability) and renormalising
// it. It returns the outcome. The measurement is local: with the centre
// moved to q, P(s_q = v) is the weight of the centre site's slice s = v, and
// projecting that slice keeps the canonical form.
func (s *State) Measure(q int, rng *rand.Rand) (int, error) {
	if err := s.checkQubitRNG(q, rng); err != nil {
		return 0, err
	}
	return s.measure(q, rng, false)
}

// ResetQubit returns qubit q to |0⟩: a measurement whose outcome is
// discarded, followed by a flip back to 0 when it was 1.
func (s *State) ResetQubit(q int, rng *rand.Rand) error {
	if err := s.checkQubitRNG(q, rng); err != nil {
		return err
	}
	_, err := s.measure(q, rng, true)
	return err
}

func (s *State) checkQubitRNG(q int, rng *rand.Rand) error {
	if err := s.checkQubit(q); err != nil {
		return err
	}
	if rng == nil {
		return fmt.Errorf("mps: measurement needs a random source, got nil")
	}
	return nil
}

func (s *State) measure(q int, rng *rand.Rand, reset bool) (int, error) {
	p0, p1, err := s.qubitProbabilities(q)
	if err != nil {
		return 0, err
	}
	v := 0
	if rng.Float64()*(p0+p1) < p1 {
		v = 1
	}
	p := p0
	if v == 1 {
		p = p1
	}
	s.project(q, v, reset, 1/math.Sqrt(p))
	return v, nil
}

// qubitProbabilities moves the centre to q and returns the weights of
// s_q = 0 and s_q = 1 (summing to ‖ψ‖²).
func (s *State) qubitProbabilities(q int) (p0, p1 float64, err error) {
	if err := s.moveCentre(q); err != nil {
		return 0, 0, err
	}
	a := s.sites[q]
	for x := range a.l {
		p0 += sumSquares(a.d[2*x*a.r : (2*x+1)*a.r])
		p1 += sumSquares(a.d[(2*x+1)*a.r : (2*x+2)*a.r])
	}
	return p0, p1, nil
}

// project keeps the slice s_q = v of the centre site q, scaled by scale,
// and zeroes the other; with reset the kept slice is moved to s_q = 0.
func (s *State) project(q, v int, reset bool, scale float64) {
	a := s.sites[q]
	f := complex(scale, 0)
	for x := range a.l {
		keep := a.d[(2*x+v)*a.r : (2*x+v+1)*a.r]
		drop := a.d[(2*x+1-v)*a.r : (2*x+2-v)*a.r]
		for b := range keep {
			keep[b] *= f
		}
		clear(drop)
		if reset && v == 1 {
			for b := range keep {
				keep[b], drop[b] = drop[b], keep[b]
			}
		}
	}
}
