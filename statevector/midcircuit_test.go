package statevector

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestMidCircuitFiles runs the QASMBench programs with mid-circuit
// measurement, reset and classical conditions (../shared/qasm-real) for
// 1000 shots each and checks the outcomes their physics fixes. Keys are
// classical bitstrings, clbit 0 rightmost.
func TestMidCircuitFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "qasm-real", "mid-circuit")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no %s: %v", dir, err)
	}
	const shots = 1000
	tests := []struct {
		file string
		// want maps each possible outcome to its probability.
		want map[string]float64
	}{
		// Semiclassical inverse QFT (Griffiths–Niu) of H^⊗4|0⟩ = QFT|0⟩.
		{"inverseqft_n4.qasm", map[string]float64{"0000": 1}},
		// Iterative phase estimation of φ = 3π/8 = 2π·0.0011₂.
		{"ipea_n2.qasm", map[string]float64{"0011": 1}},
		// An X error on data qubit 0 gives syndrome 01 (register syn,
		// clbits 3–4), whose conditional X restores 000.
		{"qec_sm_n5.qasm", map[string]float64{"01000": 1}},
		// Kitaev-style order finding of order 4 for N = 15: the three
		// phase bits are s/4 with s uniform, so c[0] = 0.
		{"shor_n5.qasm", map[string]float64{"00000": 0.25, "00010": 0.25, "00100": 0.25, "00110": 0.25}},
		// Teleportation through Shor's code: Alice's two measurements
		// (c[0], c[9]) are uniform and Bob's reversed qubit (c[10]) reads 1,
		// as the same gates with the measurements deferred to the end give
		// (Nielsen & Chuang, §4.4).
		{"seca_n11.qasm", map[string]float64{"10000000000": 0.25, "10000000001": 0.25, "11000000000": 0.25, "11000000001": 0.25}},
		// BB84 key distribution: random bases and bits, nothing fixed.
		{"bb84_n8.qasm", nil},
	}
	for _, tt := range tests {
		f, err := os.Open(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		c, err := circuit.ReadQASM(f, tt.file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		res, err := Execute(c, circuit.Binding{}, shots, newRNG(31))
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		total := 0
		for key, n := range res.Counts {
			total += n
			if tt.want != nil && tt.want[key] == 0 {
				t.Errorf("%s: impossible outcome %s (%d shots)", tt.file, key, n)
			}
		}
		if total != shots || !res.Dynamic {
			t.Errorf("%s: %d shots counted, dynamic %v", tt.file, total, res.Dynamic)
		}
		for key, p := range tt.want {
			if !within(res.Counts[key], shots, p) {
				t.Errorf("%s: outcome %s in %d of %d shots, want probability %v", tt.file, key, res.Counts[key], shots, p)
			}
		}
	}
}
