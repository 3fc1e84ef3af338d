package control

import (
	"fmt"
	"math"
	"math/cmplx"

	"github.com/qmlgo/qml/linalg"
)

// Measure is a gate-fidelity measure, all insensitive to the global phase.
type Measure int

const (
	// TraceAbs is 1 − |Tr(U_t†·U)|/m (QuTiP's "PSU" fidelity error).
	TraceAbs Measure = iota
	// TraceSquared is 1 − |Tr(U_t†·U)|²/m² (Juqbox's trace infidelity).
	TraceSquared
	// AverageGate is 1 − F_avg with F_avg = (Tr(M·M†) + |Tr M|²)/(m(m+1)),
	// M = U_t†·P·U·P on the essential subspace (Pedersen, Møller & Mølmer,
	// Phys. Lett. A 367, 47 (2007)); leakage lowers Tr(M·M†).
	AverageGate
)

// String names the measure.
func (m Measure) String() string {
	switch m {
	case TraceAbs:
		return "trace"
	case TraceSquared:
		return "trace-squared"
	case AverageGate:
		return "average"
	}
	return fmt.Sprintf("Measure(%d)", int(m))
}

// ParseMeasure reads "trace", "trace-squared" or "average".
func ParseMeasure(s string) (Measure, error) {
	for m := TraceAbs; m <= AverageGate; m++ {
		if m.String() == s {
			return m, nil
		}
	}
	return 0, fmt.Errorf("control: unknown fidelity measure %q (want trace, trace-squared or average)", s)
}

// Gate is the objective of a gate U_t on the essential subspace spanned by
// basis states Essential (all d states when nil): the evolution starts from
// those basis states, P·U·P is compared with U_t by Measure, and a leakage
// term Leakage·(1 − ‖P·U·P‖²_F/m) pushes population to stay in the subspace.
type Gate struct {
	target  *linalg.Matrix
	rows    []int
	d       int
	measure Measure
	leak    float64
	x0      *linalg.Matrix
}

// NewGate returns the Gate objective of target (m×m) on the basis states
// essential of a d-level system (nil: all, m = d), with a leakage weight.
func NewGate(target *linalg.Matrix, d int, essential []int, measure Measure, leakage float64) (*Gate, error) {
	if essential == nil {
		essential = allIndices(d)
	}
	m := len(essential)
	if target == nil || target.Rows != m || target.Cols != m {
		return nil, fmt.Errorf("control: gate target must be %d×%d for %d essential states", m, m, m)
	}
	if err := checkFinite("gate target", target); err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	for _, r := range essential {
		if r < 0 || r >= d || seen[r] {
			return nil, fmt.Errorf("control: essential states %v: want distinct indices in [0, %d)", essential, d)
		}
		seen[r] = true
	}
	if measure < TraceAbs || measure > AverageGate {
		return nil, fmt.Errorf("control: unknown measure %d", measure)
	}
	if leakage < 0 {
		return nil, fmt.Errorf("control: leakage weight %v, want ≥ 0", leakage)
	}
	return &Gate{target: target.Clone(), rows: append([]int(nil), essential...), d: d, measure: measure, leak: leakage, x0: columnsOf(d, essential)}, nil
}

// Initial implements Objective: the essential basis states.
func (g *Gate) Initial() *linalg.Matrix { return g.x0 }

// overlap returns g = Tr(U_t†·X_s) and ‖X_s‖²_F, X_s the essential rows.
func (g *Gate) overlap(x *linalg.Matrix) (tr complex128, norm float64) {
	m := len(g.rows)
	for a, r := range g.rows {
		row := x.Data[r*m : (r+1)*m]
		norm += normSq(row)
		for b, v := range row {
			tr += cmplx.Conj(g.target.Data[a*m+b]) * v
		}
	}
	return tr, norm
}

// infidelity returns the measure's value from the overlap and norm.
func (g *Gate) infidelity(tr complex128, norm float64) float64 {
	m := float64(len(g.rows))
	switch g.measure {
	case TraceAbs:
		return 1 - cmplx.Abs(tr)/m
	case TraceSquared:
		a := cmplx.Abs(tr)
		return 1 - a*a/(m*m)
	}
	a := cmplx.Abs(tr)
	return 1 - (norm+a*a)/(m*(m+1))
}

// Cost implements Objective. With g = Tr(U_t†X_s): ∂|g|/∂X_s = (g/|g|)·U_t,
// ∂|g|²/∂X_s = 2g·U_t and ∂‖X_s‖²/∂X_s = 2X_s.
func (g *Gate) Cost(x, grad *linalg.Matrix) float64 {
	tr, norm := g.overlap(x)
	m := float64(len(g.rows))
	j := g.infidelity(tr, norm) + g.leak*(1-norm/m)
	if grad == nil {
		return j
	}
	var ct, cx complex128 // grad = ct·U_t + cx·X_s on the essential rows
	switch g.measure {
	case TraceAbs:
		ph := complex(1, 0)
		if a := cmplx.Abs(tr); a > 0 {
			ph = tr / complex(a, 0)
		}
		ct = -ph / complex(m, 0)
	case TraceSquared:
		ct = -2 * tr / complex(m*m, 0)
	case AverageGate:
		ct = -2 * tr / complex(m*(m+1), 0)
		cx = complex(-2/(m*(m+1)), 0)
	}
	cx += complex(-2*g.leak/m, 0)
	mi := len(g.rows)
	for a, r := range g.rows {
		for b := range mi {
			grad.Data[r*mi+b] += ct*g.target.Data[a*mi+b] + cx*x.Data[r*mi+b]
		}
	}
	return j
}

// Metrics implements Objective: "infidelity" by the measure, "leakage"
// 1 − ‖X_s‖²/m when there are non-essential states, and the other two
// measures as "infidelity_trace", "infidelity_trace_squared",
// "infidelity_average".
func (g *Gate) Metrics(x *linalg.Matrix) map[string]float64 {
	tr, norm := g.overlap(x)
	m := float64(len(g.rows))
	out := map[string]float64{"infidelity": g.infidelity(tr, norm)}
	a := cmplx.Abs(tr)
	out["infidelity_trace"] = 1 - a/m
	out["infidelity_trace_squared"] = 1 - a*a/(m*m)
	out["infidelity_average"] = 1 - (norm+a*a)/(m*(m+1))
	if len(g.rows) < g.d {
		out["leakage"] = math.Max(0, 1-norm/m)
	}
	return out
}
