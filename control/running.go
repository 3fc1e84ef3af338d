package control

import (
	"fmt"

	"github.com/qmlgo/qml/linalg"
)

// GuardPopulation is the running cost Weight·(1/m)·Σ_{g∈Guard} Σ_k |X_{g,k}|²:
// the population of the guard levels, averaged over the m propagated states
// and integrated over time, which keeps the evolution out of the levels
// above the essential ones at all times (Juqbox's leakage penalty,
// Petersson & Garcia 2022).
type GuardPopulation struct {
	Guard  []int
	Weight float64
}

// NewGuardPopulation returns the running cost for the given guard basis
// states of a d-level system.
func NewGuardPopulation(guard []int, d int, weight float64) (*GuardPopulation, error) {
	for _, g := range guard {
		if g < 0 || g >= d {
			return nil, fmt.Errorf("control: guard state %d out of range [0, %d)", g, d)
		}
	}
	if weight < 0 {
		return nil, fmt.Errorf("control: guard weight %v, want ≥ 0", weight)
	}
	return &GuardPopulation{Guard: append([]int(nil), guard...), Weight: weight}, nil
}

// Rate implements RunningCost.
func (g *GuardPopulation) Rate(x, grad *linalg.Matrix, scale float64) float64 {
	m := x.Cols
	pop := GuardLevelPopulation(x, g.Guard)
	if grad != nil {
		c := complex(scale*2*g.Weight/float64(m), 0)
		for _, r := range g.Guard {
			for k := range m {
				grad.Data[r*m+k] += c * x.Data[r*m+k]
			}
		}
	}
	return g.Weight * pop
}

// GuardLevelPopulation returns (1/m)·Σ_{g∈guard} Σ_k |X_{g,k}|², the mean
// population of the guard states over the m columns of X.
func GuardLevelPopulation(x *linalg.Matrix, guard []int) float64 {
	m := x.Cols
	var pop float64
	for _, r := range guard {
		pop += normSq(x.Data[r*m : (r+1)*m])
	}
	return pop / float64(m)
}
