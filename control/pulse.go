package control

import (
	"fmt"
	"math"
	"math/cmplx"
)

// Quantity names a pulse parameter that every shape has.
type Quantity int

// The shape-independent pulse parameters, in the order they follow the
// envelope parameters in a pulse's local parameter vector.
const (
	Carrier  Quantity = iota // ω, angular frequency (rad per time unit)
	Phase                    // φ, radians
	Start                    // t₀, time units
	Duration                 // τ, time units
	numQuantities
)

var quantityNames = [numQuantities]string{"carrier", "phase", "start", "duration"}

// String returns carrier, phase, start or duration.
func (q Quantity) String() string {
	if q < 0 || q >= numQuantities {
		return fmt.Sprintf("Quantity(%d)", int(q))
	}
	return quantityNames[q]
}

// Bound is an interval [Lo, Hi] a parameter must stay in; the zero value
// (Lo = Hi = 0) means unbounded.
type Bound struct{ Lo, Hi float64 }

// active reports whether b constrains anything.
func (b Bound) active() bool { return b.Lo != 0 || b.Hi != 0 }

// Pulse is one drive c(t) = Ω(s)·e^{i(ωt + φ)}, s = (t − t₀)/τ: an envelope
// with its parameters, and the carrier ω, phase φ, start t₀ and duration τ.
// The carrier phase is referenced to t = 0, not to the pulse start, as an
// oscillator that runs freely and is gated.
//
// A pulse's local parameter vector is Params followed by Carrier, Phase,
// Start and Duration (see Index). Train marks the trainable entries of that
// vector; nil means the envelope parameters train and the other four stay
// fixed. Bounds, when non-nil, has one Bound per local entry.
type Pulse struct {
	Name     string
	Envelope Envelope
	Params   []float64
	Carrier  float64
	Phase    float64
	Start    float64
	Duration float64
	Train    []bool
	Bounds   []Bound
}

// NewPulse returns a pulse of envelope e over [start, start+duration] with
// the envelope's default parameters, carrier and phase zero.
func NewPulse(name string, e Envelope, start, duration float64) *Pulse {
	return &Pulse{Name: name, Envelope: e, Params: e.Defaults(), Start: start, Duration: duration}
}

// NumLocal is the length of the local parameter vector.
func (p *Pulse) NumLocal() int { return p.Envelope.NumParams() + int(numQuantities) }

// Index returns the position of q in the local parameter vector.
func (p *Pulse) Index(q Quantity) int { return p.Envelope.NumParams() + int(q) }

// LocalNames names the local parameters: the envelope's, then carrier,
// phase, start, duration.
func (p *Pulse) LocalNames() []string {
	return append(p.Envelope.ParamNames(), quantityNames[:]...)
}

// Local returns a fresh copy of the local parameter vector.
func (p *Pulse) Local() []float64 {
	return append(append([]float64(nil), p.Params...), p.Carrier, p.Phase, p.Start, p.Duration)
}

// SetLocal copies a local parameter vector into the pulse's fields.
func (p *Pulse) SetLocal(x []float64) {
	n := p.Envelope.NumParams()
	copy(p.Params, x[:n])
	p.Carrier, p.Phase, p.Start, p.Duration = x[n], x[n+1], x[n+2], x[n+3]
}

// SetTrain marks the given quantities trainable (in addition to the
// envelope parameters, which train unless envelope is false).
func (p *Pulse) SetTrain(envelope bool, qs ...Quantity) {
	p.Train = make([]bool, p.NumLocal())
	for i := range p.Envelope.NumParams() {
		p.Train[i] = envelope
	}
	for _, q := range qs {
		p.Train[p.Index(q)] = true
	}
}

// BoundAmplitudes bounds every amplitude parameter of the envelope to
// [−limit, limit].
func (p *Pulse) BoundAmplitudes(limit float64) {
	if p.Bounds == nil {
		p.Bounds = make([]Bound, p.NumLocal())
	}
	for _, i := range p.Envelope.AmplitudeParams() {
		p.Bounds[i] = Bound{-limit, limit}
	}
}

// trainable reports whether local entry i trains.
func (p *Pulse) trainable(i int) bool {
	if p.Train == nil {
		return i < p.Envelope.NumParams()
	}
	return p.Train[i]
}

// bound returns the bound of local entry i.
func (p *Pulse) bound(i int) Bound {
	if p.Bounds == nil {
		return Bound{}
	}
	return p.Bounds[i]
}

// Validate checks the pulse's shape and parameter vectors.
func (p *Pulse) Validate() error {
	switch {
	case p.Envelope == nil:
		return fmt.Errorf("control: pulse %q has no envelope", p.Name)
	case len(p.Params) != p.Envelope.NumParams():
		return fmt.Errorf("control: pulse %q: %d envelope parameters, %s needs %d", p.Name, len(p.Params), p.Envelope.Kind(), p.Envelope.NumParams())
	case p.Train != nil && len(p.Train) != p.NumLocal():
		return fmt.Errorf("control: pulse %q: Train has %d entries, want %d", p.Name, len(p.Train), p.NumLocal())
	case p.Bounds != nil && len(p.Bounds) != p.NumLocal():
		return fmt.Errorf("control: pulse %q: Bounds has %d entries, want %d", p.Name, len(p.Bounds), p.NumLocal())
	}
	for i, v := range p.Local() {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("control: pulse %q: parameter %s is %v", p.Name, p.LocalNames()[i], v)
		}
	}
	if !(p.Duration > 0) {
		return fmt.Errorf("control: pulse %q: duration %v, want > 0", p.Name, p.Duration)
	}
	for i, b := range p.Bounds {
		if b.active() && !(b.Lo < b.Hi) {
			return fmt.Errorf("control: pulse %q: bound of %s is [%v, %v], want Lo < Hi", p.Name, p.LocalNames()[i], b.Lo, b.Hi)
		}
	}
	return nil
}

// pulseAt returns c(t) of a pulse with local parameters x and a frame offset
// delta added to its carrier.
func pulseAt(e Envelope, x []float64, t, delta float64, dp []complex128) complex128 {
	n := e.NumParams()
	tau := x[n+int(Duration)]
	v := e.Eval(x[:n], (t-x[n+int(Start)])/tau, tau, dp)
	if v.V == 0 {
		return 0
	}
	return v.V * carrierPhase(x, n, t, delta)
}

// carrierPhase returns e^{i((ω+δ)t + φ)}.
func carrierPhase(x []float64, n int, t, delta float64) complex128 {
	return cmplx.Exp(complex(0, (x[n+int(Carrier)]+delta)*t+x[n+int(Phase)]))
}

// pulseGrad returns c(t) and writes ∂c/∂x into d: the envelope entries in
// the returned range [lo, hi) and the four quantities, always. With
// E = e^{i((ω+δ)t+φ)}: ∂c/∂p = ∂Ω/∂p·E, ∂c/∂ω = i t c, ∂c/∂φ = i c,
// ∂c/∂t₀ = −∂Ω/∂s·E/τ, ∂c/∂τ = (−∂Ω/∂s·s/τ + ∂Ω/∂τ)·E.
func pulseGrad(e Envelope, x []float64, t, delta float64, d []complex128) (c complex128, lo, hi int) {
	n := e.NumParams()
	tau := x[n+int(Duration)]
	s := (t - x[n+int(Start)]) / tau
	v := e.Eval(x[:n], s, tau, d[:n])
	ph := carrierPhase(x, n, t, delta)
	for k := v.Lo; k < v.Hi; k++ {
		d[k] *= ph
	}
	c = v.V * ph
	d[n+int(Carrier)] = complex(0, t) * c
	d[n+int(Phase)] = 1i * c
	d[n+int(Start)] = -v.DS * ph / complex(tau, 0)
	d[n+int(Duration)] = (-v.DS*complex(s/tau, 0) + v.DTau) * ph
	return c, v.Lo, v.Hi
}

// pulseMean is pulseGrad for the slice [a, b] with the envelope's exact
// mean (Averager) and the carrier at the slice midpoint.
func pulseMean(e Envelope, avg Averager, x []float64, a, b, delta float64, d []complex128) (c complex128, lo, hi int) {
	n := e.NumParams()
	tau, t0 := x[n+int(Duration)], x[n+int(Start)]
	s0, s1 := (a-t0)/tau, (b-t0)/tau
	m := avg.Average(x[:n], s0, s1, d[:n])
	tm := (a + b) / 2
	ph := carrierPhase(x, n, tm, delta)
	for k := m.Lo; k < m.Hi; k++ {
		d[k] *= ph
	}
	c = m.V * ph
	d[n+int(Carrier)] = complex(0, tm) * c
	d[n+int(Phase)] = 1i * c
	d[n+int(Start)] = -(m.DS0 + m.DS1) * ph / complex(tau, 0)
	d[n+int(Duration)] = -(m.DS0*complex(s0, 0) + m.DS1*complex(s1, 0)) * ph / complex(tau, 0)
	return c, m.Lo, m.Hi
}
