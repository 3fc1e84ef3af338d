package control

import "math"

// Gaussian is A·exp(−(s−μ)²/(2σ²)) on s ∈ [0, 1), zero outside, with
// parameters amp A, center μ and sigma σ in units of the pulse duration (the
// usual σ = duration/4 … /6 keeps the truncation small).
type Gaussian struct{}

// Kind implements Envelope.
func (Gaussian) Kind() string { return "gaussian" }

// NumParams implements Envelope.
func (Gaussian) NumParams() int { return 3 }

// ParamNames implements Envelope.
func (Gaussian) ParamNames() []string { return []string{"amp", "center", "sigma"} }

// AmplitudeParams implements Envelope.
func (Gaussian) AmplitudeParams() []int { return []int{0} }

// Defaults implements Envelope: A = 0, μ = 1/2, σ = 1/6.
func (Gaussian) Defaults() []float64 { return []float64{0, 0.5, 1.0 / 6} }

// gaussianParts returns g = exp(−z²/2) with z = (s−μ)/σ, and its
// derivatives g_s = ∂g/∂s = −g·z/σ and g_ss = g·(z²−1)/σ².
func gaussianParts(s, mu, sigma float64) (z, g, gs, gss float64) {
	z = (s - mu) / sigma
	g = math.Exp(-z * z / 2)
	return z, g, -g * z / sigma, g * (z*z - 1) / (sigma * sigma)
}

// Eval implements Envelope: ∂Ω/∂A = g, ∂Ω/∂μ = −A·g_s, ∂Ω/∂σ = A·g·z²/σ.
func (Gaussian) Eval(p []float64, s, _ float64, dp []complex128) Value {
	if s < 0 || s >= 1 {
		return Value{}
	}
	a, mu, sigma := p[0], p[1], p[2]
	z, g, gs, _ := gaussianParts(s, mu, sigma)
	dp[0] = complex(g, 0)
	dp[1] = complex(-a*gs, 0)
	dp[2] = complex(a*g*z*z/sigma, 0)
	return Value{V: complex(a*g, 0), DS: complex(a*gs, 0), Lo: 0, Hi: 3}
}
