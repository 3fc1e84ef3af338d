package circuit

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"
)

// builtinOrigin marks U and CX, which every OpenQASM 2.0 program has.
const builtinOrigin = "built in"

// maxGateDepth bounds the nesting of gate definitions during expansion.
// Gates must be defined before use, so a gate cannot call itself; the bound
// only stops a long chain of definitions from exhausting the stack.
const maxGateDepth = 1000

// gateDef is a gate a program may apply: a registered gate (spec), a gate
// defined by a body of calls, or an opaque declaration.
type gateDef struct {
	name    string
	origin  string // "" for the program's own gates; builtinOrigin; "qelib1.inc"
	file    string // where the body was read
	line    int
	nparams int
	nqubits int
	params  []string       // formal parameter names of a body
	param   map[string]int // their positions
	qubits  []string       // formal qubit names of a body
	spec    *GateSpec
	// phase, when set, is the global phase by which this definition of
	// spec differs from the registered gate (OpenQASM 3's u2 and u3); it
	// shows when the gate is controlled.
	phase  func(p []Param) Param
	body   []gateCall
	opaque bool
	// size is the number of ops one application expands to, capped at
	// QASMMaxOps+1, so that an oversized application is refused before any
	// op is built.
	size int
}

// gateCall is one statement of a body: a gate applied to formal qubits
// (args index gateDef.qubits) with parameter expressions over the formal
// parameters, or a barrier when def is nil. In OpenQASM 3 mods holds the
// call's modifiers, whose control qubits lead args.
type gateCall struct {
	def    *gateDef
	params []*expr
	args   []int
	mods   *gateMods
}

// size is the number of ops the call expands to.
func (c *gateCall) size() int {
	if c.def == nil {
		return 1
	}
	return c.mods.size(c.def.size)
}

// specDef makes the definition that applies a registered gate as one op.
func specDef(spec *GateSpec, origin string) *gateDef {
	return &gateDef{name: spec.Name, origin: origin, nparams: spec.Params, nqubits: spec.Qubits, spec: spec, size: 1}
}

// where says where d was defined, for error messages.
func (d *gateDef) where() string {
	if d.origin != "" {
		return d.origin
	}
	return fmt.Sprintf("line %d", d.line)
}

// expand applies d with the given angles to the given qubits, handing each
// primitive op to emit. Errors from emit are returned unchanged.
func (d *gateDef) expand(params []Param, qubits []int, depth int, emit func(Op) error) error {
	return d.expandPow(params, qubits, 1, nil, depth, emit)
}

// expandPow applies d raised to the power exponent, under the given control
// qubits (OpenQASM 3's pow, inv and ctrl modifiers; exponent 1 and no
// controls in OpenQASM 2.0), to qubits. A body is raised to an integer
// power by repeating it, reversed and with each call inverted for a
// negative one; controls distribute over its calls, since
// C(AB) = C(A)·C(B).
func (d *gateDef) expandPow(params []Param, qubits []int, exponent float64, controls []int, depth int, emit func(Op) error) error {
	switch {
	case d.spec != nil:
		return d.primitive(params, qubits, exponent, controls, emit)
	case d == gphaseDef:
		return controlledPhase(params[0].Scale(exponent), controls, emit)
	case d.opaque:
		return fmt.Errorf("gate %s is opaque (declared at %s): it has no definition to apply", d.name, d.where())
	case depth >= maxGateDepth:
		return fmt.Errorf("gate definitions nested more than %d deep", maxGateDepth)
	}
	reps, sign, err := d.repetitions(exponent)
	if err != nil {
		return err
	}
	resolve := func(name string, _ int) (Param, error) {
		if i, ok := d.param[name]; ok {
			return params[i], nil
		}
		return Param{}, fmt.Errorf("unknown parameter %q", name) // ruled out when the body was read
	}
	for k := 0; k < reps*len(d.body); k++ {
		call := d.body[k%len(d.body)]
		if sign < 0 {
			call = d.body[len(d.body)-1-k%len(d.body)]
		}
		q := make([]int, len(call.args))
		for i, a := range call.args {
			q[i] = qubits[a]
		}
		if call.def == nil {
			if err := emit(Op{Kind: BarrierOp, Qubits: q}); err != nil {
				return err
			}
			continue
		}
		ps := make([]Param, len(call.params))
		for i, e := range call.params {
			p, err := e.eval(resolve)
			if err != nil {
				var pe *ParseError
				if errors.As(err, &pe) {
					pe.File = d.file
				}
				return fmt.Errorf("in gate %s: %w", d.name, err)
			}
			ps[i] = p
		}
		if err := call.def.applyMods(ps, q, call.mods.raised(sign), controls, depth+1, emit); err != nil {
			return err
		}
	}
	return nil
}

// gateDecl reads `gate name(params) qubits { body }` or
// `opaque name(params) qubits;` and defines the gate.
func (r *qasmReader) gateDecl() error {
	opaque := r.tok.text == "opaque"
	if err := r.next(); err != nil {
		return err
	}
	nt := r.tok
	if err := r.checkNewName(nt, "gate"); err != nil {
		return err
	}
	d := &gateDef{name: nt.text, file: r.file, line: nt.line, opaque: opaque}
	if err := r.next(); err != nil {
		return err
	}
	seen := map[string]bool{}
	if r.is("(") {
		if err := r.next(); err != nil {
			return err
		}
		if !r.is(")") {
			ps, err := r.identList(d, "parameter", seen)
			if err != nil {
				return err
			}
			d.params = ps
		}
		if err := r.expect(")", "after the parameters of gate "+d.name); err != nil {
			return err
		}
	}
	qs, err := r.identList(d, "qubit", seen)
	if err != nil {
		return err
	}
	d.qubits = qs
	d.nparams, d.nqubits = len(d.params), len(d.qubits)
	d.param = make(map[string]int, len(d.params))
	for i, p := range d.params {
		d.param[p] = i
	}
	if opaque {
		err = r.expect(";", "after the qubits of opaque gate "+d.name)
	} else {
		err = r.body(d)
	}
	if err != nil {
		return err
	}
	return r.define(d, nt)
}

// identList reads the comma-separated formal parameter or qubit names of d;
// seen holds the names d already has, and receives the new ones.
func (r *qasmReader) identList(d *gateDef, what string, seen map[string]bool) ([]string, error) {
	var names []string
	for {
		t := r.tok
		if t.kind != tokIdent {
			return nil, r.errorf(t, "expected a %s name of gate %s, found %s", what, d.name, t.describe())
		}
		if r.isKeyword(t.text) || isReservedName(t.text) {
			return nil, r.errorf(t, "%q is reserved and cannot name a %s", t.text, what)
		}
		if seen[t.text] {
			return nil, r.errorf(t, "gate %s uses the name %s twice", d.name, t.text)
		}
		seen[t.text] = true
		names = append(names, t.text)
		if err := r.next(); err != nil {
			return nil, err
		}
		if !r.is(",") {
			return names, nil
		}
		if err := r.next(); err != nil {
			return nil, err
		}
	}
}

// body reads `{ call; ... }`: gate applications and barriers on the formal
// qubits, with expressions over the formal parameters.
func (r *qasmReader) body(d *gateDef) error {
	if err := r.expect("{", "to open the body of gate "+d.name); err != nil {
		return err
	}
	index := make(map[string]int, len(d.qubits))
	for i, q := range d.qubits {
		index[q] = i
	}
	for !r.is("}") {
		t := r.tok
		switch {
		case t.kind == tokEOF:
			return r.errorf(t, "expected '}' to close the body of gate %s (line %d), found the end of the input", d.name, d.line)
		case t.kind != tokIdent:
			return r.errorf(t, "expected a gate application or barrier in the body of gate %s, found %s", d.name, t.describe())
		}
		mods, err := r.modifiers()
		if err != nil {
			return err
		}
		if mods != nil {
			t = r.tok
		}
		if t.kind != tokIdent {
			return r.errorf(t, "expected a gate after the modifiers in the body of gate %s, found %s", d.name, t.describe())
		}
		if r.isKeyword(t.text) && !inBody[t.text] {
			return r.errorf(t, "%s is not allowed in the body of gate %s", t.text, d.name)
		}
		call := gateCall{mods: mods}
		if t.text == "barrier" && mods != nil {
			return r.errorf(t, "a barrier takes no modifiers")
		}
		if t.text != "barrier" {
			callee, ok := r.gates[t.text]
			switch {
			case t.text == d.name:
				return r.errorf(t, "gate %s cannot apply itself", d.name)
			case !ok:
				return r.errorf(t, "unknown gate %q in the body of gate %s", t.text, d.name)
			}
			call.def = callee
		}
		if err := r.next(); err != nil {
			return err
		}
		if call.def != nil {
			ps, err := r.paramList()
			if err != nil {
				return err
			}
			for _, e := range ps {
				if err := e.walkIdents(func(id *expr) error { return r.checkFormal(d, id) }); err != nil {
					return err
				}
			}
			if len(ps) != call.def.nparams {
				return r.errorf(t, "gate %s takes %s, got %d", t.text, plural(call.def.nparams, "parameter"), len(ps))
			}
			call.params = ps
		}
		var args []int
		if call.def != nil && call.def.nqubits+mods.controls() == 0 { // gphase
			err = r.expect(";", "after "+t.text)
		} else {
			args, err = r.formalArgs(d, index, t)
		}
		if err != nil {
			return err
		}
		if n := mods.controls(); call.def != nil && len(args) != call.def.nqubits+n {
			return r.errorf(t, "gate %s takes %s, got %d", t.text, plural(call.def.nqubits+n, "qubit argument"), len(args))
		}
		call.args = args
		d.body = append(d.body, call)
		d.size = min(d.size+call.size(), QASMMaxOps+1)
	}
	return r.next()
}

// checkFormal checks that identifier id of an expression in d's body is one
// of d's parameters.
func (r *qasmReader) checkFormal(d *gateDef, id *expr) error {
	if _, ok := d.param[id.name]; ok && id.index < 0 && id.ix == nil {
		return nil
	}
	if r.inlineConst(id) {
		return nil
	}
	return &ParseError{File: r.file, Line: id.line, Column: id.col,
		Msg: fmt.Sprintf("unknown identifier %q in gate %s: expected one of its parameters %v, pi or a number", id.name, d.name, d.params)}
}

// formalArgs reads the qubit arguments of a call in d's body up to ';': each
// a formal qubit of d (index maps their names to positions), distinct.
func (r *qasmReader) formalArgs(d *gateDef, index map[string]int, call token) ([]int, error) {
	var args []int
	used := map[int]bool{}
	for {
		t := r.tok
		i, ok := index[t.text]
		if t.kind != tokIdent || !ok {
			return nil, r.errorf(t, "expected a qubit of gate %s (one of %v), found %s", d.name, d.qubits, t.describe())
		}
		if used[i] {
			return nil, r.errorf(t, "qubit %s appears twice in the arguments of %s", t.text, call.text)
		}
		used[i] = true
		args = append(args, i)
		if err := r.next(); err != nil {
			return nil, err
		}
		if r.is("[") {
			return nil, r.errorf(r.tok, "expected ',' or ';' after qubit %s: a gate body cannot index its qubits", t.text)
		}
		if !r.is(",") {
			return args, r.expect(";", "after the arguments of "+call.text)
		}
		if err := r.next(); err != nil {
			return nil, err
		}
	}
}

// define adds d to the program's gates. A name already defined is refused,
// unless qelib1.inc defined it with the same parameters, qubits and matrix
// (then qelib1's stays). A new gate with the name, parameters, qubits and
// matrix of a registered gate stands for the registered gate.
func (r *qasmReader) define(d *gateDef, t token) error {
	if old, ok := r.gates[d.name]; ok {
		// old is the program's own or qelib1's: U and CX are keywords, which
		// checkNewName refused.
		switch {
		case old.origin == "":
			return r.errorf(t, "redefinition of gate %s (first defined at line %d)", d.name, old.line)
		case old.nparams != d.nparams || old.nqubits != d.nqubits:
			return r.errorf(t, "redefinition of gate %s: %s defines it with %s and %s", d.name, old.origin,
				plural(old.nparams, "parameter"), plural(old.nqubits, "qubit"))
		case !d.opaque && !sameGate(old, d):
			return r.errorf(t, "redefinition of gate %s: its matrix differs from the one %s defines", d.name, old.origin)
		}
		return nil
	}
	if spec, ok := Lookup(d.name); ok && spec.Params == d.nparams && spec.Qubits == d.nqubits {
		if d.opaque || sameGate(specDef(spec, ""), d) {
			d.spec, d.body, d.opaque, d.size = spec, nil, false, 1
		}
	}
	r.gates[d.name] = d
	return nil
}

// matchOps bounds the ops sameGate multiplies out.
const matchOps = 1 << 12

// matchTol is how close two gate matrices must be to count as the same gate.
const matchTol = 1e-9

// sameGate reports whether a and b (of equal signatures, at most 5 qubits)
// have the same matrix up to a global phase at two fixed sets of angles.
func sameGate(a, b *gateDef) bool {
	if a.nqubits > 5 || a.size > matchOps || b.size > matchOps {
		return false
	}
	for s := 0; s < 2; s++ {
		ps := make([]Param, a.nparams)
		for k := range ps {
			ps[k] = Const(0.37 + 0.61*float64(k) + 1.13*float64(s))
		}
		ma, ea := a.matrix(ps)
		mb, eb := b.matrix(ps)
		if ea != nil || eb != nil || !equalUpToPhase(ma, mb, matchTol) {
			return false
		}
	}
	return true
}

// matrix multiplies out the ops d expands to on its own qubits 0..n-1.
func (d *gateDef) matrix(params []Param) ([]complex128, error) {
	dim := 1 << d.nqubits
	u := make([]complex128, dim*dim)
	for i := 0; i < dim; i++ {
		u[i*dim+i] = 1
	}
	qubits := make([]int, d.nqubits)
	for i := range qubits {
		qubits[i] = i
	}
	err := d.expand(params, qubits, 0, func(op Op) error {
		if op.Kind == GateOp {
			applyLocal(u, dim, op.Matrix(Binding{}), op.Qubits)
		}
		return nil
	})
	return u, err
}

// applyLocal replaces the columns of the dim × dim matrix u by m acting on
// the listed qubits (the first the least-significant bit of m's index).
func applyLocal(u []complex128, dim int, m []complex128, qubits []int) {
	k := 1 << len(qubits)
	mask := 0
	for _, q := range qubits {
		mask |= 1 << q
	}
	idx := make([]int, k)
	in := make([]complex128, k)
	for col := 0; col < dim; col++ {
		for base := 0; base < dim; base++ {
			if base&mask != 0 {
				continue
			}
			for j := 0; j < k; j++ {
				idx[j] = base
				for t, q := range qubits {
					if j>>t&1 == 1 {
						idx[j] |= 1 << q
					}
				}
				in[j] = u[idx[j]*dim+col]
			}
			for j := 0; j < k; j++ {
				var v complex128
				for l := 0; l < k; l++ {
					v += m[j*k+l] * in[l]
				}
				u[idx[j]*dim+col] = v
			}
		}
	}
}

// equalUpToPhase reports whether b = e^{iφ}·a entrywise within tol for some φ.
func equalUpToPhase(a, b []complex128, tol float64) bool {
	if len(a) != len(b) {
		return false
	}
	big := 0
	for i := range a {
		if cmplx.Abs(a[i]) > cmplx.Abs(a[big]) {
			big = i
		}
	}
	if cmplx.Abs(a[big]) < tol {
		return false
	}
	ph := b[big] / a[big]
	if math.Abs(cmplx.Abs(ph)-1) > tol {
		return false
	}
	for i := range a {
		if cmplx.Abs(b[i]-ph*a[i]) > tol {
			return false
		}
	}
	return true
}
