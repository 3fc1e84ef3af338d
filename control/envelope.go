package control

import (
	"fmt"
	"strings"
)

// Envelope is a pulse shape Ω(s; p) in local time s = (t − start)/duration:
// its value, its derivatives with respect to s, to the duration τ at fixed s
// (for shapes with features fixed in absolute time, such as a ramp of given
// rise time), and to each of its parameters. Most shapes vanish outside
// s ∈ [0, 1). Envelope values are complex so that a shape can carry a
// quadrature part (DRAG, IQ); most are real.
//
// Implementations are immutable and safe for concurrent use; parameter values
// live outside them (Pulse.Params), so one shape serves many pulses.
type Envelope interface {
	// Kind names the shape ("pwc", "gaussian", …).
	Kind() string
	// NumParams is the number of shape parameters.
	NumParams() int
	// ParamNames names the parameters, for reports and run specs.
	ParamNames() []string
	// AmplitudeParams lists the parameters Ω is linear in — the ones
	// amplitude bounds apply to.
	AmplitudeParams() []int
	// Defaults returns a starting parameter vector: zero amplitudes and
	// the shape's usual width, centre or frequencies.
	Defaults() []float64
	// Eval returns Ω(s) and its derivatives; it writes ∂Ω/∂p_i into dp[i]
	// for i in [v.Lo, v.Hi) (the derivative is zero outside that range) and
	// does not touch the rest of dp, which has NumParams elements.
	Eval(p []float64, s, tau float64, dp []complex128) Value
}

// Value is an envelope value and its derivatives.
type Value struct {
	V    complex128 // Ω(s)
	DS   complex128 // ∂Ω/∂s
	DTau complex128 // ∂Ω/∂τ at fixed s (zero for shapes defined in local time)
	// Lo, Hi bound the parameters with a non-zero derivative.
	Lo, Hi int
}

// Averager is implemented by shapes with jumps (piecewise constant), whose
// value at one point says nothing about a slice it covers only in part. The
// midpoint rule then uses the exact mean of Ω over each slice, so that the
// slice values — and the propagator — depend continuously, with an exact
// derivative, on the pulse's start and duration.
type Averager interface {
	// Average returns the mean of Ω over local times [s0, s1] (s0 < s1) and
	// its derivatives with respect to s0 and s1; it writes the parameter
	// derivatives into dp[Lo:Hi] as Eval does.
	Average(p []float64, s0, s1 float64, dp []complex128) Mean
}

// Mean is an envelope mean over an interval and its derivatives.
type Mean struct {
	V        complex128
	DS0, DS1 complex128
	Lo, Hi   int
}

// NewEnvelope returns the shape called kind with n basis functions or
// segments where the shape has them (pwc, pwl, fourier, crab, bspline; the
// B-spline degree is 3) and ignores n otherwise; "iq-<kind>" gives the I/Q
// pair of that shape (NewIQ). It serves run specs; the typed constructors give full control.
func NewEnvelope(kind string, n int) (Envelope, error) {
	needN := func() error {
		if n < 1 {
			return fmt.Errorf("control: envelope %q needs at least 1 segment or basis function, got %d", kind, n)
		}
		return nil
	}
	if inner, ok := strings.CutPrefix(kind, "iq-"); ok {
		e, err := NewEnvelope(inner, n)
		if err != nil {
			return nil, err
		}
		return NewIQ(e), nil
	}
	switch kind {
	case "pwc":
		if err := needN(); err != nil {
			return nil, err
		}
		return PWC{N: n}, nil
	case "pwl":
		if err := needN(); err != nil {
			return nil, err
		}
		return PWL{N: n}, nil
	case "constant":
		return Constant{}, nil
	case "gaussian":
		return Gaussian{}, nil
	case "drag":
		return DRAG{}, nil
	case "flattop":
		return FlatTop{}, nil
	case "sigmoid":
		return SigmoidRect{}, nil
	case "fourier", "crab":
		if err := needN(); err != nil {
			return nil, err
		}
		return Fourier{K: n, Window: kind == "crab"}, nil
	case "bspline":
		if err := needN(); err != nil {
			return nil, err
		}
		return NewBSpline(3, n)
	}
	return nil, fmt.Errorf("control: unknown envelope %q (want constant, pwc, pwl, gaussian, drag, flattop, sigmoid, fourier, crab or bspline)", kind)
}

// indexedNames returns prefix0 … prefix{n−1}.
func indexedNames(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return out
}

// allIndices returns 0 … n−1.
func allIndices(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
