package mps

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/linalg"
)

// Sample draws shots measurements of every qubit with the Born
// probabilities |⟨b|ψ⟩|² and returns how often each bitstring (qubit 0
// rightmost) came up.
//
// The draws are exact, by sequential conditional sampling (Ferris & Vidal,
// Phys. Rev. B 85, 165146 (2012)): with the centre on site 0 every other
// site is right-canonical, so after the values s_0 … s_{j−1} have been drawn
// with the normalised row vector v = A_0[s_0] ⋯ A_{j−1}[s_{j−1}] / ‖…‖, the
// conditional probability of s_j is ‖v·A_j[s_j]‖². Shots that agree on a
// prefix share one vector: at each site a group of shots splits between the
// two values with the conditional probabilities, and all groups advance
// together through one matrix product per site. The cost is O(n·g·χ²), g
// the number of distinct prefixes (at most shots), not O(2^n).
//
// rng must be non-nil when shots > 0. The centre moves to site 0.
func (s *State) Sample(shots int, rng *rand.Rand) (map[string]int, error) {
	switch {
	case shots < 0:
		return nil, fmt.Errorf("mps: %d shots; want 0 or more", shots)
	case shots > 0 && rng == nil:
		return nil, fmt.Errorf("mps: %d shots need a random source, got nil", shots)
	}
	counts := make(map[string]int)
	if shots == 0 {
		return counts, nil
	}
	if err := s.moveCentre(0); err != nil {
		return nil, err
	}
	type prefix struct { // a node of the tree of drawn prefixes
		parent *prefix
		bit    byte
	}
	type group struct {
		shots int
		last  *prefix
	}
	groups := []group{{shots: shots}}
	v := &linalg.Matrix{Rows: 1, Cols: 1, Data: []complex128{complex(1/s.Norm(), 0)}}
	for _, a := range s.sites {
		var w linalg.Matrix // row g: [v_g·A[0] | v_g·A[1]]
		if err := w.Mul(v, a.cols()); err != nil {
			return nil, err
		}
		var next []group
		var rows []complex128
		for g, grp := range groups {
			row := w.Data[g*2*a.r : (g+1)*2*a.r]
			half := [2][]complex128{row[:a.r], row[a.r:]}
			p := [2]float64{sumSquares(half[0]), sumSquares(half[1])}
			ones := 0
			for range grp.shots {
				if rng.Float64()*(p[0]+p[1]) < p[1] {
					ones++
				}
			}
			for bit, m := range [2]int{grp.shots - ones, ones} {
				if m == 0 {
					continue
				}
				f := complex(1/math.Sqrt(p[bit]), 0)
				for _, x := range half[bit] {
					rows = append(rows, f*x)
				}
				next = append(next, group{shots: m, last: &prefix{grp.last, byte(bit)}})
			}
		}
		groups = next
		v = &linalg.Matrix{Rows: len(groups), Cols: a.r, Data: rows}
	}
	key := make([]byte, s.n)
	for _, g := range groups {
		i := 0 // the leaf is qubit n−1, printed first
		for p := g.last; p != nil; p = p.parent {
			key[i] = '0' + p.bit
			i++
		}
		counts[string(key)] += g.shots
	}
	return counts, nil
}

func sumSquares(x []complex128) float64 {
	var s float64
	for _, v := range x {
		s += real(v)*real(v) + imag(v)*imag(v)
	}
	return s
}
