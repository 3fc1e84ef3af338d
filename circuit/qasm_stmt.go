package circuit

import (
	"fmt"
	"strconv"
)

// conditional reads `if (creg == value) op`.
func (r *qasmReader) conditional() error {
	if err := r.next(); err != nil {
		return err
	}
	if err := r.expect("(", "after if"); err != nil {
		return err
	}
	a, err := r.argument(false)
	if err != nil {
		return err
	}
	if a.index >= 0 {
		return r.errorf(a.tok, "expected a whole classical register in the condition, found %s", a.name(0))
	}
	if err := r.expect("==", "after the register in the condition"); err != nil {
		return err
	}
	vt := r.tok
	if vt.kind != tokInt {
		return r.errorf(vt, "expected a non-negative integer to compare %s with, found %s", a.reg.Name, vt.describe())
	}
	v, err := strconv.ParseUint(vt.text, 10, 64)
	if err != nil || (a.reg.Size < 64 && v>>uint(a.reg.Size) != 0) {
		return r.errorf(vt, "value %s does not fit register %s[%d]", vt.text, a.reg.Name, a.reg.Size)
	}
	if err := r.next(); err != nil {
		return err
	}
	if err := r.expect(")", "to close the condition"); err != nil {
		return err
	}
	if r.tok.kind != tokIdent || notConditional[r.tok.text] {
		return r.errorf(r.tok, "expected a gate, measure or reset after the condition, found %s", r.tok.describe())
	}
	return r.qop(&Condition{Reg: a.reg, Value: v})
}

// notConditional are the statements `if` cannot govern.
var notConditional = map[string]bool{
	"OPENQASM": true, "include": true, "qreg": true, "creg": true, "gate": true, "opaque": true,
	"barrier": true, "if": true,
}

// qop reads a gate application, measure, reset or barrier; cond, when
// non-nil, is given to every op it makes.
func (r *qasmReader) qop(cond *Condition) error {
	t := r.tok
	var err error
	switch t.text {
	case "measure":
		err = r.measure(cond)
	case "reset":
		err = r.reset(cond)
	case "barrier":
		err = r.barrier()
	default:
		err = r.apply(cond)
	}
	return err
}

// emit appends op with a copy of cond, within the op limit.
func (r *qasmReader) emit(t token, op Op, cond *Condition) error {
	if len(r.c.Ops) >= QASMMaxOps {
		return r.errorf(t, "the program expands to more than %d operations, the reader's limit", QASMMaxOps)
	}
	if cond != nil && r.v3 != nil && r.v3.condWritten {
		return r.errorf(t, "an operation follows a measurement into the bits its if tests: the circuit tests each op's condition when it runs, so write a second if")
	}
	if cond != nil {
		cc := *cond
		op.Cond = &cc
	}
	if err := r.c.Append(op); err != nil {
		return r.errorf(t, "%v", err)
	}
	return nil
}

// measure reads `measure q -> c;` on two bits or two registers of one size.
func (r *qasmReader) measure(cond *Condition) error {
	t := r.tok
	if err := r.next(); err != nil {
		return err
	}
	q, err := r.argument(true)
	if err != nil {
		return err
	}
	if err := r.expect("->", "after the measured qubits"); err != nil {
		return err
	}
	c, err := r.argument(false)
	if err != nil {
		return err
	}
	if err := r.expect(";", "after the classical bits"); err != nil {
		return err
	}
	return r.measureInto(t, q, c, cond)
}

// measureInto measures q into c (two bits, or two registers of one size)
// for the measure statement at t.
func (r *qasmReader) measureInto(t token, q, c qarg, cond *Condition) error {
	n := 1
	switch {
	case q.index < 0 && c.index < 0:
		if q.reg.Size != c.reg.Size {
			return r.errorf(c.tok, "cannot measure %s[%d] into %s[%d]: expected registers of equal size", q.reg.Name, q.reg.Size, c.reg.Name, c.reg.Size)
		}
		n = q.reg.Size
	case q.index < 0 || c.index < 0:
		return r.errorf(c.tok, "expected both sides of measure indexed, or both whole registers")
	}
	// Each op carries the condition, and is tested when it runs: a broadcast
	// measure into the register its condition reads would change the
	// outcome of the test halfway through, unlike the one test of the source.
	if cond != nil && n > 1 && c.reg.Start < cond.Reg.Start+cond.Reg.Size && cond.Reg.Start < c.reg.Start+c.reg.Size {
		return r.errorf(c.tok, "cannot measure a whole register into %s under a condition on it: measure bit by bit", cond.Reg.Name)
	}
	for i := 0; i < n; i++ {
		if err := r.emit(t, Op{Kind: MeasureOp, Qubits: []int{q.at(i)}, Clbit: c.at(i)}, cond); err != nil {
			return err
		}
		if cond != nil && r.v3 != nil && c.at(i) >= cond.Reg.Start && c.at(i) < cond.Reg.Start+cond.Reg.Size {
			r.v3.condWritten = true
		}
	}
	return nil
}

// reset reads `reset q;`.
func (r *qasmReader) reset(cond *Condition) error {
	t := r.tok
	if err := r.next(); err != nil {
		return err
	}
	a, err := r.argument(true)
	if err != nil {
		return err
	}
	if err := r.expect(";", "after the reset qubits"); err != nil {
		return err
	}
	for i := 0; i < a.count(); i++ {
		if err := r.emit(t, Op{Kind: ResetOp, Qubits: []int{a.at(i)}}, cond); err != nil {
			return err
		}
	}
	return nil
}

// barrier reads `barrier args;` into one op on every qubit named, each once.
func (r *qasmReader) barrier() error {
	t := r.tok
	if err := r.next(); err != nil {
		return err
	}
	args, err := r.arguments()
	if err != nil {
		return err
	}
	seen := map[int]bool{}
	var qubits []int
	for _, a := range args {
		for i := 0; i < a.count(); i++ {
			if q := a.at(i); !seen[q] {
				seen[q] = true
				qubits = append(qubits, q)
			}
		}
	}
	return r.emit(t, Op{Kind: BarrierOp, Qubits: qubits}, nil)
}

// apply reads a gate application `name(params) args;` (in OpenQASM 3 after
// its modifiers, whose control qubits lead the arguments) and expands it.
func (r *qasmReader) apply(cond *Condition) error {
	mods, err := r.modifiers()
	if err != nil {
		return err
	}
	t := r.tok
	d, ok := r.gates[t.text]
	if !ok {
		if defs, lib := r.library(); defs[t.text] != nil && !r.included {
			return r.errorf(t, "unknown gate %q (it is in %s: include \"%s\" first)", t.text, lib, lib)
		}
		return r.errorf(t, "unknown gate %q", t.text)
	}
	if err := r.next(); err != nil {
		return err
	}
	exprs, err := r.paramList()
	if err != nil {
		return err
	}
	if len(exprs) != d.nparams {
		return r.errorf(t, "gate %s takes %s, got %d", t.text, plural(d.nparams, "parameter"), len(exprs))
	}
	params := make([]Param, len(exprs))
	for i, e := range exprs {
		if params[i], err = e.eval(r.topLevel); err != nil {
			return r.located(err)
		}
	}
	nq := d.nqubits + mods.controls()
	var args []qarg
	if nq == 0 { // gphase
		err = r.expect(";", "after "+t.text)
	} else {
		args, err = r.arguments()
	}
	if err != nil {
		return err
	}
	if len(args) != nq {
		return r.errorf(t, "gate %s takes %s, got %d", t.text, plural(nq, "qubit argument"), len(args))
	}
	n, err := r.broadcast(args)
	if err != nil {
		return err
	}
	if mods.size(d.size) > (QASMMaxOps-len(r.c.Ops))/n {
		return r.errorf(t, "the program expands to more than %d operations, the reader's limit", QASMMaxOps)
	}
	for i := 0; i < n; i++ {
		qubits := make([]int, len(args))
		used := make(map[int]bool, len(args))
		for j, a := range args {
			qubits[j] = a.at(i)
			if used[qubits[j]] {
				return r.errorf(a.tok, "qubit %s appears twice in the arguments of %s", a.name(i), t.text)
			}
			used[qubits[j]] = true
		}
		emit := func(op Op) error { return r.emit(t, op, cond) }
		if err := d.applyMods(params, qubits, mods, nil, 0, emit); err != nil {
			if _, ok := err.(*ParseError); ok {
				return err
			}
			return r.errorf(t, "applying gate %s: %v", t.text, err)
		}
	}
	return nil
}

// constantsOnly resolves the identifiers of a top-level expression: there
// are none, since only a gate's body has named parameters.
func constantsOnly(name string, _ int) (Param, error) {
	return Param{}, fmt.Errorf("unknown identifier %q: expected a number, pi, or a function such as sin", name)
}

// located completes an evaluation error with the file name.
func (r *qasmReader) located(err error) error {
	if pe, ok := err.(*ParseError); ok && pe.File == "" {
		pe.File = r.file
	}
	return err
}

// paramList reads an optional `(expr, ...)`.
func (r *qasmReader) paramList() ([]*expr, error) {
	if !r.is("(") {
		return nil, nil
	}
	if err := r.next(); err != nil {
		return nil, err
	}
	if r.is(")") {
		return nil, r.next()
	}
	var exprs []*expr
	for {
		e, err := r.parseExpr()
		if err != nil {
			return nil, err
		}
		exprs = append(exprs, e)
		switch {
		case r.is(")"):
			return exprs, r.next()
		case !r.is(","):
			return nil, r.errorf(r.tok, "expected ',' or ')' after a parameter, found %s", r.tok.describe())
		}
		if err := r.next(); err != nil {
			return nil, err
		}
	}
}

// plural writes "1 parameter", "2 parameters".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
