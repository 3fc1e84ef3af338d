package statevector

import (
	"testing"
	"time"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// BenchmarkKernelCosts measures the numbers of the fusion cost model
// (kernelCosts): one core applying each kind of kernel to a 2^13-amplitude
// state that stays in cache, in ns per amplitude (best batch of eight). Run it in both builds:
//
//	go test ./statevector/ -run '^$' -bench KernelCosts
//	GOEXPERIMENT=simd go test ./statevector/ -run '^$' -bench KernelCosts
func BenchmarkKernelCosts(b *testing.B) {
	n := kernelCostQubits
	rng := newRNG(7)
	named := func(name string, qubits []int, params ...float64) func(*kernel) {
		g, _ := circuit.Lookup(name)
		op := &circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: qubits}
		for _, p := range params {
			op.Params = append(op.Params, circuit.Const(p))
		}
		return func(k *kernel) { compileOp(op, circuit.Binding{}, k, nil) }
	}
	dense := func(qubits ...int) func(*kernel) {
		m := backendtest.RandomUnitary(rng, 1<<len(qubits))
		return func(k *kernel) {
			k.setQubits(qubits, 0)
			k.setDense(m, qubits)
		}
	}
	for _, tc := range []struct {
		name    string
		compile func(*kernel)
	}{
		{"dense1/u3_q5", named("u3", []int{5}, 0.3, 0.2, 0.1)},
		{"dense1/u3_q0", named("u3", []int{0}, 0.3, 0.2, 0.1)},
		{"dense1real/ry_q5", named("ry", []int{5}, 0.3)},
		{"dense2/q3_q7", dense(3, 7)},
		{"dense2/q0_q1", dense(0, 1)},
		{"dense3", dense(2, 5, 9)},
		{"dense4", dense(2, 5, 8, 11)},
		{"dense5", dense(2, 4, 6, 8, 10)},
		{"diag/rz_q5", named("rz", []int{5}, 0.3)},
		{"diag/rz_q0", named("rz", []int{0}, 0.3)},
		{"negate/cz_q3_q7", named("cz", []int{3, 7})},
		{"perm/x_q5", named("x", []int{5})},
	} {
		b.Run(tc.name, func(b *testing.B) {
			s, _ := New(n)
			if err := s.Run(benchLayer(n), circuit.Binding{}); err != nil {
				b.Fatal(err)
			}
			var k kernel
			tc.compile(&k)
			a := floatView(s.amp)
			// The machine is shared: report the best of short batches,
			// which a preempted batch does not spoil.
			best := time.Duration(1 << 62)
			for b.Loop() {
				start := time.Now()
				for range 8 {
					runKernel(&k, a, 0, (1<<n)>>k.npos)
				}
				best = min(best, time.Since(start))
			}
			b.ReportMetric(float64(best.Nanoseconds())/8/float64(int(1)<<n), "ns/amp")
		})
	}
}

// kernelCostQubits sizes BenchmarkKernelCosts' state: 2^13 amplitudes,
// 128 KiB in double precision, stay in the L2 cache.
var kernelCostQubits = 13
