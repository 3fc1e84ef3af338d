package control

// Constant is Ω = A at all times, with no window: a static term that only
// its carrier makes time-dependent, such as the exchange coupling
// g·a†b·e^{i(ω_a−ω_b)t} of two modes in different rotating frames. Start
// and duration do not affect it. Parameter: amp A.
type Constant struct{}

// Kind implements Envelope.
func (Constant) Kind() string { return "constant" }

// NumParams implements Envelope.
func (Constant) NumParams() int { return 1 }

// ParamNames implements Envelope.
func (Constant) ParamNames() []string { return []string{"amp"} }

// AmplitudeParams implements Envelope.
func (Constant) AmplitudeParams() []int { return []int{0} }

// Defaults implements Envelope: A = 0.
func (Constant) Defaults() []float64 { return []float64{0} }

// Eval implements Envelope.
func (Constant) Eval(p []float64, _, _ float64, dp []complex128) Value {
	dp[0] = 1
	return Value{V: complex(p[0], 0), Lo: 0, Hi: 1}
}
