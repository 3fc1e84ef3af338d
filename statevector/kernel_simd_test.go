//go:build goexperiment.simd && amd64

package statevector

import (
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// kernelPaths lists the kernel implementations a test can run: the
// portable loops and, on AVX-512 processors, the SIMD ones.
var kernelPaths = func() []string {
	if simdEnabled {
		return []string{"scalar", "simd"}
	}
	return []string{"scalar"}
}()

// withKernels runs f with the kernel implementation path.
func withKernels(path string, f func()) {
	prev := simdEnabled
	simdEnabled = path == "simd"
	defer func() { simdEnabled = prev }()
	f()
}

// TestSIMDMatchesScalar applies every kind of kernel the vector loops
// take (dense on one to five qubits, diagonal, with controls, on the low
// qubits that share a register and on the high ones) with the SIMD loops
// and with the portable ones, in both precisions, and compares.
func TestSIMDMatchesScalar(t *testing.T) {
	if !simdEnabled {
		t.Skip("no AVX-512 on this processor")
	}
	rng := newRNG(50)
	const n = 9
	names := circuit.GateNames()
	for trial := range 400 {
		var k kernel
		var desc string
		if trial%3 == 0 {
			q := 1 + rng.IntN(MaxFusion)
			qubits := rng.Perm(n)[:q]
			m := backendtest.RandomUnitary(rng, 1<<q)
			k.setQubits(qubits, 0)
			k.setDense(m, qubits)
			desc = "unitary"
		} else {
			g, _ := circuit.Lookup(names[rng.IntN(len(names))])
			op := &circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: rng.Perm(n)[:g.Qubits]}
			for range g.Params {
				op.Params = append(op.Params, circuit.Const(6*rng.Float64()))
			}
			compileOp(op, circuit.Binding{}, &k, nil)
			desc = g.Name
		}
		start := make([]complex128, 1<<n)
		for i := range start {
			start[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
		for _, single := range []bool{false, true} {
			var got, want []complex128
			for _, vector := range []bool{true, false} {
				simdEnabled = vector
				s := &State{n: n, single: single}
				if single {
					s.amp64 = make([]complex64, len(start))
					for i, v := range start {
						s.amp64[i] = complex64(v)
					}
				} else {
					s.amp = append([]complex128(nil), start...)
				}
				k.applyTo(s)
				if vector {
					got = s.Amplitudes()
				} else {
					want = s.Amplitudes()
				}
			}
			simdEnabled = true
			tol := 1e-13
			if single {
				tol = 1e-5
			}
			if d := maxDiff(got, want); d > tol {
				t.Fatalf("trial %d: %s on %v (single %v): SIMD and scalar differ by %.3g", trial, desc, k.lows[:k.npos], single, d)
			}
		}
	}
}
