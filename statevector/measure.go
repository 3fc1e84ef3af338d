package statevector

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Measure measures qubit q in the computational basis. The outcome is 1 with
// the Born probability p₁ = Σ_{i: bit q of i is 1} |a_i|², drawn from rng;
// the state then collapses onto the outcome and is renormalised, the
// projective-measurement postulate (Nielsen & Chuang, §2.2.3).
func (s *State) Measure(q int, rng *rand.Rand) (int, error) {
	if err := s.checkQubitRNG(q, rng); err != nil {
		return 0, err
	}
	return s.measure(q, rng, false), nil
}

// ResetQubit returns qubit q to |0⟩ the way hardware does: it measures q and,
// when the outcome is 1, flips it back. Entanglement with other qubits is
// resolved by the measurement, whose outcome is drawn from rng.
func (s *State) ResetQubit(q int, rng *rand.Rand) error {
	if err := s.checkQubitRNG(q, rng); err != nil {
		return err
	}
	s.measure(q, rng, true)
	return nil
}

func (s *State) checkQubitRNG(q int, rng *rand.Rand) error {
	if q < 0 || q >= s.n {
		return fmt.Errorf("statevector: qubit %d out of range [0, %d)", q, s.n)
	}
	if rng == nil {
		return fmt.Errorf("statevector: measurement needs a random source, got nil")
	}
	return nil
}

// measure draws the outcome of qubit q, projects onto it and renormalises;
// with reset it also moves the surviving amplitudes to q = 0. It returns
// the outcome.
func (s *State) measure(q int, rng *rand.Rand, reset bool) int {
	p0, p1 := s.qubitProbabilities(q)
	outcome, p := 0, p0
	if rng.Float64()*(p0+p1) < p1 {
		outcome, p = 1, p1
	}
	s.project(q, outcome, reset, 1/math.Sqrt(p))
	return outcome
}

// qubitProbabilities returns Σ|a_i|² over the indices with bit q 0 and 1.
func (s *State) qubitProbabilities(q int) (p0, p1 float64) {
	if s.single {
		return qubitProbabilities(floatView32(s.amp64), q)
	}
	return qubitProbabilities(floatView(s.amp), q)
}

// qubitProbabilities is State.qubitProbabilities on interleaved amplitudes.
func qubitProbabilities[F float](a []F, q int) (p0, p1 float64) {
	o, l := 1<<q, 1<<q-1
	half := len(a) / 4
	body := func(lo, hi int) (float64, float64) {
		var s0, s1 float64
		for i := lo; i < hi; i++ {
			i0 := i&l | (i&^l)<<1
			i1 := i0 | o
			x, y := float64(a[2*i0]), float64(a[2*i0+1])
			u, v := float64(a[2*i1]), float64(a[2*i1+1])
			s0 += x*x + y*y
			s1 += u*u + v*v
		}
		return s0, s1
	}
	w := workers(2*half, half)
	if w == 1 {
		return body(0, half)
	}
	part := make([]float64, 2*w)
	parallelFor(w, half, func(k, lo, hi int) { part[2*k], part[2*k+1] = body(lo, hi) })
	for k := range w {
		p0 += part[2*k]
		p1 += part[2*k+1]
	}
	return p0, p1
}

// project keeps the amplitudes with bit q equal to outcome, scaled by
// scale, and zeroes the others; with reset the kept amplitudes move to
// bit q = 0.
func (s *State) project(q, outcome int, reset bool, scale float64) {
	if s.single {
		project(floatView32(s.amp64), q, outcome, reset, float32(scale))
		return
	}
	project(floatView(s.amp), q, outcome, reset, scale)
}

// project is State.project on interleaved amplitudes.
func project[F float](a []F, q, outcome int, reset bool, c F) {
	o, l := 1<<q, 1<<q-1
	body := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			i0 := 2 * (i&l | (i&^l)<<1)
			i1 := i0 + 2*o
			switch {
			case outcome == 0:
				a[i0], a[i0+1] = c*a[i0], c*a[i0+1]
				a[i1], a[i1+1] = 0, 0
			case reset:
				a[i0], a[i0+1] = c*a[i1], c*a[i1+1]
				a[i1], a[i1+1] = 0, 0
			default:
				a[i0], a[i0+1] = 0, 0
				a[i1], a[i1+1] = c*a[i1], c*a[i1+1]
			}
		}
	}
	half := len(a) / 4
	if w := workers(2*half, half); w > 1 {
		parallelFor(w, half, func(_, lo, hi int) { body(lo, hi) })
		return
	}
	body(0, half)
}
