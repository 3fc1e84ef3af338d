package circuit

import (
	"fmt"
	"io"
	"strings"
)

// qasm3Spelling writes the registered gates that stdgates.inc lacks but
// modifiers express: ctrl(3) @ x is c3x, inv @ sx is sxdg. u is the
// built-in U, and cu3 is ctrl @ U (not ctrl @ u3, whose standard-library
// definition carries a global phase that control would expose).
var qasm3Spelling = map[string]string{
	"sxdg": "inv @ sx", "csx": "ctrl @ sx", "c3x": "ctrl(3) @ x", "c4x": "ctrl(4) @ x",
	"c3sqrtx": "ctrl(3) @ sx", "cu1": "ctrl @ u1", "u": "U", "cu3": "ctrl @ U",
}

// qasm3Definitions define, over stdgates.inc, the registered gates no
// modifier expresses; ParseQASM3 maps each back to its registered gate.
var qasm3Definitions = map[string]string{
	// H⊗H turns X⊗X into Z⊗Z, and cx·rz(θ)·cx is exp(−iθ Z⊗Z/2).
	"rxx":   "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
	"rzz":   "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
	"ryy":   extraDefinitions["ryy"],
	"iswap": extraDefinitions["iswap"],
}

// qasm3Inputs are the names WriteQASM3 gives the weights and the data
// inputs; ParseQASM3 reads them back as θ[i] and x[j].
const (
	qasm3Weights = "theta"
	qasm3Data    = "x"
)

// WriteQASM3 writes c as an OpenQASM 3 program that ParseQASM3 reads back
// to the same ops, gates, qubits, angles and conditions: the header,
// `include "stdgates.inc";`, `input array[float[64], n] theta;` for the
// weights θ[i] and `input array[float[64], m] x;` for the data inputs x[j]
// (so a variational circuit stays symbolic, its angles written as affine
// expressions such as `2*x[0] + theta[3] - 1.5707963267948966`), a
// definition for each gate used that stdgates.inc lacks and no modifier
// expresses (rxx, ryy, rzz, iswap), the registers as `qubit[n] q;` and
// `bit[n] c;` (a single q and c when c declares none), then one statement
// per op: gates (c3x as `ctrl(3) @ x`, sxdg as `inv @ sx`, …), `c[i] =
// measure q[j];`, reset, barrier, and conditions as `if (c == n)` for a
// whole register or `if (c[i] == b)` for one bit.
//
// It returns an error, writing nothing, for explicit-unitary ops, a
// condition on part of a register wider than one bit, non-finite angles,
// and register names that are not identifiers or clash with a keyword or
// with the inputs theta and x.
func WriteQASM3(w io.Writer, c *Circuit) error {
	d := qasm3
	d.header = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
	if n := c.NumWeights(); n > 0 {
		d.header += fmt.Sprintf("input array[float[64], %d] %s;\n", n, qasm3Weights)
	}
	if n := c.NumInputs(); n > 0 {
		d.header += fmt.Sprintf("input array[float[64], %d] %s;\n", n, qasm3Data)
	}
	return writeQASM(w, c, &d)
}

// qasm3 is OpenQASM 3 over stdgates.inc; WriteQASM3 adds the header, which
// declares the inputs the circuit uses.
var qasm3 = qasmDialect{
	fn: "WriteQASM3", lang: "OpenQASM 3",
	sep:     ", ",
	measure: "%s = measure %s;\n",
	qreg:    "qubit[%[2]d] %[1]s;\n",
	creg:    "bit[%[2]d] %[1]s;\n",
	defs:    qasm3Definitions,
	check:   checkRegisters3,
	gate:    gate3,
	angle: func(i int, p Param) (string, error) {
		if !finite(p) {
			return "", fmt.Errorf("angle %d is %v", i, p)
		}
		// p at full precision with the weights as theta[i].
		return strings.ReplaceAll(p.String(), "θ[", qasm3Weights+"["), nil
	},
	cond: func(qw *qasmWriter, cond *Condition) (string, error) {
		test, err := qw.condition3(cond)
		if err != nil {
			return "", err
		}
		return "if (" + test + ") ", nil
	},
}

// checkRegisters3 rejects register names that are OpenQASM 3 keywords or
// that clash with the input arrays the circuit declares.
func checkRegisters3(qw *qasmWriter, c *Circuit) error {
	for _, r := range append(append([]Register(nil), qw.qregs...), qw.cregs...) {
		switch {
		case keywords3[r.Name]:
			return fmt.Errorf("register name %s is an OpenQASM 3 keyword", r.Name)
		case r.Name == qasm3Weights && c.NumWeights() > 0, r.Name == qasm3Data && c.NumInputs() > 0:
			return fmt.Errorf("register name %s clashes with the input array of that name", r.Name)
		}
	}
	return nil
}

// gate3 spells a registered gate in OpenQASM 3: by a modifier, as in
// stdgates.inc, or by a definition the program carries.
func gate3(qw *qasmWriter, name string) (string, error) {
	switch spelled, ok := qasm3Spelling[name]; {
	case ok:
		return spelled, nil
	case stdgatesSpec[name] == name:
	case qasm3Definitions[name] != "":
		qw.extras[name] = true
	default:
		return "", fmt.Errorf("gate %s has no OpenQASM 3 spelling", name)
	}
	return name, nil
}

// condition3 writes the test of a condition: `c == 3` on a declared
// register, `c[1] == 1` on one of its bits.
func (qw *qasmWriter) condition3(cond *Condition) (string, error) {
	if name, err := qw.condition(cond); err == nil {
		return fmt.Sprintf("%s == %d", name, cond.Value), nil
	}
	if cond.Reg.Size == 1 && cond.Reg.Start >= 0 && cond.Reg.Start < len(qw.cname) {
		return fmt.Sprintf("%s == %d", qw.cname[cond.Reg.Start], cond.Value), nil
	}
	return "", fmt.Errorf("the condition reads bits %d..%d, which are neither a declared classical register nor one bit", cond.Reg.Start, cond.Reg.Start+cond.Reg.Size-1)
}
