package statevector

import (
	"fmt"
	"github.com/qmlgo/qml/vqc/backendtest"
	"testing"

	"github.com/itsubaki/q"
	"github.com/qmlgo/qml/circuit"
)

// benchGate applies one op to a 20-qubit state per iteration and reports
// nanoseconds per amplitude.
func benchGate(b *testing.B, name string, qubits []int, params ...float64) {
	const n = 20
	g, ok := circuit.Lookup(name)
	if !ok {
		b.Fatalf("no gate %s", name)
	}
	op := circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: qubits}
	for _, p := range params {
		op.Params = append(op.Params, circuit.Const(p))
	}
	s, _ := New(n)
	if err := s.Run(benchLayer(n), circuit.Binding{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := s.ApplyOp(&op, circuit.Binding{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(1<<n), "ns/amp")
}

// benchLayer puts every qubit in |+⟩ so that no amplitude is zero.
func benchLayer(n int) *circuit.Circuit {
	c := circuit.New(n)
	for q := range n {
		c.H(q)
	}
	return c
}

func BenchmarkGate1Q(b *testing.B) {
	for _, q := range []int{0, 10, 19} {
		b.Run(fmt.Sprintf("u3/q%d", q), func(b *testing.B) { benchGate(b, "u3", []int{q}, 0.3, 0.2, 0.1) })
	}
	b.Run("h/q10", func(b *testing.B) { benchGate(b, "h", []int{10}) })
}

func BenchmarkGate2Q(b *testing.B) {
	b.Run("rxx/q3,15", func(b *testing.B) { benchGate(b, "rxx", []int{3, 15}, 0.4) })
	b.Run("iswap/q0,19", func(b *testing.B) { benchGate(b, "iswap", []int{0, 19}) })
}

func BenchmarkGateControlled(b *testing.B) {
	b.Run("cry/c5,t12", func(b *testing.B) { benchGate(b, "cry", []int{5, 12}, 0.4) })
	b.Run("cx/c5,t12", func(b *testing.B) { benchGate(b, "cx", []int{5, 12}) })
	b.Run("ccx/c1,c7,t15", func(b *testing.B) { benchGate(b, "ccx", []int{1, 7, 15}) })
	b.Run("swap/q2,17", func(b *testing.B) { benchGate(b, "swap", []int{2, 17}) })
}

func BenchmarkGateDiagonal(b *testing.B) {
	b.Run("rz/q7", func(b *testing.B) { benchGate(b, "rz", []int{7}, 0.4) })
	b.Run("cp/c3,t11", func(b *testing.B) { benchGate(b, "cp", []int{3, 11}, 0.4) })
	b.Run("rzz/q4,14", func(b *testing.B) { benchGate(b, "rzz", []int{4, 14}, 0.4) })
}

func BenchmarkGate3QMatrix(b *testing.B) {
	const n = 20
	s, _ := New(n)
	m := backendtest.RandomUnitary(newRNG(1), 8)
	for b.Loop() {
		if err := s.ApplyMatrix(m, 2, 9, 16); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(1<<n), "ns/amp")
}

// layeredQubits and layeredDepth size the comparison with itsubaki/q: each
// layer is H on every qubit, a CX chain and RZ on every qubit.
const layeredQubits, layeredDepth = 16, 4

func BenchmarkLayeredCircuit(b *testing.B) {
	n := layeredQubits
	b.Run("qml", func(b *testing.B) {
		c := circuit.New(n)
		for range layeredDepth {
			for k := range n {
				c.H(k)
			}
			for k := 1; k < n; k++ {
				c.CX(k-1, k)
			}
			for k := range n {
				c.RZ(k, circuit.Const(0.1*float64(k+1)))
			}
		}
		s, _ := New(n)
		for b.Loop() {
			s.Reset()
			if err := s.Run(c, circuit.Binding{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("itsubaki", func(b *testing.B) {
		for b.Loop() {
			sim := q.New()
			qb := sim.Zeros(n)
			for range layeredDepth {
				sim.H(qb...)
				// Our qubit k is itsubaki's qubit n−1−k.
				for k := 1; k < n; k++ {
					sim.CNOT(qb[n-k], qb[n-1-k])
				}
				for k := range n {
					sim.RZ(0.1*float64(k+1), qb[n-1-k])
				}
			}
		}
	})
}

// BenchmarkSmallCircuit measures the per-gate overhead that dominates
// training loops on few qubits: 120 random gates on 6 qubits.
func BenchmarkSmallCircuit(b *testing.B) {
	c, bind := randomCircuit(6, 120, newRNG(2))
	s, _ := New(6)
	b.ReportAllocs()
	for b.Loop() {
		s.Reset()
		if err := s.Run(c, bind); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.Ops)), "ns/gate")
}
