package control

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/linalg"
)

// Transmon is one anharmonic (Duffing) oscillator mode: frequencies in GHz,
// entering the Hamiltonian as angular frequencies 2π·f (rad/ns, t in ns),
//
//	H_k = 2π·f·n + 2π·(α/2)·n(n − 1),   n = a†a,
//
// truncated to Levels levels, of which the lowest Essential carry the
// computation and the rest are guard levels that catch (and let the
// optimiser penalise) leakage.
type Transmon struct {
	Levels    int
	Essential int     // 0 means all levels
	Freq      float64 // f₀₁ (GHz)
	Anharm    float64 // α = f₁₂ − f₀₁ (GHz), negative for a transmon
}

// Coupling is the exchange interaction 2π·g·(a_i†a_j + a_i a_j†) between
// modes I and J (g in GHz).
type Coupling struct {
	I, J int
	G    float64
}

// Transmons builds coupled transmons driven through a_k + a_k†.
//
// Pulses attached with Drive carry their carrier relative to the mode's
// frame frequency FrameFreq[k] (GHz; nil means every mode's own Freq): a
// carrier of 0 drives at the frame frequency. The same pulses then give:
//
//   - Lab (Lab true): H = Σ H_k + couplings + Σ_k Re[c_k(t)]·(a_k + a_k†)
//     with c_k carrying ω_d = 2π·FrameFreq[k] + carrier, ω_d the physical
//     drive frequency;
//   - rotating frame (Lab false): every mode in the frame rotating at its
//     FrameFreq, H = Σ 2π(f−f_r)n + 2π(α/2)n(n−1), couplings between modes of
//     different frame frequencies oscillating at their difference, and the
//     drive ½(c a + c* a†) with the carrier relative to the frame; without
//     the RWA (RWA false) the counter-rotating ½(c' a† + c'* a),
//     c' = Ω e^{i((ω + 2ω_r)t + φ)}, is kept too.
//
// The drive amplitude Ω is thus the Rabi frequency of the 0↔1 transition
// (rad/ns): a resonant π pulse has ∫Ω dt = π.
type Transmons struct {
	Modes     []Transmon
	Couplings []Coupling
	FrameFreq []float64
	Lab       bool
	RWA       bool
}

// frame returns the frame frequency of mode k in rad/ns.
func (ts *Transmons) frame(k int) float64 {
	if ts.FrameFreq == nil {
		return 2 * math.Pi * ts.Modes[k].Freq
	}
	return 2 * math.Pi * ts.FrameFreq[k]
}

// Levels returns the level count of every mode.
func (ts *Transmons) Levels() []int {
	out := make([]int, len(ts.Modes))
	for k, m := range ts.Modes {
		out[k] = m.Levels
	}
	return out
}

// Build returns the system, with channels "drive<k>" (and "drive<k>.cr"
// for the counter-rotating term in a rotating frame without the RWA) and,
// for couplings between modes of different frame frequencies in a rotating
// frame, a fixed channel "coupling<i>-<j>".
func (ts *Transmons) Build() (*System, error) {
	if len(ts.Modes) == 0 {
		return nil, fmt.Errorf("control: Transmons: no modes")
	}
	if ts.FrameFreq != nil && len(ts.FrameFreq) != len(ts.Modes) {
		return nil, fmt.Errorf("control: Transmons: %d frame frequencies for %d modes", len(ts.FrameFreq), len(ts.Modes))
	}
	levels := ts.Levels()
	for k, m := range ts.Modes {
		if m.Levels < 2 || m.Essential < 0 || m.Essential > m.Levels {
			return nil, fmt.Errorf("control: mode %d: %d levels, %d essential: want ≥ 2 levels and 0 ≤ essential ≤ levels", k, m.Levels, m.Essential)
		}
	}
	d := Dim(levels)
	h0 := &linalg.Matrix{Rows: d, Cols: d, Data: make([]complex128, d*d)}
	sys := &System{Levels: levels, Drift: h0}
	for k, m := range ts.Modes {
		w := 2 * math.Pi * m.Freq
		if !ts.Lab {
			w -= ts.frame(k)
		}
		alpha := 2 * math.Pi * m.Anharm
		hk, err := Embed(Diagonal(func(n int) float64 {
			return w*float64(n) + alpha/2*float64(n*(n-1))
		}, m.Levels), k, levels)
		if err != nil {
			return nil, err
		}
		_ = h0.Add(h0, hk)
	}
	for _, c := range ts.Couplings {
		if c.I < 0 || c.J < 0 || c.I >= len(levels) || c.J >= len(levels) || c.I == c.J {
			return nil, fmt.Errorf("control: coupling between modes %d and %d", c.I, c.J)
		}
		ai, _ := Embed(Destroy(levels[c.I]), c.I, levels)
		aj, _ := Embed(Destroy(levels[c.J]), c.J, levels)
		var aidag, x linalg.Matrix
		aidag.ConjTranspose(ai)
		_ = x.Mul(&aidag, aj) // a_i† a_j
		g := 2 * math.Pi * c.G
		delta := ts.frame(c.I) - ts.frame(c.J)
		if ts.Lab || delta == 0 {
			var xd linalg.Matrix
			xd.ConjTranspose(&x)
			_ = x.Add(&x, &xd)
			x.Scale(complex(g, 0), &x)
			_ = h0.Add(h0, &x)
			continue
		}
		// In the rotating frames a_i†a_j picks up e^{i(ω_i − ω_j)t}.
		p := &Pulse{Name: fmt.Sprintf("coupling%d-%d", c.I, c.J), Envelope: Constant{}, Params: []float64{g}, Carrier: delta, Duration: 1}
		p.SetTrain(false)
		sys.Channels = append(sys.Channels, (&Channel{Name: p.Name, Kind: Complex, Op: &x}).Add(p))
	}
	for k := range ts.Modes {
		a, _ := Embed(Destroy(levels[k]), k, levels)
		name := fmt.Sprintf("drive%d", k)
		if ts.Lab {
			var ad linalg.Matrix
			ad.ConjTranspose(a)
			_ = ad.Add(&ad, a)
			sys.Channels = append(sys.Channels, &Channel{Name: name, Kind: Real, Op: &ad})
			continue
		}
		half := a.Clone()
		half.Scale(0.5, half)
		sys.Channels = append(sys.Channels, &Channel{Name: name, Kind: Complex, Op: half})
		if !ts.RWA {
			var cr linalg.Matrix
			cr.ConjTranspose(half)
			sys.Channels = append(sys.Channels, &Channel{Name: name + ".cr", Kind: Complex, Op: &cr})
		}
	}
	return sys, nil
}

// Drive attaches pulse p to mode k's drive channels of sys (built by
// Build), with the frame offsets that make p's carrier relative to the
// mode's frame frequency.
func (ts *Transmons) Drive(sys *System, k int, p *Pulse) error {
	name := fmt.Sprintf("drive%d", k)
	c := sys.Channel(name)
	if c == nil {
		return fmt.Errorf("control: no drive channel for mode %d", k)
	}
	if ts.Lab {
		c.Drives = append(c.Drives, Drive{Pulse: p, Offset: ts.frame(k)})
		return nil
	}
	c.Add(p)
	if cr := sys.Channel(name + ".cr"); cr != nil {
		cr.Drives = append(cr.Drives, Drive{Pulse: p, Offset: 2 * ts.frame(k)})
	}
	return nil
}

// Essential returns the basis indices whose every mode is below its
// essential level count, in increasing order.
func (ts *Transmons) Essential() []int {
	levels := ts.Levels()
	var out []int
	for n := range Dim(levels) {
		ok, m := true, n
		for k, l := range levels {
			e := ts.Modes[k].Essential
			if e == 0 {
				e = l
			}
			if m%l >= e {
				ok = false
			}
			m /= l
		}
		if ok {
			out = append(out, n)
		}
	}
	return out
}

// Guard returns the basis indices outside Essential.
func (ts *Transmons) Guard() []int {
	ess := map[int]bool{}
	for _, n := range ts.Essential() {
		ess[n] = true
	}
	var out []int
	for n := range Dim(ts.Levels()) {
		if !ess[n] {
			out = append(out, n)
		}
	}
	return out
}

// FrameRotation returns the diagonal R(T) = exp(−i·Σ_k ω_r,k·n_k·T) that
// maps a rotating-frame state to the lab frame at time T: a rotating-frame
// gate U corresponds to the lab-frame target R(T)·U (restricted to the
// given basis states, e.g. Essential).
func (ts *Transmons) FrameRotation(T float64, states []int) *linalg.Matrix {
	levels := ts.Levels()
	m := len(states)
	r := &linalg.Matrix{Rows: m, Cols: m, Data: make([]complex128, m*m)}
	for i, n := range states {
		e, x := 0.0, n
		for k, l := range levels {
			e += ts.frame(k) * float64(x%l)
			x /= l
		}
		s, c := math.Sincos(-e * T)
		r.Data[i*m+i] = complex(c, s)
	}
	return r
}
