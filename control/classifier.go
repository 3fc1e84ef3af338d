package control

import (
	"errors"
	"fmt"
	"math/cmplx"
	"sync"

	"github.com/qmlgo/qml/linalg"
	"github.com/qmlgo/qml/vqc"
)

// Input binds a data feature to a pulse parameter — a field strength
// (envelope amplitude), a detuning (carrier) or a duration:
// value = Offset + Scale·x[Feature]. With TrainScale the scale is a
// trainable weight (the input weights of data re-uploading).
type Input struct {
	Pulse      *Pulse
	Param      int // local index in the pulse (Pulse.Index for carrier, duration, …)
	Feature    int
	Scale      float64
	Offset     float64
	TrainScale bool
}

// ClassifierConfig describes a pulse-level model of data: continuous-time
// data re-uploading, the data entering as pulse parameters (Inputs) between
// trainable pulses, read out as expectation values z_k = a_k·⟨O_k⟩ + b_k
// with trainable a_k, b_k, and trained with the losses of package vqc.
type ClassifierConfig struct {
	// Problem gives the system (with the data-bound and trainable pulses),
	// the duration, slicing, integrator and penalties; its Objective is
	// ignored.
	Problem Problem
	Inputs  []Input
	// Readout holds one Hermitian observable per output.
	Readout []*linalg.Matrix
	// Task is vqc.Classifier or vqc.Regressor.
	Task    vqc.Task
	Classes int
	// Loss is vqc.CrossEntropy (default for classifiers) or vqc.Square.
	Loss string
	// State is the initial state (nil: the basis state |0⟩).
	State *linalg.Matrix
}

// Classifier is a pulse-level model of data. Params is θ: the trainable
// pulse parameters (as Evaluator.Initial), then the trainable input scales,
// then a_k, b_k per output.
type Classifier struct {
	cfg     ClassifierConfig
	e       *Evaluator
	Params  []float64
	nPulse  int
	scales  []int // inputs with a trainable scale
	obs     []*linalg.Matrix
	pool    sync.Pool
	inFull  []int // per input: index in the full parameter vector
	initial *linalg.Matrix
}

// NewClassifier compiles cfg and initialises the parameters: pulses as
// they are, input scales as given, output scales 1 (−1 for a single binary
// output, so that z ≈ P(1) − P(0) for a Z readout, as vqc does) and biases 0.
func NewClassifier(cfg ClassifierConfig) (*Classifier, error) {
	if cfg.Task == "" {
		cfg.Task = vqc.Classifier
	}
	if cfg.Task != vqc.Classifier && cfg.Task != vqc.Regressor {
		return nil, fmt.Errorf("control: classifier task %q: want classifier or regressor", cfg.Task)
	}
	if cfg.Loss == "" {
		cfg.Loss = vqc.CrossEntropy
	}
	if len(cfg.Readout) == 0 {
		return nil, errors.New("control: classifier needs at least one readout observable")
	}
	if cfg.Task == vqc.Classifier {
		want := 1
		if cfg.Classes > 2 {
			want = cfg.Classes
		}
		if cfg.Classes < 2 || len(cfg.Readout) != want {
			return nil, fmt.Errorf("control: %d classes need %d readout observables, have %d", cfg.Classes, want, len(cfg.Readout))
		}
	}
	sys := cfg.Problem.System
	if sys == nil {
		return nil, errors.New("control: classifier problem has no system")
	}
	d := sys.Dim()
	if sys.Open() {
		return nil, errors.New("control: the classifier needs a closed system")
	}
	state := cfg.State
	if state == nil {
		state = BasisState(d, 0)
	}
	for k, o := range cfg.Readout {
		if o.Rows != d || !isHermitian(o, 1e-10) {
			return nil, fmt.Errorf("control: readout %d is not a Hermitian %d×%d matrix", k, d, d)
		}
	}
	c := &Classifier{cfg: cfg, obs: cfg.Readout, initial: state}
	p := cfg.Problem
	p.Objective = &readout{c: c}
	e, err := NewEvaluator(p)
	if err != nil {
		return nil, err
	}
	c.e = e
	for i, in := range cfg.Inputs {
		pi, ok := e.index[in.Pulse]
		if !ok {
			return nil, fmt.Errorf("control: input %d: its pulse is not in the system", i)
		}
		if in.Param < 0 || in.Param >= in.Pulse.NumLocal() {
			return nil, fmt.Errorf("control: input %d: parameter %d out of range", i, in.Param)
		}
		if in.Pulse.trainable(in.Param) {
			return nil, fmt.Errorf("control: input %d: %s.%s carries data and cannot also train", i, in.Pulse.Name, in.Pulse.LocalNames()[in.Param])
		}
		if in.Feature < 0 {
			return nil, fmt.Errorf("control: input %d: feature %d", i, in.Feature)
		}
		c.inFull = append(c.inFull, e.offset[pi]+in.Param)
		if in.TrainScale {
			c.scales = append(c.scales, i)
		}
	}
	c.nPulse = e.NumParams()
	c.Params = append(e.Initial(), make([]float64, len(c.scales)+2*len(c.obs))...)
	for k, i := range c.scales {
		c.Params[c.nPulse+k] = cfg.Inputs[i].Scale
	}
	a0 := 1.0
	if cfg.Task == vqc.Classifier && len(c.obs) == 1 {
		a0 = -1
	}
	for k := range c.obs {
		c.Params[c.nPulse+len(c.scales)+2*k] = a0
	}
	c.pool.New = func() any { return e.newWorkspace() }
	return c, nil
}

// Evaluator returns the compiled problem (for plots of the pulses).
func (c *Classifier) Evaluator() *Evaluator { return c.e }

// NumPulseParams is the number of trainable pulse parameters at the start
// of Params.
func (c *Classifier) NumPulseParams() int { return c.nPulse }

// readout is the per-sample objective: ⟨O_k⟩ at the final state, the
// outputs z and the vqc loss against the sample's target.
type readout struct {
	c      *Classifier
	theta  []float64
	class  int
	value  float64
	e, z   []float64
	dz     []float64
	loss   float64
	noLoss bool  // outputs only (Predict)
	err    error // a label the loss rejects
}

// Initial implements Objective.
func (r *readout) Initial() *linalg.Matrix { return r.c.initial }

// Cost implements Objective: L(z(⟨O⟩)), with ∂⟨x|O|x⟩/∂x = 2O·x.
func (r *readout) Cost(x, grad *linalg.Matrix) float64 {
	c := r.c
	off := c.nPulse + len(c.scales)
	r.e = make([]float64, len(c.obs))
	r.z = make([]float64, len(c.obs))
	r.dz = make([]float64, len(c.obs))
	ox := make([]*linalg.Matrix, len(c.obs))
	for k, o := range c.obs {
		ox[k] = &linalg.Matrix{}
		_ = ox[k].Mul(o, x)
		var v complex128
		for i, xi := range x.Data {
			v += cmplx.Conj(xi) * ox[k].Data[i]
		}
		r.e[k] = real(v)
		r.z[k] = r.theta[off+2*k]*r.e[k] + r.theta[off+2*k+1]
	}
	if r.noLoss {
		return 0
	}
	l, err := vqc.OutputLoss(c.cfg.Task, c.cfg.Loss, r.z, r.class, r.value, r.dz)
	if err != nil {
		r.err = err
		return 0
	}
	r.loss = l
	if grad != nil {
		for k := range c.obs {
			w := complex(2*r.dz[k]*r.theta[off+2*k], 0)
			for i, v := range ox[k].Data {
				grad.Data[i] += w * v
			}
		}
	}
	return l
}

// Metrics implements Objective.
func (r *readout) Metrics(*linalg.Matrix) map[string]float64 {
	return map[string]float64{"loss": r.loss}
}

// sample evaluates one sample at parameters theta; with grad non-nil it
// adds the gradient of the loss.
func (c *Classifier) sample(ws *workspace, base []float64, theta, x []float64, class int, value float64, grad []float64, noLoss bool) (*readout, error) {
	full := append([]float64(nil), base...)
	for i, in := range c.cfg.Inputs {
		if in.Feature >= len(x) {
			return nil, fmt.Errorf("control: input %d reads feature %d of a %d-feature sample", i, in.Feature, len(x))
		}
		scale := in.Scale
		for k, si := range c.scales {
			if si == i {
				scale = theta[c.nPulse+k]
			}
		}
		full[c.inFull[i]] = in.Offset + scale*x[in.Feature]
	}
	for i, p := range c.e.pulses {
		if tau := full[c.e.offset[i]+p.Index(Duration)]; !(tau > 0) {
			return nil, fmt.Errorf("control: pulse %q: data-bound duration %v, want > 0", p.Name, tau)
		}
	}
	r := &readout{c: c, theta: theta, class: class, value: value, noLoss: noLoss}
	var gfull []float64
	if grad != nil {
		gfull = ws.gfull
		clear(gfull)
	}
	if _, err := c.e.run(ws, full, r, gfull); err != nil {
		return nil, err
	}
	if r.err != nil {
		return nil, r.err
	}
	if grad == nil {
		return r, nil
	}
	for i, f := range c.e.free {
		_, dv := c.e.value(i, theta[i])
		grad[i] += gfull[f.full] * dv
	}
	for k, si := range c.scales {
		grad[c.nPulse+k] += gfull[c.inFull[si]] * x[c.cfg.Inputs[si].Feature]
	}
	off := c.nPulse + len(c.scales)
	for k := range c.obs {
		grad[off+2*k] += r.dz[k] * r.e[k]
		grad[off+2*k+1] += r.dz[k]
	}
	return r, nil
}

// Predict returns the model's outputs for x — class probabilities and the
// predicted class for a classifier, the value in out[0] for a regressor.
func (c *Classifier) Predict(x []float64) (out []float64, class int, err error) {
	base, err := c.e.fullVector(c.Params[:c.nPulse])
	if err != nil {
		return nil, 0, err
	}
	ws := c.pool.Get().(*workspace)
	defer c.pool.Put(ws)
	r, err := c.sample(ws, base, c.Params, x, 0, 0, nil, true)
	if err != nil {
		return nil, 0, err
	}
	if c.cfg.Task == vqc.Regressor {
		return r.z, 0, nil
	}
	p, k := vqc.ClassProbabilities(r.z)
	return p, k, nil
}

// EvolveSample propagates the model on sample x (its features bound to
// the pulses) and returns the trajectory, for plots of the pulse schedule.
func (c *Classifier) EvolveSample(x []float64) (*Evolution, error) {
	base, err := c.e.fullVector(c.Params[:c.nPulse])
	if err != nil {
		return nil, err
	}
	ws := c.e.newWorkspace()
	r, err := c.sample(ws, base, c.Params, x, 0, 0, nil, true)
	if err != nil {
		return nil, err
	}
	ev := &Evolution{open: false, dim: c.e.sys.Dim(), Metrics: map[string]float64{}}
	for k, z := range r.z {
		ev.Metrics[fmt.Sprintf("output%d", k)] = z
	}
	c.e.trajectory(ws, ev)
	return ev, nil
}
