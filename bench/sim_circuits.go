package bench

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/circuit"
)

// SimCircuit is a named circuit for RunSim.
type SimCircuit struct {
	Name    string
	Circuit *circuit.Circuit
}

// GHZ returns the n-qubit GHZ preparation: H on qubit 0, then a CNOT
// ladder 0→1→…→n−1 (n gates), the lightest entangling circuit.
func GHZ(n int) *circuit.Circuit {
	c := circuit.New(n).H(0)
	for q := 1; q < n; q++ {
		c.CX(q-1, q)
	}
	return c
}

// QFT returns the textbook quantum Fourier transform circuit on n qubits,
// as in Nielsen and Chuang §5.1 and the shared qft_nN.qasm files: for each
// j, H on j, then a controlled phase π/2^(k−j) from every k > j onto j;
// then the qubit order reversed by swaps. It has n(n+1)/2 + ⌊n/2⌋ gates.
// The textbook reads qubit 0 as the most significant bit; in this module's
// order (qubit 0 least significant) the circuit maps |x⟩ to
// Σ_y e^{2πi r(x)r(y)/2^n}|y⟩/√2^n, r reversing the n bits.
func QFT(n int) *circuit.Circuit {
	c := circuit.New(n)
	for j := range n {
		c.H(j)
		for k := j + 1; k < n; k++ {
			c.CP(k, j, circuit.Const(math.Pi/float64(uint(1)<<(k-j))))
		}
	}
	for i := range n / 2 {
		c.Swap(i, n-1-i)
	}
	return c
}

// Brickwork returns depth layers of random single-qubit rotations (RY then
// RZ, angles uniform in [0, 2π) from seed) on every qubit followed by CZ on
// the pairs (0,1), (2,3), … in even layers and (1,2), (3,4), … in odd ones:
// the layered random circuit of the shared benchmark files, whose
// entanglement grows linearly with depth (the hard case for an MPS).
func Brickwork(n, depth int, seed uint64) *circuit.Circuit {
	rng := rand.New(rand.NewPCG(seed, 0))
	c := circuit.New(n)
	for l := range depth {
		for q := range n {
			c.RY(q, circuit.Const(2*math.Pi*rng.Float64()))
			c.RZ(q, circuit.Const(2*math.Pi*rng.Float64()))
		}
		for q := l % 2; q+1 < n; q += 2 {
			c.CZ(q, q+1)
		}
	}
	return c
}

// MaxGeneratedQubits bounds GenerateCircuit: past the state vector's
// memory only an MPS runs such circuits, and it runs them well past 100.
const MaxGeneratedQubits = 1000

// GenerateCircuit returns the generated circuit family named kind (ghz,
// qft or brickwork, of depth 20 and seed 1) on n qubits, named like the
// shared files, e.g. "qft_n20".
func GenerateCircuit(kind string, n int) (SimCircuit, error) {
	if n < 2 || n > MaxGeneratedQubits {
		return SimCircuit{}, fmt.Errorf("%s on %d qubits: want 2 to %d", kind, n, MaxGeneratedQubits)
	}
	var c *circuit.Circuit
	switch kind {
	case "ghz":
		c = GHZ(n)
	case "qft":
		c = QFT(n)
	case "brickwork":
		c = Brickwork(n, 20, 1)
	default:
		return SimCircuit{}, fmt.Errorf("unknown circuit family %q (known: ghz, qft, brickwork)", kind)
	}
	if err := c.Err(); err != nil {
		return SimCircuit{}, err
	}
	return SimCircuit{Name: fmt.Sprintf("%s_n%d", kind, n), Circuit: c}, nil
}
