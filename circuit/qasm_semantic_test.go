package circuit

import (
	"math"
	"math/cmplx"
	"path/filepath"
	"strings"
	"testing"
)

// embed returns the 2^n × 2^n matrix of op on an n-qubit register, written
// entry by entry: ⟨r|E|c⟩ = ⟨loc(r)|M|loc(c)⟩ when r and c agree off the
// op's qubits, where loc collects the op's qubits with the first listed as
// the least-significant bit.
func embed(op Op, n int) []complex128 {
	m := op.Matrix(Binding{})
	dim := 1 << n
	mask := 0
	for _, q := range op.Qubits {
		mask |= 1 << q
	}
	loc := func(x int) int {
		l := 0
		for t, q := range op.Qubits {
			l |= (x >> q & 1) << t
		}
		return l
	}
	k := 1 << len(op.Qubits)
	e := make([]complex128, dim*dim)
	for r := 0; r < dim; r++ {
		for c := 0; c < dim; c++ {
			if r&^mask == c&^mask {
				e[r*dim+c] = m[loc(r)*k+loc(c)]
			}
		}
	}
	return e
}

// unitaryOf multiplies out the gate ops of c (barriers skipped), the first
// op rightmost.
func unitaryOf(t *testing.T, c *Circuit, ops []Op) []complex128 {
	t.Helper()
	dim := 1 << c.NumQubits
	u := make([]complex128, dim*dim)
	for i := 0; i < dim; i++ {
		u[i*dim+i] = 1
	}
	for _, op := range ops {
		switch op.Kind {
		case BarrierOp:
		case GateOp:
			u = matMul(embed(op, c.NumQubits), u)
		default:
			t.Fatalf("op %s has no matrix", op.Name())
		}
	}
	return u
}

func program(t *testing.T, src string) *Circuit {
	t.Helper()
	c, err := ParseQASM(src, "test.qasm")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func maxDiff(a, b []complex128) float64 {
	d := 0.0
	for i := range a {
		d = math.Max(d, cmplx.Abs(a[i]-b[i]))
	}
	return d
}

// permutation returns the matrix sending basis state i to p(i).
func permutation(dim int, p func(int) int) []complex128 {
	m := make([]complex128, dim*dim)
	for i := 0; i < dim; i++ {
		m[p(i)*dim+i] = 1
	}
	return m
}

// multiControlledX flips the top qubit of an (n)-qubit register when every
// lower qubit is 1: the textbook C^{n-1}X with controls listed first.
func multiControlledX(n int) []complex128 {
	all := 1<<(n-1) - 1
	return permutation(1<<n, func(i int) int {
		if i&all == all {
			return i ^ 1<<(n-1)
		}
		return i
	})
}

// TestQASMUserGateMatrix: the hand-written mycrz of nested_gates.qasm is
// the textbook controlled RZ, diag(1, e^{-iθ/2}, 1, e^{iθ/2}) with the
// control as the low bit — exactly, with no global phase.
func TestQASMUserGateMatrix(t *testing.T) {
	const theta = 0.7
	c := program(t, `include "qelib1.inc";
gate mycrz(theta) c, t { rz(theta/2) t; cx c, t; rz(-theta/2) t; cx c, t; }
qreg q[2];
mycrz(0.7) q[0], q[1];`)
	want := make([]complex128, 16)
	want[0], want[5], want[10], want[15] = 1, cmplx.Exp(-0.5i*theta), 1, cmplx.Exp(0.5i*theta)
	if d := maxDiff(unitaryOf(t, c, c.Ops), want); d > 1e-14 {
		t.Errorf("mycrz differs from controlled RZ by %g", d)
	}
}

// TestQASMQFTMatrix: the qft3 gate of qft_user.qasm is the discrete Fourier
// transform F[y][x] = e^{2πi xy/8}/√8 in the qubit-0-least-significant order.
func TestQASMQFTMatrix(t *testing.T) {
	c := readFile(t, filepath.Join("testdata", "qft_user.qasm"))
	u := unitaryOf(t, c, c.Ops[3:10]) // after the three x, before the measures
	want := make([]complex128, 64)
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			want[y*8+x] = cmplx.Exp(complex(0, 2*math.Pi*float64(x*y)/8)) / complex(math.Sqrt(8), 0)
		}
	}
	if d := maxDiff(u, want); d > 1e-14 {
		t.Errorf("qft3 differs from the DFT by %g", d)
	}
}

// TestQASMRelativePhaseToffoli: rccx and rc3x equal CCX and C3X up to
// relative phases: U = D·C^kX with D diagonal and unitary (Maslov,
// arXiv:1508.03273), and the phases are not all 1.
func TestQASMRelativePhaseToffoli(t *testing.T) {
	for _, tc := range []struct {
		src string
		n   int
	}{
		{"rccx q[0],q[1],q[2];", 3},
		{"rc3x q[0],q[1],q[2],q[3];", 4},
	} {
		c := program(t, "include \"qelib1.inc\";\nqreg q["+string(rune('0'+tc.n))+"];\n"+tc.src)
		u := unitaryOf(t, c, c.Ops)
		d := matMul(u, Dagger(multiControlledX(tc.n))) // should be diagonal
		dim := 1 << tc.n
		trivial := true
		for r := 0; r < dim; r++ {
			for col := 0; col < dim; col++ {
				v := d[r*dim+col]
				if r == col && math.Abs(cmplx.Abs(v)-1) > 1e-14 || r != col && cmplx.Abs(v) > 1e-14 {
					t.Fatalf("%s: U·C^kX† has entry (%d,%d) = %v", tc.src, r, col, v)
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
// c3sqrtx is the 3-controlled √X, not its inverse: squared it is c3x, and
// on |1111⟩ it has the √X entry (1+i)/2.
func TestQASMMultiControlled(t *testing.T) {
	c := program(t, `include "qelib1.inc"; qreg q[5];
c3x q[0],q[1],q[2],q[3];
c4x q[0],q[1],q[2],q[3],q[4];
c3sqrtx q[0],q[1],q[2],q[3];`)
	if d := maxDiff(c.Ops[0].Matrix(Binding{}), multiControlledX(4)); d > 0 {
		t.Errorf("c3x differs from C3X by %g", d)
	}
	if d := maxDiff(c.Ops[1].Matrix(Binding{}), multiControlledX(5)); d > 0 {
		t.Errorf("c4x differs from C4X by %g", d)
	}
	m := c.Ops[2].Matrix(Binding{})
	if d := maxDiff(matMul(m, m), multiControlledX(4)); d > 1e-15 {
		t.Errorf("c3sqrtx² differs from C3X by %g", d)
	}
	if v := m[15*16+15]; cmplx.Abs(v-(1+1i)/2) > 1e-15 {
		t.Errorf("c3sqrtx ⟨1111|U|1111⟩ = %v, want (1+i)/2", v)
	}
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
	for name, want := range map[string][]complex128{"ryy": ryy, "iswap": iswap} {
		def := strings.Replace(extraDefinitions[name], "gate "+name, "gate my"+name, 1)
		call := "my" + name + " q[0], q[1];"
		if name == "ryy" {
			call = "myryy(0.9) q[0], q[1];"
		}
		c := program(t, "include \"qelib1.inc\";\n"+def+"\nqreg q[2];\n"+call)
		if c.Ops[0].Gate.Name == name {
			t.Fatalf("my%s was not inlined", name)
		}
		if u := unitaryOf(t, c, c.Ops); !equalUpToPhase(want, u, 1e-14) {
			t.Errorf("%s definition differs from the textbook matrix", name)
		}
		if !equalUpToPhase(want, mustLookup(t, name).Matrix([]float64{theta}[:mustLookup(t, name).Params]), 1e-14) {
			t.Errorf("registered %s differs from the textbook matrix", name)
		}
	}
}

// TestQASMU0IsIdentity: u0 is the identity (an idle of some duration).
func TestQASMU0IsIdentity(t *testing.T) {
	c := program(t, "include \"qelib1.inc\"; qreg q[1]; u0(3) q[0];")
	if d := maxDiff(unitaryOf(t, c, c.Ops), []complex128{1, 0, 0, 1}); d > 0 {
		t.Errorf("u0 differs from I by %g", d)
	}
}

// TestQASMRedefinitionKeepsMeaning: a gate named like a registered one but
// with another matrix keeps the file's meaning; one with the same matrix up
// to a global phase becomes the registered gate.
func TestQASMRedefinitionKeepsMeaning(t *testing.T) {
	c := readFile(t, filepath.Join("testdata", "builtins_noheader.qasm"))
	// "gate z a { U(0, 0, pi/2) a; }" is S, not Z: op 6 must act as S.
	if d := maxDiff(c.Ops[6].Matrix(Binding{}), []complex128{1, 0, 0, 1i}); d > 1e-15 {
		t.Errorf("the file's z acts as %v, want S", c.Ops[6].Matrix(Binding{}))
	}
	comp := readFile(t, filepath.Join("testdata", "compat_redefine.qasm"))
	for i, name := range []string{"rzz", "cu1", "sxdg", "csx"} {
		if comp.Ops[i].Gate != mustLookup(t, name) {
			t.Errorf("op %d is %s, want the registered %s", i, comp.Ops[i].Name(), name)
		}
	}
}
