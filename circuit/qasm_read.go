package circuit

import (
	"fmt"
	"io"
	"strconv"
)

// Limits that keep a hostile or mistaken program from exhausting memory; a
// program beyond them is refused with an error naming the limit.
const (
	// QASMMaxQubits bounds the qubits of all qreg declarations together,
	// and likewise the classical bits of all creg declarations.
	QASMMaxQubits = 1 << 16
	// QASMMaxOps bounds the operations a program expands to, after
	// broadcasting and inlining gate definitions.
	QASMMaxOps = 1 << 20
	// qasmMaxBytes bounds the size of a source ReadQASM accepts.
	qasmMaxBytes = 256 << 20
)

// ReadQASM reads an OpenQASM 2.0 program of at most 256 MiB from r;
// filename names it in error messages. See ParseQASM for what is accepted.
func ReadQASM(r io.Reader, filename string) (*Circuit, error) {
	src, err := io.ReadAll(io.LimitReader(r, qasmMaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filename, err)
	}
	if len(src) > qasmMaxBytes {
		return nil, fmt.Errorf("%s: larger than the limit of %d MiB", filename, qasmMaxBytes>>20)
	}
	return ParseQASM(string(src), filename)
}

// ParseQASM reads the OpenQASM 2.0 program src (Cross et al.,
// arXiv:1707.03429) into a circuit; filename names it in error messages.
//
// Registers are flattened in declaration order (the first qreg's qubit 0 is
// the circuit's qubit 0) and kept in QRegs and CRegs. U and CX are always
// defined and become u3 and cx. `include "qelib1.inc"` brings in the
// standard gates, without reading any file: those of the paper and Qiskit's
// later additions (u, p, sx, sxdg, cp, csx, cu, rxx, rzz, rccx, rc3x, c3x,
// c3sqrtx, c4x); no other include is allowed, and without it only U, CX and
// the program's own gates exist. Gates of qelib1.inc that are registered
// gates become ops of that gate; the others (u0, rccx, rc3x) and the
// program's own gates are inlined into primitive ops where they are applied,
// their parameter expressions evaluated. A gate applied to whole registers
// (of one size, mixed freely with single qubits) applies to each index in
// turn, and so do measure and reset; barrier becomes one op on every qubit
// it names. `if (c == n) op;` gives each op the statement makes the Cond
// {creg c, n}; a broadcast measure into the condition's own register is
// refused, since its per-op tests would see the bits change.
//
// Departures from the letter of the specification, chosen for real files:
// the `OPENQASM 2.0;` header may be missing (it must come first when
// present); register and gate names may begin with an upper-case letter or
// '_'; `/* */` comments are allowed. A definition of a gate qelib1.inc
// already defines, or of one named like a registered gate (ryy and iswap,
// which WriteQASM declares this way, or h in a file without the include), is
// accepted when it has the same parameters, qubits and matrix up to a
// global phase, and then stands for the built-in gate; any other
// redefinition of a qelib1.inc gate is an error, and a non-matching gate
// named like a registered one stays the program's own. An opaque declaration
// of a registered gate with the same parameters and qubits stands for it
// too; applying any other opaque gate is an error.
//
// Every error is a *ParseError naming filename:line:column and what was
// expected there. The reader does not panic on any input; programs beyond
// QASMMaxQubits or QASMMaxOps, with gates nested more than 1000 deep or
// expressions more than 1000 levels deep, are refused.
//
// A program whose header is `OPENQASM 3.0;` or `OPENQASM 3;` is read by
// ParseQASM3 instead, so callers accept both versions unchanged.
func ParseQASM(src, filename string) (*Circuit, error) {
	if isQASM3(src) {
		return ParseQASM3(src, filename)
	}
	r := newQASMReader(filename)
	if err := r.parse(src); err != nil {
		return nil, err
	}
	return r.c, nil
}

// ParseSymbolicQASM reads an OpenQASM 2.0 program like ParseQASM, with one
// extension for variational layers: the angles of top-level gate
// applications may name the trainable weights θ[i] (also theta[i] or w[i])
// and the data inputs x[j], in affine expressions as ParseParam reads them
// (`ry(2*x[0] + θ[3] - pi/2) q[1];`). Such a circuit is not plain
// OpenQASM 2.0, and WriteQASM refuses its symbolic angles. An OpenQASM 3
// program goes to ParseQASM3, whose `input` declarations name the symbols.
func ParseSymbolicQASM(src, filename string) (*Circuit, error) {
	if isQASM3(src) {
		return ParseQASM3(src, filename)
	}
	r := newQASMReader(filename)
	r.topLevel = symbol
	if err := r.parse(src); err != nil {
		return nil, err
	}
	return r.c, nil
}

// regDecl is a declared register and where.
type regDecl struct {
	reg     Register
	quantum bool
	line    int
}

// qasmReader holds the state of one program being read.
type qasmReader struct {
	*scanner
	file     string
	c        *Circuit
	gates    map[string]*gateDef
	regs     map[string]regDecl
	included bool
	// topLevel resolves identifiers in the angles of top-level statements:
	// constantsOnly in OpenQASM 2.0, symbol in ParseSymbolicQASM, the
	// constants, loop variables and inputs in OpenQASM 3.
	topLevel resolver
	// v3 holds the state of an OpenQASM 3 program; nil for OpenQASM 2.0.
	v3 *qasm3State
}

func newQASMReader(file string) *qasmReader {
	r := &qasmReader{file: file, c: &Circuit{}, gates: map[string]*gateDef{}, regs: map[string]regDecl{}, topLevel: constantsOnly}
	for name, g := range map[string]string{"U": "u3", "CX": "cx"} {
		spec, _ := Lookup(g)
		d := specDef(spec, builtinOrigin)
		d.name = name
		r.gates[name] = d
	}
	return r
}

// keywords are the words a register or gate may not be named.
var keywords = map[string]bool{
	"OPENQASM": true, "include": true, "qreg": true, "creg": true, "gate": true, "opaque": true,
	"barrier": true, "measure": true, "reset": true, "if": true, "U": true, "CX": true,
}

// isKeyword reports whether name is a keyword of the program's version.
func (r *qasmReader) isKeyword(name string) bool {
	if r.v3 != nil {
		return keywords3[name]
	}
	return keywords[name]
}

// parse reads every statement of src.
func (r *qasmReader) parse(src string) error {
	sc, err := newScanner(r.file, src)
	if err != nil {
		return err
	}
	r.scanner = sc
	for first := true; r.tok.kind != tokEOF; first = false {
		if err := r.statement(first); err != nil {
			return err
		}
	}
	return nil
}

// statement reads one top-level statement.
func (r *qasmReader) statement(first bool) error {
	t := r.tok
	if t.kind != tokIdent {
		return r.errorf(t, "expected a statement (qreg, creg, gate, a gate application, measure, reset, barrier, if), found %s", t.describe())
	}
	switch t.text {
	case "OPENQASM":
		return r.header(first)
	case "include":
		return r.include()
	case "qreg", "creg":
		return r.declare()
	case "gate", "opaque":
		return r.gateDecl()
	case "if":
		return r.conditional()
	}
	return r.qop(nil)
}

// header reads `OPENQASM 2.0;`.
func (r *qasmReader) header(first bool) error {
	t := r.tok
	if !first {
		return r.errorf(t, "the OPENQASM header must be the first statement")
	}
	if err := r.next(); err != nil {
		return err
	}
	v := r.tok
	f, err := strconv.ParseFloat(v.text, 64)
	if (v.kind != tokInt && v.kind != tokReal) || err != nil {
		return r.errorf(v, "expected a version number after OPENQASM, found %s", v.describe())
	}
	if f < 2 || f >= 3 {
		return r.errorf(v, "unsupported OpenQASM version %s: expected 2.0", v.text)
	}
	if err := r.next(); err != nil {
		return err
	}
	return r.expect(";", "after the version")
}

// include reads `include "qelib1.inc";`, the only include there is.
func (r *qasmReader) include() error {
	if err := r.next(); err != nil {
		return err
	}
	t := r.tok
	if t.kind != tokString {
		return r.errorf(t, "expected a file name in quotes after include, found %s", t.describe())
	}
	if t.text != "qelib1.inc" {
		return r.errorf(t, "cannot include %q: only \"qelib1.inc\" is built in, and no file is read", t.text)
	}
	if err := r.next(); err != nil {
		return err
	}
	if err := r.expect(";", "after the file name"); err != nil {
		return err
	}
	defs, err := qelib1()
	if err != nil {
		return err
	}
	for name, d := range defs {
		if old, ok := r.gates[name]; ok && old != d && (old.spec == nil || old.spec != d.spec) {
			return r.errorf(t, "qelib1.inc defines gate %q, already defined at line %d: include qelib1.inc before defining gates", name, old.line)
		}
		r.gates[name] = d
	}
	r.included = true
	return nil
}

// declare reads `qreg name[size];` or `creg name[size];`.
func (r *qasmReader) declare() error {
	kw := r.tok
	if err := r.next(); err != nil {
		return err
	}
	name := r.tok
	if err := r.checkNewName(name, "register"); err != nil {
		return err
	}
	if old, ok := r.regs[name.text]; ok {
		return r.errorf(name, "redefinition of register %s (declared at line %d)", name.text, old.line)
	}
	if err := r.next(); err != nil {
		return err
	}
	if err := r.expect("[", "after the register name"); err != nil {
		return err
	}
	st := r.tok
	if st.kind != tokInt {
		return r.errorf(st, "expected the register size, a positive integer, found %s", st.describe())
	}
	size, err := strconv.Atoi(st.text)
	total := r.c.NumQubits
	if kw.text == "creg" {
		total = r.c.NumClbits
	}
	switch {
	case err == nil && size == 0:
		return r.errorf(st, "register size must be positive")
	case err != nil || size > QASMMaxQubits-total:
		return r.errorf(st, "%s %s[%s] takes the program beyond the limit of %d bits per kind", kw.text, name.text, st.text, QASMMaxQubits)
	}
	if err := r.next(); err != nil {
		return err
	}
	if err := r.expect("]", "after the register size"); err != nil {
		return err
	}
	if err := r.expect(";", "after the declaration"); err != nil {
		return err
	}
	d := regDecl{quantum: kw.text == "qreg", line: name.line}
	if d.quantum {
		d.reg = r.c.AddQReg(name.text, size)
	} else {
		d.reg = r.c.AddCReg(name.text, size)
	}
	r.regs[name.text] = d
	return nil
}

// checkNewName checks that t can name a new register or gate.
func (r *qasmReader) checkNewName(t token, what string) error {
	if t.kind != tokIdent {
		return r.errorf(t, "expected a %s name, found %s", what, t.describe())
	}
	if r.isKeyword(t.text) || isReservedName(t.text) {
		return r.errorf(t, "%q is reserved and cannot name a %s", t.text, what)
	}
	if !isQASMIdent(t.text) {
		return r.errorf(t, "%s name %q: expected ASCII letters, digits and '_'", what, t.text)
	}
	return nil
}
