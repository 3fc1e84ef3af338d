package control

// IQ pairs two copies of an envelope as in-phase and quadrature parts,
// Ω = Ω_E(p_I) + i·Ω_E(p_Q): the two independent baseband signals an
// arbitrary-waveform generator mixes onto one carrier. Parameters: those of
// E for I, then those of E for Q. IQ is an Averager when E is.
type IQ struct{ E Envelope }

// Kind implements Envelope: "iq-" and the inner kind.
func (e IQ) Kind() string { return "iq-" + e.E.Kind() }

// NumParams implements Envelope: twice the inner count.
func (e IQ) NumParams() int { return 2 * e.E.NumParams() }

// ParamNames implements Envelope: i.<name> then q.<name>.
func (e IQ) ParamNames() []string {
	inner := e.E.ParamNames()
	out := make([]string, 0, 2*len(inner))
	for _, pre := range []string{"i.", "q."} {
		for _, n := range inner {
			out = append(out, pre+n)
		}
	}
	return out
}

// AmplitudeParams implements Envelope: the inner ones, in both halves.
func (e IQ) AmplitudeParams() []int {
	inner := e.E.AmplitudeParams()
	n := e.E.NumParams()
	out := append([]int(nil), inner...)
	for _, i := range inner {
		out = append(out, n+i)
	}
	return out
}

// Defaults implements Envelope: the inner defaults twice.
func (e IQ) Defaults() []float64 {
	d := e.E.Defaults()
	return append(d, e.E.Defaults()...)
}

// join merges the I range [li, hi) and the Q range [lq, hq) (offset by n)
// into one, zeroing the entries between them.
func join(dp []complex128, n, li, hi, lq, hq int) (lo, top int) {
	switch {
	case li >= hi && lq >= hq:
		return 0, 0
	case li >= hi:
		return n + lq, n + hq
	case lq >= hq:
		return li, hi
	}
	clear(dp[hi : n+lq])
	return li, n + hq
}

// Eval implements Envelope.
func (e IQ) Eval(p []float64, s, tau float64, dp []complex128) Value {
	n := e.E.NumParams()
	vi := e.E.Eval(p[:n], s, tau, dp[:n])
	vq := e.E.Eval(p[n:], s, tau, dp[n:])
	for k := vq.Lo; k < vq.Hi; k++ {
		dp[n+k] *= 1i
	}
	lo, hi := join(dp, n, vi.Lo, vi.Hi, vq.Lo, vq.Hi)
	return Value{
		V:    vi.V + 1i*vq.V,
		DS:   vi.DS + 1i*vq.DS,
		DTau: vi.DTau + 1i*vq.DTau,
		Lo:   lo, Hi: hi,
	}
}

// averager returns E as an Averager, if it is one.
func (e IQ) averager() (Averager, bool) {
	a, ok := e.E.(Averager)
	return a, ok
}

// iqAverager is IQ of an Averager.
type iqAverager struct{ IQ }

// Average implements Averager.
func (e iqAverager) Average(p []float64, s0, s1 float64, dp []complex128) Mean {
	a, _ := e.averager()
	n := e.E.NumParams()
	mi := a.Average(p[:n], s0, s1, dp[:n])
	mq := a.Average(p[n:], s0, s1, dp[n:])
	for k := mq.Lo; k < mq.Hi; k++ {
		dp[n+k] *= 1i
	}
	lo, hi := join(dp, n, mi.Lo, mi.Hi, mq.Lo, mq.Hi)
	return Mean{V: mi.V + 1i*mq.V, DS0: mi.DS0 + 1i*mq.DS0, DS1: mi.DS1 + 1i*mq.DS1, Lo: lo, Hi: hi}
}

// NewIQ returns the I/Q pair of e: an IQ, which is also an Averager when e is.
func NewIQ(e Envelope) Envelope {
	if _, ok := e.(Averager); ok {
		return iqAverager{IQ{e}}
	}
	return IQ{e}
}
