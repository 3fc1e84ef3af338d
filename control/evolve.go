package control

import (
	"math/cmplx"

	"github.com/qmlgo/qml/linalg"
)

// Evolution is the propagation at one θ: the states at every slice end and
// the control signals at every sample, for plots and reports.
type Evolution struct {
	Times       []float64        // slice ends t_0 = 0 … t_N = T
	States      []*linalg.Matrix // X(t_n), n = 0…N
	SampleTimes []float64        // control sample times
	Channels    []string         // channel names
	Signals     [][]complex128   // c(t) per channel at SampleTimes
	Cost        float64          // objective + running costs + penalties
	Objective   float64          // the objective term alone
	Metrics     map[string]float64
	open        bool
	dim         int
}

// Evolve propagates at θ and keeps the trajectory.
func (e *Evaluator) Evolve(theta []float64) (*Evolution, error) {
	full, err := e.fullVector(theta)
	if err != nil {
		return nil, err
	}
	ws := e.newWorkspace()
	j, err := e.run(ws, full, e.prob.Objective, nil)
	if err != nil {
		return nil, err
	}
	ev := &Evolution{Cost: j, Objective: ws.objective, Metrics: e.metrics(ws.x[e.n], full), open: e.open, dim: e.sys.Dim()}
	e.trajectory(ws, ev)
	return ev, nil
}

// trajectory copies the states and signals of the last run in ws into ev.
func (e *Evaluator) trajectory(ws *workspace, ev *Evolution) {
	for n := range e.n + 1 {
		ev.Times = append(ev.Times, float64(n)*e.dt)
		ev.States = append(ev.States, ws.x[n].Clone())
	}
	for n := range e.n {
		for q := range e.nodes {
			ev.SampleTimes = append(ev.SampleTimes, e.sampleTime(n, q))
		}
	}
	for ch, c := range e.sys.Channels {
		ev.Channels = append(ev.Channels, c.Name)
		ev.Signals = append(ev.Signals, append([]complex128(nil), ws.c[ch]...))
	}
}

// Populations returns, per slice end, the population of each basis state
// in the evolution of the first initial state (the first column of X: the
// first essential basis state of a gate, the initial state of a state
// transfer); for open systems the diagonal of ρ.
func (ev *Evolution) Populations() [][]float64 {
	out := make([][]float64, len(ev.States))
	d := ev.dim
	for n, x := range ev.States {
		p := make([]float64, d)
		for i := range d {
			if ev.open {
				p[i] = real(x.Data[(i*d+i)*x.Cols])
			} else {
				a := cmplx.Abs(x.Data[i*x.Cols])
				p[i] = a * a
			}
		}
		out[n] = p
	}
	return out
}
