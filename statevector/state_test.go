package statevector

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

func TestNewIsZeroState(t *testing.T) {
	for n := range 6 {
		s, err := New(n)
		if err != nil {
			t.Fatal(err)
		}
		if s.NumQubits() != n || len(s.Amplitudes()) != 1<<n {
			t.Fatalf("New(%d): %d qubits, %d amplitudes", n, s.NumQubits(), len(s.Amplitudes()))
		}
		for i, a := range s.Amplitudes() {
			if want := complex(float64(b2i(i == 0)), 0); a != want {
				t.Fatalf("New(%d): amplitude %d = %v", n, i, a)
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestNewRefusesWhatDoesNotFit(t *testing.T) {
	prev := SetMaxMemory(1 << 20)
	defer SetMaxMemory(prev)
	tests := []struct {
		n    int
		want string
	}{
		{16, ""}, // exactly 1 MiB
		{17, "statevector: 17 qubits need 2 MiB, more than the 1 MiB limit"},
		{34, "statevector: 34 qubits need 256 GiB, more than the 1 MiB limit"},
		{41, "statevector: 41 qubits is more than the 40 a state vector can hold"},
		{-1, "statevector: negative qubit count -1"},
	}
	for _, tt := range tests {
		_, err := New(tt.n)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("New(%d): %v", tt.n, err)
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("New(%d) = %v, want %q", tt.n, err, tt.want)
		}
	}
}

func TestDefaultMaxMemory(t *testing.T) {
	dir := t.TempDir()
	meminfo := filepath.Join(dir, "meminfo")
	if err := os.WriteFile(meminfo, []byte("MemFree: 10 kB\nMemTotal:       24683620 kB\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, want := defaultMaxMemory(meminfo), int64(24683620*1024/4*3); got != want {
		t.Errorf("from meminfo: %d, want %d", got, want)
	}
	if got := defaultMaxMemory(filepath.Join(dir, "missing")); got != fallbackMemory {
		t.Errorf("missing file: %d, want the fallback %d", got, fallbackMemory)
	}
	if SetMaxMemory(0); MaxMemory() <= 0 {
		t.Errorf("default limit %d", MaxMemory())
	}
}

func TestFromAmplitudesCopyResetNorm(t *testing.T) {
	amp := []complex128{0.6, 0, 0, 0.8i}
	s, err := FromAmplitudes(amp)
	if err != nil {
		t.Fatal(err)
	}
	amp[0] = 7 // FromAmplitudes copies
	if s.NumQubits() != 2 || s.Amplitude(0) != 0.6 || s.Amplitude(3) != 0.8i {
		t.Fatalf("FromAmplitudes: %v", s.Amplitudes())
	}
	if s.Amplitude(4) != 0 || s.Amplitude(-1) != 0 {
		t.Error("Amplitude outside the register is not 0")
	}
	if math.Abs(s.Norm()-1) > 1e-15 {
		t.Errorf("Norm = %v", s.Norm())
	}
	p := s.Probabilities()
	if math.Abs(p[0]-0.36) > 1e-15 || math.Abs(p[3]-0.64) > 1e-15 {
		t.Errorf("Probabilities = %v", p)
	}
	c := s.Copy()
	s.Reset()
	if s.Amplitude(0) != 1 || s.Amplitude(3) != 0 || c.Amplitude(3) != 0.8i {
		t.Errorf("Reset/Copy: s=%v copy=%v", s.Amplitudes(), c.Amplitudes())
	}
	if err := s.CopyFrom(c); err != nil || s.Amplitude(3) != 0.8i {
		t.Errorf("CopyFrom: %v %v", err, s.Amplitudes())
	}
	other, _ := New(3)
	if err := other.CopyFrom(c); err == nil {
		t.Error("CopyFrom between sizes accepted")
	}
	for _, bad := range [][]complex128{nil, {1, 0, 0}} {
		if _, err := FromAmplitudes(bad); err == nil {
			t.Errorf("FromAmplitudes(%d entries) accepted", len(bad))
		}
	}
}

func TestApplyErrors(t *testing.T) {
	s, _ := New(3)
	x, _ := circuit.Lookup("x")
	rx, _ := circuit.Lookup("rx")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"matrix size", s.ApplyMatrix([]complex128{1, 0, 0}, 0), "needs 4 entries"},
		{"no qubits", s.ApplyMatrix(nil), "matrix on 0 qubits"},
		{"qubit range", s.ApplyMatrix([]complex128{0, 1, 1, 0}, 3), "qubit 3 out of range"},
		{"repeated qubit", s.ApplyMatrix(make([]complex128, 16), 1, 1), "qubit 1 used twice"},
		{"measure", s.ApplyOp(&circuit.Op{Kind: circuit.MeasureOp, Qubits: []int{0}}, circuit.Binding{}), "not a gate"},
		{"condition", s.ApplyOp(&circuit.Op{Gate: x, Qubits: []int{0}, Cond: &circuit.Condition{}}, circuit.Binding{}), "classically conditioned"},
		{"arity", s.ApplyOp(&circuit.Op{Gate: x, Qubits: []int{0, 1}}, circuit.Binding{}), "takes 1 qubits"},
		{"unbound", s.ApplyOp(&circuit.Op{Gate: rx, Qubits: []int{0}, Params: []circuit.Param{circuit.Weight(2)}}, circuit.Binding{Weights: []float64{1}}), "weight 2 is not bound"},
		{"unitary size", s.ApplyOp(&circuit.Op{Qubits: []int{0}, Unitary: []complex128{1}}, circuit.Binding{}), "explicit unitary"},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, tt.err, tt.want)
		}
	}
	if s.Amplitude(0) != 1 {
		t.Error("a refused op changed the state")
	}
}

func TestRunRefusesAndLeavesStateUnchanged(t *testing.T) {
	s, _ := New(2)
	c := circuit.New(2).H(0).Measure(0, 0)
	if c.Err() == nil {
		t.Fatal("measure without a classical register accepted by the builder")
	}
	c = circuit.New(2)
	c.AddCReg("c", 1)
	c.H(0).CX(0, 1).Measure(0, 0)
	if err := s.Run(c, circuit.Binding{}); err == nil || !strings.Contains(err.Error(), "op 2 (measure)") {
		t.Errorf("Run with a measurement: %v", err)
	}
	if s.Amplitude(0) != 1 {
		t.Error("refused Run changed the state")
	}
	if err := s.Run(circuit.New(3).H(0), circuit.Binding{}); err == nil {
		t.Error("Run of a 3-qubit circuit on 2 qubits accepted")
	}
	if err := s.Run(circuit.New(2).RX(0, circuit.Weight(0)), circuit.Binding{}); err == nil {
		t.Error("Run with an unbound weight accepted")
	}
	if err := s.Run(circuit.New(2).Gate("nope", []int{0}), circuit.Binding{}); err == nil {
		t.Error("Run of a circuit that failed to build accepted")
	}
	if err := s.Run(circuit.New(2).H(0).Barrier().CX(0, 1), circuit.Binding{}); err != nil {
		t.Errorf("barrier: %v", err)
	}
}

// TestNormPreservedOverThousandGates checks unitarity of the kernels: the
// norm of a state stays 1 within 1e-12 over 1000 random gates.
func TestNormPreservedOverThousandGates(t *testing.T) {
	rng := newRNG(7)
	c, b := randomCircuit(9, 1000, rng)
	s, _ := New(9)
	if err := s.Run(c, b); err != nil {
		t.Fatal(err)
	}
	if d := math.Abs(s.Norm() - 1); d > 1e-12 {
		t.Errorf("|‖ψ‖ − 1| = %.3g after 1000 gates", d)
	}
}

// TestApplyMatrixQubitOrder checks the documented local order: with the
// control listed first, CX is [[1,0,0,0],[0,0,0,1],[0,0,1,0],[0,1,0,0]],
// and it maps |q1 q0⟩ = |01⟩ to |11⟩.
func TestApplyMatrixQubitOrder(t *testing.T) {
	cx := []complex128{1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0}
	s, _ := FromAmplitudes([]complex128{0, 0, 0, 0, 0, 1, 0, 0}) // |101⟩: qubits 0 and 2 set
	if err := s.ApplyMatrix(cx, 2, 1); err != nil {              // control 2, target 1
		t.Fatal(err)
	}
	if s.Amplitude(7) != 1 {
		t.Errorf("CX(2→1)|101⟩ = %v, want |111⟩", s.Amplitudes())
	}
}
