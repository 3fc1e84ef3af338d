package control

import "math"

// SigmoidRect is a rectangle with logistic edges at the pulse's start and
// end, Ω(t) = A·[σ((t − t₀)/w) − σ((t − t₀ − τ)/w)] with σ(x) = 1/(1+e^{−x}),
// edge width w in absolute time. Unlike the other shapes it is not cut at
// s ∈ [0, 1): it is smooth everywhere, so the start t₀ and duration τ enter
// it smoothly — the shape to use when they are trained. Parameters: amp A,
// width w.
type SigmoidRect struct{}

// Kind implements Envelope.
func (SigmoidRect) Kind() string { return "sigmoid" }

// NumParams implements Envelope.
func (SigmoidRect) NumParams() int { return 2 }

// ParamNames implements Envelope.
func (SigmoidRect) ParamNames() []string { return []string{"amp", "width"} }

// AmplitudeParams implements Envelope.
func (SigmoidRect) AmplitudeParams() []int { return []int{0} }

// Defaults implements Envelope: A = 0 and w = 1 time unit.
func (SigmoidRect) Defaults() []float64 { return []float64{0, 1} }

// logistic returns σ(x) and σ'(x) = σ(1−σ), stable for large |x|.
func logistic(x float64) (s, ds float64) {
	if x >= 0 {
		e := math.Exp(-x)
		s = 1 / (1 + e)
	} else {
		e := math.Exp(x)
		s = e / (1 + e)
	}
	return s, s * (1 - s)
}

// Eval implements Envelope with a = sτ/w, b = (s−1)τ/w:
// ∂Ω/∂s = A(σ'(a) − σ'(b))τ/w, ∂Ω/∂τ = A(σ'(a)s − σ'(b)(s−1))/w,
// ∂Ω/∂w = −A(σ'(a)a − σ'(b)b)/w.
func (SigmoidRect) Eval(p []float64, s, tau float64, dp []complex128) Value {
	amp, w := p[0], p[1]
	a, b := s*tau/w, (s-1)*tau/w
	sa, da := logistic(a)
	sb, db := logistic(b)
	dp[0] = complex(sa-sb, 0)
	dp[1] = complex(-amp*(da*a-db*b)/w, 0)
	return Value{
		V:    complex(amp*(sa-sb), 0),
		DS:   complex(amp*(da-db)*tau/w, 0),
		DTau: complex(amp*(da*s-db*(s-1))/w, 0),
		Lo:   0, Hi: 2,
	}
}
