package control

import "math"

// FlatTop is A·r(u)·r(τ−u) on u = s·τ ∈ [0, τ], zero outside: a flat pulse
// with sin² ramps r(x) = sin²(πx/(2ρ)) for x < ρ (1 beyond) of rise time ρ
// in absolute time units, so that a longer duration lengthens the flat part
// and keeps the ramps. Parameters: amp A, rise ρ (ρ ≤ 0 gives a rectangle).
type FlatTop struct{}

// Kind implements Envelope.
func (FlatTop) Kind() string { return "flattop" }

// NumParams implements Envelope.
func (FlatTop) NumParams() int { return 2 }

// ParamNames implements Envelope.
func (FlatTop) ParamNames() []string { return []string{"amp", "rise"} }

// AmplitudeParams implements Envelope.
func (FlatTop) AmplitudeParams() []int { return []int{0} }

// Defaults implements Envelope: A = 0 and a rise of 0 (set it in time units).
func (FlatTop) Defaults() []float64 { return []float64{0, 0} }

// ramp returns r(x) = sin²(πx/(2ρ)) for 0 ≤ x < ρ, 1 for x ≥ ρ, with
// dr/dx = (π/(2ρ))·sin(πx/ρ) and dr/dρ = −(πx/(2ρ²))·sin(πx/ρ).
func ramp(x, rho float64) (r, dx, drho float64) {
	if rho <= 0 || x >= rho {
		return 1, 0, 0
	}
	sn := math.Sin(math.Pi * x / (2 * rho))
	s2 := math.Sin(math.Pi * x / rho)
	return sn * sn, math.Pi / (2 * rho) * s2, -math.Pi * x / (2 * rho * rho) * s2
}

// Eval implements Envelope, by the product rule on r(sτ)·r((1−s)τ).
func (FlatTop) Eval(p []float64, s, tau float64, dp []complex128) Value {
	if s < 0 || s > 1 {
		return Value{}
	}
	a, rho := p[0], p[1]
	u, v := s*tau, (1-s)*tau
	ru, du, dru := ramp(u, rho)
	rv, dv, drv := ramp(v, rho)
	dp[0] = complex(ru*rv, 0)
	dp[1] = complex(a*(dru*rv+ru*drv), 0)
	return Value{
		V:    complex(a*ru*rv, 0),
		DS:   complex(a*tau*(du*rv-ru*dv), 0),
		DTau: complex(a*(s*du*rv+(1-s)*ru*dv), 0),
		Lo:   0, Hi: 2,
	}
}
