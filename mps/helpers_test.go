package mps_test

import (
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// brickwork returns the circuit of the shared brickwork benchmark on n
// qubits: each layer a Haar-random single-qubit unitary on every qubit,
// then cz on (0,1), (2,3), … in even layers and (1,2), (3,4), … in odd ones.
func brickwork(rng *rand.Rand, n, depth int) *circuit.Circuit {
	c := circuit.New(n)
	for l := range depth {
		for q := range n {
			c.Unitary(haar2(rng), q)
		}
		for q := l % 2; q+1 < n; q += 2 {
			c.CZ(q, q+1)
		}
	}
	if c.Err() != nil {
		panic(c.Err())
	}
	return c
}

// haar2 is a Haar-random 2×2 unitary (Gram–Schmidt of a complex Gaussian
// matrix).
func haar2(rng *rand.Rand) []complex128 { return backendtest.RandomUnitary(rng, 2) }

// exactState runs c under b on the dense state vector, the independent
// reference.
func exactState(t testing.TB, c *circuit.Circuit, b circuit.Binding) []complex128 {
	t.Helper()
	s, err := statevector.New(c.NumQubits)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Run(c, b); err != nil {
		t.Fatal(err)
	}
	return s.Amplitudes()
}

// overlap returns |⟨a|b⟩|².
func overlap(a, b []complex128) float64 {
	var o complex128
	for i := range a {
		o += cmplx.Conj(a[i]) * b[i]
	}
	return real(o)*real(o) + imag(o)*imag(o)
}

// totalVariation returns ½ Σ |p − q| between two tallies with the given
// totals.
func totalVariation(p map[string]int, np int, q map[string]int, nq int) float64 {
	tv := 0.0
	for k, v := range p {
		d := float64(v)/float64(np) - float64(q[k])/float64(nq)
		tv += max(d, -d)
	}
	for k, v := range q {
		if _, ok := p[k]; !ok {
			tv += float64(v) / float64(nq)
		}
	}
	return tv / 2
}
