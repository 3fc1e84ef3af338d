package control

// DRAG is the derivative-removal-by-adiabatic-gate pulse of Motzoi,
// Gambetta, Rebentrost & Wilhelm, PRL 103, 110501 (2009): a Gaussian in
// phase and its time derivative in quadrature,
//
//	Ω(t) = A·[g(s) + i·β·dg/dt],   dg/dt = g_s(s)/τ,
//
// which suppresses leakage to the second excited level of a weakly
// anharmonic qubit for β ≈ −1/(2α) (α the anharmonicity, rad per time
// unit). Parameters: amp A, beta β (time units), center μ and sigma σ (in
// units of the duration τ, as Gaussian). Because β multiplies a derivative in
// absolute time, Ω depends on τ explicitly (Value.DTau).
type DRAG struct{}

// Kind implements Envelope.
func (DRAG) Kind() string { return "drag" }

// NumParams implements Envelope.
func (DRAG) NumParams() int { return 4 }

// ParamNames implements Envelope.
func (DRAG) ParamNames() []string { return []string{"amp", "beta", "center", "sigma"} }

// AmplitudeParams implements Envelope.
func (DRAG) AmplitudeParams() []int { return []int{0} }

// Defaults implements Envelope: A = β = 0, μ = 1/2, σ = 1/6.
func (DRAG) Defaults() []float64 { return []float64{0, 0, 0.5, 1.0 / 6} }

// Eval implements Envelope. With g, g_s, g_ss from gaussianParts:
// ∂Ω/∂s = A(g_s + iβ g_ss/τ), ∂Ω/∂τ = −iAβ g_s/τ², ∂Ω/∂β = iA g_s/τ,
// ∂Ω/∂μ = −A(g_s + iβ g_ss/τ), and with ∂g/∂σ = g z²/σ,
// ∂g_s/∂σ = g z(2 − z²)/σ².
func (DRAG) Eval(p []float64, s, tau float64, dp []complex128) Value {
	if s < 0 || s >= 1 {
		return Value{}
	}
	a, beta, mu, sigma := p[0], p[1], p[2], p[3]
	z, g, gs, gss := gaussianParts(s, mu, sigma)
	bt := beta / tau
	unit := complex(g, bt*gs)
	ds := complex(gs, bt*gss)
	dp[0] = unit
	dp[1] = complex(0, a*gs/tau)
	dp[2] = -complex(a, 0) * ds
	dp[3] = complex(a, 0) * complex(g*z*z/sigma, bt*g*z*(2-z*z)/(sigma*sigma))
	return Value{
		V:    complex(a, 0) * unit,
		DS:   complex(a, 0) * ds,
		DTau: complex(0, -a*beta*gs/(tau*tau)),
		Lo:   0, Hi: 4,
	}
}
