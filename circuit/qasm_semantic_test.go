package circuit_test

// Semantic checks of the OpenQASM reader that need no simulator: the dense
// matrices of what it reads, built with the textbook helpers of gate_test.go
// and circuit_test.go (embed, unitaryOf, multiControlledX, ...).

import (
	"math"
	"math/cmplx"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

func mustParseQASM(t *testing.T, src string) *circuit.Circuit {
	t.Helper()
	c, err := circuit.ParseQASM(src, "test.qasm")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustReadQASM(t *testing.T, path string) *circuit.Circuit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := circuit.ReadQASM(f, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sameUpToPhase reports whether b = e^{iφ}·a within tol for some φ.
func sameUpToPhase(a, b []complex128, tol float64) bool {
	k := 0
	for i := range a {
		if cmplx.Abs(a[i]) > cmplx.Abs(a[k]) {
			k = i
		}
	}
	ph := b[k] / a[k]
	return math.Abs(cmplx.Abs(ph)-1) < tol && maxDiff(scale(a, ph), b) < tol
}

// TestQASMUserGateMatrix: the hand-written mycrz of nested_gates.qasm is
// the textbook controlled RZ, diag(1, e^{-iθ/2}, 1, e^{iθ/2}) with the
// control as the low bit — exactly, with no global phase.
func TestQASMUserGateMatrix(t *testing.T) {
	const theta = 0.7
	c := mustParseQASM(t, `include "qelib1.inc";
gate mycrz(theta) c, t { rz(theta/2) t; cx c, t; rz(-theta/2) t; cx c, t; }
qreg q[2];
mycrz(0.7) q[0], q[1];`)
	want := make([]complex128, 16)
	want[0], want[5], want[10], want[15] = 1, e(-theta/2), 1, e(theta/2)
	if d := maxDiff(unitaryOf(t, c, circuit.Binding{}), want); d > 1e-14 {
		t.Errorf("mycrz differs from controlled RZ by %g", d)
	}
}

// TestQASMQFTMatrix: the qft3 gate of qft_user.qasm is the discrete Fourier
// transform F[y][x] = e^{2πi xy/8}/√8 in the qubit-0-least-significant order.
func TestQASMQFTMatrix(t *testing.T) {
	c := mustReadQASM(t, filepath.Join("testdata", "qft_user.qasm"))
	// After the three x and before the measures.
	qft := &circuit.Circuit{NumQubits: 3, Ops: c.Ops[3:10]}
	want := make([]complex128, 64)
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			want[y*8+x] = e(2*math.Pi*float64(x*y)/8) / complex(math.Sqrt(8), 0)
		}
	}
	if d := maxDiff(unitaryOf(t, qft, circuit.Binding{}), want); d > 1e-14 {
		t.Errorf("qft3 differs from the DFT by %g", d)
	}
}

// TestQASMRelativePhaseToffoli: rccx and rc3x equal CCX and C3X up to
// relative phases: U = D·C^kX with D diagonal and unitary (Maslov,
// arXiv:1508.03273), and the phases are not all 1.
func TestQASMRelativePhaseToffoli(t *testing.T) {
	for _, tc := range []struct {
		src      string
		controls int
	}{
		{"qreg q[3]; rccx q[0],q[1],q[2];", 2},
		{"qreg q[4]; rc3x q[0],q[1],q[2],q[3];", 3},
	} {
		c := mustParseQASM(t, "include \"qelib1.inc\";\n"+tc.src)
		d := mul(unitaryOf(t, c, circuit.Binding{}), adjoint(multiControlledX(tc.controls)))
		dim := dimOf(d)
		trivial := true
		for r := 0; r < dim; r++ {
			for col := 0; col < dim; col++ {
				v := d[r*dim+col]
				if r == col && math.Abs(cmplx.Abs(v)-1) > 1e-14 || r != col && cmplx.Abs(v) > 1e-14 {
					t.Fatalf("%s: U·C^kX† has entry (%d,%d) = %v; want a diagonal of phases", tc.src, r, col, v)
				}
				if r == col && cmplx.Abs(v-1) > 1e-14 {
					trivial = false
				}
			}
		}
		if trivial {
			t.Errorf("%s: equals the Toffoli exactly; want relative phases", tc.src)
		}
	}
}

// TestQASMMultiControlled: c3x and c4x are the 3- and 4-controlled X, and
// c3sqrtx is the 3-controlled √X, not its inverse (QASMBench's qelib1.inc
// has the inverse): squared it is c3x, and on |1111⟩ it has the √X entry
// (1+i)/2.
func TestQASMMultiControlled(t *testing.T) {
	c := mustParseQASM(t, `include "qelib1.inc"; qreg q[5];
c3x q[0],q[1],q[2],q[3];
c4x q[0],q[1],q[2],q[3],q[4];
c3sqrtx q[0],q[1],q[2],q[3];`)
	if d := maxDiff(c.Ops[0].Matrix(circuit.Binding{}), multiControlledX(3)); d > 0 {
		t.Errorf("c3x differs from C3X by %g", d)
	}
	if d := maxDiff(c.Ops[1].Matrix(circuit.Binding{}), multiControlledX(4)); d > 0 {
		t.Errorf("c4x differs from C4X by %g", d)
	}
	m := c.Ops[2].Matrix(circuit.Binding{})
	if d := maxDiff(mul(m, m), multiControlledX(3)); d > 1e-15 {
		t.Errorf("c3sqrtx² differs from C3X by %g", d)
	}
	if v := m[15*16+15]; cmplx.Abs(v-(1+1i)/2) > 1e-15 {
		t.Errorf("c3sqrtx ⟨1111|U|1111⟩ = %v, want (1+i)/2", v)
	}
}

// writtenDefinition returns the `gate name ...` line WriteQASM writes for a
// circuit applying the registered gate name.
func writtenDefinition(t *testing.T, name string, params ...circuit.Param) string {
	t.Helper()
	var sb strings.Builder
	if err := circuit.WriteQASM(&sb, circuit.New(2).Gate(name, []int{0, 1}, params...)); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(sb.String(), "\n") {
		if strings.HasPrefix(line, "gate "+name) {
			return line
		}
	}
	t.Fatalf("WriteQASM declared no gate %s:\n%s", name, sb.String())
	return ""
}

// TestQASMExtraDefinitions: the bodies WriteQASM declares for ryy and iswap,
// read as the file's own gates (renamed so they are not recognised), equal
// the textbook matrices up to a global phase: ryy(θ) = cos(θ/2)·I −
// i·sin(θ/2)·Y⊗Y and iswap = |00⟩⟨00| + i|01⟩⟨10| + i|10⟩⟨01| + |11⟩⟨11|.
func TestQASMExtraDefinitions(t *testing.T) {
	const theta = 0.9
	cs, sn := complex(math.Cos(theta/2), 0), complex(math.Sin(theta/2), 0)
	// Y⊗Y has ⟨00|·|11⟩ = ⟨11|·|00⟩ = −1 and ⟨01|·|10⟩ = ⟨10|·|01⟩ = 1.
	ryy := []complex128{
		cs, 0, 0, 1i * sn,
		0, cs, -1i * sn, 0,
		0, -1i * sn, cs, 0,
		1i * sn, 0, 0, cs,
	}
	iswap := []complex128{1, 0, 0, 0, 0, 0, 1i, 0, 0, 1i, 0, 0, 0, 0, 0, 1}
	for _, tc := range []struct {
		name   string
		params []circuit.Param
		want   []complex128
	}{
		{"ryy", []circuit.Param{circuit.Const(theta)}, ryy},
		{"iswap", nil, iswap},
	} {
		def := strings.Replace(writtenDefinition(t, tc.name, tc.params...), "gate "+tc.name, "gate my"+tc.name, 1)
		call := "my" + tc.name + " q[0], q[1];"
		if tc.params != nil {
			call = "my" + tc.name + "(0.9) q[0], q[1];"
		}
		c := mustParseQASM(t, "include \"qelib1.inc\";\n"+def+"\nqreg q[2];\n"+call)
		if len(c.Ops) < 2 {
			t.Fatalf("my%s was not inlined: %d ops", tc.name, len(c.Ops))
		}
		if u := unitaryOf(t, c, circuit.Binding{}); !sameUpToPhase(tc.want, u, 1e-14) {
			t.Errorf("written %s definition differs from the textbook matrix", tc.name)
		}
	}
}

// TestQASMU0IsIdentity: u0 is the identity (an idle of some duration).
func TestQASMU0IsIdentity(t *testing.T) {
	c := mustParseQASM(t, "include \"qelib1.inc\"; qreg q[1]; u0(3) q[0];")
	if d := maxDiff(unitaryOf(t, c, circuit.Binding{}), identity(2)); d > 0 {
		t.Errorf("u0 differs from I by %g", d)
	}
}

// TestQASMRedefinitionKeepsMeaning: a gate named like a registered one but
// with another matrix keeps the file's meaning; one with the same matrix up
// to a global phase becomes the registered gate.
func TestQASMRedefinitionKeepsMeaning(t *testing.T) {
	c := mustReadQASM(t, filepath.Join("testdata", "builtins_noheader.qasm"))
	// "gate z a { U(0, 0, pi/2) a; }" is S, not Z: op 6 must act as S.
	if d := maxDiff(c.Ops[6].Matrix(circuit.Binding{}), []complex128{1, 0, 0, 1i}); d > 1e-15 {
		t.Errorf("the file's z acts as %v, want S", c.Ops[6].Matrix(circuit.Binding{}))
	}
	comp := mustReadQASM(t, filepath.Join("testdata", "compat_redefine.qasm"))
	for i, name := range []string{"rzz", "cu1", "sxdg", "csx"} {
		if g, _ := circuit.Lookup(name); comp.Ops[i].Gate != g {
			t.Errorf("op %d is %s, want the registered %s", i, comp.Ops[i].Name(), name)
		}
	}
}
