package control

import (
	"math"
	"math/rand/v2"
)

// Fourier is a truncated Fourier series on s ∈ [0, 1), zero outside,
//
//	Ω(s) = W(s)·Σ_{k=1..K} [a_k cos(2πν_k s) + b_k sin(2πν_k s)],
//
// with W(s) = sin(πs) when Window is set (so Ω vanishes at both ends) and
// W = 1 otherwise. The frequencies ν_k (cycles per pulse duration) are
// parameters too: ν_k = k gives a plain Fourier basis; randomised
// ν_k = k(1 + r_k) (CRABFrequencies) is the chopped random basis of Caneva,
// Calarco & Montangero, PRA 84, 022326 (2011), which may also be trained
// (as in dCRAB/GOAT). Parameter order: a_1…a_K, b_1…b_K, ν_1…ν_K.
type Fourier struct {
	K      int
	Window bool
}

// Kind implements Envelope: "crab" with the window, "fourier" without.
func (e Fourier) Kind() string {
	if e.Window {
		return "crab"
	}
	return "fourier"
}

// NumParams implements Envelope: 3K.
func (e Fourier) NumParams() int { return 3 * e.K }

// ParamNames implements Envelope: a1…, b1…, nu1….
func (e Fourier) ParamNames() []string {
	out := make([]string, 0, 3*e.K)
	for _, pre := range []string{"a", "b", "nu"} {
		for k := 1; k <= e.K; k++ {
			out = append(out, pre+itoa(k))
		}
	}
	return out
}

// AmplitudeParams implements Envelope: the a_k and b_k.
func (e Fourier) AmplitudeParams() []int { return allIndices(2 * e.K) }

// Defaults implements Envelope: zero coefficients, ν_k = k.
func (e Fourier) Defaults() []float64 {
	p := make([]float64, 3*e.K)
	for k := range e.K {
		p[2*e.K+k] = float64(k + 1)
	}
	return p
}

// CRABFrequencies returns ν_k = k·(1 + r_k), r_k uniform in [−½, ½), the
// randomised CRAB frequencies for a Fourier envelope's ν parameters.
func CRABFrequencies(k int, rng *rand.Rand) []float64 {
	nu := make([]float64, k)
	for i := range nu {
		nu[i] = float64(i+1) * (1 + rng.Float64() - 0.5)
	}
	return nu
}

// Eval implements Envelope. With θ_k = 2πν_k s and F the bracket:
// ∂Ω/∂a_k = W cos θ_k, ∂Ω/∂b_k = W sin θ_k,
// ∂Ω/∂ν_k = W·2πs(−a_k sin θ_k + b_k cos θ_k),
// ∂Ω/∂s = W'F + W·Σ 2πν_k(−a_k sin θ_k + b_k cos θ_k).
func (e Fourier) Eval(p []float64, s, _ float64, dp []complex128) Value {
	if s < 0 || s >= 1 {
		return Value{}
	}
	w, dw := 1.0, 0.0
	if e.Window {
		w, dw = math.Sin(math.Pi*s), math.Pi*math.Cos(math.Pi*s)
	}
	K := e.K
	f, fs := 0.0, 0.0
	for k := range K {
		a, b, nu := p[k], p[K+k], p[2*K+k]
		sn, cs := math.Sincos(2 * math.Pi * nu * s)
		f += a*cs + b*sn
		slope := -a*sn + b*cs
		fs += 2 * math.Pi * nu * slope
		dp[k] = complex(w*cs, 0)
		dp[K+k] = complex(w*sn, 0)
		dp[2*K+k] = complex(w*2*math.Pi*s*slope, 0)
	}
	return Value{V: complex(w*f, 0), DS: complex(dw*f+w*fs, 0), Lo: 0, Hi: 3 * K}
}

// itoa formats a small non-negative integer.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
