package circuit

import (
	"fmt"
	"math"
	"strconv"
)

// The OpenQASM 3 statements that OpenQASM 2.0 lacks: modifiers, the
// assignment form of measure, `barrier;`, if with blocks and else, and for.

// modifiers reads the modifiers before a gate name (`ctrl(2) @ inv @`), or
// returns nil when there are none (always in OpenQASM 2.0).
func (r *qasmReader) modifiers() (*gateMods, error) {
	if r.v3 == nil {
		return nil, nil
	}
	var m *gateMods
	for r.tok.kind == tokIdent {
		t := r.tok
		switch t.text {
		case "inv", "pow", "ctrl", "negctrl":
		default:
			return m, nil
		}
		if m == nil {
			m = &gateMods{exponent: 1}
		}
		if err := r.next(); err != nil {
			return nil, err
		}
		switch t.text {
		case "inv":
			m.exponent = -m.exponent
		case "pow":
			if err := r.expect("(", "after pow"); err != nil {
				return nil, err
			}
			kt := r.tok
			e, err := r.parseExpr()
			if err != nil {
				return nil, err
			}
			k, err := e.eval(r.topLevel)
			if err != nil {
				return nil, r.located(err)
			}
			if !k.IsConst() || math.IsInf(m.exponent*k.Const, 0) {
				return nil, r.errorf(kt, "pow needs a constant, finite exponent, found %s", k)
			}
			m.exponent *= k.Const
			if err := r.expect(")", "after the exponent"); err != nil {
				return nil, err
			}
		default:
			n := int64(1)
			if r.is("(") {
				if err := r.next(); err != nil {
					return nil, err
				}
				nt := r.tok
				var err error
				if n, err = r.intExpr("the number of controls"); err != nil {
					return nil, err
				}
				if n < 1 || n+int64(len(m.negctrl)) > QASMMaxQubits {
					return nil, r.errorf(nt, "%s(%d): expected 1 to %d controls", t.text, n, QASMMaxQubits)
				}
				if err := r.expect(")", "after the number of controls"); err != nil {
					return nil, err
				}
			}
			for range n {
				m.negctrl = append(m.negctrl, t.text == "negctrl")
			}
		}
		if err := r.expect("@", "after the modifier "+t.text); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// measureAssign reads `c = measure q;` or `c[i] = measure q[j];`.
func (r *qasmReader) measureAssign(cond *Condition) error {
	t := r.tok
	c, err := r.argument(false)
	if err != nil {
		return err
	}
	if err := r.expect("=", "after the classical bits"); err != nil {
		return err
	}
	if r.tok.kind != tokIdent || r.tok.text != "measure" {
		return r.errorf(r.tok, "expected measure after '=': classical assignments other than c = measure q are outside the OpenQASM 3 subset ParseQASM3 reads, found %s", r.tok.describe())
	}
	if err := r.next(); err != nil {
		return err
	}
	q, err := r.argument(true)
	if err != nil {
		return err
	}
	if err := r.expect(";", "after the measured qubits"); err != nil {
		return err
	}
	return r.measureInto(t, q, c, cond)
}

// barrier3 reads `barrier;`, a barrier on every qubit, or a barrier on the
// qubits named.
func (r *qasmReader) barrier3() error {
	t := r.tok
	at := r.save()
	if err := r.next(); err != nil {
		return err
	}
	if !r.is(";") {
		r.restore(at)
		return r.barrier()
	}
	qubits := make([]int, r.c.NumQubits)
	for i := range qubits {
		qubits[i] = i
	}
	if err := r.emit(t, Op{Kind: BarrierOp, Qubits: qubits}, nil); err != nil {
		return err
	}
	return r.next()
}

// scanState is a position in the source, to read a loop body again.
type scanState struct {
	lx  lexer
	tok token
}

func (r *qasmReader) save() scanState { return scanState{r.lx, r.tok} }

func (r *qasmReader) restore(s scanState) { r.lx, r.tok = s.lx, s.tok }

// if3 reads `if (test) body [else body]`, body a statement or a block, and
// runs each body with its condition.
func (r *qasmReader) if3(outer *Condition) error {
	t := r.tok
	if outer != nil {
		return r.errorf(t, "an if inside an if is outside the OpenQASM 3 subset ParseQASM3 reads: an op has one condition")
	}
	if err := r.next(); err != nil {
		return err
	}
	if err := r.expect("(", "after if"); err != nil {
		return err
	}
	cond, err := r.test()
	if err != nil {
		return err
	}
	if err := r.expect(")", "to close the condition"); err != nil {
		return err
	}
	r.v3.depth++
	defer func() { r.v3.depth--; r.v3.condWritten = false }()
	r.v3.condWritten = false
	if err := r.branch(cond); err != nil {
		return err
	}
	if r.tok.kind != tokIdent || r.tok.text != "else" {
		return nil
	}
	if cond.Reg.Size != 1 {
		return r.errorf(r.tok, "else needs a one-bit condition: the circuit's conditions test equality, and %s == %d has no one-test complement", cond.Reg.Name, cond.Value)
	}
	if err := r.next(); err != nil {
		return err
	}
	return r.branch(&Condition{Reg: cond.Reg, Value: 1 - cond.Value})
}

// test reads the condition of an if: `c == 3`, `c[0]`, `!c[0]`,
// `c[0] == 1`, `c[0] != 1` (true and false stand for 1 and 0).
func (r *qasmReader) test() (*Condition, error) {
	negate := r.is("!")
	if negate {
		if err := r.next(); err != nil {
			return nil, err
		}
	}
	a, err := r.argument(false)
	if err != nil {
		return nil, err
	}
	reg := a.reg
	if a.index >= 0 && a.reg.Size > 1 {
		reg = Register{Name: fmt.Sprintf("%s[%d]", a.reg.Name, a.index), Start: a.reg.Start + a.index, Size: 1}
	}
	v := uint64(1)
	cmp := r.tok
	switch {
	case !negate && (r.is("==") || r.is("!=")):
		if err := r.next(); err != nil {
			return nil, err
		}
		vt := r.tok
		switch {
		case vt.kind == tokIdent && (vt.text == "true" || vt.text == "false"):
			v = map[string]uint64{"true": 1, "false": 0}[vt.text]
		case vt.kind == tokInt:
			if v, err = strconv.ParseUint(vt.text, 10, 64); err != nil {
				return nil, r.errorf(vt, "value %s does not fit 64 bits", vt.text)
			}
		default:
			return nil, r.errorf(vt, "expected a non-negative integer to compare %s with, found %s", reg.Name, vt.describe())
		}
		if reg.Size < 64 && v>>uint(reg.Size) != 0 {
			return nil, r.errorf(vt, "value %d does not fit %s of %d bits", v, reg.Name, reg.Size)
		}
		if err := r.next(); err != nil {
			return nil, err
		}
		if cmp.text == "!=" {
			if reg.Size != 1 {
				return nil, r.errorf(cmp, "!= needs a one-bit operand: the circuit's conditions test equality")
			}
			v = 1 - v
		}
	case reg.Size != 1:
		return nil, r.errorf(cmp, "expected == and a value after the register %s of %d bits", reg.Name, reg.Size)
	case negate:
		v = 0
	}
	return &Condition{Reg: reg, Value: v}, nil
}

// branch runs a statement or a block under cond.
func (r *qasmReader) branch(cond *Condition) error {
	if !r.is("{") {
		return r.statement3(cond)
	}
	open := r.tok
	if err := r.next(); err != nil {
		return err
	}
	if err := r.block(cond, open); err != nil {
		return err
	}
	return r.next()
}

// block runs statements up to the '}' that closes the block opened at open,
// and stops on it.
func (r *qasmReader) block(cond *Condition, open token) error {
	for !r.is("}") {
		if r.tok.kind == tokEOF {
			return r.errorf(r.tok, "expected '}' to close the block opened at line %d, found the end of the input", open.line)
		}
		if err := r.statement3(cond); err != nil {
			return err
		}
	}
	return nil
}

// forLoop reads `for [int|uint[w]] i in [a:b] { … }` (also [a:step:b] and
// {v, …}) and runs the body once per value, i bound to it.
func (r *qasmReader) forLoop(cond *Condition) error {
	if err := r.next(); err != nil {
		return err
	}
	if t := r.tok; t.kind == tokIdent && (t.text == "int" || t.text == "uint") {
		if err := r.next(); err != nil {
			return err
		}
		if err := r.typeWidth(); err != nil {
			return err
		}
	} else if t.kind == tokIdent && keywords3[t.text] && t.text != "in" {
		return r.errorf(t, "loops over %s values are outside the OpenQASM 3 subset ParseQASM3 reads: expected int or uint", t.text)
	}
	vt := r.tok
	if err := r.newName3(vt, "loop variable", false); err != nil {
		return err
	}
	if err := r.next(); err != nil {
		return err
	}
	if r.tok.kind != tokIdent || r.tok.text != "in" {
		return r.errorf(r.tok, "expected in after the loop variable %s, found %s", vt.text, r.tok.describe())
	}
	if err := r.next(); err != nil {
		return err
	}
	values, err := r.loopValues()
	if err != nil {
		return err
	}
	open := r.tok
	if err := r.expect("{", "to open the loop body (this reader needs braces)"); err != nil {
		return err
	}
	body := r.save()
	r.v3.depth++
	defer func() { r.v3.depth--; delete(r.v3.consts, vt.text) }()
	ran := false
	for v := range values {
		r.restore(body)
		r.v3.consts[vt.text] = Const(float64(v))
		if r.v3.steps++; r.v3.steps > qasm3MaxSteps {
			return r.errorf(open, "the program runs more than %d statements (loop passes included), the reader's limit", qasm3MaxSteps)
		}
		if err := r.block(cond, open); err != nil {
			return err
		}
		ran = true
	}
	if !ran {
		if err := r.skipBlock(open); err != nil {
			return err
		}
	}
	return r.next()
}

// loopValues reads the values a loop runs over: a range [a:b] or
// [a:step:b], inclusive of b, or a set {v, …}, of integers.
func (r *qasmReader) loopValues() (func(yield func(int64) bool), error) {
	if r.is("{") {
		var set []int64
		for {
			if err := r.next(); err != nil {
				return nil, err
			}
			v, err := r.intExpr("a loop value")
			if err != nil {
				return nil, err
			}
			set = append(set, v)
			if r.is("}") {
				break
			}
			if !r.is(",") {
				return nil, r.errorf(r.tok, "expected ',' or '}' in the set of loop values, found %s", r.tok.describe())
			}
		}
		return func(yield func(int64) bool) {
			for _, v := range set {
				if !yield(v) {
					return
				}
			}
		}, r.next()
	}
	if !r.is("[") {
		return nil, r.errorf(r.tok, "expected a range [a:b] or a set {a, b} to loop over, found %s", r.tok.describe())
	}
	var bounds []int64
	for len(bounds) == 0 || r.is(":") {
		if err := r.next(); err != nil {
			return nil, err
		}
		v, err := r.intExpr("a range bound")
		if err != nil {
			return nil, err
		}
		bounds = append(bounds, v)
		if len(bounds) > 3 {
			return nil, r.errorf(r.tok, "a range has at most three parts, [start:step:stop]")
		}
	}
	st := r.tok
	if err := r.expect("]", "to close the range"); err != nil {
		return nil, err
	}
	start, step, stop := bounds[0], int64(1), bounds[len(bounds)-1]
	switch len(bounds) {
	case 1:
		return nil, r.errorf(st, "expected a range [start:stop] with a stop")
	case 3:
		step = bounds[1]
	}
	if step == 0 {
		return nil, r.errorf(st, "a range's step cannot be 0")
	}
	return func(yield func(int64) bool) {
		for v := start; (step > 0 && v <= stop) || (step < 0 && v >= stop); v += step {
			if !yield(v) {
				return
			}
		}
	}, nil
}

// skipBlock passes the tokens of a block that runs no time, up to the '}'
// that closes the block opened at open.
func (r *qasmReader) skipBlock(open token) error {
	for depth := 1; ; {
		switch {
		case r.tok.kind == tokEOF:
			return r.errorf(r.tok, "expected '}' to close the block opened at line %d, found the end of the input", open.line)
		case r.is("{"):
			depth++
		case r.is("}"):
			if depth--; depth == 0 {
				return nil
			}
		}
		if err := r.next(); err != nil {
			return err
		}
	}
}
