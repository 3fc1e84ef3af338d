//go:build goexperiment.simd && amd64

package statevector

import (
	"math"
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

// TestSIMDOverlapsMatchScalar compares the vector loops of the adjoint
// overlaps (dotSIMD for two parts, dot4SIMD for all four of a one-target
// gate) with the portable dot2, on random named gates whose qubits sit
// inside and above a register, with controls.
func TestSIMDOverlapsMatchScalar(t *testing.T) {
	if !simdEnabled {
		t.Skip("no AVX-512 on this processor")
	}
	defer func() { simdEnabled = true }()
	rng := newRNG(52)
	const n = 9
	psi, lam := make([]complex128, 1<<n), make([]complex128, 1<<n)
	for i := range psi {
		psi[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		lam[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	x, y := floatView(psi), floatView(lam)
	names := circuit.GateNames()
	for trial := range 300 {
		g, _ := circuit.Lookup(names[rng.IntN(len(names))])
		if g.TargetQubits() > 2 {
			continue
		}
		op := &circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: rng.Perm(n)[:g.Qubits]}
		for range g.Params {
			op.Params = append(op.Params, circuit.Const(6*rng.Float64()))
		}
		var k kernel
		compileOp(op, circuit.Binding{}, &k, nil)
		targets := op.Qubits[g.Controls:]
		dim := 1 << len(targets)
		var o [4]int
		for j := range o {
			o[j] = localOffset(rng.IntN(dim), targets)
		}
		hi := (1 << n) >> k.npos
		for _, imag := range []bool{false, true} {
			simdEnabled = false
			w0, w1 := dot2(&k, y, x, &o, imag, 0, hi)
			simdEnabled = true
			g0, g1 := dot2(&k, y, x, &o, imag, 0, hi)
			if math.Abs(g0-w0) > 1e-10 || math.Abs(g1-w1) > 1e-10 {
				t.Fatalf("trial %d: %s on %v offsets %v imag %v: SIMD (%g, %g), scalar (%g, %g)", trial, g.Name, op.Qubits, o, imag, g0, g1, w0, w1)
			}
		}
		if k.kind != kindDense1 {
			continue
		}
		got := make([]float64, 8)
		if !dot4SIMD(&k, y, x, got, 0, hi) {
			continue
		}
		simdEnabled = false
		for rc := range 4 {
			r, c := localOffset(rc/2, targets), localOffset(rc%2, targets)
			re, _ := dot2(&k, y, x, &[4]int{r, c, r, c}, false, 0, hi)
			im, _ := dot2(&k, y, x, &[4]int{r, c, r, c}, true, 0, hi)
			if math.Abs(got[rc]-re) > 1e-10 || math.Abs(got[4+rc]-im) > 1e-10 {
				t.Fatalf("trial %d: %s on %v: dot4 S[%d] = %g%+gi, dot2 %g%+gi", trial, g.Name, op.Qubits, rc, got[rc], got[4+rc], re, im)
			}
		}
		simdEnabled = true
	}
}

// TestSIMDPiecesMatchScalar applies one-target dense and diagonal gates,
// with and without controls, through the SIMD loops over ranges of bases
// cut where parallelFor may cut them (aligned to the loops' runs and
// not), and compares with the portable loops over the whole register.
func TestSIMDPiecesMatchScalar(t *testing.T) {
	if !simdEnabled {
		t.Skip("no AVX-512 on this processor")
	}
	rng := newRNG(51)
	const n = 9
	tests := []struct {
		gate   string
		qubits []int
	}{
		{"ry", []int{2}}, {"rx", []int{3}}, {"u", []int{2}}, {"h", []int{7}},
		{"cry", []int{5, 2}}, {"cu", []int{8, 4}}, {"cz", []int{2, 3}},
		{"rzz", []int{1, 2}}, {"rzz", []int{2, 6}}, {"cp", []int{3, 5}},
	}
	for _, tt := range tests {
		g, _ := circuit.Lookup(tt.gate)
		op := &circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: tt.qubits}
		for range g.Params {
			op.Params = append(op.Params, circuit.Const(6*rng.Float64()))
		}
		var k kernel
		compileOp(op, circuit.Binding{}, &k, nil)
		start := make([]complex128, 1<<n)
		for i := range start {
			start[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
		want := append([]complex128(nil), start...)
		withKernels("scalar", func() { runKernel(&k, floatView(want), 0, len(want)>>k.npos) })
		total := len(start) >> k.npos
		for _, cuts := range [][]int{{}, {total / 2}, {4, 12, 36}, {1, 3, 5}} {
			got := append([]complex128(nil), start...)
			lo := 0
			for _, hi := range append(cuts, total) {
				runKernel(&k, floatView(got), lo, hi)
				lo = hi
			}
			if d := maxDiff(got, want); d > 1e-13 {
				t.Errorf("%s%v in pieces %v: SIMD and scalar differ by %.3g", tt.gate, tt.qubits, cuts, d)
			}
		}
	}
}
