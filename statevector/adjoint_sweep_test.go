package statevector

import (
	"math"
	"math/cmplx"
	"slices"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestSweepAgainstFiniteDifferences runs the backward sweep with blocks
// much smaller than the register (many stages, gathered blocks, and on 14
// qubits several pieces per stage), with one-qubit runs fused and not,
// scalar and SIMD loops, and compares the derivative of ⟨O⟩ with respect
// to every weight with central finite differences of plain, unfused,
// unblocked forward runs. It also checks that ψ comes back to |0…0⟩.
func TestSweepAgainstFiniteDifferences(t *testing.T) {
	rng := newRNG(61)
	for _, n := range []int{9, 14} {
		ops := 40
		if n > 9 {
			ops = 12
		}
		c, b := randomCircuit(n, ops, rng)
		// A hardware-efficient layer: runs of one-qubit gates that fuse.
		for q := range n {
			for _, g := range []string{"ry", "rz", "rx"} {
				c.Gate(g, []int{q}, circuit.Weight(len(b.Weights)))
				b.Weights = append(b.Weights, 6*rng.Float64()-3)
			}
			c.CX(q, (q+1)%n)
		}
		if err := c.Err(); err != nil {
			t.Fatal(err)
		}
		obs := []circuit.Observable{randomObservable(n, 3, rng)}
		expect := func(w []float64) float64 {
			s, _ := New(n)
			if err := s.RunWith(c, circuit.Binding{Weights: w}, Options{Fusion: FusionOff, BlockQubits: -1}); err != nil {
				t.Fatal(err)
			}
			e, _ := s.Expectations(obs)
			return e[0]
		}
		const h = 1e-5
		want := make([]float64, len(b.Weights))
		for i := range want {
			wp, wm := slices.Clone(b.Weights), slices.Clone(b.Weights)
			wp[i] += h
			wm[i] -= h
			want[i] = (expect(wp) - expect(wm)) / (2 * h)
		}
		for _, path := range kernelPaths {
			for _, fused := range []bool{false, true} {
				for _, bq := range []int{6, n} {
					withKernels(path, func() {
						prev := fuseRun
						fuseRun = fused
						defer func() { fuseRun = prev }()
						psi, _ := New(n)
						if err := psi.Run(c, b); err != nil {
							t.Fatal(err)
						}
						lam, _ := New(n)
						psi.applyObservables(obs, []float64{1}, lam.amp)
						got := make([]float64, len(b.Weights))
						(&adjointSweep{}).run(c, b, psi.amp, lam.amp, bq, got, nil)
						for i := range got {
							if math.Abs(got[i]-want[i]) > 1e-7 {
								t.Fatalf("n=%d %s fused=%v block %d: d/dw%d = %.10f, finite differences %.10f", n, path, fused, bq, i, got[i], want[i])
							}
						}
						if d := cmplx.Abs(psi.amp[0]) - 1; math.Abs(d) > 1e-9 {
							t.Errorf("n=%d %s fused=%v block %d: ψ did not return to |0⟩ (|ψ0| − 1 = %.3g)", n, path, fused, bq, d)
						}
					})
				}
			}
		}
	}
}
