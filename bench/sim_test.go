package bench

import (
	"context"
	"math"
	"math/cmplx"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
)

// amplitudes runs c from |0…0⟩ (after X on the set bits of x) on the
// state vector.
func amplitudes(t *testing.T, c *circuit.Circuit, x int) []complex128 {
	t.Helper()
	prep := circuit.New(c.NumQubits)
	for q := range c.NumQubits {
		if x>>q&1 == 1 {
			prep.X(q)
		}
	}
	s, err := statevector.New(c.NumQubits)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Run(prep.Compose(c), circuit.Binding{}); err != nil {
		t.Fatal(err)
	}
	return s.Amplitudes()
}

// TestGenerators checks the generated circuits against closed forms: GHZ
// is (|0…0⟩ + |1…1⟩)/√2; the QFT maps |x⟩ to Σ_y e^{2πixy/N}|y⟩/√N
// (Nielsen and Chuang eq. 5.2) with x and y read in the textbook's bit
// order, qubit 0 the most significant: bit-reversed in this module's.
func TestGenerators(t *testing.T) {
	const n = 5
	N := 1 << n
	ghz := amplitudes(t, GHZ(n), 0)
	for i, a := range ghz {
		want := 0.0
		if i == 0 || i == N-1 {
			want = 1 / math.Sqrt2
		}
		if cmplx.Abs(a-complex(want, 0)) > 1e-12 {
			t.Errorf("GHZ amplitude %d = %v, want %v", i, a, want)
		}
	}
	rev := func(v int) int {
		r := 0
		for q := range n {
			r |= (v >> q & 1) << (n - 1 - q)
		}
		return r
	}
	for _, x := range []int{0, 1, 6, 19} {
		amp := amplitudes(t, QFT(n), x)
		for y, a := range amp {
			want := cmplx.Exp(complex(0, 2*math.Pi*float64(rev(x)*rev(y))/float64(N))) / complex(math.Sqrt(float64(N)), 0)
			if cmplx.Abs(a-want) > 1e-12 {
				t.Fatalf("QFT|%d⟩ amplitude %d = %v, want %v", x, y, a, want)
			}
		}
	}
	if g, want := Brickwork(6, 4, 1).NumGates(), 4*12+3+2+3+2; g != want {
		t.Errorf("Brickwork(6, 4) has %d gates, want %d", g, want)
	}
}

// TestItsubakiAdapter runs the generated circuits and a controlled-gate mix
// on itsubaki/q through the adapter and on the state vector: two
// independent simulators must agree.
func TestItsubakiAdapter(t *testing.T) {
	mix := circuit.New(4).H(0).H(1).CCX(0, 1, 3).CRZ(3, 2, circuit.Const(0.7)).Swap(0, 2).CY(2, 1).U(1, circuit.Const(0.3), circuit.Const(1.1), circuit.Const(-0.4))
	for name, c := range map[string]*circuit.Circuit{"ghz": GHZ(5), "qft": QFT(5), "brickwork": Brickwork(5, 6, 2), "mix": mix} {
		steps, err := compileItsubaki(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r := newItsubakiRegister(c.NumQubits)
		r.apply(steps)
		got, want := r.sim.Amplitude(), amplitudes(t, c, 0)
		for i := range want {
			if cmplx.Abs(got[i]-want[i]) > 1e-10 {
				t.Fatalf("%s: amplitude %d: itsubaki %v, statevector %v", name, i, got[i], want[i])
			}
		}
	}
	if _, err := compileItsubaki(circuit.New(2).ISwap(0, 1)); err == nil {
		t.Error("iswap compiled, but it is not a controlled single-qubit gate")
	}
}

func TestRunSim(t *testing.T) {
	ghz, err := GenerateCircuit("ghz", 6)
	if err != nil {
		t.Fatal(err)
	}
	small := StateVector(1, true)
	small.Name, small.MaxQubits = "capped", 4
	engines := append(DefaultEngines(8), small)
	var seen int
	res, err := RunSim(context.Background(), []SimCircuit{ghz}, engines, SimOptions{OnResult: func(SimResult) { seen++ }})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(engines) || seen != len(engines) {
		t.Fatalf("%d results, %d reported, want %d", len(res), seen, len(engines))
	}
	for i, r := range res {
		e := engines[i]
		switch {
		case e.MaxQubits == 4:
			if r.Skipped == "" {
				t.Errorf("%s ran a 6-qubit circuit", e.Name)
			}
			continue
		case r.Error != "":
			t.Errorf("%s: %s", e.Name, r.Error)
			continue
		}
		if len(r.Runs) != 3 || r.Seconds <= 0 || r.Gates != 6 || (r.NsPerGateAmp > 0) != e.Dense {
			t.Errorf("%s: %+v", e.Name, r)
		}
		if (r.FloorRatio > 0) != e.Dense {
			t.Errorf("%s: floor ratio %v, dense %v", e.Name, r.FloorRatio, e.Dense)
		}
		if strings.HasPrefix(e.Name, "mps") && math.Abs(r.Fidelity-1) > 1e-9 {
			t.Errorf("%s: fidelity %v on GHZ, which χ = 8 holds exactly", e.Name, r.Fidelity)
		}
		if e.Peer && r.SpeedupVsPeer != 1 {
			t.Errorf("peer speed-up over itself = %v", r.SpeedupVsPeer)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RunSim(ctx, []SimCircuit{ghz}, engines, SimOptions{}); err == nil {
		t.Error("RunSim ignored a cancelled context")
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{{[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}, {[]float64{5}, 5}} {
		if got := median(tc.xs); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
}
