package circuit

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// prelude is four lines: a program's errors in the table start on line 5.
const prelude = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[2];\n"

// TestReadQASMErrors: each bad program fails with file:line:column and what
// was expected; the positions were counted by hand from the sources.
func TestReadQASMErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		// header, include, declarations
		{"OPENQASM 4.0;", "1:10: unsupported OpenQASM version 4.0: expected 2.0"},
		{"qreg q[2];\nOPENQASM 2.0;", "2:1: the OPENQASM header must be the first statement"},
		{"OPENQASM 2.0\nqreg q[1];", `2:1: expected ";" after the version, found identifier "qreg"`},
		{"OPENQASM;", "1:9: expected a version number after OPENQASM"},
		{`include "other.inc";`, `1:9: cannot include "other.inc": only "qelib1.inc" is built in`},
		{`include qelib1;`, `1:9: expected a file name in quotes after include, found identifier "qelib1"`},
		{`include "qelib1.inc`, "1:9: unterminated string"},
		{"qreg q[0];", "1:8: register size must be positive"},
		{"qreg q[70000];", "1:8: qreg q[70000] takes the program beyond the limit of 65536 bits per kind"},
		{"qreg q[99999999999999999999];", "1:8: qreg q[99999999999999999999] takes the program beyond the limit"},
		{"qreg q[40000];\nqreg r[40000];", "2:8: qreg r[40000] takes the program beyond the limit"},
		{"qreg q[2];\nqreg q[3];", "2:6: redefinition of register q (declared at line 1)"},
		{"qreg q[2]; creg q[2];", "1:17: redefinition of register q (declared at line 1)"},
		{"qreg pi[2];", `1:6: "pi" is reserved and cannot name a register`},
		{"qreg θ[2];", `1:6: register name "θ": expected ASCII letters, digits and '_'`},
		{"creg measure[2];", `1:6: "measure" is reserved and cannot name a register`},
		{"qreg q(2);", `1:7: expected "[" after the register name, found "("`},
		{"qreg q[2.5];", "1:8: expected the register size, a positive integer, found number 2.5"},
		{"qreg q[2]", `1:10: expected ";" after the declaration, found the end of the input`},
		// lexical
		{"/* never closed\nqreg q[1];", "1:1: unterminated comment: expected */"},
		{prelude + "x q[0]; @", "5:9: unexpected character '@'"},
		{prelude + "3 q[0];", "5:1: expected a statement (qreg, creg, gate, a gate application, measure, reset, barrier, if), found number 3"},
		// gate applications
		{prelude + "foo q[0];", `5:1: unknown gate "foo"`},
		{"qreg q[2];\nh q[0];", `2:1: unknown gate "h" (it is in qelib1.inc: include "qelib1.inc" first)`},
		{prelude + "x q[5];", "5:5: qubit index 5 out of range for register q[3]"},
		{prelude + "x q[99999999999999999999];", "5:5: qubit index 99999999999999999999 out of range for register q[3]"},
		{prelude + "x r[0];", "5:3: undeclared register r"},
		{prelude + "x c[0];", "5:3: expected a quantum register, found register c declared at line 4"},
		{prelude + "x q[a];", "5:5: expected a qubit index, found identifier \"a\""},
		{prelude + "h ;", `5:3: expected a quantum register, found ";"`},
		{prelude + "x q[0]", `5:7: expected ";" after the arguments, found the end of the input`},
		{prelude + "cx q[0];", "5:1: gate cx takes 2 qubit arguments, got 1"},
		{prelude + "rx q[0];", "5:1: gate rx takes 1 parameter, got 0"},
		{prelude + "rx(1,2) q[0];", "5:1: gate rx takes 1 parameter, got 2"},
		{prelude + "U(1,2) q[0];", "5:1: gate U takes 3 parameters, got 2"},
		{prelude + "cx q[0], q[0];", "5:10: qubit q[0] appears twice in the arguments of cx"},
		{prelude + "cx q, q[1];", "5:7: qubit q[1] appears twice in the arguments of cx"},
		{prelude + "qreg r[2];\ncx q, r;", "6:7: registers q[3] and r[2] differ in size"},
		{prelude + "rx(1/0) q[0];", "5:5: division by zero"},
		{prelude + "rx(ln(0)) q[0];", "5:4: the value is not a finite number"},
		{prelude + "rx(1e999) q[0];", "5:4: number 1e999 is out of range"},
		{prelude + "rx(theta) q[0];", `5:4: unknown identifier "theta": expected a number, pi, or a function such as sin`},
		{prelude + "rx(x[0]) q[0];", `5:4: unknown identifier "x"`},
		{prelude + "rx(sin) q[0];", `5:7: expected "(" after function sin, found ")"`},
		{prelude + "rx(1 q[0];", `5:6: expected ',' or ')' after a parameter, found identifier "q"`},
		{prelude + "rx(1,) q[0];", `5:6: expected a number, pi, a name, a function or '(', found ")"`},
		{prelude + "rx(" + strings.Repeat("(", 2000) + "1" + strings.Repeat(")", 2000) + ") q[0];", "nested too deeply (more than 1000 levels)"},
		{prelude + "rx(" + strings.Repeat("-", 2000) + "1) q[0];", "nested too deeply"},
		{prelude + "rx(1" + strings.Repeat("+1", 2000) + ") q[0];", "expression too long"},
		// measure, reset, barrier, if
		{prelude + "measure q[0] -> d[0];", "5:17: undeclared register d"},
		{prelude + "measure q[0] -> q[1];", "5:17: expected a classical register, found register q declared at line 3"},
		{prelude + "measure q[0] c[0];", `5:14: expected "->" after the measured qubits, found identifier "c"`},
		{prelude + "measure q[0] -> c;", "5:17: expected both sides of measure indexed, or both whole registers"},
		{prelude + "measure q -> c;", "5:14: cannot measure q[3] into c[2]: expected registers of equal size"},
		{prelude + "measure q[1] -> c[2];", "5:19: bit index 2 out of range for register c[2]"},
		{prelude + "reset r;", "5:7: undeclared register r"},
		{prelude + "barrier q[0], c;", "5:15: expected a quantum register, found register c"},
		{prelude + "if (c == 4) x q[0];", "5:10: value 4 does not fit register c[2]"},
		{prelude + "if (c == 99999999999999999999999) x q[0];", "5:10: value 99999999999999999999999 does not fit register c[2]"},
		{prelude + "if (c[0] == 1) x q[0];", "5:5: expected a whole classical register in the condition, found c[0]"},
		{prelude + "if (q == 1) x q[0];", "5:5: expected a classical register, found register q"},
		{prelude + "if (c = 1) x q[0];", `5:7: expected "==" after the register in the condition, found "="`},
		{prelude + "if (c == 1) barrier q;", `5:13: expected a gate, measure or reset after the condition, found identifier "barrier"`},
		{prelude + "if (c == 1) if (c == 0) x q[0];", "5:13: expected a gate, measure or reset after the condition"},
		{prelude + "creg d[3];\nif (d == 1) measure q -> d;", "6:26: cannot measure a whole register into d under a condition on it: measure bit by bit"},
		{prelude + "if c == 1 x q[0];", `5:4: expected "(" after if, found identifier "c"`},
		// gate definitions
		{"gate g a { h a; }", `1:12: unknown gate "h" in the body of gate g`},
		{"gate g a { U(0,0,0) a; }\ngate g a { CX a; }", "2:12: gate CX takes 2 qubit arguments, got 1"},
		{"gate g a { U(0,0,0) a; }\ngate g b { U(0,0,0) b; }", "2:6: redefinition of gate g (first defined at line 1)"},
		{"opaque g a;\ngate g a { U(0,0,0) a; }", "2:6: redefinition of gate g (first defined at line 1)"},
		{prelude + "gate h a { x a; }", "5:6: redefinition of gate h: its matrix differs from the one qelib1.inc defines"},
		{prelude + "gate rx a { x a; }", "5:6: redefinition of gate rx: qelib1.inc defines it with 1 parameter and 1 qubit"},
		{prelude + "opaque h(t) a;", "5:8: redefinition of gate h: qelib1.inc defines it with 0 parameters and 1 qubit"},
		{"gate U a { }", `1:6: "U" is reserved and cannot name a gate`},
		{"gate CX a, b { }", `1:6: "CX" is reserved and cannot name a gate`},
		{"gate sin a { }", `1:6: "sin" is reserved and cannot name a gate`},
		{"gate g(pi) a { }", `1:8: "pi" is reserved and cannot name a parameter`},
		{"gate g a, a { }", "1:11: gate g uses the name a twice"},
		{"gate g(a) a { }", "1:11: gate g uses the name a twice"},
		{"gate g { }", `1:8: expected a qubit name of gate g, found "{"`},
		{"gate g a { U(0,0,0) a; ", "1:24: expected '}' to close the body of gate g (line 1), found the end of the input"},
		{"gate g a U(0,0,0) a;", `1:10: expected "{" to open the body of gate g, found identifier "U"`},
		{"gate g a { measure a -> c[0]; }", "1:12: measure is not allowed in the body of gate g"},
		{"gate g a { qreg r[1]; }", "1:12: qreg is not allowed in the body of gate g"},
		{"gate g a { g a; }", "1:12: gate g cannot apply itself"},
		{"gate g a { U(0,0,0) b; }", `1:21: expected a qubit of gate g (one of [a]), found identifier "b"`},
		{"gate g a { U(0,0,0) a[0]; }", "1:22: expected ',' or ';' after qubit a: a gate body cannot index its qubits"},
		{"gate g a, b { CX a, a; }", "1:21: qubit a appears twice in the arguments of CX"},
		{"gate g(t) a { U(s,0,0) a; }", `1:17: unknown identifier "s" in gate g: expected one of its parameters [t], pi or a number`},
		{"gate g(t) a { U(t[0],0,0) a; }", `1:17: unknown identifier "t" in gate g`},
		{"gate g(t) a { U(1/t,0,0) a; }\nqreg q[1];\ng(0) q[0];", "3:1: applying gate g: in gate g: bad.qasm:1:18: division by zero"},
		{"gate g a { }\nqreg q[1];\ng(1) q[0];", "3:1: gate g takes 0 parameters, got 1"},
		{"opaque magic(t) a;\nqreg q[1];\nmagic(1) q[0];", "3:1: applying gate magic: gate magic is opaque (declared at line 1): it has no definition to apply"},
		{"opaque magic a;\ngate g a { magic a; }\nqreg q[1];\ng q[0];", "4:1: applying gate g: gate magic is opaque (declared at line 1)"},
		{"gate rccx a, b, c { }\ninclude \"qelib1.inc\";", `2:9: qelib1.inc defines gate "rccx", already defined at line 1`},
		{prelude + "gate rccx a, b, c { ccx a, b, c; }", "5:6: redefinition of gate rccx: its matrix differs from the one qelib1.inc defines"},
	} {
		_, err := ParseQASM(tc.src, "bad.qasm")
		if err == nil {
			t.Errorf("%q: no error, want %q", tc.src, tc.want)
			continue
		}
		if want := "bad.qasm:" + tc.want; !strings.Contains(err.Error(), want) && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s", tc.src, err, want)
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.File != "bad.qasm" || pe.Line < 1 || pe.Column < 1 {
			t.Errorf("%q: %#v is not a located ParseError", tc.src, err)
		}
	}
}

// TestReadQASMLimits: nesting and expansion beyond the limits are refused
// with an error, not a crash or an endless run.
func TestReadQASMLimits(t *testing.T) {
	var deep strings.Builder
	deep.WriteString("gate g0 a { U(0,0,0) a; }\n")
	for i := 1; i <= maxGateDepth+5; i++ {
		fmt.Fprintf(&deep, "gate g%d a { g%d a; }\n", i, i-1)
	}
	fmt.Fprintf(&deep, "qreg q[1];\ng%d q[0];\n", maxGateDepth+5)
	_, err := ParseQASM(deep.String(), "deep.qasm")
	if err == nil || !strings.Contains(err.Error(), "nested more than 1000 deep") {
		t.Errorf("deep nesting: %v", err)
	}

	// Each level doubles: 2^21 ops from one application, refused before any
	// is built.
	var wide strings.Builder
	wide.WriteString("gate w0 a { U(0,0,0) a; U(0,0,0) a; }\n")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&wide, "gate w%d a { w%d a; w%d a; }\n", i, i-1, i-1)
	}
	wide.WriteString("qreg q[1];\nw10 q[0];\nw20 q[0];\n")
	_, err = ParseQASM(wide.String(), "wide.qasm")
	if err == nil || err.Error() != "wide.qasm:24:1: the program expands to more than 1048576 operations, the reader's limit" {
		t.Errorf("wide expansion: %v", err)
	}
}
