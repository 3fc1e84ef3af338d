package spec

import (
	"fmt"
	"math"
	"path/filepath"
	"time"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/optim"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

func init() { registerModelKind("pinn", func() ModelConfig { return &PINNModel{} }) }

// PINN networks.
const (
	pinnMLP     = "mlp"
	pinnCircuit = "circuit"
	// pinnPlotFile is the plot of u(x) against the exact solution, the
	// residual and the error, written beside model.json.
	pinnPlotFile = "pinn.png"
	// pinnMaxRecords bounds the per-step records of results.json.
	pinnMaxRecords = 500
)

// PINNModel is the model section of kind "pinn": a physics-informed
// network (classical.PINN) that solves the damped oscillator
// m u″ + μ u′ + k u = 0 from its initial conditions, with either a tanh
// MLP (network: mlp, exact input derivatives by forward mode) or a
// differentiable quantum circuit (network: circuit, vqc.PINNCircuit, input
// derivatives by the parameter-shift rule). It takes no data section:
// train.epochs is the number of full-batch Adam steps (train.optimizer
// must be adam; its lr is used), then lbfgs_iters L-BFGS iterations.
// Each epoch record is one Adam step or one L-BFGS evaluation (thinned to
// at most 500 records); final.max_error is max |u − u_exact| on a grid of
// 1001 points.
type PINNModel struct {
	// Network is mlp (default) or circuit.
	Network string `json:"network"`
	// M, Mu and K are the ODE's coefficients (default 1, 0.4, 4).
	M  float64 `json:"m"`
	Mu float64 `json:"mu"`
	K  float64 `json:"k"`
	// Interval is [lo, hi] (default [0, 10]).
	Interval []float64 `json:"interval"`
	// X0 is where the initial conditions hold (default lo); U0 and DU0
	// are u(x0) and u′(x0) (default 1 and 0).
	X0  float64 `json:"x0"`
	U0  float64 `json:"u0"`
	DU0 float64 `json:"du0"`
	// Collocation is the number of equally spaced residual points
	// (default 200 for mlp, 60 for circuit).
	Collocation int `json:"collocation"`
	// Constraint is hard (default: the initial conditions built into u)
	// or soft (a penalty ic_weight·[(u(x0)−u0)² + (u′(x0)−du0)²]).
	Constraint string  `json:"constraint"`
	ICWeight   float64 `json:"ic_weight,omitempty"`
	// Data are optional [x, u] points fitted by the data term.
	Data [][]float64 `json:"data,omitempty"`
	// Hidden are the tanh layer widths of the MLP (default [32, 32]).
	Hidden []int `json:"hidden,omitempty"`
	// Qubits, Layers and FeatureMap set the circuit (default 6 qubits, 4
	// hardware-efficient layers, the tower map; chebyshev is the other).
	Qubits     int    `json:"qubits,omitempty"`
	Layers     int    `json:"layers,omitempty"`
	FeatureMap string `json:"feature_map,omitempty"`
	// LBFGSIters is the number of L-BFGS iterations after Adam (default
	// 1000; 0 skips L-BFGS only when written).
	LBFGSIters int `json:"lbfgs_iters"`
}

func (m *PINNModel) setDefaults(s *Spec) {
	if m.Network == "" {
		m.Network = pinnMLP
	}
	setIfZero(&m.M, 1)
	setIfZero(&m.K, 4)
	if !s.Has("model.mu") {
		m.Mu = 0.4
	}
	if !s.Has("model.u0") {
		m.U0 = 1
	}
	if len(m.Interval) == 0 {
		m.Interval = []float64{0, 10}
	}
	if !s.Has("model.x0") && len(m.Interval) > 0 {
		m.X0 = m.Interval[0]
	}
	if m.Constraint == "" {
		m.Constraint = "hard"
	}
	if m.Constraint == "soft" {
		setIfZero(&m.ICWeight, 10)
	}
	if !s.Has("model.lbfgs_iters") {
		m.LBFGSIters = 1000
	}
	if m.Network == pinnCircuit {
		setIfZero(&m.Collocation, 60)
		setIfZero(&m.Qubits, 6)
		setIfZero(&m.Layers, 4)
		if m.FeatureMap == "" {
			m.FeatureMap = vqc.TowerMap
		}
	} else {
		setIfZero(&m.Collocation, 200)
		if len(m.Hidden) == 0 {
			m.Hidden = []int{32, 32}
		}
	}
}

// oscillator returns the ODE of the section.
func (m *PINNModel) oscillator() classical.Oscillator {
	return classical.Oscillator{M: m.M, Mu: m.Mu, K: m.K, X0: m.X0, U0: m.U0, V0: m.DU0}
}

func (m *PINNModel) check(s *Spec, p *problems) {
	p.oneOf("model.network", m.Network, pinnMLP, pinnCircuit)
	if err := m.oscillator().Validate(); err != nil {
		p.add("model", "%v", err)
	}
	if len(m.Interval) != 2 || !(m.Interval[1] > m.Interval[0]) || math.IsInf(m.Interval[1]-m.Interval[0], 0) {
		p.add("model.interval", "%v, want [lo, hi] with lo < hi", m.Interval)
	} else if m.X0 < m.Interval[0] || m.X0 > m.Interval[1] {
		p.add("model.x0", "%v lies outside the interval %v", m.X0, m.Interval)
	}
	if m.Collocation < 2 || m.Collocation > 100000 {
		p.add("model.collocation", "%d, want 2 to 100000 points", m.Collocation)
	}
	if p.oneOf("model.constraint", m.Constraint, "hard", "soft") && m.Constraint == "soft" && !(m.ICWeight > 0) {
		p.add("model.ic_weight", "%v, want a weight > 0", m.ICWeight)
	}
	for i, d := range m.Data {
		if len(d) != 2 || math.IsNaN(d[0]+d[1]) || math.IsInf(d[0]+d[1], 0) {
			p.add(item("model.data", i), "%v, want a finite [x, u] pair", d)
		}
	}
	for i, h := range m.Hidden {
		if h < 1 || h > 4096 {
			p.add(item("model.hidden", i), "%d, want 1 to 4096 units", h)
		}
	}
	if m.LBFGSIters < 0 {
		p.add("model.lbfgs_iters", "%d, want ≥ 0", m.LBFGSIters)
	}
	if m.Network == pinnCircuit {
		if m.Qubits < 1 || m.Qubits > 10 {
			p.add("model.qubits", "%d, want 1 to 10 (a jet costs ~2n² circuits)", m.Qubits)
		}
		if m.Layers < 1 {
			p.add("model.layers", "%d, want at least 1", m.Layers)
		}
		p.oneOf("model.feature_map", m.FeatureMap, vqc.ChebyshevMap, vqc.TowerMap)
	} else if s.Has("model.qubits") || s.Has("model.layers") || s.Has("model.feature_map") {
		p.add("model.network", "qubits, layers and feature_map set a circuit; write network: circuit")
	}
	if s.Train.Optimizer.Name != "adam" {
		p.add("train.optimizer", "%q; a PINN runs Adam then L-BFGS, want adam", s.Train.Optimizer.Name)
	}
}

func (m *PINNModel) needsData() bool { return false }

func (m *PINNModel) describe() string {
	net := fmt.Sprintf("tanh MLP %v", m.Hidden)
	if m.Network == pinnCircuit {
		net = fmt.Sprintf("%d-qubit circuit, %s map, %s", m.Qubits, m.FeatureMap, plural(m.Layers, "layer"))
	}
	return fmt.Sprintf("%s, oscillator m=%g μ=%g k=%g on %v, %d collocation points, %s initial conditions",
		net, m.M, m.Mu, m.K, m.Interval, m.Collocation, m.Constraint)
}

func (m *PINNModel) build(r *Run) (Trainer, error) {
	s := r.Spec
	lo, hi := m.Interval[0], m.Interval[1]
	rng := classicalRNG(s)
	var net classical.PINNNetwork
	if m.Network == pinnCircuit {
		be, ok := NewBackend(s.Backend)
		if !ok {
			return nil, s.Errorf("backend", "unknown backend %q", s.Backend)
		}
		if _, isSV := be.(*statevector.Simulator); isSV {
			// Small circuits run fastest gate by gate: fusion would cost
			// more to plan than it saves on a few qubits.
			be = &statevector.Simulator{Options: statevector.Options{Fusion: statevector.FusionOff}}
		}
		g, err := vqc.ParseGradientMethod(s.Train.Gradient)
		if err != nil {
			return nil, s.Errorf("train.gradient", "%v", err)
		}
		c, err := vqc.NewPINNCircuit(be, m.Qubits, m.Layers, m.FeatureMap, lo, hi, rng)
		if err != nil {
			return nil, s.Errorf("model", "%v", err)
		}
		c.Gradient = g
		net = c
	} else {
		n, err := classical.NewTanhNet(m.Hidden, lo, hi, rng)
		if err != nil {
			return nil, s.Errorf("model.hidden", "%v", err)
		}
		net = n
	}
	p := &classical.PINN{ODE: m.oscillator(), Net: net, Lo: lo, Hi: hi, Collocation: classical.Grid(lo, hi, m.Collocation),
		Hard: m.Constraint == "hard", ICWeight: m.ICWeight, Workers: s.Train.Workers}
	for _, d := range m.Data {
		p.DataX, p.DataU = append(p.DataX, d[0]), append(p.DataU, d[1])
	}
	if err := p.Validate(); err != nil {
		return nil, s.Errorf("model", "%v", err)
	}
	return &pinnTrainer{run: r, cfg: m, pinn: p}, nil
}

// pinnTrainer trains a PINN run.
type pinnTrainer struct {
	run  *Run
	cfg  *PINNModel
	pinn *classical.PINN
	rep  classical.PINNReport
}

func (t *pinnTrainer) NumParams() int { return t.pinn.Net.NumParams() }

func (t *pinnTrainer) Fit(o FitOptions) (*History, error) {
	if o.Resume {
		return nil, errNoResume
	}
	s := t.run.Spec
	lr, ok := s.Train.Optimizer.Hyper["lr"]
	if !ok {
		d, _ := optim.Defaults("adam")
		lr = d["lr"]
	}
	total := s.Train.Epochs + t.cfg.LBFGSIters
	stride := max(1, total/pinnMaxRecords)
	var epochs []Epoch
	last := time.Now()
	step := 0
	cfg := classical.PINNTraining{AdamSteps: s.Train.Epochs, LR: lr, LBFGSIters: t.cfg.LBFGSIters,
		OnStep: func(phase string, _ int, loss float64) {
			step++
			if o.OnBatch != nil {
				o.OnBatch(1, min(step, total), total, loss)
			}
			if step%stride != 0 {
				return
			}
			e := Epoch{Epoch: step, TrainLoss: loss, TrainAccuracy: math.NaN(), ValLoss: math.NaN(), ValAccuracy: math.NaN(),
				Seconds: time.Since(last).Seconds()}
			last = time.Now()
			epochs = append(epochs, e)
			if o.OnEpoch != nil {
				o.OnEpoch(e)
			}
		}}
	rep, err := t.pinn.Fit(cfg)
	t.rep = rep
	if err != nil {
		return historyOf(epochs), s.Errorf("model", "%v", err)
	}
	return historyOf(epochs), nil
}

// Final reports the loss, max and RMS error against the exact solution and
// the RMS residual on a 1001-point grid.
func (t *pinnTrainer) Final() (map[string]float64, error) {
	p := t.pinn
	final := map[string]float64{"loss": t.rep.FinalLoss, "adam_loss": t.rep.AdamLoss, "evaluations": float64(t.rep.Evaluations)}
	var maxErr, sumErr, sumRes float64
	xs := classical.Grid(p.Lo, p.Hi, 1001)
	for _, x := range xs {
		u, du, d2u, err := p.U(x)
		if err != nil {
			return nil, err
		}
		e := u - p.ODE.Exact(x)
		r, _ := p.ODE.Residual(x, u, du, d2u)
		maxErr = math.Max(maxErr, math.Abs(e))
		sumErr += e * e
		sumRes += r * r
	}
	n := float64(len(xs))
	final["max_error"] = maxErr
	final["rms_error"] = math.Sqrt(sumErr / n)
	final["rms_residual"] = math.Sqrt(sumRes / n)
	return final, nil
}

func (t *pinnTrainer) Save(path string) error {
	if err := saveClassical(path, t.run, struct {
		Params []float64 `json:"params"`
	}{t.pinn.Net.Params()}); err != nil {
		return err
	}
	img, err := pinnPlot(t.run.Spec.Name, t.pinn)
	if err != nil {
		return err
	}
	return vqc.WriteFileAtomic(filepath.Join(filepath.Dir(path), pinnPlotFile), img)
}
