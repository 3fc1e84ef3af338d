package control

import (
	"fmt"
	"math"
)

// GradientCheck is the outcome of CheckGradient.
type GradientCheck struct {
	Exact, Numeric []float64
	MaxAbs         float64 // max_i |exact_i − numeric_i|
	MaxRel         float64 // max_i |Δ_i|/max(|exact_i|, |numeric_i|, 1e-12)
	Worst          int     // the i of MaxAbs
}

// CheckGradient compares the exact gradient at θ with central finite
// differences (J(θ + h·e_i) − J(θ − h·e_i))/(2h), whose error is O(h²) plus
// rounding O(ε/h): h ≈ 1e-5 balances them for costs of order 1.
func (e *Evaluator) CheckGradient(theta []float64, h float64) (GradientCheck, error) {
	if !(h > 0) {
		return GradientCheck{}, fmt.Errorf("control: finite-difference step %v, want > 0", h)
	}
	exact := make([]float64, len(theta))
	if _, err := e.Cost(theta, exact); err != nil {
		return GradientCheck{}, err
	}
	num := make([]float64, len(theta))
	x := append([]float64(nil), theta...)
	for i := range x {
		x[i] = theta[i] + h
		fp, err := e.Cost(x, nil)
		if err != nil {
			return GradientCheck{}, err
		}
		x[i] = theta[i] - h
		fm, err := e.Cost(x, nil)
		if err != nil {
			return GradientCheck{}, err
		}
		x[i] = theta[i]
		num[i] = (fp - fm) / (2 * h)
	}
	c := GradientCheck{Exact: exact, Numeric: num}
	for i := range exact {
		d := math.Abs(exact[i] - num[i])
		if d > c.MaxAbs {
			c.MaxAbs, c.Worst = d, i
		}
		c.MaxRel = math.Max(c.MaxRel, d/math.Max(math.Max(math.Abs(exact[i]), math.Abs(num[i])), 1e-12))
	}
	return c, nil
}
