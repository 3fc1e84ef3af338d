package statevector

import (
	"math"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestSingleMatchesDouble runs random circuits in single precision, with
// and without fusion and blocking, and compares with double precision
// gate by gate: complex64 rounds each gate to about 6e-8, so hundreds of
// gates stay within 1e-5.
func TestSingleMatchesDouble(t *testing.T) {
	rng := newRNG(60)
	for trial := range 4 {
		n := 10 + trial
		c := wideRandomCircuit(n, 200, rng)
		want := gateByGate(t, c, Double).Amplitudes()
		if d := maxDiff(gateByGate(t, c, Single).Amplitudes(), want); d > 1e-5 {
			t.Errorf("trial %d: single gate by gate differs by %.3g", trial, d)
		}
		for _, opts := range []Options{{}, {Fusion: FusionOff}, {Fusion: 4, BlockQubits: 7}, {BlockQubits: -1, Fusion: 3}} {
			s, _ := NewPrecision(n, Single)
			if err := s.RunWith(c, circuit.Binding{}, opts); err != nil {
				t.Fatal(err)
			}
			if d := maxDiff(s.Amplitudes(), want); d > 1e-5 {
				t.Errorf("trial %d, %+v: single differs from double by %.3g", trial, opts, d)
			}
			if math.Abs(s.Norm()-1) > 1e-5 {
				t.Errorf("trial %d: single norm %v", trial, s.Norm())
			}
		}
	}
}

// TestSingleStateMethods checks the single-precision paths of the
// measurement, sampling and expectation methods against the same state
// held in double precision.
func TestSingleStateMethods(t *testing.T) {
	const n = 11
	c, b := randomCircuit(n, 80, newRNG(61))
	d, _ := New(n)
	s, _ := NewPrecision(n, Single)
	for _, st := range []*State{d, s} {
		if err := st.Run(c, b); err != nil {
			t.Fatal(err)
		}
	}
	if s.Precision() != Single || d.Precision() != Double || s.Amplitudes64() == nil || d.Amplitudes64() != nil {
		t.Fatal("precision accessors")
	}
	if got, want := s.Amplitude(5), d.Amplitude(5); cmplxAbs(got-want) > 1e-5 {
		t.Errorf("Amplitude(5) = %v, want %v", got, want)
	}
	obs := []circuit.Observable{randomObservable(n, 6, newRNG(62)), circuit.Sum(circuit.Term(1, circuit.Z(0), circuit.Z(3)))}
	ev, err := s.Expectations(obs)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := d.Expectations(obs)
	for i := range ev {
		if math.Abs(ev[i]-want[i]) > 1e-5 {
			t.Errorf("observable %d: single %v, double %v", i, ev[i], want[i])
		}
	}
	p0s, p1s := s.qubitProbabilities(4)
	p0d, p1d := d.qubitProbabilities(4)
	if math.Abs(p0s-p0d) > 1e-5 || math.Abs(p1s-p1d) > 1e-5 {
		t.Errorf("qubit probabilities %v %v, want %v %v", p0s, p1s, p0d, p1d)
	}
	ps, pd := s.Probabilities(), d.Probabilities()
	for i := range ps {
		if math.Abs(ps[i]-pd[i]) > 1e-6 {
			t.Fatalf("probability %d: %v, want %v", i, ps[i], pd[i])
		}
	}
	for _, st := range []*State{d, s} {
		if _, err := st.Measure(2, newRNG(63)); err != nil {
			t.Fatal(err)
		}
	}
	if dd := maxDiff(s.Amplitudes(), d.Amplitudes()); dd > 1e-5 {
		t.Errorf("after the same measurement the states differ by %.3g", dd)
	}
	if err := s.CopyFrom(d); err == nil {
		t.Error("copy across precisions accepted")
	}
	cp := s.Copy()
	if cp.Precision() != Single || maxDiff(cp.Amplitudes(), s.Amplitudes()) != 0 {
		t.Error("Copy of a single-precision state")
	}
}

func cmplxAbs(z complex128) float64 { return math.Hypot(real(z), imag(z)) }

// TestSinglePrecisionMemory checks the sizes the issue asks for on a
// machine with 24 GiB: with the default limit (three quarters of it) 31
// qubits fit in single precision and 30 in double, 31 in double do not.
func TestSinglePrecisionMemory(t *testing.T) {
	prev := SetMaxMemory(24 << 30 / 4 * 3)
	defer SetMaxMemory(prev)
	tests := []struct {
		n    int
		p    Precision
		want string
	}{
		{31, Single, ""},
		{30, Double, ""},
		{31, Double, "statevector: 31 qubits need 32 GiB, more than the 18 GiB limit"},
		{32, Single, "statevector: 32 qubits need 32 GiB in single precision, more than the 18 GiB limit"},
	}
	for _, tt := range tests {
		err := checkSize(tt.n, tt.p)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%d qubits %v: %v", tt.n, tt.p, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("%d qubits %v: %v, want %q", tt.n, tt.p, err, tt.want)
		}
	}
}

// TestSimulatorAndExecuteSingle runs the Backend and Execute in single
// precision against double.
func TestSimulatorAndExecuteSingle(t *testing.T) {
	const n = 12
	c, b := randomCircuit(n, 60, newRNG(64))
	obs := []circuit.Observable{randomObservable(n, 5, newRNG(65))}
	single := &Simulator{Options: Options{Precision: Single}}
	got, err := single.Expectations(c, b, obs)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := (&Simulator{}).Expectations(c, b, obs)
	if math.Abs(got[0]-want[0]) > 1e-5 {
		t.Errorf("single %v, double %v", got[0], want[0])
	}
	ghz := circuit.New(n)
	ghz.H(0)
	for q := 1; q < n; q++ {
		ghz.CX(q-1, q)
	}
	res, err := ExecuteWith(ghz, circuit.Binding{}, 1000, newRNG(66), Options{Precision: Single})
	if err != nil {
		t.Fatal(err)
	}
	zeros, ones := strings.Repeat("0", n), strings.Repeat("1", n)
	if len(res.Counts) != 2 || res.Counts[zeros]+res.Counts[ones] != 1000 || !within(res.Counts[ones], 1000, 0.5) {
		t.Errorf("GHZ counts %v", res.Counts)
	}
	if res.State.Precision() != Single {
		t.Error("Execute's state is not single precision")
	}
	if _, err := ExecuteWith(ghz, circuit.Binding{}, 1, newRNG(1), Options{Fusion: 9}); err == nil {
		t.Error("fusion 9 accepted")
	}
}
