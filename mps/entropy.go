package mps

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/linalg"
)

// SchmidtValues returns the Schmidt coefficients of ψ across bond j
// (between qubits j and j+1), in descending order: the singular values of
// the centre site once the centre is on site j, where the sites on either
// side are orthonormal bases. Their squares sum to ‖ψ‖².
func (s *State) SchmidtValues(j int) ([]float64, error) {
	if j < 0 || j >= s.n-1 {
		return nil, fmt.Errorf("mps: bond %d out of range [0, %d)", j, s.n-1)
	}
	if err := s.moveCentre(j); err != nil {
		return nil, err
	}
	_, sv, _, err := linalg.SVD(s.sites[j].rows())
	return sv, err
}

// BondEntropies returns the von Neumann entanglement entropy, in bits,
// across each of the n−1 bonds: S_j = −Σ p log₂ p with p = λ²/Σλ² over the
// Schmidt coefficients λ of bond j. A Bell pair has S = 1, a product state
// S = 0. One sweep from the left computes them all: at each site the SVD of
// the centre gives the bond's Schmidt values and moves the centre right.
func (s *State) BondEntropies() ([]float64, error) {
	if err := s.moveCentre(0); err != nil {
		return nil, err
	}
	out := make([]float64, s.n-1)
	for j := range out {
		u, sv, vh, err := linalg.SVD(s.sites[j].rows())
		if err != nil {
			return nil, err
		}
		out[j] = entropy(sv)
		scaleRows(vh, sv)
		var next linalg.Matrix
		if err := next.Mul(vh, s.sites[j+1].cols()); err != nil {
			return nil, err
		}
		s.sites[j], s.sites[j+1] = fromRows(u), fromCols(&next)
		s.centre = j + 1
	}
	return out, nil
}

// entropy returns −Σ p log₂ p for p_i = λ_i²/Σλ².
func entropy(lambda []float64) float64 {
	var total float64
	for _, v := range lambda {
		total += v * v
	}
	var h float64
	for _, v := range lambda {
		if p := v * v / total; p > 0 {
			h -= p * math.Log2(p)
		}
	}
	return h
}
