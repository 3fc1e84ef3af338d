package circuit

import (
	"math"
	"strconv"
	"strings"
)

// gateLabel is the text of a gate's box: its display name and its angles,
// "Rx(π/2)", "U3(π,0,1.571)", "Ry(2*x[0]+θ[1])". A controlled gate is
// labelled by its target gate (cx's box says X); an explicit matrix says
// Unitary.
func gateLabel(op *Op) string {
	name := op.Name()
	if op.Gate != nil && op.Gate.Controls > 0 {
		if f, ok := familyOf[name]; ok {
			name = f.base
		} else {
			name = name[op.Gate.Controls:] // cu → u
		}
	}
	label := displayName(name)
	if len(op.Params) == 0 {
		return label
	}
	angles := make([]string, len(op.Params))
	for i, p := range op.Params {
		angles[i] = formatParam(p)
	}
	return label + "(" + strings.Join(angles, ",") + ")"
}

// displayNames are the names drawn for gates whose upper-cased name reads
// badly.
var displayNames = map[string]string{
	"sx": "√X", "sxdg": "√X†", "sdg": "S†", "tdg": "T†", "id": "I", "iswap": "iSwap",
}

// displayName writes a gate name the way diagrams do: H, Rx, √X, S†.
func displayName(name string) string {
	if d, ok := displayNames[name]; ok {
		return d
	}
	if name == "" {
		return "?"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// formatParam writes an angle for a diagram: constants by formatAngle,
// symbols as θ[i] and x[j] with their coefficients, "2*x[0]+θ[1]-π/2".
func formatParam(p Param) string {
	var sb strings.Builder
	for _, t := range p.Terms {
		name := "θ[" + strconv.Itoa(t.Index) + "]"
		if t.Kind == InputSymbol {
			name = "x[" + strconv.Itoa(t.Index) + "]"
		}
		c := t.Coef
		switch {
		case c < 0:
			sb.WriteString("-")
			c = -c
		case sb.Len() > 0:
			sb.WriteString("+")
		}
		if c != 1 {
			sb.WriteString(formatAngle(c) + "*")
		}
		sb.WriteString(name)
	}
	switch {
	case sb.Len() == 0:
		return formatAngle(p.Const)
	case p.Const > 0:
		sb.WriteString("+" + formatAngle(p.Const))
	case p.Const < 0:
		sb.WriteString("-" + formatAngle(-p.Const))
	}
	return sb.String()
}

// formatAngle writes v as a rational multiple of π when it is one with a
// small denominator (π/2, -3π/4, 2π), else rounded to 4 significant digits.
func formatAngle(v float64) string {
	if math.Abs(v) < 1e-12 {
		return "0"
	}
	for _, d := range []int{1, 2, 3, 4, 6, 8, 12, 16} {
		n := v * float64(d) / math.Pi
		r := math.Round(n)
		if r == 0 || math.Abs(n-r) > 1e-9 || math.Abs(r) > 64 {
			continue
		}
		s := "π"
		switch r {
		case 1:
		case -1:
			s = "-π"
		default:
			s = strconv.Itoa(int(r)) + "π"
		}
		if d > 1 {
			s += "/" + strconv.Itoa(d)
		}
		return s
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}
