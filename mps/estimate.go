package mps

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/circuit"
)

// Cost bounds what a circuit can need on an MPS, computed before it runs
// from the circuit's structure alone.
//
// The bound follows every split the simulation will make (swaps included)
// and caps each bond dimension by what that split can produce: the rank of
// the matrix split, min(2·χ_left, 2·χ_right); the operator-Schmidt rank of
// a two-qubit gate times the bond it acts across (2 for controlled,
// diagonal and rxx/ryy gates, 4 otherwise); the dimension of the smaller
// side, 2^min(j+1, n−j−1); and Options.MaxBond. Product-like circuits get
// small bounds (GHZ on any n: 2) without running anything.
type Cost struct {
	// MaxBond bounds every bond dimension the run can reach.
	MaxBond float64
	// Bytes bounds the peak memory: every site at its bond bound plus the
	// workspace of the largest split.
	Bytes float64
	// Splits is the number of truncated SVDs the run makes (one per
	// two-qubit gate or swap, k−1 per gate on k ≥ 3 qubits).
	Splits int
	// Work is Σ m·n·min(m, n) over the m × n matrices split at their bond
	// bounds, the order of the SVD's operation count: the variable of the
	// time model that --backend auto uses.
	Work float64
}

// EstimateCost returns the Cost of running c from |0…0⟩ under opts. It
// returns an error for invalid options or an invalid circuit.
func EstimateCost(c *circuit.Circuit, opts Options) (Cost, error) {
	if c == nil {
		return Cost{}, fmt.Errorf("mps: nil circuit")
	}
	if err := c.Err(); err != nil {
		return Cost{}, err
	}
	if err := opts.Validate(); err != nil {
		return Cost{}, err
	}
	if c.NumQubits < 1 {
		return Cost{}, fmt.Errorf("mps: circuit on %d qubits", c.NumQubits)
	}
	bonds := make([]float64, c.NumQubits-1)
	for j := range bonds {
		bonds[j] = 1
	}
	return estimate(bonds, c.Ops, opts), nil
}

// checkMemory returns an error when running ops on bonds would exceed the
// memory cap of opts, with copies live states (trajectories branch).
func checkMemory(bonds []float64, ops []circuit.Op, opts Options, copies int) error {
	c := estimate(bonds, ops, opts)
	need, limit := c.Bytes*float64(copies), float64(opts.memoryCap())
	if need > limit {
		return fmt.Errorf("mps: the circuit may need %s (bond dimension up to %.4g), more than the %s memory cap; set a smaller maximum bond dimension or raise the cap",
			formatBytes(need), c.MaxBond, formatBytes(limit))
	}
	return nil
}

// estimate runs the bound of Cost through the gates of ops from the bond
// dimensions bonds (which it updates).
func estimate(bonds []float64, ops []circuit.Op, opts Options) Cost {
	n := len(bonds) + 1
	chi := math.Inf(1)
	if opts.MaxBond > 0 {
		chi = float64(opts.MaxBond)
	}
	bond := func(j int) float64 { // bonds[j], 1 beyond the ends
		if j < 0 || j >= n-1 {
			return 1
		}
		return bonds[j]
	}
	// cap bounds bond j by the smaller side's dimension and χ.
	limit := func(j int, v float64) float64 {
		return math.Min(math.Min(v, math.Ldexp(1, min(j+1, n-j-1))), chi)
	}
	var c Cost
	var work float64 // largest workspace, elements
	split := func(j int, rank, m, cols float64) {
		bonds[j] = limit(j, math.Min(rank, math.Min(m, cols)))
		c.Splits++
		c.Work += m * cols * math.Min(m, cols)
	}
	pair := func(i int, schmidt float64) {
		m, cols := 2*bond(i-1), 2*bond(i+1)
		split(i, schmidt*bonds[i], m, cols)
		work = math.Max(work, m*cols)
	}
	for i := range ops {
		op := &ops[i]
		if op.Kind != circuit.GateOp || len(op.Qubits) < 2 {
			continue
		}
		w, swaps, _ := route(op.Qubits)
		for _, j := range swaps {
			pair(j, 4)
		}
		if k := len(op.Qubits); k == 2 {
			pair(w, schmidtRank(op))
		} else {
			lb, rb := bond(w-1), bond(w+k-1)
			work = math.Max(work, math.Ldexp(lb*rb, k))
			for t := range k - 1 {
				split(w+t, math.Inf(1), 2*bond(w+t-1), math.Ldexp(rb, k-1-t))
			}
		}
		for t := len(swaps) - 1; t >= 0; t-- {
			pair(swaps[t], 4)
		}
	}
	c.MaxBond = 1
	sites := 0.0
	for j := range n {
		sites += 2 * bond(j-1) * bond(j)
		c.MaxBond = math.Max(c.MaxBond, bond(j))
	}
	// A split holds θ, its copy inside the SVD, U, V† and the bidiagonal
	// factors: about eight matrices of θ's size.
	c.Bytes = 16 * (sites + 8*work)
	return c
}

// schmidtRank bounds the operator-Schmidt rank of a two-qubit gate: 2 for
// controlled gates (|0⟩⟨0|⊗I + |1⟩⟨1|⊗U), diagonal gates and rxx, ryy
// (cos·I⊗I − i·sin·P⊗P); 4 for anything else.
func schmidtRank(op *circuit.Op) float64 {
	if g := op.Gate; g != nil && (g.Controls > 0 || g.Diagonal || g.Name == "rxx" || g.Name == "ryy") {
		return 2
	}
	return 4
}
