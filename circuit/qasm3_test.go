package circuit

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// roundTrip3 writes c in OpenQASM 3, reads it back and checks that nothing
// changed.
func roundTrip3(t *testing.T, c *Circuit) string {
	t.Helper()
	var sb strings.Builder
	if err := WriteQASM3(&sb, c); err != nil {
		t.Fatalf("WriteQASM3: %v", err)
	}
	back, err := ParseQASM(sb.String(), "written.qasm")
	if err != nil {
		t.Fatalf("reading back: %v\n%s", err, sb.String())
	}
	if err := sameCircuit(c, back); err != nil {
		t.Fatalf("round trip differs: %v\n%s", err, sb.String())
	}
	return sb.String()
}

func readQASM3File(t *testing.T, name string) *Circuit {
	t.Helper()
	return readFile(t, filepath.Join("testdata", "qasm3", name))
}

// TestReadQASM3Testdata checks the op lists of the OpenQASM 3 programs of
// testdata/qasm3, read off their text, and writes each back.
func TestReadQASM3Testdata(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"bell.qasm", []string{"h 0", "cx 0,1", "measure 0->0", "measure 1->1"}},
		{"teleport.qasm", []string{
			"reset 0", "reset 1", "reset 2", "u3 0", "h 1", "cx 1,2", "barrier 0,1,2", "cx 0,1", "h 0",
			"measure 0->0", "measure 1->1", "if(c1==1) x 2", "if(c0==1) z 2", "if(c0==0) id 2",
			"barrier 0,1,2", "measure 2->4"}},
		// x, then per qubit j an h and cp from each k > j (4+3+2+1), 2
		// swaps, the inverted crot, a barrier and 5 measures.
		{"qft.qasm", nil},
		{"vqc.qasm", nil},
		{"modifiers.qasm", []string{
			"cx 0,1", "ccx 0,1,2", "x 3", "ch 3,0", "x 3", "x 1", "unitary 0,1,2", "x 1", "sdg 1",
			"tdg 2", "tdg 2", "rx 3", "p 0", "p 1", "cu3 2,3", "p 2", "c3sqrtx 0,1,2,3", "unitary 0,1,2", "u 1"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			c := readQASM3File(t, tc.file)
			if tc.want != nil && !reflect.DeepEqual(describeAll(c), tc.want) {
				t.Errorf("ops\n%v\nwant\n%v", describeAll(c), tc.want)
			}
			if tc.file == "modifiers.qasm" {
				if err := WriteQASM3(&strings.Builder{}, c); err == nil || !strings.Contains(err.Error(), "explicit unitary") {
					t.Errorf("WriteQASM3 of explicit unitaries: %v", err)
				}
				return
			}
			roundTrip3(t, c)
		})
	}
	qft := readQASM3File(t, "qft.qasm")
	if n := gateCounts(qft); n["h"] != 5 || n["cp"] != 11 || n["swap"] != 2 || n["measure"] != 5 || len(qft.Ops) != 25 {
		t.Errorf("qft counts %v, %d ops", n, len(qft.Ops))
	}
	vqc := readQASM3File(t, "vqc.qasm")
	if vqc.NumWeights() != 9 || vqc.NumInputs() != 4 || len(vqc.Ops) != 4+2*(4+3)+1+4 {
		t.Errorf("vqc: %d weights, %d inputs, %d ops", vqc.NumWeights(), vqc.NumInputs(), len(vqc.Ops))
	}
	// rz(theta[layer*n + i]) with layer 1, i 2 is op 4+7+2.
	if p := vqc.Ops[13].Params[0]; !p.Equal(Weight(6), 0) {
		t.Errorf("op 13 angle %v, want θ[6]", p)
	}
}

// TestWriteQASM3EveryGate writes each registered gate, with constant and
// with symbolic angles, conditioned on a register and on one bit, and
// reads it back.
func TestWriteQASM3EveryGate(t *testing.T) {
	for _, name := range GateNames() {
		g := mustLookup(t, name)
		for _, symbolic := range []bool{false, true} {
			c := New(g.Qubits + 1)
			cr := c.AddCReg("c", 2)
			qubits := make([]int, g.Qubits)
			for i := range qubits {
				qubits[i] = g.Qubits - i
			}
			params := make([]Param, g.Params)
			for i := range params {
				params[i] = Const(0.1 + float64(i)/3)
				if symbolic {
					params[i] = Weight(i).Scale(-2).Add(Input(3)).Offset(0.25)
				}
			}
			c.Gate(name, qubits, params...)
			c.Append(Op{Kind: GateOp, Gate: g, Qubits: qubits, Params: params, Cond: &Condition{Reg: cr, Value: 2}})
			c.Append(Op{Kind: GateOp, Gate: g, Qubits: qubits, Params: params, Cond: &Condition{Reg: Register{"c[1]", 1, 1}, Value: 0}})
			if c.Err() != nil {
				t.Fatal(c.Err())
			}
			t.Run(name, func(t *testing.T) { roundTrip3(t, c) })
		}
	}
}

// TestWriteQASM3Programs writes every OpenQASM 2.0 program of testdata and
// the QASMBench set in OpenQASM 3 and reads it back to the same circuit.
func TestWriteQASM3Programs(t *testing.T) {
	files := testdataFiles(t)
	if _, err := os.Stat(realDir); err == nil {
		top, _ := filepath.Glob(filepath.Join(realDir, "*.qasm"))
		mid, _ := filepath.Glob(filepath.Join(realDir, "mid-circuit", "*.qasm"))
		files = append(append(files, top...), mid...)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { roundTrip3(t, readFile(t, f)) })
	}
}

func TestWriteQASM3Text(t *testing.T) {
	c := New(4)
	c.AddCReg("c", 1)
	c.RY(0, Input(0).Scale(2).Add(Weight(1)).Offset(-1.5)).Gate("c3x", []int{0, 1, 2, 3}).RZZ(0, 1, Const(0.5)).Measure(3, 0)
	c.Append(Op{Kind: GateOp, Gate: mustLookup(t, "sxdg"), Qubits: []int{2}, Cond: &Condition{Reg: c.CRegs[0], Value: 1}})
	want := `OPENQASM 3.0;
include "stdgates.inc";
input array[float[64], 2] theta;
input array[float[64], 1] x;
gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }
qubit[4] q;
bit[1] c;
ry(theta[1] + 2*x[0] - 1.5) q[0];
ctrl(3) @ x q[0], q[1], q[2], q[3];
rzz(0.5) q[0], q[1];
c[0] = measure q[3];
if (c == 1) inv @ sx q[2];
`
	if got := roundTrip3(t, c); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestWriteQASM3Errors: what the writer cannot say is refused, and nothing
// is written.
func TestWriteQASM3Errors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func() *Circuit
		want  string
	}{
		{"unitary", func() *Circuit { return New(1).Unitary([]complex128{0, 1, 1, 0}, 0) }, "explicit unitary"},
		{"keyword register", func() *Circuit {
			c := &Circuit{}
			c.AddQReg("qubit", 1)
			return c.H(0)
		}, "register name qubit is an OpenQASM 3 keyword"},
		{"register named like an input", func() *Circuit {
			c := &Circuit{}
			c.AddQReg("theta", 1)
			return c.RX(0, Weight(0))
		}, "clashes with the input array"},
		{"condition on two bits of three", func() *Circuit {
			c := New(1)
			c.AddCReg("c", 3)
			c.Append(Op{Kind: GateOp, Gate: mustLookup(t, "x"), Qubits: []int{0}, Cond: &Condition{Reg: Register{"c", 1, 2}, Value: 1}})
			return c
		}, "neither a declared classical register nor one bit"},
		{"failed circuit", func() *Circuit { return New(1).H(3) }, "out of range"},
	} {
		var sb strings.Builder
		err := WriteQASM3(&sb, tc.build())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
		if sb.Len() != 0 {
			t.Errorf("%s: wrote %q despite the error", tc.name, sb.String())
		}
	}
}

// TestReadQASM3Errors: each program outside the subset, or wrong, fails
// with file:line:column and what was expected; positions counted by hand.
func TestReadQASM3Errors(t *testing.T) {
	const p = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[2] c;\n" // errors start on line 5
	for _, tc := range []struct{ src, want string }{
		{"OPENQASM 3.1;\nqubit q;\nqubit q;", "3:7: q is already declared"},
		{p + "def f(qubit a) { h a; }", "5:1: def: subroutines (def) are outside the OpenQASM 3 subset"},
		{p + "int k = 3;", "5:1: int: classical variables are outside the OpenQASM 3 subset"},
		{p + "while (c == 0) { h q[0]; }", "5:1: while: while loops are outside"},
		{p + "delay[100ns] q[0];", "5:1: delay: delay and durations are outside"},
		{p + "h $0;", `5:3: expected a quantum register, found "$"`},
		{p + "#pragma foo\nh q[0];", "5:1: pragmas and annotations are outside"},
		{p + "h q[0:1];", "5:6: slices and index lists are outside"},
		{p + "h q[3];", "5:5: qubit index 3 out of range for register q[3]"},
		{p + "h q[-4];", "5:5: qubit index -4 out of range for register q[3]"},
		{p + "h q[0.5];", "5:5: expected an integer for the qubit index, found 0.5"},
		{p + "include \"qelib1.inc\";", `5:9: cannot include "qelib1.inc": only "stdgates.inc" is built in`},
		{"OPENQASM 3;\nqubit q;\nh q;", `3:1: unknown gate "h" (it is in stdgates.inc: include "stdgates.inc" first)`},
		{"OPENQASM 3;\nqubit q;\nCX q, q;", `3:1: unknown gate "CX"`},
		{p + "input int[8] n;", "5:7: expected float or angle: inputs of other types are outside"},
		{p + "input float a;\nconst float b = a;", "6:17: const b needs a constant value"},
		{p + "const int n = 1.5;", "5:15: const int n = 1.5: expected a value of type int"},
		{p + "const uint n = -1;", "5:16: const uint n = -1: expected a value of type uint"},
		{p + "pow(0.5) @ h q[0];", "5:12: applying gate h: pow(0.5) @ h: a fractional power needs a gate with a generator"},
		{p + "input float a;\npow(a) @ x q[0];", "6:5: pow needs a constant, finite exponent, found θ[0]"},
		{p + "input float a;\nctrl(2) @ rx(a) q[0], q[1], q[2];", "6:11: applying gate rx: ctrl(2) @ rx has no registered gate, and an explicit matrix needs constant angles"},
		{p + "ctrl(0) @ x q[0];", "5:6: ctrl(0): expected 1 to 65536 controls"},
		{p + "ctrl x q[0], q[1];", `5:6: expected "@" after the modifier ctrl, found identifier "x"`},
		{p + "ctrl @ x q[0];", "5:8: gate x takes 2 qubit arguments, got 1"},
		{p + "ctrl @ x q[0], q[0];", "5:16: qubit q[0] appears twice in the arguments of x"},
		{p + "gphase(0.1) q[0];", `5:13: expected ";" after gphase, found identifier "q"`},
		{p + "for uint i in [0:2] h q[i];", `5:21: expected "{" to open the loop body (this reader needs braces)`},
		{p + "for float f in [0:2] { }", "5:5: loops over float values are outside"},
		{p + "for uint i in [0:1:2:3] { }", "5:23: a range has at most three parts"},
		{p + "for uint i in [0:0:2] { }", "5:21: a range's step cannot be 0"},
		{p + "for uint i in [0:2] { h q[i]; ", "5:31: expected '}' to close the block opened at line 5"},
		{p + "for uint i in [2:0] { h q[i]; ", "5:31: expected '}' to close the block opened at line 5"},
		{p + "for uint i in [0:3] {\n  h q[i];\n}", "6:7: qubit index 3 out of range for register q[3]"},
		{p + "for uint i in [0:1] { qubit r; }", "5:23: qubit must be at the top level"},
		{p + "for uint q in [0:1] { }", "5:10: q is already declared"},
		{p + "if (c == 4) x q[0];", "5:10: value 4 does not fit c of 2 bits"},
		{p + "if (c) x q[0];", "5:6: expected == and a value after the register c of 2 bits"},
		{p + "if (c == 1) { x q[0]; } else { x q[1]; }", "5:25: else needs a one-bit condition"},
		{p + "if (c[0]) if (c[1]) x q[0];", "5:11: an if inside an if is outside"},
		{p + "if (c[0]) { c[0] = measure q[0]; x q[1]; }", "5:34: an operation follows a measurement into the bits its if tests"},
		{p + "c[0] = 1;", `5:8: expected measure after '='`},
		{p + "bit b = \"1\";", "5:7: initialised bit registers are outside"},
		{p + "gate g a { inv @ barrier a; }", "5:18: a barrier takes no modifiers"},
		{p + "gate g a { pow(0.5) @ h a; } g q[0];", "5:30: applying gate g: pow(0.5) @ h: a fractional power needs a gate with a generator"},
		{p + "gate g a { measure a; }", "5:12: measure is not allowed in the body of gate g"},
		{p + "gate g a { h a; } pow(0.5) @ g q[0];", "5:30: applying gate g: pow(0.5) @ g: a fractional power needs a gate with a generator (rx, ry, rz, p, crx, rzz, …), and g is defined by a body"},
		{p + "rx(theta) q[0];", `5:4: unknown identifier "theta": expected a number, pi, a constant, a loop variable or an input`},
		{p + "input array[float[64], 2] w;\nrx(w) q[0];", "6:4: input w is an array of 2: expected w[i]"},
		{p + "input array[float[64], 2] w;\nrx(w[2]) q[0];", "6:4: index 2 out of range for input w[2]"},
		{p + "for uint i in [0:100000000] { }", "5:29: the program runs more than 4194304 statements"},
	} {
		_, err := ParseQASM(tc.src, "prog.qasm")
		var pe *ParseError
		if !errors.As(err, &pe) || pe.File != "prog.qasm" {
			t.Errorf("%q: error %v is not a ParseError of prog.qasm", tc.src, err)
			continue
		}
		if got := strings.TrimPrefix(err.Error(), "prog.qasm:"); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestQASMVersionDispatch: ParseQASM and ReadQASM read both versions by the
// header; isQASM3 looks past comments.
func TestQASMVersionDispatch(t *testing.T) {
	for _, tc := range []struct {
		src string
		v3  bool
	}{
		{"OPENQASM 3.0; qubit q;", true},
		{"// comment\n/* block */ OPENQASM 3; qubit q;", true},
		{"OPENQASM 2.0; qreg q[1];", false},
		{"qreg q[1];", false},
		{"OPENQASM 4.0;", false},
		{"", false},
	} {
		if got := isQASM3(tc.src); got != tc.v3 {
			t.Errorf("isQASM3(%q) = %v, want %v", tc.src, got, tc.v3)
		}
	}
	c, err := ReadQASM(strings.NewReader("OPENQASM 3;\nqubit[2] q;\nU(pi, 0, pi) q[1];\n"), "r.qasm")
	if err != nil || c.NumQubits != 2 || describeAll(c)[0] != "u 1" {
		t.Errorf("ReadQASM of OpenQASM 3: %v %v", err, c)
	}
	if _, err := ParseSymbolicQASM("OPENQASM 3;\ninput float a;\nqubit q;\nU(a, 0, 0) q;", "s.qasm"); err != nil {
		t.Errorf("ParseSymbolicQASM of OpenQASM 3: %v", err)
	}
}

// FuzzReadQASM3: no input panics; every error is a located ParseError; and a
// program that reads writes back (unless it holds explicit unitaries, which
// WriteQASM3 refuses) and reads again to the same circuit.
func FuzzReadQASM3(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "qasm3", "*.qasm"))
	fuzzRoundTrip(f, ParseQASM3, WriteQASM3, seeds, []string{
		"OPENQASM 3;",
		"OPENQASM 3; qubit q; bit c; if (!c) U(1,2,3) q; c = measure q;",
		"OPENQASM 3; include \"stdgates.inc\"; qubit[3] q; ctrl(2) @ negctrl @ inv @ pow(-3) @ t q[2], q[1], q[0];",
		"OPENQASM 3; include \"stdgates.inc\"; const int n = 2; qubit[n] q; for int i in [n-1:-1:0] { for j in {0} { cx q[i], q[j-1]; } }",
		"OPENQASM 3; include \"stdgates.inc\"; input array[float[64], 2] x; gate g(a) b { gphase(a); ry(a) b; } qubit q; ctrl @ g(x[1]) q, q;",
		"OPENQASM 3; qubit[2] q; for uint i in [0:1000] { U(0,0,0) q; }",
		"OPENQASM 3; for uint i in [0:999] { for uint j in [0:999] { } }",
	})
}

// TestReadQASM3Overflow: a power that overflows an angle is an error.
func TestReadQASM3Overflow(t *testing.T) {
	for _, src := range []string{
		"OPENQASM 3; include \"stdgates.inc\"; qubit q; pow(2.5) @ rx(1e308) q;",
		"OPENQASM 3; qubit[2] q; ctrl @ pow(2.5) @ gphase(1e308) q[0];",
	} {
		if _, err := ParseQASM3(src, "o.qasm"); err == nil || !strings.Contains(err.Error(), "not a finite number") {
			t.Errorf("%q: error %v", src, err)
		}
	}
}

// BenchmarkParseQASM3 reads the 4-qubit variational program of testdata,
// loops and all.
func BenchmarkParseQASM3(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "qasm3", "vqc.qasm"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ParseQASM3(string(src), "vqc.qasm"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteQASM3 writes the 20-qubit layered circuit of the drawing
// tests.
func BenchmarkWriteQASM3(b *testing.B) {
	c := wide()
	for b.Loop() {
		if err := WriteQASM3(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}
