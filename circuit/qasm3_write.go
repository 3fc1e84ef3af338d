package circuit

import (
	"fmt"
	"io"
	"sort"
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
	if err := c.Err(); err != nil {
		return err
	}
	qw, err := newQASMWriter(c)
	if err != nil {
		return err
	}
	weights, data := c.NumWeights(), c.NumInputs()
	for _, r := range append(append([]Register(nil), qw.qregs...), qw.cregs...) {
		switch {
		case keywords3[r.Name]:
			return fmt.Errorf("circuit: WriteQASM3: register name %s is an OpenQASM 3 keyword", r.Name)
		case r.Name == qasm3Weights && weights > 0, r.Name == qasm3Data && data > 0:
			return fmt.Errorf("circuit: WriteQASM3: register name %s clashes with the input array of that name", r.Name)
		}
	}
	var body strings.Builder
	for i := range c.Ops {
		if err := qw.op3(&body, &c.Ops[i]); err != nil {
			return fmt.Errorf("circuit: WriteQASM3: op %d (%s): %w", i, c.Ops[i].Name(), err)
		}
	}
	var out strings.Builder
	out.WriteString("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n")
	if weights > 0 {
		fmt.Fprintf(&out, "input array[float[64], %d] %s;\n", weights, qasm3Weights)
	}
	if data > 0 {
		fmt.Fprintf(&out, "input array[float[64], %d] %s;\n", data, qasm3Data)
	}
	extras := make([]string, 0, len(qw.extras))
	for name := range qw.extras {
		extras = append(extras, name)
	}
	sort.Strings(extras)
	for _, name := range extras {
		out.WriteString(qasm3Definitions[name] + "\n")
	}
	for _, r := range qw.qregs {
		fmt.Fprintf(&out, "qubit[%d] %s;\n", r.Size, r.Name)
	}
	for _, r := range qw.cregs {
		fmt.Fprintf(&out, "bit[%d] %s;\n", r.Size, r.Name)
	}
	out.WriteString(body.String())
	_, err = io.WriteString(w, out.String())
	return err
}

// op3 writes one statement in OpenQASM 3.
func (qw *qasmWriter) op3(sb *strings.Builder, op *Op) error {
	if op.Cond != nil {
		test, err := qw.condition3(op.Cond)
		if err != nil {
			return err
		}
		fmt.Fprintf(sb, "if (%s) ", test)
	}
	qubits := make([]string, len(op.Qubits))
	for i, q := range op.Qubits {
		if q < 0 || q >= len(qw.qname) {
			return fmt.Errorf("qubit %d out of range", q)
		}
		qubits[i] = qw.qname[q]
	}
	switch op.Kind {
	case MeasureOp:
		if len(qubits) != 1 || op.Clbit < 0 || op.Clbit >= len(qw.cname) {
			return fmt.Errorf("measure needs one qubit and a classical bit in range")
		}
		fmt.Fprintf(sb, "%s = measure %s;\n", qw.cname[op.Clbit], qubits[0])
		return nil
	case ResetOp:
		if len(qubits) != 1 {
			return fmt.Errorf("reset needs one qubit")
		}
		fmt.Fprintf(sb, "reset %s;\n", qubits[0])
		return nil
	case BarrierOp:
		if len(qubits) == 0 {
			return fmt.Errorf("a barrier on no qubits cannot be written")
		}
		fmt.Fprintf(sb, "barrier %s;\n", strings.Join(qubits, ", "))
		return nil
	case GateOp:
	default:
		return fmt.Errorf("unknown op kind %d", op.Kind)
	}
	if op.Gate == nil {
		return fmt.Errorf("an explicit unitary cannot be written in OpenQASM 3")
	}
	name := op.Gate.Name
	switch spelled, ok := qasm3Spelling[name]; {
	case ok:
		name = spelled
	case stdgatesSpec[name] == name:
	case qasm3Definitions[name] != "":
		qw.extras[name] = true
	default:
		return fmt.Errorf("gate %s has no OpenQASM 3 spelling", name)
	}
	sb.WriteString(name)
	if len(op.Params) > 0 {
		angles := make([]string, len(op.Params))
		for i, p := range op.Params {
			if !finite(p) {
				return fmt.Errorf("angle %d is %v", i, p)
			}
			angles[i] = angle3(p)
		}
		fmt.Fprintf(sb, "(%s)", strings.Join(angles, ", "))
	}
	fmt.Fprintf(sb, " %s;\n", strings.Join(qubits, ", "))
	return nil
}

// angle3 writes p at full precision with the weights as theta[i].
func angle3(p Param) string {
	return strings.ReplaceAll(p.String(), "θ[", qasm3Weights+"[")
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
