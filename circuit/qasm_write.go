package circuit

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// WriteQASM writes c as an OpenQASM 2.0 program: the header, `include
// "qelib1.inc";`, a definition for each gate used that qelib1.inc lacks
// (ryy, iswap), the registers as declared (a single qreg q and creg c when c
// declares none), then one statement per op — gates with their angles at
// full precision (strconv 'g', -1), measure, reset, barrier and `if (c ==
// n)` conditions. ReadQASM reads the result back to the same ops, gates,
// qubits, angles and conditions.
//
// OpenQASM 2.0 has no way to say some things, and WriteQASM returns an error
// for them, writing nothing: explicit-unitary ops, symbolic angles (bind the
// weights and inputs first), a condition on anything but a whole classical
// register, and register names that are not OpenQASM identifiers.
func WriteQASM(w io.Writer, c *Circuit) error {
	if err := c.Err(); err != nil {
		return err
	}
	qw, err := newQASMWriter(c)
	if err != nil {
		return err
	}
	var body strings.Builder
	for i := range c.Ops {
		if err := qw.op(&body, &c.Ops[i]); err != nil {
			return fmt.Errorf("circuit: WriteQASM: op %d (%s): %w", i, c.Ops[i].Name(), err)
		}
	}
	var out strings.Builder
	out.WriteString("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n")
	extras := make([]string, 0, len(qw.extras))
	for name := range qw.extras {
		extras = append(extras, name)
	}
	sort.Strings(extras)
	for _, name := range extras {
		out.WriteString(extraDefinitions[name] + "\n")
	}
	for _, r := range qw.qregs {
		fmt.Fprintf(&out, "qreg %s[%d];\n", r.Name, r.Size)
	}
	for _, r := range qw.cregs {
		fmt.Fprintf(&out, "creg %s[%d];\n", r.Name, r.Size)
	}
	out.WriteString(body.String())
	_, err = io.WriteString(w, out.String())
	return err
}

// qasmWriter knows the register and index of every qubit and bit.
type qasmWriter struct {
	qregs, cregs []Register
	qname, cname []string // qubit i is written qname[i], e.g. "q[3]"
	extras       map[string]bool
}

func newQASMWriter(c *Circuit) (*qasmWriter, error) {
	qw := &qasmWriter{qregs: c.QRegs, cregs: c.CRegs, extras: map[string]bool{}}
	if len(qw.qregs) == 0 && c.NumQubits > 0 {
		qw.qregs = []Register{{Name: "q", Size: c.NumQubits}}
	}
	if len(qw.cregs) == 0 && c.NumClbits > 0 {
		qw.cregs = []Register{{Name: "c", Size: c.NumClbits}}
	}
	names := map[string]bool{}
	var err error
	if qw.qname, err = bitNames(qw.qregs, c.NumQubits, "qubit", names); err != nil {
		return nil, err
	}
	if qw.cname, err = bitNames(qw.cregs, c.NumClbits, "classical bit", names); err != nil {
		return nil, err
	}
	return qw, nil
}

// bitNames names each of the n bits by its register and checks that the
// registers are writable: OpenQASM names, distinct, every bit in one.
func bitNames(regs []Register, n int, what string, used map[string]bool) ([]string, error) {
	names := make([]string, n)
	for _, r := range regs {
		if !isQASMIdent(r.Name) {
			return nil, fmt.Errorf("circuit: WriteQASM: register name %q is not an OpenQASM 2.0 identifier", r.Name)
		}
		if used[r.Name] {
			return nil, fmt.Errorf("circuit: WriteQASM: two registers are named %s", r.Name)
		}
		used[r.Name] = true
		if r.Start < 0 || r.Size <= 0 || r.Start+r.Size > n {
			return nil, fmt.Errorf("circuit: WriteQASM: register %s[%d] at %d lies outside the %d %ss", r.Name, r.Size, r.Start, n, what)
		}
		for i := 0; i < r.Size; i++ {
			if names[r.Start+i] != "" {
				return nil, fmt.Errorf("circuit: WriteQASM: %s %d is in two registers", what, r.Start+i)
			}
			names[r.Start+i] = fmt.Sprintf("%s[%d]", r.Name, i)
		}
	}
	for i, s := range names {
		if s == "" {
			return nil, fmt.Errorf("circuit: WriteQASM: %s %d is in no register", what, i)
		}
	}
	return names, nil
}

// isQASMIdent reports whether s can name a register or gate in a written
// program: ASCII [A-Za-z_][A-Za-z0-9_]* and no keyword or reserved name.
// (OpenQASM 2.0 asks for a lower-case first letter; this package reads and
// writes upper case and '_' too, as real files use them.)
func isQASMIdent(s string) bool {
	if s == "" || isDigit(s[0]) || keywords[s] || isReservedName(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || isDigit(ch) || ch == '_') {
			return false
		}
	}
	return true
}

// qelib1Names holds the gates qelib1.inc defines under their registered names.
var qelib1Names = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range qelib1Registered {
		m[n] = true
	}
	return m
}()

// op writes one statement.
func (qw *qasmWriter) op(sb *strings.Builder, op *Op) error {
	if op.Cond != nil {
		name, err := qw.condition(op.Cond)
		if err != nil {
			return err
		}
		fmt.Fprintf(sb, "if(%s==%d) ", name, op.Cond.Value)
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
		fmt.Fprintf(sb, "measure %s -> %s;\n", qubits[0], qw.cname[op.Clbit])
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
		fmt.Fprintf(sb, "barrier %s;\n", strings.Join(qubits, ","))
		return nil
	case GateOp:
	default:
		return fmt.Errorf("unknown op kind %d", op.Kind)
	}
	if op.Gate == nil {
		return fmt.Errorf("an explicit unitary cannot be written in OpenQASM 2.0")
	}
	name := op.Gate.Name
	if !qelib1Names[name] {
		if _, ok := extraDefinitions[name]; !ok {
			return fmt.Errorf("gate %s has no OpenQASM 2.0 definition", name)
		}
		qw.extras[name] = true
	}
	sb.WriteString(name)
	if len(op.Params) > 0 {
		angles := make([]string, len(op.Params))
		for i, p := range op.Params {
			if !p.IsConst() {
				return fmt.Errorf("angle %d is symbolic (%s): OpenQASM 2.0 has no symbols, bind the weights and inputs first", i, p)
			}
			if math.IsNaN(p.Const) || math.IsInf(p.Const, 0) {
				return fmt.Errorf("angle %d is %v", i, p.Const)
			}
			angles[i] = strconv.FormatFloat(p.Const, 'g', -1, 64)
		}
		fmt.Fprintf(sb, "(%s)", strings.Join(angles, ","))
	}
	fmt.Fprintf(sb, " %s;\n", strings.Join(qubits, ","))
	return nil
}

// condition returns the name of the classical register a condition reads,
// which must be one the circuit declares.
func (qw *qasmWriter) condition(cond *Condition) (string, error) {
	for _, r := range qw.cregs {
		if r.Start == cond.Reg.Start && r.Size == cond.Reg.Size {
			return r.Name, nil
		}
	}
	return "", fmt.Errorf("the condition reads bits %d..%d, which are no declared classical register", cond.Reg.Start, cond.Reg.Start+cond.Reg.Size-1)
}
