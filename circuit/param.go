package circuit

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// SymbolKind says which run-time vector a symbol reads: trainable weights or
// data inputs.
type SymbolKind uint8

const (
	// WeightSymbol is a trainable weight θ[i].
	WeightSymbol SymbolKind = iota
	// InputSymbol is a data input x[j].
	InputSymbol
)

// SymbolTerm is one coefficient·symbol summand of a Param.
type SymbolTerm struct {
	Kind  SymbolKind
	Index int
	Coef  float64
}

// Param is a gate angle: an affine combination Const + Σ Coef·symbol of
// trainable weights θ[i] and data inputs x[j]. Affine is enough for every
// encoder and ansatz in the literature and keeps the chain rule exact: the
// derivative of an angle with respect to a symbol is its coefficient.
//
// The zero value is the constant 0. Params are values; the methods return new
// ones and never modify their receiver's terms.
type Param struct {
	Const float64
	Terms []SymbolTerm
}

// Const returns the constant angle v.
func Const(v float64) Param { return Param{Const: v} }

// Weight returns the trainable weight θ[i].
func Weight(i int) Param { return Param{Terms: []SymbolTerm{{Kind: WeightSymbol, Index: i, Coef: 1}}} }

// Input returns the data input x[j].
func Input(j int) Param { return Param{Terms: []SymbolTerm{{Kind: InputSymbol, Index: j, Coef: 1}}} }

// Scale returns a·p.
func (p Param) Scale(a float64) Param {
	out := Param{Const: a * p.Const}
	for _, t := range p.Terms {
		out.Terms = append(out.Terms, SymbolTerm{t.Kind, t.Index, a * t.Coef})
	}
	return out.normalize()
}

// Add returns p + q.
func (p Param) Add(q Param) Param {
	out := Param{Const: p.Const + q.Const}
	out.Terms = append(append(out.Terms, p.Terms...), q.Terms...)
	return out.normalize()
}

// Offset returns p + v.
func (p Param) Offset(v float64) Param { return p.Add(Const(v)) }

// normalize merges repeated symbols, drops zero coefficients and sorts terms
// (weights before inputs, by index) so that equal expressions compare equal.
func (p Param) normalize() Param {
	if len(p.Terms) == 0 {
		p.Terms = nil
		return p
	}
	// Sort a copy: p.Terms may share its array with the caller's Param.
	p.Terms = append([]SymbolTerm(nil), p.Terms...)
	sort.SliceStable(p.Terms, func(a, b int) bool {
		ta, tb := p.Terms[a], p.Terms[b]
		if ta.Kind != tb.Kind {
			return ta.Kind < tb.Kind
		}
		return ta.Index < tb.Index
	})
	out := p.Terms[:0:0]
	for _, t := range p.Terms {
		if n := len(out); n > 0 && out[n-1].Kind == t.Kind && out[n-1].Index == t.Index {
			out[n-1].Coef += t.Coef
			continue
		}
		out = append(out, t)
	}
	kept := out[:0]
	for _, t := range out {
		if t.Coef != 0 {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		kept = nil
	}
	p.Terms = kept
	return p
}

// IsConst reports whether p has no symbols.
func (p Param) IsConst() bool { return len(p.Terms) == 0 }

// Equal reports whether p and q are the same expression (after
// normalisation), comparing numbers within tol.
func (p Param) Equal(q Param, tol float64) bool {
	p, q = p.normalize(), q.normalize()
	if math.Abs(p.Const-q.Const) > tol || len(p.Terms) != len(q.Terms) {
		return false
	}
	for i := range p.Terms {
		a, b := p.Terms[i], q.Terms[i]
		if a.Kind != b.Kind || a.Index != b.Index || math.Abs(a.Coef-b.Coef) > tol {
			return false
		}
	}
	return true
}

// Binding holds the run-time values of the symbols: Weights[i] is θ[i] and
// Inputs[j] is x[j].
type Binding struct {
	Weights []float64
	Inputs  []float64
}

// Value evaluates p under b. The caller guarantees that every symbol is in
// range (Circuit.CheckBinding does); an index out of range panics.
func (p Param) Value(b Binding) float64 {
	v := p.Const
	for _, t := range p.Terms {
		if t.Kind == WeightSymbol {
			v += t.Coef * b.Weights[t.Index]
		} else {
			v += t.Coef * b.Inputs[t.Index]
		}
	}
	return v
}

// String writes p in the syntax ParseParam reads, e.g. "2*x[0] + θ[3] - 1.5707963267948966".
func (p Param) String() string {
	var sb strings.Builder
	for _, t := range p.Terms {
		name := fmt.Sprintf("θ[%d]", t.Index)
		if t.Kind == InputSymbol {
			name = fmt.Sprintf("x[%d]", t.Index)
		}
		c := t.Coef
		switch {
		case sb.Len() == 0 && c < 0:
			sb.WriteString("-")
			c = -c
		case sb.Len() > 0 && c < 0:
			sb.WriteString(" - ")
			c = -c
		case sb.Len() > 0:
			sb.WriteString(" + ")
		}
		if c != 1 {
			sb.WriteString(strconv.FormatFloat(c, 'g', -1, 64) + "*")
		}
		sb.WriteString(name)
	}
	switch {
	case sb.Len() == 0:
		return strconv.FormatFloat(p.Const, 'g', -1, 64)
	case p.Const > 0:
		sb.WriteString(" + " + strconv.FormatFloat(p.Const, 'g', -1, 64))
	case p.Const < 0:
		sb.WriteString(" - " + strconv.FormatFloat(-p.Const, 'g', -1, 64))
	}
	return sb.String()
}
