package control

import (
	"math"
	"math/cmplx"
	"testing"
)

// TestPulseDerivatives compares ∂c/∂(every local parameter) of a carrier-
// modulated pulse, point values and slice means, with finite differences.
func TestPulseDerivatives(t *testing.T) {
	const h = 1e-6
	for _, c := range shapeCases() {
		p := &Pulse{Name: "p", Envelope: c.env, Params: c.p, Carrier: 2.1, Phase: 0.4, Start: 0.3, Duration: 1.7}
		x := p.Local()
		d := make([]complex128, len(x))
		scratch := make([]complex128, len(x))
		avg, _ := c.env.(Averager)
		for _, tm := range []float64{0.41, 0.97, 1.62} {
			value := func(x []float64) complex128 {
				if avg != nil {
					v, _, _ := pulseMean(c.env, avg, x, tm-0.05, tm+0.05, 0.2, scratch)
					return v
				}
				return pulseAt(c.env, x, tm, 0.2, scratch)
			}
			clear(d)
			var v complex128
			var lo, hi int
			if avg != nil {
				v, lo, hi = pulseMean(c.env, avg, x, tm-0.05, tm+0.05, 0.2, d)
			} else {
				v, lo, hi = pulseGrad(c.env, x, tm, 0.2, d)
			}
			if cmplx.Abs(v-value(x)) > 1e-15 {
				t.Errorf("%s: value %v vs %v", c.env.Kind(), v, value(x))
			}
			for i := range x {
				xp := append([]float64(nil), x...)
				xp[i] += h
				fp := value(xp)
				xp[i] -= 2 * h
				fd := (fp - value(xp)) / (2 * h)
				got := d[i]
				if i < c.env.NumParams() && (i < lo || i >= hi) {
					got = 0
				}
				if cmplx.Abs(got-fd) > 1e-7*math.Max(1, cmplx.Abs(fd)) {
					t.Errorf("%s at t=%v: ∂c/∂%s = %v, finite difference %v", c.env.Kind(), tm, p.LocalNames()[i], got, fd)
				}
			}
		}
	}
}

func TestPulseValidate(t *testing.T) {
	good := NewPulse("p", PWC{N: 2}, 0, 1)
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := []*Pulse{
		{Name: "no envelope", Duration: 1},
		{Name: "params", Envelope: PWC{N: 2}, Params: []float64{1}, Duration: 1},
		{Name: "duration", Envelope: PWC{N: 1}, Params: []float64{1}},
		{Name: "nan", Envelope: PWC{N: 1}, Params: []float64{math.NaN()}, Duration: 1},
		{Name: "train", Envelope: PWC{N: 1}, Params: []float64{1}, Duration: 1, Train: []bool{true}},
		{Name: "bound", Envelope: PWC{N: 1}, Params: []float64{1}, Duration: 1, Bounds: []Bound{{1, -1}, {}, {}, {}, {}}},
	}
	for _, p := range bad {
		if err := p.Validate(); err == nil {
			t.Errorf("%s: accepted", p.Name)
		}
	}
}
