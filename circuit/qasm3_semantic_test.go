package circuit_test

// OpenQASM 3 programs against their OpenQASM 2.0 translations, written by
// hand from the definitions of the OpenQASM 3 specification (stdgates.inc,
// "Quantum gate modifiers"): the unitaries must agree, exactly unless the
// row says up to a global phase (gphase at the top level is dropped).

import (
	"math"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

func TestQASM3MatchesQASM2(t *testing.T) {
	const h2 = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"
	const h3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
	for _, tc := range []struct {
		name       string
		qasm3      string
		qasm2      string
		upToPhase  bool
		wantOps3   int // ops of the OpenQASM 3 circuit, -1 to skip
		wantUnitar bool
	}{
		{"bell", "qubit[2] q; h q[0]; cx q[0], q[1];", "qreg q[2]; h q[0]; cx q[0],q[1];", false, 2, false},
		{"single qubit decl", "qubit a; qubit b; x a; ctrl @ h a, b;", "qreg a[1]; qreg b[1]; x a[0]; ch a[0],b[0];", false, 2, false},
		{"ctrl @ x is cx", "qubit[2] q; ctrl @ x q[1], q[0];", "qreg q[2]; cx q[1],q[0];", false, 1, false},
		{"ctrl(2) @ x is ccx", "qubit[3] q; ctrl(2) @ x q[2], q[0], q[1];", "qreg q[3]; ccx q[2],q[0],q[1];", false, 1, false},
		{"ctrl @ ctrl @ x is ccx", "qubit[3] q; ctrl @ ctrl @ x q[0], q[1], q[2];", "qreg q[3]; ccx q[0],q[1],q[2];", false, 1, false},
		{"ctrl @ cx is ccx", "qubit[3] q; ctrl @ cx q[0], q[1], q[2];", "qreg q[3]; ccx q[0],q[1],q[2];", false, 1, false},
		{"negctrl", "qubit[2] q; negctrl @ x q[0], q[1];", "qreg q[2]; x q[0]; cx q[0],q[1]; x q[0];", false, 3, false},
		{"negctrl(2)", "qubit[3] q; negctrl(2) @ x q[0], q[1], q[2];", "qreg q[3]; x q[0]; x q[1]; ccx q[0],q[1],q[2]; x q[0]; x q[1];", false, 5, false},
		{"inv @ s", "qubit q; inv @ s q;", "qreg q[1]; sdg q[0];", false, 1, false},
		{"inv @ rx", "qubit q; inv @ rx(0.3) q;", "qreg q[1]; rx(-0.3) q[0];", false, 1, false},
		{"inv @ sx", "qubit q; inv @ sx q;", "qreg q[1]; sxdg q[0];", false, 1, false},
		{"inv @ inv", "qubit q; inv @ inv @ t q;", "qreg q[1]; t q[0];", false, 1, false},
		{"pow(2) @ t is s", "qubit q; pow(2) @ t q;", "qreg q[1]; s q[0];", false, 2, false},
		{"pow(-2) @ h", "qubit q; pow(-2) @ h q;", "qreg q[1]; h q[0]; h q[0];", false, 2, false},
		{"pow(0.5) @ rx", "qubit q; pow(0.5) @ rx(1.2) q;", "qreg q[1]; rx(0.6) q[0];", false, 1, false},
		{"pow(1/2) @ z is s", "qubit q; pow(1/2) @ z q;", "qreg q[1]; s q[0];", false, 1, false},
		{"pow(1/4) @ z is t", "qubit q; pow(0.25) @ z q;", "qreg q[1]; t q[0];", false, 1, false},
		{"pow(-1/2) @ s is sqrt sdg", "qubit q; pow(-0.5) @ s q;", "qreg q[1]; tdg q[0];", false, 1, false},
		{"pow(0) is nothing", "qubit q; pow(0) @ h q; h q;", "qreg q[1]; h q[0];", false, 1, false},
		{"pow(0.5) @ crz", "qubit[2] q; pow(0.5) @ crz(1) q[0], q[1];", "qreg q[2]; crz(0.5) q[0],q[1];", false, 1, false},
		{"ctrl @ rz is crz", "qubit[2] q; ctrl @ rz(0.4) q[0], q[1];", "qreg q[2]; crz(0.4) q[0],q[1];", false, 1, false},
		{"ctrl @ p is cp", "qubit[2] q; ctrl @ p(0.4) q[0], q[1];", "qreg q[2]; cu1(0.4) q[0],q[1];", false, 1, false},
		// ctrl @ gphase(γ) a = p(γ) a (stdgates.inc defines p this way).
		{"ctrl @ gphase", "qubit q; ctrl @ gphase(0.7) q;", "qreg q[1]; u1(0.7) q[0];", false, 1, false},
		{"ctrl(2) @ gphase", "qubit[2] q; ctrl(2) @ gphase(0.7) q[0], q[1];", "qreg q[2]; cu1(0.7) q[0],q[1];", false, 1, false},
		{"gphase dropped", "qubit q; gphase(0.3); h q;", "qreg q[1]; h q[0];", false, 1, false},
		// stdgates.inc: u3(θ,φ,λ) = gphase(−(φ+λ)/2) U(θ,φ,λ), so under
		// control the phase lands on the control.
		{"ctrl @ u3 keeps its phase", "qubit[2] q; ctrl @ u3(0.1, 0.2, 0.3) q[0], q[1];", "qreg q[2]; cu3(0.1,0.2,0.3) q[0],q[1]; u1(-0.25) q[0];", false, 2, false},
		{"ctrl @ u2 keeps its phase", "qubit[2] q; ctrl @ u2(0.2, 0.3) q[0], q[1];", "qreg q[2]; cu3(pi/2,0.2,0.3) q[0],q[1]; u1(-0.25) q[0];", false, 2, false},
		{"ctrl @ U is cu3", "qubit[2] q; ctrl @ U(0.1, 0.2, 0.3) q[0], q[1];", "qreg q[2]; cu3(0.1,0.2,0.3) q[0],q[1];", false, 1, false},
		{"cu", "qubit[2] q; cu(0.1, 0.2, 0.3, 0.4) q[0], q[1];", "qreg q[2]; cu(0.1,0.2,0.3,0.4) q[0],q[1];", false, 1, false},
		{"u2 u3 differ by a phase", "qubit q; u2(0.2, 0.3) q; u3(0.1, 0.2, 0.3) q;", "qreg q[1]; u2(0.2,0.3) q[0]; u3(0.1,0.2,0.3) q[0];", false, 2, false},
		{"ctrl(3) @ sx is c3sqrtx", "qubit[4] q; ctrl(3) @ sx q[0], q[1], q[2], q[3];", "qreg q[4]; c3sqrtx q[0],q[1],q[2],q[3];", false, 1, false},
		{"ctrl(4) @ x is c4x", "qubit[5] q; ctrl(4) @ x q[4], q[3], q[2], q[1], q[0];", "qreg q[5]; c4x q[4],q[3],q[2],q[1],q[0];", false, 1, false},
		// The doubly controlled phase (Barenco et al. 1995, Lemma 6.1 with
		// V² = p(λ)): an explicit matrix in the circuit.
		{"ctrl(2) @ p", "qubit[3] q; ctrl(2) @ p(0.6) q[0], q[1], q[2];",
			"qreg q[3]; cu1(0.3) q[1],q[2]; cx q[0],q[1]; cu1(-0.3) q[1],q[2]; cx q[0],q[1]; cu1(0.3) q[0],q[2];", false, 1, true},
		{"ctrl @ ctrl @ z", "qubit[3] q; ctrl @ ctrl @ z q[0], q[1], q[2];", "qreg q[3]; h q[2]; ccx q[0],q[1],q[2]; h q[2];", false, 1, true},
		{"ctrl @ swap is cswap", "qubit[3] q; ctrl @ swap q[0], q[1], q[2];", "qreg q[3]; cswap q[0],q[1],q[2];", false, 1, false},
		{"broadcast with ctrl", "qubit c; qubit[3] tg; ctrl @ x c, tg;", "qreg c[1]; qreg tg[3]; cx c[0],tg[0]; cx c[0],tg[1]; cx c[0],tg[2];", false, 3, false},
		{"for loop", "qubit[4] q; for uint i in [0:3] { h q[i]; }", "qreg q[4]; h q[0]; h q[1]; h q[2]; h q[3];", false, 4, false},
		{"for loop step", "qubit[4] q; for int i in [3:-2:0] { x q[i]; }", "qreg q[4]; x q[3]; x q[1];", false, 2, false},
		{"for set", "qubit[4] q; for i in {0, 2} { rx(i*pi/4) q[i]; }", "qreg q[4]; rx(0) q[0]; rx(pi/2) q[2];", false, 2, false},
		{"nested loops", "qubit[3] q; for uint i in [0:1] { for uint j in [i+1:2] { cx q[i], q[j]; } }", "qreg q[3]; cx q[0],q[1]; cx q[0],q[2]; cx q[1],q[2];", false, 3, false},
		{"empty loop", "qubit q; for uint i in [1:0] { h q[i]; } x q;", "qreg q[1]; x q[0];", false, 1, false},
		{"const", "const int n = 3; const float a = pi/n; qubit[n] q; rx(a) q[n-1]; ry(tau/4) q[-1];", "qreg q[3]; rx(pi/3) q[2]; ry(pi/2) q[2];", false, 2, false},
		{"power operator", "qubit q; rz(2**3 / 2^2) q;", "qreg q[1]; rz(2) q[0];", false, 1, false},
		{"gate with modifiers", "gate cxx a, b, c { ctrl @ x a, b; ctrl @ x a, c; } qubit[3] q; cxx q[0], q[1], q[2];",
			"qreg q[3]; cx q[0],q[1]; cx q[0],q[2];", false, 2, false},
		{"inv @ gate reverses", "gate g(a) x, y { h x; cx x, y; rz(a) y; } qubit[2] q; inv @ g(0.5) q[0], q[1];",
			"qreg q[2]; rz(-0.5) q[1]; cx q[0],q[1]; h q[0];", false, 3, false},
		{"pow(2) @ gate repeats", "gate g x { h x; t x; } qubit q; pow(2) @ g q;", "qreg q[1]; h q[0]; t q[0]; h q[0]; t q[0];", false, 4, false},
		{"ctrl @ gate distributes", "gate g(a) x, y { h x; cx x, y; rz(a) y; } qubit[3] q; ctrl @ g(0.5) q[2], q[0], q[1];",
			"qreg q[3]; ch q[2],q[0]; ccx q[2],q[0],q[1]; crz(0.5) q[2],q[1];", false, 3, false},
		// gphase(π/2)·rz(π) = i·(−iZ) = Z, so ctrl @ pz is cz exactly; at
		// the top level pz drops its phase and is Z up to a global phase.
		{"gphase in a body", "gate pz a { gphase(pi/2); rz(pi) a; } qubit[2] q; pz q[1]; ctrl @ pz q[0], q[1];",
			"qreg q[2]; z q[1]; cz q[0],q[1];", true, 3, false},
		{"const in a body", "const float half = pi/2; gate r a { rx(half) a; } qubit q; r q;", "qreg q[1]; rx(pi/2) q[0];", false, 1, false},
		{"qreg and creg", "qreg q[2]; creg c[2]; h q; measure q -> c;", "", false, 4, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c3, err := circuit.ParseQASM3(h3+tc.qasm3, "test.qasm")
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantOps3 >= 0 && len(c3.Ops) != tc.wantOps3 {
				t.Errorf("%d ops, want %d", len(c3.Ops), tc.wantOps3)
			}
			hasUnitary := false
			for _, op := range c3.Ops {
				hasUnitary = hasUnitary || (op.Kind == circuit.GateOp && op.Gate == nil)
			}
			if hasUnitary != tc.wantUnitar {
				t.Errorf("explicit unitary: %v, want %v", hasUnitary, tc.wantUnitar)
			}
			if tc.qasm2 == "" {
				return
			}
			c2 := mustParseQASM(t, h2+tc.qasm2)
			u3, u2 := unitaryOf(t, c3, circuit.Binding{}), unitaryOf(t, c2, circuit.Binding{})
			if tc.upToPhase {
				if !sameUpToPhase(u2, u3, 1e-12) {
					t.Errorf("unitaries differ beyond a global phase")
				}
			} else if d := maxDiff(u2, u3); d > 1e-12 {
				t.Errorf("unitaries differ by %g", d)
			}
		})
	}
}

// TestQASM3Inputs: inputs become symbols (x the data inputs, every other
// input the next weights), and binding them gives the OpenQASM 2.0 circuit
// with the numbers written in.
func TestQASM3Inputs(t *testing.T) {
	src := `OPENQASM 3;
include "stdgates.inc";
input float[64] alpha;
input array[float[64], 2] theta;
input array[angle[32], 3] x;
input angle beta;
qubit[2] q;
rx(alpha) q[0];
for uint i in [0:1] { ry(2*theta[i] + x[2*i+1-i]) q[i]; }
rz(beta - pi/2) q[1];
`
	c, err := circuit.ParseQASM(src, "vqc.qasm")
	if err != nil {
		t.Fatal(err)
	}
	want := []circuit.Param{
		circuit.Weight(0),
		circuit.Weight(1).Scale(2).Add(circuit.Input(1)),
		circuit.Weight(2).Scale(2).Add(circuit.Input(2)),
		circuit.Weight(3).Offset(-math.Pi / 2),
	}
	for i, w := range want {
		if !c.Ops[i].Params[0].Equal(w, 1e-15) {
			t.Errorf("op %d angle %v, want %v", i, c.Ops[i].Params[0], w)
		}
	}
	if c.NumWeights() != 4 || c.NumInputs() != 3 {
		t.Errorf("%d weights and %d inputs, want 4 and 3", c.NumWeights(), c.NumInputs())
	}
	b := circuit.Binding{Weights: []float64{0.1, 0.2, 0.3, 0.4}, Inputs: []float64{9, 0.5, 0.6}}
	c2 := mustParseQASM(t, `OPENQASM 2.0; include "qelib1.inc"; qreg q[2];
rx(0.1) q[0]; ry(2*0.2 + 0.5) q[0]; ry(2*0.3 + 0.6) q[1]; rz(0.4 - pi/2) q[1];`)
	if d := maxDiff(unitaryOf(t, c, b), unitaryOf(t, c2, circuit.Binding{})); d > 1e-12 {
		t.Errorf("bound unitaries differ by %g", d)
	}
}
