package circuit

import (
	"fmt"
	"math"
	"strconv"
)

// The arithmetic of gate angles, shared by ParseParam and the OpenQASM
// reader: numbers (1, 1.5e-3, .5), pi, + - * / ^, unary minus, parentheses
// and the functions of OpenQASM 2.0 (sin cos tan exp ln sqrt, plus asin acos
// atan). ^ binds tightest and to the right, then unary minus, then * and /,
// then + and -, so -2^2 = -4 and 2^-1 = 0.5.
//
// An expression is parsed once into a tree and evaluated against a resolver
// that gives identifiers their values: ParseParam's resolver knows the
// symbols θ[i] and x[j]; the QASM reader's knows the formal parameters of the
// gate being expanded. The value is an affine Param: constant subexpressions
// fold to numbers, and a non-affine use of a symbol (x[0]*x[1], sin(θ[0]),
// 1/x[0], x[0]^2) is an error.

// maxExprDepth bounds the height of an expression tree, so that neither the
// parser nor the evaluator can exhaust the stack on hostile input.
const maxExprDepth = 1000

// maxSymbolIndex bounds the index of a symbol θ[i] or x[j]: a Binding holds
// a slice that long.
const maxSymbolIndex = 1 << 24

type exprOp uint8

const (
	opNum exprOp = iota
	opIdent
	opNeg
	opAdd
	opSub
	opMul
	opDiv
	opPow
	opCall
)

// expr is a node of a parsed expression; line and col locate the number,
// identifier, operator or function name it came from.
type expr struct {
	op        exprOp
	val       float64 // opNum
	name      string  // opIdent: the identifier; opCall: the function
	index     int     // opIdent: the index in name[index], or -1
	ix        *expr   // opIdent in OpenQASM 3: an index expression, evaluated to index
	a, b      *expr   // operands (a alone for opNeg and opCall)
	depth     int     // height of the tree below and including this node
	line, col int
}

// functions are the unary functions an expression may call.
var functions = map[string]func(float64) float64{
	"sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
	"asin": math.Asin, "acos": math.Acos, "atan": math.Atan,
	"exp": math.Exp, "ln": math.Log, "sqrt": math.Sqrt,
}

// isReservedName reports whether name is a constant or function name, which
// no parameter or register may take.
func isReservedName(name string) bool {
	_, fn := functions[name]
	return fn || name == "pi" || name == "π"
}

// resolver gives an identifier (with index -1 when it had no [index]) its
// value, or says why it has none.
type resolver func(name string, index int) (Param, error)

// node builds an interior node at token t, checking the height bound.
func (s *scanner) node(t token, op exprOp, a, b *expr) (*expr, error) {
	e := &expr{op: op, a: a, b: b, line: t.line, col: t.col, depth: a.depth + 1}
	if b != nil && b.depth >= a.depth {
		e.depth = b.depth + 1
	}
	if e.depth > maxExprDepth {
		return nil, s.errorf(t, "expression too long or nested too deeply (more than %d levels)", maxExprDepth)
	}
	return e, nil
}

// enter counts one more level of parser recursion, refusing to go deeper
// than maxExprDepth; leave undoes it.
func (s *scanner) enter() error {
	if s.nest++; s.nest > maxExprDepth {
		return s.errorf(s.tok, "expression too long or nested too deeply (more than %d levels)", maxExprDepth)
	}
	return nil
}

func (s *scanner) leave() { s.nest-- }

// parseExpr reads a sum: term {(+|-) term}.
func (s *scanner) parseExpr() (*expr, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	e, err := s.parseTerm()
	for err == nil && (s.is("+") || s.is("-")) {
		t := s.tok
		op := opAdd
		if t.text == "-" {
			op = opSub
		}
		var b *expr
		if err = s.next(); err != nil {
			break
		}
		if b, err = s.parseTerm(); err == nil {
			e, err = s.node(t, op, e, b)
		}
	}
	return e, err
}

// parseTerm reads a product: unary {(*|/) unary}.
func (s *scanner) parseTerm() (*expr, error) {
	e, err := s.parseUnary()
	for err == nil && (s.is("*") || s.is("/")) {
		t := s.tok
		op := opMul
		if t.text == "/" {
			op = opDiv
		}
		var b *expr
		if err = s.next(); err != nil {
			break
		}
		if b, err = s.parseUnary(); err == nil {
			e, err = s.node(t, op, e, b)
		}
	}
	return e, err
}

// parseUnary reads {+|-} power.
func (s *scanner) parseUnary() (*expr, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	if !s.is("-") && !s.is("+") {
		return s.parsePower()
	}
	t := s.tok
	if err := s.next(); err != nil {
		return nil, err
	}
	e, err := s.parseUnary()
	if err != nil || t.text == "+" {
		return e, err
	}
	return s.node(t, opNeg, e, nil)
}

// parsePower reads atom [^ unary]; the exponent may carry a sign and is
// itself a power, so ^ associates to the right.
func (s *scanner) parsePower() (*expr, error) {
	e, err := s.parseAtom()
	if err != nil || !s.is("^") && !s.is("**") {
		return e, err
	}
	t := s.tok
	if err := s.next(); err != nil {
		return nil, err
	}
	b, err := s.parseUnary()
	if err != nil {
		return nil, err
	}
	return s.node(t, opPow, e, b)
}

// parseAtom reads a number, pi, an identifier with an optional [index], a
// function call or a parenthesised expression.
func (s *scanner) parseAtom() (*expr, error) {
	t := s.tok
	switch {
	case t.kind == tokInt || t.kind == tokReal:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil || math.IsInf(v, 0) {
			return nil, s.errorf(t, "number %s is out of range", t.text)
		}
		return &expr{op: opNum, val: v, line: t.line, col: t.col, depth: 1}, s.next()
	case s.is("("):
		if err := s.next(); err != nil {
			return nil, err
		}
		e, err := s.parseExpr()
		if err != nil {
			return nil, err
		}
		if e.depth+1 > maxExprDepth {
			return nil, s.errorf(t, "expression too long or nested too deeply (more than %d levels)", maxExprDepth)
		}
		e.depth++ // parentheses nest the parser, so they count
		return e, s.expect(")", "to close the parenthesis")
	case t.kind != tokIdent:
		return nil, s.errorf(t, "expected a number, pi, a name, a function or '(', found %s", t.describe())
	}
	if err := s.next(); err != nil {
		return nil, err
	}
	if t.text == "pi" || t.text == "π" {
		return &expr{op: opNum, val: math.Pi, line: t.line, col: t.col, depth: 1}, nil
	}
	if _, ok := functions[t.text]; ok {
		if err := s.expect("(", "after function "+t.text); err != nil {
			return nil, err
		}
		arg, err := s.parseExpr()
		if err != nil {
			return nil, err
		}
		if err := s.expect(")", "to close the argument of "+t.text); err != nil {
			return nil, err
		}
		e, err := s.node(t, opCall, arg, nil)
		if e != nil {
			e.name = t.text
		}
		return e, err
	}
	e := &expr{op: opIdent, name: t.text, index: -1, line: t.line, col: t.col, depth: 1}
	if !s.is("[") {
		return e, nil
	}
	if err := s.next(); err != nil {
		return nil, err
	}
	it := s.tok
	if s.lx.v3 {
		ix, err := s.parseExpr()
		if err != nil {
			return nil, err
		}
		e.ix, e.depth = ix, ix.depth+1
		return e, s.expect("]", "after the index")
	}
	if it.kind != tokInt {
		return nil, s.errorf(it, "expected an index after %s[, found %s", t.text, it.describe())
	}
	i, err := strconv.Atoi(it.text)
	if err != nil || i > maxSymbolIndex {
		return nil, s.errorf(it, "index %s is too large (the limit is %d)", it.text, maxSymbolIndex)
	}
	e.index = i
	if err := s.next(); err != nil {
		return nil, err
	}
	return e, s.expect("]", "after the index")
}

// exprError is an evaluation error at node e; the caller adds the file name.
func (e *expr) errorf(format string, args ...any) *ParseError {
	return &ParseError{Line: e.line, Column: e.col, Msg: fmt.Sprintf(format, args...)}
}

// notAffine explains why an operation on a symbolic operand is refused.
const notAffine = "is not affine (an angle must be a constant plus a weighted sum of the symbols θ[i] and x[j])"

// eval computes the affine value of e, asking r for every identifier.
func (e *expr) eval(r resolver) (Param, error) {
	switch e.op {
	case opNum:
		return Const(e.val), nil
	case opIdent:
		index := e.index
		if e.ix != nil {
			i, err := e.ix.evalIndex(r)
			if err != nil {
				return Param{}, err
			}
			index = i
		}
		p, err := r(e.name, index)
		if err != nil {
			return Param{}, e.errorf("%v", err)
		}
		return p, nil
	}
	a, err := e.a.eval(r)
	if err != nil {
		return Param{}, err
	}
	var b Param
	if e.b != nil {
		if b, err = e.b.eval(r); err != nil {
			return Param{}, err
		}
	}
	var v Param
	switch e.op {
	case opNeg:
		v = a.Scale(-1)
	case opAdd:
		v = a.Add(b)
	case opSub:
		v = a.Add(b.Scale(-1))
	case opMul:
		switch {
		case a.IsConst():
			v = b.Scale(a.Const)
		case b.IsConst():
			v = a.Scale(b.Const)
		default:
			return Param{}, e.errorf("a product of two expressions with symbols %s", notAffine)
		}
	case opDiv:
		if !b.IsConst() {
			return Param{}, e.errorf("division by an expression with symbols %s", notAffine)
		}
		if b.Const == 0 {
			return Param{}, e.errorf("division by zero")
		}
		v = a.Scale(1 / b.Const)
	case opPow:
		if !a.IsConst() || !b.IsConst() {
			return Param{}, e.errorf("a power of an expression with symbols %s", notAffine)
		}
		v = Const(math.Pow(a.Const, b.Const))
	case opCall:
		if !a.IsConst() {
			return Param{}, e.errorf("%s of an expression with symbols %s", e.name, notAffine)
		}
		v = Const(functions[e.name](a.Const))
	}
	if !finite(v) {
		return Param{}, e.errorf("the value is not a finite number")
	}
	return v, nil
}

// finite reports whether every number in p is finite.
func finite(p Param) bool {
	if math.IsNaN(p.Const) || math.IsInf(p.Const, 0) {
		return false
	}
	for _, t := range p.Terms {
		if math.IsNaN(t.Coef) || math.IsInf(t.Coef, 0) {
			return false
		}
	}
	return true
}

// walkIdents calls f on every identifier of e, stopping at the first error.
func (e *expr) walkIdents(f func(*expr) error) error {
	if e == nil {
		return nil
	}
	if e.op == opIdent {
		if err := e.ix.walkIdents(f); err != nil {
			return err
		}
		return f(e)
	}
	if err := e.a.walkIdents(f); err != nil {
		return err
	}
	return e.b.walkIdents(f)
}

// symbol resolves ParseParam's identifiers: θ[i], theta[i] and w[i] are the
// trainable weight i, x[j] the data input j.
func symbol(name string, index int) (Param, error) {
	var p func(int) Param
	switch name {
	case "θ", "theta", "w":
		p = Weight
	case "x":
		p = Input
	default:
		return Param{}, fmt.Errorf("unknown name %q: expected pi, θ[i], theta[i], w[i] or x[i]", name)
	}
	if index < 0 {
		return Param{}, fmt.Errorf("%s needs an index: expected %s[i]", name, name)
	}
	return p(index), nil
}

// ParseParam reads an angle expression into an affine Param. It accepts
// numbers (2, 1.5e-3, .5), pi, the weights θ[i] (also theta[i] or w[i]) and
// the inputs x[j], + - * / ^, unary minus, parentheses and the functions sin,
// cos, tan, asin, acos, atan, exp, ln and sqrt. Constant parts fold to
// numbers: "sin(pi/4)*x[0] + θ[1]/2" is 0.7071067811865476·x[0] + 0.5·θ[1].
// A non-affine use of a symbol (x[0]*x[1], sin(θ[0]), 1/x[0], x[0]^2) is an
// error, because an angle must be affine for the chain rule of the gradient
// to be a coefficient. ParseParam reads what Param.String writes.
//
// An error is a *ParseError with Line 1, the column and what was expected.
func ParseParam(s string) (Param, error) {
	sc, err := newScanner("", s)
	if err != nil {
		return Param{}, err
	}
	e, err := sc.parseExpr()
	if err != nil {
		return Param{}, err
	}
	if sc.tok.kind != tokEOF {
		return Param{}, sc.errorf(sc.tok, "expected an operator or the end of the expression, found %s", sc.tok.describe())
	}
	p, err := e.eval(symbol)
	if err != nil {
		return Param{}, err
	}
	return p, nil
}
