package mps_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// randomCircuit is backendtest.RandomCircuit (every named gate, qubits in
// random order so most pairs are not neighbours, explicit 1–2 qubit
// unitaries) with explicit unitaries on 3 to 5 qubits added now and then.
func randomCircuit(rng *rand.Rand, n, gates int) *circuit.Circuit {
	c := backendtest.RandomCircuit(rng, n, gates)
	for i := 0; i < gates/8 && n >= 3; i++ {
		k := 3 + rng.IntN(min(n, 5)-2)
		c.Unitary(backendtest.RandomUnitary(rng, 1<<k), rng.Perm(n)[:k]...)
	}
	if c.Err() != nil {
		panic(c.Err())
	}
	return c
}

// exactCase is one seeded random circuit of the exactness test.
type exactCase struct {
	n, gates int
	seed     uint64
}

// exactCases returns the default cases: 120 circuits on 2–10 qubits, and
// without -short a few on 12–20 qubits whose gate count keeps the exact bond
// dimension moderate.
func exactCases(short bool) []exactCase {
	var cs []exactCase
	for i := range 120 {
		n := 2 + i%9
		cs = append(cs, exactCase{n, 10 + 3*n, uint64(i)})
	}
	if !short {
		for i, n := range []int{12, 14, 16, 18, 20} {
			cs = append(cs, exactCase{n, 2 * n, uint64(1000 + i)})
		}
	}
	return cs
}

// With χ unbounded the MPS is exact: amplitudes and expectation values match
// the dense state vector (an independent simulator) to 1e-10.
func TestExactAgainstStateVector(t *testing.T) {
	for _, tc := range exactCases(testing.Short()) {
		rng := rand.New(rand.NewPCG(tc.seed, 77))
		c := randomCircuit(rng, tc.n, tc.gates)
		b := backendtest.RandomBinding(rng, c)
		obs := []circuit.Observable{backendtest.RandomObservable(rng, tc.n), backendtest.RandomObservable(rng, tc.n)}

		ref, err := statevector.New(tc.n)
		if err != nil {
			t.Fatal(err)
		}
		if err := ref.Run(c, b); err != nil {
			t.Fatal(err)
		}
		s, err := mps.New(tc.n, mps.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Run(c, b); err != nil {
			t.Fatalf("n=%d seed %d: %v", tc.n, tc.seed, err)
		}
		got, err := s.StateVector()
		if err != nil {
			t.Fatal(err)
		}
		want := ref.Amplitudes()
		worst := 0.0
		for i := range want {
			worst = math.Max(worst, cmplx.Abs(got[i]-want[i]))
		}
		if worst > 1e-10 {
			t.Fatalf("n=%d seed %d: max amplitude error %.3g", tc.n, tc.seed, worst)
		}
		// Single amplitudes through the chain, on a few basis states.
		for range 3 {
			i := rng.IntN(1 << tc.n)
			a, err := s.Amplitude(statevector.Bitstring(i, tc.n))
			if err != nil {
				t.Fatal(err)
			}
			if cmplx.Abs(a-want[i]) > 1e-10 {
				t.Fatalf("n=%d seed %d: <%d|ψ> = %v, state vector %v", tc.n, tc.seed, i, a, want[i])
			}
		}
		e, err := s.Expectations(obs)
		if err != nil {
			t.Fatal(err)
		}
		we, err := ref.Expectations(obs)
		if err != nil {
			t.Fatal(err)
		}
		for k := range we {
			if math.Abs(e[k]-we[k]) > 1e-10 {
				t.Fatalf("n=%d seed %d: <O_%d> = %.15g, state vector %.15g", tc.n, tc.seed, k, e[k], we[k])
			}
		}
		if r := s.Report(); r.FidelityEstimate < 1-1e-15 {
			t.Fatalf("n=%d seed %d: unbounded χ reported fidelity %v", tc.n, tc.seed, r.FidelityEstimate)
		}
	}
}

// Edge cases: one qubit (no bonds), and an explicit unitary on eight
// scattered qubits of twelve, applied as one contracted block after a swap
// network.
func TestExactEdgeCases(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	one := circuit.New(1).H(0).T(0).RX(0, circuit.Const(0.4))
	big := circuit.New(12)
	for q := range 12 {
		big.RY(q, circuit.Const(rng.Float64()))
	}
	big.Unitary(backendtest.RandomUnitary(rng, 1<<8), rng.Perm(12)[:8]...)
	for _, c := range []*circuit.Circuit{one, big} {
		want := exactState(t, c, circuit.Binding{})
		s, err := mps.New(c.NumQubits, mps.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Run(c, circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		got, err := s.StateVector()
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			if cmplx.Abs(got[i]-want[i]) > 1e-10 {
				t.Fatalf("%d qubits: amplitude %d = %v, want %v", c.NumQubits, i, got[i], want[i])
			}
		}
		h, err := s.BondEntropies()
		if err != nil || len(h) != c.NumQubits-1 {
			t.Errorf("%d qubits: %d entropies, %v", c.NumQubits, len(h), err)
		}
	}
}
