package control

import "fmt"

// Penalty is a regularising cost on the controls, added to the objective.
type Penalty interface {
	// check validates the penalty against a compiled problem.
	check(e *Evaluator) error
	// add returns the penalty for the sampled signals in ws and, when
	// gfull is non-nil, adds its gradient: with respect to the channel
	// signals into ws.gam, or directly into gfull.
	add(e *Evaluator, ws *workspace, full, gfull []float64) float64
}

// AmplitudePenalty is Weight·∫|c(t)|² dt summed over the named channels
// (all when Channels is nil): the drive energy (Tikhonov regularisation of
// the controls).
type AmplitudePenalty struct {
	Weight   float64
	Channels []string
}

func (p AmplitudePenalty) check(e *Evaluator) error { return checkChannels(e, p.Channels) }

func (p AmplitudePenalty) add(e *Evaluator, ws *workspace, _, gfull []float64) float64 {
	var j float64
	q := len(e.nodes)
	for ch := range e.sys.Channels {
		if !selected(e, p.Channels, ch) {
			continue
		}
		for s, c := range ws.c[ch] {
			w := p.Weight * e.weights[s%q] * e.dt
			j += w * (real(c)*real(c) + imag(c)*imag(c))
			if gfull != nil {
				ws.gam[ch][s] += complex(2*w, 0) * c
			}
		}
	}
	return j
}

// SlewPenalty is Weight·Σ|c(t_{s+1}) − c(t_s)|²/(t_{s+1} − t_s) over
// consecutive samples of the named channels (all when nil): ≈ ∫|dc/dt|² dt,
// it favours smooth pulses an instrument can follow.
type SlewPenalty struct {
	Weight   float64
	Channels []string
}

func (p SlewPenalty) check(e *Evaluator) error { return checkChannels(e, p.Channels) }

func (p SlewPenalty) add(e *Evaluator, ws *workspace, _, gfull []float64) float64 {
	var j float64
	q := len(e.nodes)
	for ch := range e.sys.Channels {
		if !selected(e, p.Channels, ch) {
			continue
		}
		sig := ws.c[ch]
		for s := 0; s+1 < len(sig); s++ {
			h := e.sampleTime((s+1)/q, (s+1)%q) - e.sampleTime(s/q, s%q)
			d := sig[s+1] - sig[s]
			j += p.Weight * (real(d)*real(d) + imag(d)*imag(d)) / h
			if gfull != nil {
				g := complex(2*p.Weight/h, 0) * d
				ws.gam[ch][s+1] += g
				ws.gam[ch][s] -= g
			}
		}
	}
	return j
}

// TimePenalty is Weight·Σ (start + duration) over the pulses whose start or
// duration trains: it pulls trainable pulses to end early (time-optimal
// control).
type TimePenalty struct{ Weight float64 }

func (TimePenalty) check(*Evaluator) error { return nil }

func (p TimePenalty) add(e *Evaluator, _ *workspace, full, gfull []float64) float64 {
	var j float64
	for i, pl := range e.pulses {
		s, d := pl.Index(Start), pl.Index(Duration)
		if !pl.trainable(s) && !pl.trainable(d) {
			continue
		}
		off := e.offset[i]
		j += p.Weight * (full[off+s] + full[off+d])
		if gfull != nil {
			gfull[off+s] += p.Weight
			gfull[off+d] += p.Weight
		}
	}
	return j
}

// checkChannels reports channel names the system lacks.
func checkChannels(e *Evaluator, names []string) error {
	for _, n := range names {
		if e.sys.Channel(n) == nil {
			return fmt.Errorf("control: penalty names unknown channel %q", n)
		}
	}
	return nil
}

// selected reports whether channel ch is among names (all when nil).
func selected(e *Evaluator, names []string, ch int) bool {
	if names == nil {
		return true
	}
	for _, n := range names {
		if e.sys.Channels[ch].Name == n {
			return true
		}
	}
	return false
}
