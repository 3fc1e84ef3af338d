package control

import "math"

// Integrator selects how a slice propagator is formed from the controls.
type Integrator int

const (
	// Midpoint holds the controls constant on each slice at their value in
	// the slice's middle (or their exact slice mean, for piecewise-constant
	// envelopes): U_n = exp(−i·Δt·H(t_n + Δt/2)). Exact for
	// piecewise-constant controls on the slice grid, second order
	// otherwise.
	Midpoint Integrator = iota
	// Magnus4 is the fourth-order Magnus integrator with two
	// Gauss–Legendre nodes t_{1,2} = t_n + Δt(½ ∓ √3/6):
	// Ω = (Δt/2)(B₁ + B₂) + (√3Δt²/12)[B₂, B₁], U_n = exp(Ω), with B = −iH
	// (or the Lindblad generator) at the nodes (Blanes, Casas, Oteo & Ros,
	// Phys. Rep. 470, 151 (2009), eq. 253). For smooth (lab-frame) controls.
	Magnus4
)

// String returns midpoint or magnus4.
func (i Integrator) String() string {
	if i == Magnus4 {
		return "magnus4"
	}
	return "midpoint"
}

// nodes returns the sample points of one slice as fractions of Δt, and
// their quadrature weights.
func (i Integrator) nodes() (at, weight []float64) {
	if i == Magnus4 {
		h := math.Sqrt(3) / 6
		return []float64{0.5 - h, 0.5 + h}, []float64{0.5, 0.5}
	}
	return []float64{0.5}, []float64{1}
}

// DefaultStepFactor is the phase, in radians, the fastest carrier may turn
// through in one slice when the slice count is chosen automatically.
const DefaultStepFactor = 0.1

// segments returns how many pieces an envelope's parameters resolve its
// duration into (0 for shapes without a fixed resolution).
func segments(e Envelope) int {
	switch s := e.(type) {
	case PWC:
		return s.N
	case PWL:
		return s.N
	case BSpline:
		return s.N + s.P
	case IQ:
		return segments(s.E)
	case iqAverager:
		return segments(s.E)
	}
	return 0
}

// smoothSlices is the least number of slices per pulse duration of a smooth
// envelope (Gaussian, DRAG, flat-top, sigmoid, Fourier) when the slice
// count is automatic.
const smoothSlices = 64

// autoSlices chooses the slice count for duration T: enough that the
// fastest carrier (|ω + offset|) turns by at most factor radians per slice,
// at least as many slices per pulse duration as the pulse's envelope has
// segments, and smoothSlices per duration of a smooth pulse. When a segmented pulse spans exactly [0, T], the count is
// rounded up to a multiple of its segments, so that every slice lies inside
// one segment and the midpoint rule is exact.
func autoSlices(sys *System, T, factor float64) int {
	n := 1
	align := 1
	for _, c := range sys.Channels {
		for _, d := range c.Drives {
			p := d.Pulse
			if w := math.Abs(p.Carrier + d.Offset); w > 0 {
				n = max(n, int(math.Ceil(T*w/factor)))
			}
			if _, ok := p.Envelope.(Constant); !ok && segments(p.Envelope) == 0 {
				n = max(n, int(math.Ceil(smoothSlices*T/p.Duration-1e-9)))
			}
			if s := segments(p.Envelope); s > 0 {
				n = max(n, int(math.Ceil(float64(s)*T/p.Duration-1e-9)))
				if p.Start == 0 && math.Abs(p.Duration-T) <= 1e-12*T && lcm(align, s) <= 1<<16 {
					align = lcm(align, s)
				}
			}
		}
	}
	if align > 1 {
		n = (n + align - 1) / align * align
	}
	return n
}

func lcm(a, b int) int {
	x, y := a, b
	for y != 0 {
		x, y = y, x%y
	}
	return a / x * b
}
