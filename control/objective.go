package control

import (
	"github.com/qmlgo/qml/linalg"
)

// Objective is a figure of merit of the final propagated matrix X(T) =
// U(T)·X₀, whose columns are the propagated initial states (closed systems)
// or vectorised density matrices (open systems).
//
// The gradient convention: for a real J of complex X, Γ = ∂J/∂Re X +
// i·∂J/∂Im X, so that dJ = Re Tr(Γ†·dX).
type Objective interface {
	// Initial returns X₀ (d×m, or d²×m for open systems); the evaluator
	// does not modify it.
	Initial() *linalg.Matrix
	// Cost returns J(X) and, when grad is non-nil (shaped like X), adds Γ
	// to it.
	Cost(x, grad *linalg.Matrix) float64
	// Metrics returns named figures at X for reports: "infidelity",
	// "leakage", "energy", "energy_error" as they apply.
	Metrics(x *linalg.Matrix) map[string]float64
}

// RunningCost is a cost that accrues along the evolution, J_run =
// Σ_n Δt·r(X_n) over the slice ends n = 1…N (the right-endpoint rule for
// ∫r dt).
type RunningCost interface {
	// Rate returns r(X) and, when grad is non-nil, adds scale·∂r/∂X to it
	// (same convention as Objective).
	Rate(x, grad *linalg.Matrix, scale float64) float64
}

// Sum adds objectives that share the same initial states (the first one's).
type Sum []Objective

// Initial implements Objective.
func (s Sum) Initial() *linalg.Matrix { return s[0].Initial() }

// Cost implements Objective.
func (s Sum) Cost(x, grad *linalg.Matrix) float64 {
	var j float64
	for _, o := range s {
		j += o.Cost(x, grad)
	}
	return j
}

// Metrics implements Objective: the union, earlier objectives winning.
func (s Sum) Metrics(x *linalg.Matrix) map[string]float64 {
	out := map[string]float64{}
	for i := len(s) - 1; i >= 0; i-- {
		for k, v := range s[i].Metrics(x) {
			out[k] = v
		}
	}
	return out
}

// columnsOf returns the d×m matrix whose column k is basis state rows[k].
func columnsOf(d int, rows []int) *linalg.Matrix {
	m := &linalg.Matrix{Rows: d, Cols: len(rows), Data: make([]complex128, d*len(rows))}
	for k, r := range rows {
		m.Data[r*len(rows)+k] = 1
	}
	return m
}

// normSq returns Σ|x|².
func normSq(x []complex128) float64 {
	var s float64
	for _, v := range x {
		s += real(v)*real(v) + imag(v)*imag(v)
	}
	return s
}
