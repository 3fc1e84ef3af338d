package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// TanhNet is a scalar-input, scalar-output perceptron with tanh hidden
// layers and a linear output, N(x) = W_L tanh(⋯ tanh(W₁ x̃ + b₁) ⋯) + b_L
// with x̃ = (x − Center)/Scale, whose first and second input derivatives
// are exact: Taylor evaluates (N, N′, N″) in one forward pass that carries
// every activation together with its first two x-derivatives ("Taylor-mode"
// forward differentiation, Griewank & Walther, Evaluating Derivatives,
// 2nd ed., ch. 13), and TaylorGrad back-propagates through that pass to
// the weights. It is the network of the classical PINN.
type TanhNet struct {
	// Sizes are the layer widths from input to output: 1, hidden…, 1.
	Sizes []int
	// Center and Scale map x to the network input x̃ = (x − Center)/Scale.
	Center, Scale float64
	// Theta holds each layer's W (out×in, row-major) then b, layer by layer.
	Theta []float64
}

// NewTanhNet returns a network with the given hidden widths and Xavier
// normal weights (Glorot & Bengio, AISTATS 2010), zero biases, that maps
// [lo, hi] onto x̃ ∈ [−1, 1]. It fails for no hidden layer, a width below
// 1 or an empty interval.
func NewTanhNet(hidden []int, lo, hi float64, rng *rand.Rand) (*TanhNet, error) {
	if len(hidden) == 0 {
		return nil, fmt.Errorf("classical: tanh network needs at least one hidden layer")
	}
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil, fmt.Errorf("classical: interval [%v, %v] is empty or infinite", lo, hi)
	}
	sizes := append(append([]int{1}, hidden...), 1)
	n := 0
	for l := 1; l < len(sizes); l++ {
		if sizes[l] < 1 {
			return nil, fmt.Errorf("classical: hidden width %d, want ≥ 1", sizes[l])
		}
		n += sizes[l] * (sizes[l-1] + 1)
	}
	net := &TanhNet{Sizes: sizes, Center: (lo + hi) / 2, Scale: (hi - lo) / 2, Theta: make([]float64, n)}
	off := 0
	for l := 1; l < len(sizes); l++ {
		in, out := sizes[l-1], sizes[l]
		sd := math.Sqrt(2 / float64(in+out))
		for i := range out * in {
			net.Theta[off+i] = sd * rng.NormFloat64()
		}
		off += out * (in + 1)
	}
	return net, nil
}

// jet is a value and its first two derivatives in x.
type jet struct{ v, d, dd []float64 }

func newJet(n int) jet { return jet{make([]float64, n), make([]float64, n), make([]float64, n)} }

// TaylorTape holds the activations of one Taylor pass, reused between
// calls by one goroutine.
type TaylorTape struct {
	h   []jet // h[l]: input jet of layer l (h[0] is x̃), then the output
	z   []jet // z[l]: pre-activation jet of layer l (z[0] unused)
	bar []jet // adjoints of h[l], the backward pass's buffers
}

// NewTape returns a tape sized for the network.
func (n *TanhNet) NewTape() *TaylorTape {
	t := &TaylorTape{h: make([]jet, len(n.Sizes)), z: make([]jet, len(n.Sizes)), bar: make([]jet, len(n.Sizes))}
	for l, s := range n.Sizes {
		t.h[l], t.z[l], t.bar[l] = newJet(s), newJet(s), newJet(s)
	}
	return t
}

// Taylor returns N(x), N′(x), N″(x) for the weights theta, recording the
// pass on tape for TaylorGrad.
func (n *TanhNet) Taylor(theta []float64, x float64, tape *TaylorTape) (u, du, d2u float64) {
	h := tape.h
	h[0].v[0], h[0].d[0], h[0].dd[0] = (x-n.Center)/n.Scale, 1/n.Scale, 0
	off, last := 0, len(n.Sizes)-1
	for l := 1; l <= last; l++ {
		in, out := n.Sizes[l-1], n.Sizes[l]
		w, b := theta[off:off+out*in], theta[off+out*in:off+out*(in+1)]
		p, q, zj := h[l-1], h[l], tape.z[l]
		for i := range out {
			row := w[i*in : (i+1)*in]
			z, zd, zdd := dot(row, p.v)+b[i], dot(row, p.d), dot(row, p.dd)
			zj.v[i], zj.d[i], zj.dd[i] = z, zd, zdd
			if l == last {
				q.v[i], q.d[i], q.dd[i] = z, zd, zdd
				continue
			}
			t := math.Tanh(z)
			s := 1 - t*t // tanh′
			q.v[i], q.d[i], q.dd[i] = t, s*zd, s*zdd-2*t*s*zd*zd
		}
		off += out * (in + 1)
	}
	return h[last].v[0], h[last].d[0], h[last].dd[0]
}

// TaylorGrad adds to grad the gradient with respect to theta of
// a·N + b·N′ + c·N″ at the point of the last Taylor call on tape (reverse
// mode through the Taylor pass).
func (n *TanhNet) TaylorGrad(theta []float64, tape *TaylorTape, a, b, c float64, grad []float64) {
	last := len(n.Sizes) - 1
	bar := tape.bar[last]
	bar.v[0], bar.d[0], bar.dd[0] = a, b, c
	off := len(theta)
	for l := last; l >= 1; l-- {
		in, out := n.Sizes[l-1], n.Sizes[l]
		off -= out * (in + 1)
		w := theta[off : off+out*in]
		gw, gb := grad[off:off+out*in], grad[off+out*in:off+out*(in+1)]
		p, q, zj := tape.h[l-1], tape.h[l], tape.z[l]
		// zb: adjoints of z, z′, z″ of this layer, written over bar.
		zb := bar
		for i := range out {
			if l == last {
				zb.v[i], zb.d[i], zb.dd[i] = bar.v[i], bar.d[i], bar.dd[i]
				continue
			}
			t := q.v[i]
			s := 1 - t*t
			zd, zdd := zj.d[i], zj.dd[i]
			hb, hbd, hbdd := bar.v[i], bar.d[i], bar.dd[i]
			ds := -2 * t * s // d tanh′/dz
			zb.v[i] = hb*s + hbd*ds*zd + hbdd*((-2*s*s+4*t*t*s)*zd*zd+ds*zdd)
			zb.d[i] = hbd*s + hbdd*2*ds*zd
			zb.dd[i] = hbdd * s
		}
		prev := tape.bar[l-1]
		clear(prev.v)
		clear(prev.d)
		clear(prev.dd)
		for i := range out {
			row := w[i*in : (i+1)*in]
			g := gw[i*in : (i+1)*in]
			axpy(zb.v[i], p.v, g)
			axpy(zb.d[i], p.d, g)
			axpy(zb.dd[i], p.dd, g)
			gb[i] += zb.v[i]
			axpy(zb.v[i], row, prev.v)
			axpy(zb.d[i], row, prev.d)
			axpy(zb.dd[i], row, prev.dd)
		}
		bar = prev
	}
}

// NumParams implements PINNNetwork.
func (n *TanhNet) NumParams() int { return len(n.Theta) }

// Params implements PINNNetwork: the weights themselves, which PINN.Fit
// trains in place.
func (n *TanhNet) Params() []float64 { return n.Theta }

// Jet implements PINNNetwork with one Taylor pass and, when grad is
// non-nil, one reverse pass through it. It is safe for concurrent use.
func (n *TanhNet) Jet(theta []float64, x float64, cot func(u, du, d2u float64) (a, b, c float64), grad []float64) (u, du, d2u float64, err error) {
	tape := n.NewTape()
	u, du, d2u = n.Taylor(theta, x, tape)
	if grad != nil {
		a, b, c := cot(u, du, d2u)
		n.TaylorGrad(theta, tape, a, b, c, grad)
	}
	return u, du, d2u, nil
}
