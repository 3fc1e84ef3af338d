package circuit

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// PauliOp is one single-qubit Pauli factor: P is 'X', 'Y' or 'Z'.
type PauliOp struct {
	Qubit int
	P     byte
}

// X returns the Pauli factor X on qubit q.
func X(q int) PauliOp { return PauliOp{q, 'X'} }

// Y returns the Pauli factor Y on qubit q.
func Y(q int) PauliOp { return PauliOp{q, 'Y'} }

// Z returns the Pauli factor Z on qubit q.
func Z(q int) PauliOp { return PauliOp{q, 'Z'} }

// PauliTerm is Coef times a tensor product of Pauli factors on distinct
// qubits (sorted by qubit); no factors means Coef times the identity.
type PauliTerm struct {
	Coef float64
	Ops  []PauliOp
}

// Term returns coef·∏ops, with the factors sorted by qubit. Products of
// factors on the same qubit are not simplified here: that is an error when
// the term is used (see Observable.Validate).
func Term(coef float64, ops ...PauliOp) PauliTerm {
	t := PauliTerm{Coef: coef, Ops: append([]PauliOp(nil), ops...)}
	sort.SliceStable(t.Ops, func(a, b int) bool { return t.Ops[a].Qubit < t.Ops[b].Qubit })
	return t
}

// Observable is a Hermitian operator written as a real-weighted sum of Pauli
// strings, e.g. 0.5·Z0·Z1 − 1.2·X2 + 0.3.
type Observable struct {
	Terms []PauliTerm
}

// Sum returns the observable Σ terms.
func Sum(terms ...PauliTerm) Observable {
	return Observable{Terms: append([]PauliTerm(nil), terms...)}
}

// Validate checks that every factor names a Pauli on a qubit in [0, n) and
// that no term repeats a qubit.
func (o Observable) Validate(n int) error {
	for i, t := range o.Terms {
		for j, op := range t.Ops {
			if op.P != 'X' && op.P != 'Y' && op.P != 'Z' {
				return fmt.Errorf("observable term %d: %q is not a Pauli", i, op.P)
			}
			if op.Qubit < 0 || op.Qubit >= n {
				return fmt.Errorf("observable term %d: qubit %d out of range [0, %d)", i, op.Qubit, n)
			}
			if j > 0 && t.Ops[j-1].Qubit >= op.Qubit {
				return fmt.Errorf("observable term %d: qubit %d appears twice (or factors unsorted)", i, op.Qubit)
			}
		}
	}
	return nil
}

// NumQubits returns one more than the largest qubit the observable touches.
func (o Observable) NumQubits() int {
	n := 0
	for _, t := range o.Terms {
		for _, op := range t.Ops {
			if op.Qubit+1 > n {
				n = op.Qubit + 1
			}
		}
	}
	return n
}

// String writes o in the syntax ParseObservable reads.
func (o Observable) String() string {
	if len(o.Terms) == 0 {
		return "0"
	}
	var sb strings.Builder
	for i, t := range o.Terms {
		c := t.Coef
		switch {
		case i == 0 && c < 0:
			sb.WriteString("-")
			c = -c
		case i > 0 && c < 0:
			sb.WriteString(" - ")
			c = -c
		case i > 0:
			sb.WriteString(" + ")
		}
		if len(t.Ops) == 0 || c != 1 {
			sb.WriteString(strconv.FormatFloat(c, 'g', -1, 64))
		}
		for j, op := range t.Ops {
			if j > 0 || len(t.Ops) == 0 || c != 1 {
				sb.WriteString("*")
			}
			fmt.Fprintf(&sb, "%c%d", op.P, op.Qubit)
		}
	}
	return sb.String()
}

// ParseObservable reads a weighted Pauli sum. A term is a product, joined by
// '*' or spaces, of numbers and Pauli factors; terms are joined by '+' or
// '-'. A factor is either a letter with a qubit index ("Z0", "X12") or a
// label of letters I, X, Y, Z read right to left, so that its last letter is
// qubit 0 (Qiskit's convention: "IZ" is Z on qubit 0). Examples:
//
//	0.5*Z0*Z1 - 1.2*X2 + 0.3
//	-1.052373245772859*II + 0.39793742484318045*IZ + 0.18093119978423156*XX
//	Z0 Z1
func ParseObservable(s string) (Observable, error) {
	p := obsParser{src: s}
	return p.parse()
}

type obsParser struct {
	src string
	pos int
}

func (p *obsParser) errorf(format string, args ...any) error {
	return fmt.Errorf("observable %q, column %d: %s", p.src, p.pos+1, fmt.Sprintf(format, args...))
}

func (p *obsParser) skipSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *obsParser) parse() (Observable, error) {
	var o Observable
	p.skipSpace()
	if p.pos == len(p.src) {
		return o, p.errorf("empty observable")
	}
	sign := 1.0
	if p.src[p.pos] == '+' || p.src[p.pos] == '-' { // a leading sign
		if p.src[p.pos] == '-' {
			sign = -1
		}
		p.pos++
	}
	for {
		p.skipSpace()
		t, err := p.term()
		if err != nil {
			return o, err
		}
		t.Coef *= sign
		o.Terms = append(o.Terms, t)
		if p.pos == len(p.src) {
			return o, nil
		}
		// term stops only at the end or at a sign.
		sign = 1
		if p.src[p.pos] == '-' {
			sign = -1
		}
		p.pos++
	}
}

// term reads one product of numbers and Pauli factors.
func (p *obsParser) term() (PauliTerm, error) {
	t := PauliTerm{Coef: 1}
	factors := 0
	seen := map[int]bool{}
	for {
		p.skipSpace()
		if p.pos == len(p.src) || p.src[p.pos] == '+' || p.src[p.pos] == '-' {
			if factors == 0 {
				return t, p.errorf("expected a number or a Pauli factor")
			}
			break
		}
		if factors > 0 && p.src[p.pos] == '*' {
			p.pos++
			p.skipSpace()
		}
		if p.pos == len(p.src) {
			return t, p.errorf("expected a factor after '*'")
		}
		ch := rune(p.src[p.pos])
		start := p.pos
		switch {
		case unicode.IsDigit(ch) || ch == '.':
			v, err := p.number()
			if err != nil {
				return t, err
			}
			t.Coef *= v
			if math.IsInf(t.Coef, 0) {
				p.pos = start
				return t, p.errorf("coefficient overflows")
			}
		case strings.ContainsRune("IXYZ", ch):
			ops, err := p.pauli()
			if err != nil {
				return t, err
			}
			for _, op := range ops {
				if seen[op.Qubit] {
					p.pos = start
					return t, p.errorf("qubit %d appears twice in one term", op.Qubit)
				}
				seen[op.Qubit] = true
			}
			t.Ops = append(t.Ops, ops...)
		default:
			return t, p.errorf("expected a number or a Pauli factor (I, X, Y, Z), found %q", ch)
		}
		factors++
	}
	t = Term(t.Coef, t.Ops...)
	return t, nil
}

func (p *obsParser) number() (float64, error) {
	start := p.pos
	for p.pos < len(p.src) {
		ch := p.src[p.pos]
		if (ch >= '0' && ch <= '9') || ch == '.' {
			p.pos++
			continue
		}
		if (ch == 'e' || ch == 'E') && p.pos+1 < len(p.src) {
			p.pos++
			if p.src[p.pos] == '+' || p.src[p.pos] == '-' {
				p.pos++
			}
			continue
		}
		break
	}
	text := p.src[start:p.pos]
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		p.pos = start
		return 0, p.errorf("bad number %q", text)
	}
	return v, nil
}

// pauli reads "Z12" (indexed) or "IXZ" (a label, rightmost letter = qubit 0).
func (p *obsParser) pauli() ([]PauliOp, error) {
	start := p.pos
	for p.pos < len(p.src) && strings.IndexByte("IXYZ", p.src[p.pos]) >= 0 {
		p.pos++
	}
	letters := p.src[start:p.pos]
	digits := p.pos
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
	if p.pos > digits {
		if len(letters) != 1 {
			p.pos = start
			return nil, p.errorf("indexed factor needs one letter, got %q", p.src[start:digits])
		}
		text := p.src[digits:p.pos]
		q, err := strconv.Atoi(text)
		if err != nil || q > 1<<24 {
			p.pos = digits
			return nil, p.errorf("bad qubit index %q", text)
		}
		if letters == "I" {
			return nil, nil
		}
		return []PauliOp{{Qubit: q, P: letters[0]}}, nil
	}
	var ops []PauliOp
	for i := len(letters) - 1; i >= 0; i-- {
		if letters[i] != 'I' {
			ops = append(ops, PauliOp{Qubit: len(letters) - 1 - i, P: letters[i]})
		}
	}
	return ops, nil
}
