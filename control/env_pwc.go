package control

import "math"

// PWC is a piecewise-constant envelope of N equal segments,
// Ω(s) = a_⌊sN⌋ for s ∈ [0, 1) and 0 outside: the classic GRAPE control
// (one amplitude per time slice when N equals the number of slices).
//
// Its pointwise derivative in s is zero; through Average the midpoint rule
// sees the exact slice mean, whose derivatives with respect to the slice
// ends — and so to the pulse's start and duration — are the jumps of Ω.
type PWC struct{ N int }

// Kind implements Envelope.
func (PWC) Kind() string { return "pwc" }

// NumParams implements Envelope.
func (e PWC) NumParams() int { return e.N }

// ParamNames implements Envelope: a0, a1, ….
func (e PWC) ParamNames() []string { return indexedNames("a", e.N) }

// AmplitudeParams implements Envelope: all of them.
func (e PWC) AmplitudeParams() []int { return allIndices(e.N) }

// Defaults implements Envelope: zeros.
func (e PWC) Defaults() []float64 { return make([]float64, e.N) }

// Eval implements Envelope.
func (e PWC) Eval(p []float64, s, _ float64, dp []complex128) Value {
	if s < 0 || s >= 1 {
		return Value{}
	}
	k := min(int(s*float64(e.N)), e.N-1)
	dp[k] = 1
	return Value{V: complex(p[k], 0), Lo: k, Hi: k + 1}
}

// left returns Ω(s⁻), right Ω(s⁺).
func (e PWC) left(p []float64, s float64) float64 {
	if s <= 0 || s > 1 {
		return 0
	}
	return p[min(max(int(math.Ceil(s*float64(e.N)))-1, 0), e.N-1)]
}

func (e PWC) right(p []float64, s float64) float64 {
	if s < 0 || s >= 1 {
		return 0
	}
	return p[min(int(s*float64(e.N)), e.N-1)]
}

// Average implements Averager: the overlap-weighted mean of the segments
// [s0, s1] covers, with ∂/∂s1 = (Ω(s1⁻) − mean)/(s1 − s0) and
// ∂/∂s0 = (mean − Ω(s0⁺))/(s1 − s0).
func (e PWC) Average(p []float64, s0, s1 float64, dp []complex128) Mean {
	length := s1 - s0
	lo, hi := math.Max(s0, 0), math.Min(s1, 1)
	if !(length > 0) || hi <= lo {
		return Mean{}
	}
	n := float64(e.N)
	k0 := min(int(lo*n), e.N-1)
	k1 := min(int(math.Ceil(hi*n)), e.N)
	mean := 0.0
	for k := k0; k < k1; k++ {
		a, b := math.Max(lo, float64(k)/n), math.Min(hi, float64(k+1)/n)
		w := math.Max(b-a, 0) / length
		dp[k] = complex(w, 0)
		mean += w * p[k]
	}
	return Mean{
		V:   complex(mean, 0),
		DS0: complex((mean-e.right(p, s0))/length, 0),
		DS1: complex((e.left(p, s1)-mean)/length, 0),
		Lo:  k0, Hi: max(k1, k0),
	}
}
