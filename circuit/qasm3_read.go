package circuit

import (
	"fmt"
	"math"
	"strconv"
)

// ParseQASM3 reads a program in a subset of OpenQASM 3 (Cross et al., ACM
// TQC 3, 12 (2022); the live specification at openqasm.com) into a circuit;
// filename names it in error messages. ParseQASM and ReadQASM call it for a
// program whose header is `OPENQASM 3.0;` or `OPENQASM 3;`.
//
// The subset, beyond what ParseQASM reads in OpenQASM 2.0:
//
//   - `include "stdgates.inc";` brings in the standard gates (p x y z h s
//     sdg t tdg sx rx ry rz cx cy cz cp crx cry crz ch swap ccx cswap cu CX
//     phase cphase id u1 u2 u3), without reading a file. Each becomes an op
//     of the registered gate of the same matrix; u2 and u3, which the
//     standard library defines with a different global phase than
//     OpenQASM 2.0's, keep that phase when controlled. U and gphase are
//     built in.
//   - `qubit[n] q;`, `qubit q;`, `bit[n] c;`, `bit c;` declare registers,
//     like qreg and creg (also accepted). Sizes and indices are integer
//     expressions; a negative index counts from the end (q[-1]).
//   - `input float[64] theta;` (also float, angle, angle[n], and
//     `input array[float[64], n] theta;`) declares an angle bound at run
//     time: inputs named x are the data inputs x[j], every other input
//     takes the next trainable weights θ[i] in declaration order, so a
//     scalar takes one and an array n. Angles are affine in them, as
//     ParseParam explains.
//   - `const int n = 4;` (int, uint, float, angle, with or without a width)
//     names a constant; expressions also know tau (τ), euler (ℇ) and the
//     power operator **. Arithmetic is in floating point: where an integer
//     is needed (sizes, indices, ranges) the value must be one, so n/2 of
//     an odd n is an error rather than a rounded quotient.
//   - `c = measure q;`, `c[0] = measure q[0];` and `measure q -> c;`.
//   - gate modifiers `ctrl @`, `ctrl(n) @`, `negctrl @`, `negctrl(n) @`,
//     `inv @` and `pow(k) @`, in any order and number, on any gate, also in
//     gate bodies; `gphase(γ);` (dropped where it is a global phase, a phase
//     gate on the controls under ctrl). An integer power repeats a gate (its
//     inverse for k < 0); a fractional one needs a gate with a generator
//     (rx ry rz p u1 rxx ryy rzz crx cry crz cp cu1, raised by scaling the
//     angle) or a phase gate (z s sdg t tdg cz). A controlled gate becomes
//     the registered gate with the extra controls (ctrl @ x is cx, ctrl(2) @
//     x is ccx, ctrl(3) @ sx is c3sqrtx) or else an explicit unitary, which
//     needs constant angles; negctrl conjugates its control with X.
//   - `reset q;`, `barrier q;` and `barrier;` (every qubit).
//   - `if (c == 3) stmt`, `if (c[0]) stmt`, `if (!c[0]) stmt`,
//     `if (c[0] == 1) { … } else { … }` (else needs a one-bit test), with a
//     statement or a block; if cannot nest.
//   - `for uint i in [0:n-1] { … }`, `for int i in [a:step:b] { … }`,
//     `for i in {1, 3, 5} { … }`: the body (in braces) runs once per value,
//     inclusive of the range's end, with i usable in indices and angles.
//   - `gate` definitions as in OpenQASM 2.0, whose bodies may use
//     modifiers, gphase and constants.
//
// Outside the subset, with an error naming the line and column: def
// subroutines, classical variables other than const, while, switch, box,
// delay, durations, extern, defcal, cal, pragmas, physical qubits ($0),
// slices, output, and inputs of any type but angles. Statements other than
// declarations run in loops and ifs; declarations stay at the top level.
//
// The limits of ParseQASM apply, and the statements a program runs (loop
// bodies once per pass) are bounded by 4 × QASMMaxOps.
func ParseQASM3(src, filename string) (*Circuit, error) {
	r := newQASM3Reader(filename)
	if err := r.parse3(src); err != nil {
		return nil, err
	}
	return r.c, nil
}

// qasm3State is what an OpenQASM 3 program adds to the reader's state.
type qasm3State struct {
	consts  map[string]Param // const declarations and loop variables
	inputs  map[string]qasm3Input
	weights int // the next weight index an input takes
	data    bool
	// single holds the registers declared without a size (qubit q;),
	// which name one bit rather than a register of one.
	single map[string]bool
	// depth counts the enclosing loops and ifs.
	depth int
	// condWritten records a measurement into the bits the enclosing if
	// tests, after which no op of that if may follow.
	condWritten bool
	steps       int
}

// qasm3Input is a declared input: size symbols of one kind from start.
type qasm3Input struct {
	kind        SymbolKind
	start, size int
	array       bool
}

// qasm3MaxSteps bounds the statements a program runs.
const qasm3MaxSteps = 4 * QASMMaxOps

// keywords3 are the words of OpenQASM 3 that name nothing else.
var keywords3 = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range []string{
		"OPENQASM", "include", "qubit", "bit", "qreg", "creg", "input", "output", "const",
		"gate", "def", "defcal", "defcalgrammar", "cal", "extern", "box", "delay", "for", "in",
		"while", "if", "else", "break", "continue", "return", "end", "let", "switch", "case",
		"default", "measure", "reset", "barrier", "ctrl", "negctrl", "inv", "pow", "gphase", "U",
		"int", "uint", "float", "angle", "bool", "duration", "stretch", "complex", "array",
		"opaque", "pragma", "true", "false", "void", "mutable", "readonly", "durationof", "sizeof",
		"tau", "τ", "euler", "ℇ",
	} {
		m[k] = true
	}
	return m
}()

// outsideSubset explains the keywords the reader knows but does not accept.
var outsideSubset = map[string]string{
	"def": "subroutines (def)", "extern": "extern functions", "defcal": "calibrations (defcal)",
	"defcalgrammar": "calibration grammars", "cal": "calibration blocks (cal)", "box": "box",
	"delay": "delay and durations", "while": "while loops", "break": "break", "continue": "continue",
	"return": "return", "end": "end", "let": "aliases (let)", "switch": "switch", "output": "outputs",
	"int": "classical variables", "uint": "classical variables", "float": "classical variables",
	"angle": "classical variables", "bool": "classical variables", "duration": "durations",
	"stretch": "stretch", "complex": "classical variables", "array": "classical arrays",
	"opaque": "opaque gates", "pragma": "pragmas", "else": "else without if",
}

func newQASM3Reader(filename string) *qasmReader {
	r := &qasmReader{file: filename, c: &Circuit{}, regs: map[string]regDecl{}}
	r.v3 = &qasm3State{consts: map[string]Param{}, inputs: map[string]qasm3Input{}, single: map[string]bool{}}
	u, _ := Lookup("u")
	U := specDef(u, builtinOrigin)
	U.name = "U"
	r.gates = map[string]*gateDef{"U": U, "gphase": gphaseDef}
	r.topLevel = r.resolve3
	return r
}

// isQASM3 reports whether src begins (after blanks and comments) with an
// OpenQASM 3 header.
func isQASM3(src string) bool {
	sc, err := newScanner("", src)
	if err != nil || sc.tok.kind != tokIdent || sc.tok.text != "OPENQASM" || sc.next() != nil {
		return false
	}
	f, err := strconv.ParseFloat(sc.tok.text, 64)
	return err == nil && (sc.tok.kind == tokInt || sc.tok.kind == tokReal) && f >= 3 && f < 4
}

// parse3 reads every statement of an OpenQASM 3 program.
func (r *qasmReader) parse3(src string) error {
	r.scanner = &scanner{lx: newLexer(r.file, src)}
	r.lx.v3 = true
	if err := r.next(); err != nil {
		return err
	}
	if err := r.header3(); err != nil {
		return err
	}
	for r.tok.kind != tokEOF {
		if err := r.statement3(nil); err != nil {
			return err
		}
	}
	return nil
}

// header3 reads `OPENQASM 3.0;` or `OPENQASM 3;`.
func (r *qasmReader) header3() error {
	t := r.tok
	if t.kind != tokIdent || t.text != "OPENQASM" {
		return r.errorf(t, "expected the header OPENQASM 3.0; found %s", t.describe())
	}
	if err := r.next(); err != nil {
		return err
	}
	v := r.tok
	f, err := strconv.ParseFloat(v.text, 64)
	if (v.kind != tokInt && v.kind != tokReal) || err != nil || f < 3 || f >= 4 {
		return r.errorf(v, "expected the version 3.0 or 3 after OPENQASM, found %s", v.describe())
	}
	if err := r.next(); err != nil {
		return err
	}
	return r.expect(";", "after the version")
}

// statement3 reads and runs one statement; cond, when non-nil, is the
// condition of the enclosing if.
func (r *qasmReader) statement3(cond *Condition) error {
	t := r.tok
	if r.v3.steps++; r.v3.steps > qasm3MaxSteps {
		return r.errorf(t, "the program runs more than %d statements (loop passes included), the reader's limit", qasm3MaxSteps)
	}
	switch {
	case t.kind == tokPunct && t.text == "#":
		return r.errorf(t, "pragmas and annotations are outside the OpenQASM 3 subset ParseQASM3 reads")
	case t.kind != tokIdent:
		return r.errorf(t, "expected a statement (a declaration, gate, measure, reset, barrier, if or for), found %s", t.describe())
	}
	if why, ok := outsideSubset[t.text]; ok {
		return r.errorf(t, "%s: %s are outside the OpenQASM 3 subset ParseQASM3 reads", t.text, why)
	}
	switch t.text {
	case "OPENQASM":
		return r.errorf(t, "the OPENQASM header must be the first statement")
	case "include", "qubit", "bit", "qreg", "creg", "input", "const", "gate":
		if r.v3.depth > 0 {
			return r.errorf(t, "%s must be at the top level, not inside a loop or if", t.text)
		}
		return r.declaration3()
	case "for":
		return r.forLoop(cond)
	case "if":
		return r.if3(cond)
	case "measure":
		return r.measure(cond)
	case "reset":
		return r.reset(cond)
	case "barrier":
		return r.barrier3()
	}
	if d, ok := r.regs[t.text]; ok && !d.quantum {
		return r.measureAssign(cond)
	}
	return r.apply(cond)
}

// declaration3 reads a top-level declaration or include.
func (r *qasmReader) declaration3() error {
	switch r.tok.text {
	case "include":
		return r.include3()
	case "qubit", "bit":
		return r.register3()
	case "qreg", "creg":
		return r.declare()
	case "input":
		return r.input3()
	case "const":
		return r.const3()
	}
	return r.gateDecl()
}

// include3 reads `include "stdgates.inc";`.
func (r *qasmReader) include3() error {
	if err := r.next(); err != nil {
		return err
	}
	t := r.tok
	if t.kind != tokString {
		return r.errorf(t, "expected a file name in quotes after include, found %s", t.describe())
	}
	if t.text != "stdgates.inc" {
		return r.errorf(t, "cannot include %q: only \"stdgates.inc\" is built in, and no file is read", t.text)
	}
	if err := r.next(); err != nil {
		return err
	}
	if err := r.expect(";", "after the file name"); err != nil {
		return err
	}
	for name, d := range stdgates() {
		if old, ok := r.gates[name]; ok && old.origin != "stdgates.inc" {
			return r.errorf(t, "stdgates.inc defines gate %q, already defined at line %d: include stdgates.inc before defining gates", name, old.line)
		}
		r.gates[name] = d
	}
	r.included = true
	return nil
}

// stdgatesSpec maps the gates of stdgates.inc to registered gates of the
// same matrix (up to the global phase of u2 and u3).
var stdgatesSpec = map[string]string{
	"p": "p", "x": "x", "y": "y", "z": "z", "h": "h", "s": "s", "sdg": "sdg", "t": "t", "tdg": "tdg",
	"sx": "sx", "rx": "rx", "ry": "ry", "rz": "rz", "cx": "cx", "cy": "cy", "cz": "cz", "cp": "cp",
	"crx": "crx", "cry": "cry", "crz": "crz", "ch": "ch", "swap": "swap", "ccx": "ccx",
	"cswap": "cswap", "cu": "cu", "CX": "cx", "phase": "p", "cphase": "cp", "id": "id",
	"u1": "u1", "u2": "u2", "u3": "u3",
}

// stdgates returns the definitions `include "stdgates.inc"` brings in. The
// library defines u2(φ, λ) and u3(θ, φ, λ) with a global phase
// e^{−i(φ+λ)/2} that OpenQASM 2.0's lack.
func stdgates() map[string]*gateDef {
	defs := make(map[string]*gateDef, len(stdgatesSpec))
	for name, g := range stdgatesSpec {
		spec, _ := Lookup(g)
		d := specDef(spec, "stdgates.inc")
		d.name = name
		switch name {
		case "u2":
			d.phase = func(p []Param) Param { return p[0].Add(p[1]).Scale(-0.5) }
		case "u3":
			d.phase = func(p []Param) Param { return p[1].Add(p[2]).Scale(-0.5) }
		}
		defs[name] = d
	}
	return defs
}

// library returns the gates the program's include brings in and the
// include's name, for the message about a gate used without it.
func (r *qasmReader) library() (map[string]*gateDef, string) {
	if r.v3 != nil {
		return stdgates(), "stdgates.inc"
	}
	defs, _ := qelib1()
	return defs, "qelib1.inc"
}

// newName3 checks that t can name a new register, input or constant: an
// identifier no keyword, constant, register or input already has, nor a
// gate if it names a register (an input or constant only appears in
// expressions, where no gate does, so x can be an input). Registers keep
// to ASCII, which WriteQASM3 can write back.
func (r *qasmReader) newName3(t token, what string, ascii bool) error {
	if ascii {
		if err := r.checkNewName(t, what); err != nil {
			return err
		}
	} else if t.kind != tokIdent || r.isKeyword(t.text) || isReservedName(t.text) {
		return r.errorf(t, "expected a %s name, found %s", what, t.describe())
	}
	_, isConst := r.v3.consts[t.text]
	_, isInput := r.v3.inputs[t.text]
	_, isReg := r.regs[t.text]
	_, isGate := r.gates[t.text]
	if isConst || isInput || isReg || isGate && ascii {
		return r.errorf(t, "%s is already declared", t.text)
	}
	return nil
}

// register3 reads `qubit[n] name;`, `qubit name;`, `bit[n] name;` or
// `bit name;`.
func (r *qasmReader) register3() error {
	kw := r.tok
	if err := r.next(); err != nil {
		return err
	}
	size, single := int64(1), !r.is("[")
	if !single {
		if err := r.next(); err != nil {
			return err
		}
		n, err := r.intExpr("the register size")
		if err != nil {
			return err
		}
		if err := r.expect("]", "after the register size"); err != nil {
			return err
		}
		size = n
	}
	name := r.tok
	if err := r.newName3(name, "register", true); err != nil {
		return err
	}
	total := r.c.NumQubits
	if kw.text == "bit" {
		total = r.c.NumClbits
	}
	switch {
	case size <= 0:
		return r.errorf(name, "register size must be positive, got %d", size)
	case size > int64(QASMMaxQubits-total):
		return r.errorf(name, "%s[%d] %s takes the program beyond the limit of %d bits per kind", kw.text, size, name.text, QASMMaxQubits)
	}
	if err := r.next(); err != nil {
		return err
	}
	if r.is("=") {
		return r.errorf(r.tok, "initialised bit registers are outside the OpenQASM 3 subset ParseQASM3 reads")
	}
	if err := r.expect(";", "after the declaration"); err != nil {
		return err
	}
	d := regDecl{quantum: kw.text == "qubit", line: name.line}
	if d.quantum {
		d.reg = r.c.AddQReg(name.text, int(size))
	} else {
		d.reg = r.c.AddCReg(name.text, int(size))
	}
	r.regs[name.text] = d
	r.v3.single[name.text] = single
	return nil
}

// angleType reads float, float[w], angle or angle[w], the types an angle
// may have.
func (r *qasmReader) angleType() error {
	t := r.tok
	if t.kind != tokIdent || (t.text != "float" && t.text != "angle") {
		return r.errorf(t, "expected float or angle: inputs of other types are outside the OpenQASM 3 subset ParseQASM3 reads, found %s", t.describe())
	}
	if err := r.next(); err != nil {
		return err
	}
	return r.typeWidth()
}

// typeWidth reads the `[w]` that may follow a type's name, as in float[64]
// or uint[8]; the width does not matter to the circuit.
func (r *qasmReader) typeWidth() error {
	if !r.is("[") {
		return nil
	}
	if err := r.next(); err != nil {
		return err
	}
	if _, err := r.intExpr("the width"); err != nil {
		return err
	}
	return r.expect("]", "after the width")
}

// input3 reads `input float[64] name;` or `input array[float[64], n] name;`.
func (r *qasmReader) input3() error {
	if err := r.next(); err != nil {
		return err
	}
	in := qasm3Input{size: 1}
	if r.tok.kind == tokIdent && r.tok.text == "array" {
		if err := r.next(); err != nil {
			return err
		}
		if err := r.expect("[", "after array"); err != nil {
			return err
		}
		if err := r.angleType(); err != nil {
			return err
		}
		if err := r.expect(",", "after the element type"); err != nil {
			return err
		}
		st := r.tok
		n, err := r.intExpr("the array size")
		if err != nil {
			return err
		}
		if n <= 0 || n > maxSymbolIndex {
			return r.errorf(st, "array size %d: expected 1 to %d", n, maxSymbolIndex)
		}
		if err := r.expect("]", "after the array size"); err != nil {
			return err
		}
		in.size, in.array = int(n), true
	} else if err := r.angleType(); err != nil {
		return err
	}
	name := r.tok
	if err := r.newName3(name, "input", false); err != nil {
		return err
	}
	if name.text == "x" {
		if r.v3.data {
			return r.errorf(name, "x is already declared")
		}
		in.kind, r.v3.data = InputSymbol, true
	} else {
		in.kind, in.start = WeightSymbol, r.v3.weights
		if r.v3.weights+in.size > maxSymbolIndex {
			return r.errorf(name, "more than %d input angles", maxSymbolIndex)
		}
		r.v3.weights += in.size
	}
	r.v3.inputs[name.text] = in
	if err := r.next(); err != nil {
		return err
	}
	return r.expect(";", "after the input")
}

// const3 reads `const TYPE name = expr;`.
func (r *qasmReader) const3() error {
	if err := r.next(); err != nil {
		return err
	}
	ty := r.tok
	switch ty.text {
	case "int", "uint", "float", "angle":
	default:
		return r.errorf(ty, "expected int, uint, float or angle after const, found %s", ty.describe())
	}
	if err := r.next(); err != nil {
		return err
	}
	if err := r.typeWidth(); err != nil {
		return err
	}
	name := r.tok
	if err := r.newName3(name, "constant", false); err != nil {
		return err
	}
	if err := r.next(); err != nil {
		return err
	}
	if err := r.expect("=", "after the constant's name"); err != nil {
		return err
	}
	vt := r.tok
	e, err := r.parseExpr()
	if err != nil {
		return err
	}
	v, err := e.eval(r.topLevel)
	if err != nil {
		return r.located(err)
	}
	if !v.IsConst() {
		return r.errorf(vt, "const %s needs a constant value, not one that depends on the inputs", name.text)
	}
	if integer := ty.text == "int" || ty.text == "uint"; integer && v.Const != math.Trunc(v.Const) || ty.text == "uint" && v.Const < 0 {
		return r.errorf(vt, "const %s %s = %g: expected a value of type %s", ty.text, name.text, v.Const, ty.text)
	}
	r.v3.consts[name.text] = v
	return r.expect(";", "after the constant's value")
}

// resolve3 gives an identifier of a top-level expression its value: a
// constant, a loop variable, an input's symbol, tau or euler.
func (r *qasmReader) resolve3(name string, index int) (Param, error) {
	if v, ok := r.v3.consts[name]; ok {
		if index >= 0 {
			return Param{}, fmt.Errorf("%s is not an array", name)
		}
		return v, nil
	}
	if in, ok := r.v3.inputs[name]; ok {
		switch {
		case in.array && index < 0:
			return Param{}, fmt.Errorf("input %s is an array of %d: expected %s[i]", name, in.size, name)
		case !in.array && index >= 0:
			return Param{}, fmt.Errorf("input %s is not an array", name)
		case index >= in.size:
			return Param{}, fmt.Errorf("index %d out of range for input %s[%d]", index, name, in.size)
		}
		i := in.start + max(index, 0)
		if in.kind == InputSymbol {
			return Input(i), nil
		}
		return Weight(i), nil
	}
	if v, ok := namedConstant(name); ok && index < 0 {
		return Const(v), nil
	}
	return Param{}, fmt.Errorf("unknown identifier %q: expected a number, pi, a constant, a loop variable or an input", name)
}

// namedConstant gives OpenQASM 3's built-in constants besides pi.
func namedConstant(name string) (float64, bool) {
	switch name {
	case "tau", "τ":
		return 2 * math.Pi, true
	case "euler", "ℇ":
		return math.E, true
	}
	return 0, false
}

// inlineConst replaces an identifier in a gate body that names a constant
// by its value, reporting whether it did.
func (r *qasmReader) inlineConst(id *expr) bool {
	if r.v3 == nil || id.index >= 0 || id.ix != nil {
		return false
	}
	v, ok := namedConstant(id.name)
	if p, isConst := r.v3.consts[id.name]; isConst {
		v, ok = p.Const, true
	}
	if ok {
		id.op, id.val = opNum, v
	}
	return ok
}

// intExpr reads an expression whose value must be a constant integer.
func (r *qasmReader) intExpr(what string) (int64, error) {
	t := r.tok
	e, err := r.parseExpr()
	if err != nil {
		return 0, err
	}
	v, err := e.eval(r.topLevel)
	if err != nil {
		return 0, r.located(err)
	}
	if !v.IsConst() || v.Const != math.Trunc(v.Const) || math.Abs(v.Const) > 1<<53 {
		return 0, r.errorf(t, "expected an integer for %s, found %s", what, v)
	}
	return int64(v.Const), nil
}

// evalIndex evaluates an index expression of an angle, theta[i+1], to a
// non-negative integer.
func (e *expr) evalIndex(r resolver) (int, error) {
	p, err := e.eval(r)
	if err != nil {
		return 0, err
	}
	if !p.IsConst() || p.Const != math.Trunc(p.Const) || p.Const < 0 || p.Const > maxSymbolIndex {
		return 0, e.errorf("expected a non-negative integer index, found %s", p)
	}
	return int(p.Const), nil
}

// indexExpr reads the index of a bit of reg after its '[' and the ']' that
// follows: an integer expression, negative ones counting from the end.
func (r *qasmReader) indexExpr(bit string, reg Register) (int, error) {
	t := r.tok
	i, err := r.intExpr("the " + bit + " index")
	if err != nil {
		return 0, err
	}
	if r.is(":") || r.is(",") {
		return 0, r.errorf(r.tok, "slices and index lists are outside the OpenQASM 3 subset ParseQASM3 reads")
	}
	j := i
	if j < 0 {
		j += int64(reg.Size)
	}
	if j < 0 || j >= int64(reg.Size) {
		return 0, r.errorf(t, "%s index %d out of range for register %s[%d]", bit, i, reg.Name, reg.Size)
	}
	return int(j), r.expect("]", "after the index")
}
