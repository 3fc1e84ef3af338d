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
	return writeQASM(w, c, &qasm2)
}

// qasmDialect holds what differs between the OpenQASM versions WriteQASM
// and WriteQASM3 write; the walk over registers and ops is shared.
type qasmDialect struct {
	fn, lang string // "WriteQASM", "OpenQASM 2.0": for errors
	header   string // the version line and the include
	sep      string // between qubits and between angles
	measure  string // format of a measurement, given the bit then the qubit
	qreg     string // format of a quantum register, given its name then size
	creg     string // format of a classical register, given its name then size
	defs     map[string]string

	// check rejects register names the dialect cannot write (may be nil).
	check func(qw *qasmWriter, c *Circuit) error
	// gate returns how a registered gate is spelled, adding to qw.extras
	// the gates that need a definition from defs.
	gate func(qw *qasmWriter, name string) (string, error)
	// angle writes parameter i.
	angle func(i int, p Param) (string, error)
	// cond writes the `if (…) ` that prefixes a conditioned op.
	cond func(qw *qasmWriter, cond *Condition) (string, error)
}

// qasm2 is OpenQASM 2.0 over qelib1.inc.
var qasm2 = qasmDialect{
	fn: "WriteQASM", lang: "OpenQASM 2.0",
	header:  "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n",
	sep:     ",",
	measure: "measure %[2]s -> %[1]s;\n",
	qreg:    "qreg %s[%d];\n",
	creg:    "creg %s[%d];\n",
	defs:    extraDefinitions,
	gate: func(qw *qasmWriter, name string) (string, error) {
		if !qelib1Names[name] {
			if _, ok := extraDefinitions[name]; !ok {
				return "", fmt.Errorf("gate %s has no OpenQASM 2.0 definition", name)
			}
			qw.extras[name] = true
		}
		return name, nil
	},
	angle: func(i int, p Param) (string, error) {
		if !p.IsConst() {
			return "", fmt.Errorf("angle %d is symbolic (%s): OpenQASM 2.0 has no symbols, bind the weights and inputs first", i, p)
		}
		if math.IsNaN(p.Const) || math.IsInf(p.Const, 0) {
			return "", fmt.Errorf("angle %d is %v", i, p.Const)
		}
		return strconv.FormatFloat(p.Const, 'g', -1, 64), nil
	},
	cond: func(qw *qasmWriter, cond *Condition) (string, error) {
		name, err := qw.condition(cond)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("if(%s==%d) ", name, cond.Value), nil
	},
}

// writeQASM writes c in dialect d: the header, the definitions of the gates
// used that need one, the registers, then one statement per op.
func writeQASM(w io.Writer, c *Circuit, d *qasmDialect) error {
	if err := c.Err(); err != nil {
		return err
	}
	qw, err := newQASMWriter(c, d)
	if err != nil {
		return err
	}
	if d.check != nil {
		if err := d.check(qw, c); err != nil {
			return fmt.Errorf("circuit: %s: %w", d.fn, err)
		}
	}
	var body strings.Builder
	for i := range c.Ops {
		if err := qw.op(&body, &c.Ops[i]); err != nil {
			return fmt.Errorf("circuit: %s: op %d (%s): %w", d.fn, i, c.Ops[i].Name(), err)
		}
	}
	var out strings.Builder
	out.WriteString(d.header)
	extras := make([]string, 0, len(qw.extras))
	for name := range qw.extras {
		extras = append(extras, name)
	}
	sort.Strings(extras)
	for _, name := range extras {
		out.WriteString(d.defs[name] + "\n")
	}
	for _, r := range qw.qregs {
		fmt.Fprintf(&out, d.qreg, r.Name, r.Size)
	}
	for _, r := range qw.cregs {
		fmt.Fprintf(&out, d.creg, r.Name, r.Size)
	}
	out.WriteString(body.String())
	_, err = io.WriteString(w, out.String())
	return err
}

// qasmWriter knows the register and index of every qubit and bit.
type qasmWriter struct {
	d            *qasmDialect
	qregs, cregs []Register
	qname, cname []string // qubit i is written qname[i], e.g. "q[3]"
	extras       map[string]bool
}

func newQASMWriter(c *Circuit, d *qasmDialect) (*qasmWriter, error) {
	qw := &qasmWriter{d: d, qregs: c.QRegs, cregs: c.CRegs, extras: map[string]bool{}}
	if len(qw.qregs) == 0 && c.NumQubits > 0 {
		qw.qregs = []Register{{Name: "q", Size: c.NumQubits}}
	}
	if len(qw.cregs) == 0 && c.NumClbits > 0 {
		qw.cregs = []Register{{Name: "c", Size: c.NumClbits}}
	}
	names := map[string]bool{}
	var err error
	if qw.qname, err = bitNames(qw.qregs, c.NumQubits, "qubit", d.lang, names); err != nil {
		return nil, fmt.Errorf("circuit: %s: %w", d.fn, err)
	}
	if qw.cname, err = bitNames(qw.cregs, c.NumClbits, "classical bit", d.lang, names); err != nil {
		return nil, fmt.Errorf("circuit: %s: %w", d.fn, err)
	}
	return qw, nil
}

// bitNames names each of the n bits by its register and checks that the
// registers are writable: OpenQASM names, distinct, every bit in one.
func bitNames(regs []Register, n int, what, lang string, used map[string]bool) ([]string, error) {
	names := make([]string, n)
	for _, r := range regs {
		if !isQASMIdent(r.Name) {
			return nil, fmt.Errorf("register name %q is not an %s identifier", r.Name, lang)
		}
		if used[r.Name] {
			return nil, fmt.Errorf("two registers are named %s", r.Name)
		}
		used[r.Name] = true
		if r.Start < 0 || r.Size <= 0 || r.Start+r.Size > n {
			return nil, fmt.Errorf("register %s[%d] at %d lies outside the %d %ss", r.Name, r.Size, r.Start, n, what)
		}
		for i := 0; i < r.Size; i++ {
			if names[r.Start+i] != "" {
				return nil, fmt.Errorf("%s %d is in two registers", what, r.Start+i)
			}
			names[r.Start+i] = fmt.Sprintf("%s[%d]", r.Name, i)
		}
	}
	for i, s := range names {
		if s == "" {
			return nil, fmt.Errorf("%s %d is in no register", what, i)
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
	d := qw.d
	if op.Cond != nil {
		prefix, err := d.cond(qw, op.Cond)
		if err != nil {
			return err
		}
		sb.WriteString(prefix)
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
		fmt.Fprintf(sb, d.measure, qw.cname[op.Clbit], qubits[0])
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
		fmt.Fprintf(sb, "barrier %s;\n", strings.Join(qubits, d.sep))
		return nil
	case GateOp:
	default:
		return fmt.Errorf("unknown op kind %d", op.Kind)
	}
	if op.Gate == nil {
		return fmt.Errorf("an explicit unitary cannot be written in %s", d.lang)
	}
	name, err := d.gate(qw, op.Gate.Name)
	if err != nil {
		return err
	}
	sb.WriteString(name)
	if len(op.Params) > 0 {
		angles := make([]string, len(op.Params))
		for i, p := range op.Params {
			if angles[i], err = d.angle(i, p); err != nil {
				return err
			}
		}
		fmt.Fprintf(sb, "(%s)", strings.Join(angles, d.sep))
	}
	fmt.Fprintf(sb, " %s;\n", strings.Join(qubits, d.sep))
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
