package statevector

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// finalState runs a circuit without mid-circuit measurement under b and
// returns its amplitudes.
func finalState(t *testing.T, c *circuit.Circuit, b circuit.Binding) []complex128 {
	t.Helper()
	res, err := Execute(c, b, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.State == nil {
		t.Fatal("no final state")
	}
	return res.State.Amplitudes()
}

// TestQASM3SameStateAsQASM2: OpenQASM 3 programs (modifiers, loops,
// inputs, gate definitions) give the states of their OpenQASM 2.0
// translations, written by hand from the OpenQASM 3 specification.
func TestQASM3SameStateAsQASM2(t *testing.T) {
	const h2 = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"
	const h3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
	for _, tc := range []struct {
		name         string
		qasm3, qasm2 string
		b            circuit.Binding
	}{
		{"ghz loop",
			"qubit[5] q; bit[5] c; h q[0]; for uint i in [0:3] { cx q[i], q[i+1]; } c = measure q;",
			"qreg q[5]; creg c[5]; h q[0]; cx q[0],q[1]; cx q[1],q[2]; cx q[2],q[3]; cx q[3],q[4]; measure q -> c;",
			circuit.Binding{}},
		{"qft",
			"const int n = 4; qubit[n] q; x q[0]; x q[2];\n" +
				"for uint j in [0:n-1] { h q[j]; for uint k in [j+1:n-1] { ctrl @ p(pi / 2**(k-j)) q[k], q[j]; } }\n" +
				"for uint j in [0:1] { swap q[j], q[n-1-j]; }",
			"qreg q[4]; x q[0]; x q[2];\n" +
				"h q[0]; cu1(pi/2) q[1],q[0]; cu1(pi/4) q[2],q[0]; cu1(pi/8) q[3],q[0];\n" +
				"h q[1]; cu1(pi/2) q[2],q[1]; cu1(pi/4) q[3],q[1];\n" +
				"h q[2]; cu1(pi/2) q[3],q[2]; h q[3]; swap q[0],q[3]; swap q[1],q[2];",
			circuit.Binding{}},
		{"modifiers",
			"gate rzz(a) x, y { cx x, y; rz(a) y; cx x, y; } qubit[4] q; h q; negctrl @ ry(0.3) q[0], q[1]; ctrl(2) @ x q[0], q[1], q[2]; inv @ pow(3) @ t q[3];" +
				"ctrl @ u3(0.4, 0.5, 0.6) q[3], q[2]; pow(0.5) @ rzz(0.8) q[1], q[3]; ctrl(3) @ z q[0], q[1], q[2], q[3];",
			"qreg q[4]; h q; x q[0]; cry(0.3) q[0],q[1]; x q[0]; ccx q[0],q[1],q[2]; tdg q[3]; tdg q[3]; tdg q[3];" +
				"cu3(0.4,0.5,0.6) q[3],q[2]; u1(-0.55) q[3]; rzz(0.4) q[1],q[3]; h q[3]; c3x q[0],q[1],q[2],q[3]; h q[3];",
			circuit.Binding{}},
		{"inputs bound at run time",
			"input array[float[64], 2] theta; input array[float[64], 3] x; qubit[3] q;" +
				"for uint i in [0:2] { ry(x[i] * pi) q[i]; } crx(2*theta[0] - 0.1) q[0], q[2]; rz(theta[1]) q[1];",
			"qreg q[3]; ry(0.5*pi) q[0]; ry(-0.25*pi) q[1]; ry(0.75*pi) q[2]; crx(2*0.3 - 0.1) q[0],q[2]; rz(-1.2) q[1];",
			circuit.Binding{Weights: []float64{0.3, -1.2}, Inputs: []float64{0.5, -0.25, 0.75}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c3, err := circuit.ParseQASM(h3+tc.qasm3, "p3.qasm")
			if err != nil {
				t.Fatal(err)
			}
			c2, err := circuit.ParseQASM(h2+tc.qasm2, "p2.qasm")
			if err != nil {
				t.Fatal(err)
			}
			a, b := finalState(t, c3, tc.b), finalState(t, c2, circuit.Binding{})
			for i := range a {
				if cmplx.Abs(a[i]-b[i]) > 1e-12 {
					t.Fatalf("amplitude %d: %v vs %v", i, a[i], b[i])
				}
			}
		})
	}
}

// TestQASM3Teleport: the teleportation program of circuit/testdata/qasm3,
// run shot by shot, delivers u3(0.3, 0.2, 0.1)|0⟩ to qubit 2: it reads 1
// with probability sin²(0.15) whatever the two mid-circuit outcomes.
func TestQASM3Teleport(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "circuit", "testdata", "qasm3", "teleport.qasm"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := circuit.ParseQASM(string(src), "teleport.qasm")
	if err != nil {
		t.Fatal(err)
	}
	const shots = 4000
	res, err := Execute(c, circuit.Binding{}, shots, rand.New(rand.NewPCG(3, 4)))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Dynamic {
		t.Fatal("teleportation should run shot by shot")
	}
	ones := 0
	for key, n := range res.Counts {
		// clbits: c0, c1, out[0..2]; out[2] is clbit 4, leftmost.
		if key[0] == '1' {
			ones += n
		}
	}
	p := math.Pow(math.Sin(0.15), 2)
	if !within(ones, shots, p) {
		t.Errorf("qubit 2 read 1 in %d of %d shots, want about %.4f", ones, shots, p)
	}
}
