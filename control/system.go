package control

import (
	"fmt"

	"github.com/qmlgo/qml/linalg"
)

// ChannelKind says how a channel's complex signal c(t) enters H(t).
type ChannelKind int

const (
	// Real adds Re c(t)·Op, Op Hermitian: a lab-frame drive
	// u(t) = Re[Ω e^{i(ωt+φ)}], or a baseband control when ω = φ = 0.
	Real ChannelKind = iota
	// Complex adds c(t)·Op + c(t)*·Op†, Op any operator (typically a
	// lowering operator): the rotating-wave form of a drive, equal to
	// Re c·(Op + Op†) + Im c·i(Op − Op†).
	Complex
)

// Drive attaches a pulse to a channel. Offset is added to the pulse's
// carrier in this channel only and is not trained: it is how one physical
// pulse appears in several frames (the counter-rotating term of a drive in a
// rotating frame without the RWA has the carrier ω + ω_frame).
type Drive struct {
	Pulse  *Pulse
	Offset float64
}

// Channel is one control term of H(t): an operator and the pulses whose sum
// c(t) = Σ Ω_p e^{i((ω_p+δ_p)t+φ_p)} multiplies it.
type Channel struct {
	Name   string
	Kind   ChannelKind
	Op     *linalg.Matrix
	Drives []Drive
}

// Add attaches pulses with no frame offset and returns the channel.
func (c *Channel) Add(ps ...*Pulse) *Channel {
	for _, p := range ps {
		c.Drives = append(c.Drives, Drive{Pulse: p})
	}
	return c
}

// System is H(t) = H0 + Σ_k (channel k's term) on a d-level space, with
// optional Lindblad collapse operators (then the state is a density matrix
// and propagation runs in Liouville space).
type System struct {
	// Levels are the level counts of the modes, mode 0 least significant;
	// nil means one mode of Drift's size.
	Levels   []int
	Drift    *linalg.Matrix
	Channels []*Channel
	Collapse []*linalg.Matrix
}

// Dim is the Hilbert-space dimension d.
func (s *System) Dim() int {
	if s.Drift == nil {
		return Dim(s.Levels)
	}
	return s.Drift.Rows
}

// Open reports whether the system has collapse operators.
func (s *System) Open() bool { return len(s.Collapse) > 0 }

// ModeLevels returns Levels, or one mode of size Dim when Levels is nil.
func (s *System) ModeLevels() []int {
	if s.Levels == nil {
		return []int{s.Dim()}
	}
	return s.Levels
}

// Channel returns the channel called name, or nil.
func (s *System) Channel(name string) *Channel {
	for _, c := range s.Channels {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Pulses returns every distinct pulse of the system, in channel order.
func (s *System) Pulses() []*Pulse {
	var out []*Pulse
	seen := map[*Pulse]bool{}
	for _, c := range s.Channels {
		for _, d := range c.Drives {
			if !seen[d.Pulse] {
				seen[d.Pulse] = true
				out = append(out, d.Pulse)
			}
		}
	}
	return out
}

// Validate checks shapes, Hermiticity and the pulses.
func (s *System) Validate() error {
	if s.Drift == nil {
		return fmt.Errorf("control: system has no drift Hamiltonian (use a zero matrix)")
	}
	d := s.Drift.Rows
	if s.Levels != nil && Dim(s.Levels) != d {
		return fmt.Errorf("control: levels %v give dimension %d, drift is %d×%d", s.Levels, Dim(s.Levels), d, d)
	}
	if err := checkFinite("drift", s.Drift); err != nil {
		return err
	}
	if !isHermitian(s.Drift, 1e-10) {
		return fmt.Errorf("control: drift Hamiltonian is not Hermitian (%d×%d)", s.Drift.Rows, s.Drift.Cols)
	}
	names := map[string]bool{}
	for i, c := range s.Channels {
		if c == nil || c.Op == nil {
			return fmt.Errorf("control: channel %d has no operator", i)
		}
		if names[c.Name] {
			return fmt.Errorf("control: two channels are called %q", c.Name)
		}
		names[c.Name] = true
		if c.Op.Rows != d || c.Op.Cols != d {
			return fmt.Errorf("control: channel %q: operator is %d×%d, want %d×%d", c.Name, c.Op.Rows, c.Op.Cols, d, d)
		}
		if err := checkFinite("channel "+c.Name, c.Op); err != nil {
			return err
		}
		switch c.Kind {
		case Real:
			if !isHermitian(c.Op, 1e-10) {
				return fmt.Errorf("control: channel %q is Real but its operator is not Hermitian", c.Name)
			}
		case Complex:
		default:
			return fmt.Errorf("control: channel %q has unknown kind %d", c.Name, c.Kind)
		}
		for _, dr := range c.Drives {
			if dr.Pulse == nil {
				return fmt.Errorf("control: channel %q has a nil pulse", c.Name)
			}
			if err := dr.Pulse.Validate(); err != nil {
				return err
			}
		}
	}
	for k, l := range s.Collapse {
		if l == nil || l.Rows != d || l.Cols != d {
			return fmt.Errorf("control: collapse operator %d is not %d×%d", k, d, d)
		}
		if err := checkFinite(fmt.Sprintf("collapse operator %d", k), l); err != nil {
			return err
		}
	}
	return nil
}

// term is one real coefficient of H(t): v(t)·K with v = Re c or Im c of
// channel ch.
type term struct {
	ch int
	im bool
	k  *linalg.Matrix // Hermitian operator
	op sparse         // closed: K; open: −i(K⊗I − I⊗Kᵀ)
}

// terms splits the channels into real coefficients: a Real channel gives
// K = Op; a Complex channel gives K = Op + Op† for Re c and i(Op − Op†)
// for Im c.
func (s *System) terms() []term {
	var out []term
	for ch, c := range s.Channels {
		if c.Kind == Real {
			out = append(out, term{ch: ch, k: c.Op})
			continue
		}
		var dag linalg.Matrix
		dag.ConjTranspose(c.Op)
		re, im := c.Op.Clone(), c.Op.Clone()
		for i := range re.Data {
			re.Data[i] += dag.Data[i]
			im.Data[i] = 1i * (im.Data[i] - dag.Data[i])
		}
		out = append(out, term{ch: ch, k: re}, term{ch: ch, im: true, k: im})
	}
	open := s.Open()
	for i := range out {
		if open {
			out[i].op = toSparse(commutatorSuper(out[i].k))
		} else {
			out[i].op = toSparse(out[i].k)
		}
	}
	return out
}
