package control

// PWL is a piecewise-linear envelope through N+1 equally spaced nodes
// a_0 … a_N at s = k/N, zero outside [0, 1]. Continuous when a_0 = a_N = 0,
// so its start and duration derivatives are those of a smooth pulse almost
// everywhere.
type PWL struct{ N int }

// Kind implements Envelope.
func (PWL) Kind() string { return "pwl" }

// NumParams implements Envelope: N+1 nodes.
func (e PWL) NumParams() int { return e.N + 1 }

// ParamNames implements Envelope: a0 … aN.
func (e PWL) ParamNames() []string { return indexedNames("a", e.N+1) }

// AmplitudeParams implements Envelope: all nodes.
func (e PWL) AmplitudeParams() []int { return allIndices(e.N + 1) }

// Defaults implements Envelope: zeros.
func (e PWL) Defaults() []float64 { return make([]float64, e.N+1) }

// Eval implements Envelope: Ω = (1−f)·a_k + f·a_{k+1} with sN = k + f,
// ∂Ω/∂s = N·(a_{k+1} − a_k).
func (e PWL) Eval(p []float64, s, _ float64, dp []complex128) Value {
	if s < 0 || s > 1 {
		return Value{}
	}
	x := s * float64(e.N)
	k := min(int(x), e.N-1)
	f := x - float64(k)
	dp[k], dp[k+1] = complex(1-f, 0), complex(f, 0)
	return Value{
		V:  complex((1-f)*p[k]+f*p[k+1], 0),
		DS: complex(float64(e.N)*(p[k+1]-p[k]), 0),
		Lo: k, Hi: k + 2,
	}
}
