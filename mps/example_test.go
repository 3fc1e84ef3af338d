package mps_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
)

// The Bell state (|00⟩ + |11⟩)/√2: two amplitudes of 1/√2 and one bit of
// entanglement across the bond.
func Example() {
	s, err := mps.New(2, mps.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := s.Run(circuit.New(2).H(0).CX(0, 1), circuit.Binding{}); err != nil {
		fmt.Println(err)
		return
	}
	a00, _ := s.Amplitude("00")
	a11, _ := s.Amplitude("11")
	h, _ := s.BondEntropies()
	fmt.Printf("<00|ψ> = %.4f, <11|ψ> = %.4f, entropy %.4f bit, bonds %v\n", real(a00), real(a11), h[0], s.BondDims())
	// Output:
	// <00|ψ> = 0.7071, <11|ψ> = 0.7071, entropy 1.0000 bit, bonds [2]
}

// A GHZ state on 1000 qubits needs bond dimension 2 only; its Pauli
// correlations are read by transfer matrices without a state vector.
func ExampleState_Expectations() {
	const n = 1000
	c := circuit.New(n).H(0)
	for q := 0; q+1 < n; q++ {
		c.CX(q, q+1)
	}
	s, _ := mps.New(n, mps.Options{MaxBond: 2})
	if err := s.Run(c, circuit.Binding{}); err != nil {
		fmt.Println(err)
		return
	}
	xs, ys := make([]circuit.PauliOp, n), make([]circuit.PauliOp, n)
	for q := range xs {
		xs[q], ys[q] = circuit.X(q), circuit.X(q)
	}
	ys[0], ys[1] = circuit.Y(0), circuit.Y(1)
	e, _ := s.Expectations([]circuit.Observable{
		circuit.Sum(circuit.Term(1, circuit.Z(0), circuit.Z(n-1))),
		circuit.Sum(circuit.Term(1, xs...)),
		circuit.Sum(circuit.Term(1, ys...)),
	})
	fmt.Printf("<Z0 Z999> = %.4f, <X…X> = %.4f, <Y Y X…X> = %.4f, fidelity %v\n", e[0], e[1], e[2], s.Report().FidelityEstimate)
	// Output:
	// <Z0 Z999> = 1.0000, <X…X> = 1.0000, <Y Y X…X> = -1.0000, fidelity 1
}

// Execute samples shots exactly from the final MPS; a GHZ state gives only
// the all-zeros and all-ones strings.
func ExampleExecute() {
	const n = 60
	c := circuit.New(n).H(0)
	for q := 0; q+1 < n; q++ {
		c.CX(q, q+1)
	}
	res, err := mps.Execute(c, circuit.Binding{}, 1000, rand.New(rand.NewPCG(1, 2)), mps.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	zeros, ones := res.Counts[strings.Repeat("0", n)], res.Counts[strings.Repeat("1", n)]
	fmt.Printf("%d outcomes, %d shots on the GHZ strings, max bond %d\n", len(res.Counts), zeros+ones, res.Report.MaxBond)
	// Output:
	// 2 outcomes, 1000 shots on the GHZ strings, max bond 2
}

// A bond limit trades accuracy for time: the report says how much was
// discarded and warns below the chosen fidelity.
func ExampleState_Report() {
	const n = 24
	rng := rand.New(rand.NewPCG(7, 7))
	c := circuit.New(n)
	for l := range 12 {
		for q := range n {
			c.U(q, circuit.Const(3*rng.Float64()), circuit.Const(6*rng.Float64()), circuit.Const(6*rng.Float64()))
		}
		for q := l % 2; q+1 < n; q += 2 {
			c.CZ(q, q+1)
		}
	}
	s, _ := mps.New(n, mps.Options{MaxBond: 8, WarnFidelity: 0.9})
	if err := s.Run(c, circuit.Binding{}); err != nil {
		fmt.Println(err)
		return
	}
	r := s.Report()
	fmt.Printf("max bond %d, fidelity estimate %.2f, warned %v\n", r.MaxBond, r.FidelityEstimate, r.Warning != "")
	// Output:
	// max bond 8, fidelity estimate 0.84, warned true
}

// The Simulator is the vqc Backend: ⟨Z⟩ after RY(θ) is cos θ.
func ExampleSimulator() {
	sim := &mps.Simulator{Options: mps.Options{MaxBond: 32}}
	c := circuit.New(1).RY(0, circuit.Weight(0))
	e, err := sim.Expectations(c, circuit.Binding{Weights: []float64{1.0471975511965976}}, []circuit.Observable{circuit.Sum(circuit.Term(1, circuit.Z(0)))})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("<Z> = %.4f\n", e[0])
	// Output:
	// <Z> = 0.5000
}
