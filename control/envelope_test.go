package control

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// shapeCases are envelopes with parameters away from kinks, for the
// derivative checks.
func shapeCases() []struct {
	env Envelope
	p   []float64
} {
	bs2, _ := NewBSpline(2, 7)
	bs3, _ := NewBSpline(3, 5)
	return []struct {
		env Envelope
		p   []float64
	}{
		{PWC{N: 5}, []float64{0.3, -1.2, 0.7, 2.0, -0.4}},
		{PWL{N: 4}, []float64{0.1, 0.9, -0.5, 1.3, 0.2}},
		{Gaussian{}, []float64{1.3, 0.45, 0.17}},
		{DRAG{}, []float64{0.9, 0.7, 0.52, 0.2}},
		{FlatTop{}, []float64{1.1, 0.6}},
		{SigmoidRect{}, []float64{0.8, 0.3}},
		{Fourier{K: 3}, []float64{0.5, -0.2, 0.1, 0.3, 0.7, -0.4, 1.1, 2.3, 2.9}},
		{Fourier{K: 2, Window: true}, []float64{0.5, -0.2, 0.3, 0.7, 0.9, 2.2}},
		{bs2, []float64{0.2, -0.5, 1.0, 0.4, -0.3, 0.8, 0.6}},
		{bs3, []float64{1.0, -0.5, 0.7, 0.2, -0.9}},
		{Constant{}, []float64{0.7}},
		{NewIQ(Gaussian{}), []float64{1.3, 0.45, 0.17, -0.6, 0.55, 0.2}},
		{NewIQ(PWC{N: 3}), []float64{0.3, -0.2, 0.5, 1.0, 0.4, -0.7}},
	}
}

// TestEnvelopeDerivatives compares every analytic derivative — parameters,
// local time s and duration τ — with central finite differences.
func TestEnvelopeDerivatives(t *testing.T) {
	const h, tau = 1e-6, 2.3
	for _, c := range shapeCases() {
		n := c.env.NumParams()
		if len(c.p) != n || len(c.env.ParamNames()) != n || len(c.env.Defaults()) != n {
			t.Fatalf("%s: parameter count mismatch", c.env.Kind())
		}
		dp := make([]complex128, n)
		scratch := make([]complex128, n)
		eval := func(p []float64, s, tau float64) complex128 { return c.env.Eval(p, s, tau, scratch).V }
		for _, s := range []float64{0.031, 0.27, 0.4913, 0.733, 0.962} {
			clear(dp)
			v := c.env.Eval(c.p, s, tau, dp)
			if v.V != eval(c.p, s, tau) {
				t.Errorf("%s: Eval not deterministic", c.env.Kind())
			}
			check := func(what string, got, want complex128) {
				if cmplx.Abs(got-want) > 1e-7*math.Max(1, cmplx.Abs(want)) {
					t.Errorf("%s at s=%v: %s = %v, finite difference %v", c.env.Kind(), s, what, got, want)
				}
			}
			check("∂Ω/∂s", v.DS, (eval(c.p, s+h, tau)-eval(c.p, s-h, tau))/(2*h))
			check("∂Ω/∂τ", v.DTau, (eval(c.p, s, tau+h)-eval(c.p, s, tau-h))/(2*h))
			for i := range n {
				pp := append([]float64(nil), c.p...)
				pp[i] += h
				fp := eval(pp, s, tau)
				pp[i] -= 2 * h
				fd := (fp - eval(pp, s, tau)) / (2 * h)
				got := complex128(0)
				if i >= v.Lo && i < v.Hi {
					got = dp[i]
				}
				check("∂Ω/∂"+c.env.ParamNames()[i], got, fd)
			}
		}
	}
}

// TestEnvelopeValues checks closed forms.
func TestEnvelopeValues(t *testing.T) {
	bs3, _ := NewBSpline(3, 4)
	dp := make([]complex128, 16)
	cases := []struct {
		name string
		env  Envelope
		p    []float64
		s    float64
		want complex128
	}{
		{"pwc segment", PWC{N: 4}, []float64{1, 2, 3, 4}, 0.6, 3},
		{"pwc outside", PWC{N: 4}, []float64{1, 2, 3, 4}, 1, 0},
		{"pwl midpoint", PWL{N: 2}, []float64{0, 2, 0}, 0.25, 1},
		{"gaussian peak", Gaussian{}, []float64{1.7, 0.5, 0.2}, 0.5, 1.7},
		{"gaussian 1σ", Gaussian{}, []float64{1, 0.5, 0.2}, 0.7, complex(math.Exp(-0.5), 0)},
		{"drag peak (g' = 0)", DRAG{}, []float64{2, 5, 0.5, 0.2}, 0.5, 2},
		{"flat top", FlatTop{}, []float64{3, 0.2}, 0.5, 3},
		{"flat top half rise", FlatTop{}, []float64{3, 0.4}, 0.2 / 2.3, 1.5},
		{"sigmoid edge", SigmoidRect{}, []float64{2, 1e-3}, 0, 1},
		{"fourier", Fourier{K: 1}, []float64{0, 1, 0.25}, 1, 0},
		{"fourier sine", Fourier{K: 1}, []float64{0, 1, 0.25}, 0.999999999, 1},
		// The cubic B-spline at a knot: 1/6, 4/6, 1/6 of neighbours; with
		// h = 1/7 and s = 3h the bases k = 0, 1, 2 are at 3, 2, 1: 1/6 + 4/6 + 1/6.
		{"cubic B-spline knot", bs3, []float64{1, 1, 1, 0}, 3.0 / 7, 1},
		{"iq", NewIQ(PWC{N: 1}), []float64{0.5, -2}, 0.3, complex(0.5, -2)},
	}
	for _, c := range cases {
		if got := c.env.Eval(c.p, c.s, 2.3, dp).V; cmplx.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: Ω = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPWCAverage compares the exact slice mean and its end derivatives with
// a midpoint-rule integral and finite differences.
func TestPWCAverage(t *testing.T) {
	e := PWC{N: 5}
	p := []float64{0.3, -1.2, 0.7, 2.0, -0.4}
	dp := make([]complex128, 5)
	mean := func(s0, s1 float64) float64 {
		const m = 200000
		sum := 0.0
		for i := range m {
			sum += real(e.Eval(p, s0+(float64(i)+0.5)*(s1-s0)/m, 1, dp).V)
		}
		return sum / m
	}
	for _, iv := range [][2]float64{{0.05, 0.13}, {0.17, 0.55}, {-0.2, 0.1}, {0.9, 1.3}, {0.33, 0.34}} {
		m := e.Average(p, iv[0], iv[1], dp)
		if d := math.Abs(real(m.V) - mean(iv[0], iv[1])); d > 3e-5 {
			t.Errorf("mean over %v: %v, numerical %v", iv, m.V, mean(iv[0], iv[1]))
		}
		const h = 1e-7
		d0 := (real(e.Average(p, iv[0]+h, iv[1], dp).V) - real(e.Average(p, iv[0]-h, iv[1], dp).V)) / (2 * h)
		d1 := (real(e.Average(p, iv[0], iv[1]+h, dp).V) - real(e.Average(p, iv[0], iv[1]-h, dp).V)) / (2 * h)
		if math.Abs(real(m.DS0)-d0) > 1e-6 || math.Abs(real(m.DS1)-d1) > 1e-6 {
			t.Errorf("mean over %v: ∂/∂(s0, s1) = %v, %v; finite differences %v, %v", iv, m.DS0, m.DS1, d0, d1)
		}
	}
}

// TestBSplineBound: |Ω| ≤ max|c| because the basis sums to at most one.
func TestBSplineBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, deg := range []int{0, 1, 2, 3, 5} {
		e, err := NewBSpline(deg, 9)
		if err != nil {
			t.Fatal(err)
		}
		ones := make([]float64, 9)
		for i := range ones {
			ones[i] = 1
		}
		dp := make([]complex128, 9)
		for range 200 {
			s := rng.Float64()
			if v := real(e.Eval(ones, s, 1, dp).V); v > 1+1e-12 || v < 0 {
				t.Fatalf("degree %d: Σ basis(%v) = %v", deg, s, v)
			}
		}
	}
	if _, err := NewBSpline(6, 3); err == nil {
		t.Error("degree 6 accepted")
	}
}

func TestNewEnvelope(t *testing.T) {
	for _, k := range []string{"constant", "pwc", "pwl", "gaussian", "drag", "flattop", "sigmoid", "fourier", "crab", "bspline", "iq-pwc", "iq-bspline"} {
		e, err := NewEnvelope(k, 4)
		if err != nil {
			t.Errorf("%s: %v", k, err)
			continue
		}
		if e.Kind() != k {
			t.Errorf("NewEnvelope(%q).Kind() = %q", k, e.Kind())
		}
	}
	for _, k := range []string{"square", "iq-nope"} {
		if _, err := NewEnvelope(k, 4); err == nil {
			t.Errorf("%q accepted", k)
		}
	}
	if _, err := NewEnvelope("pwc", 0); err == nil {
		t.Error("pwc with 0 segments accepted")
	}
}
